/**
 * Group commit for the archive server. Locally every commit syncs the WAL (synchronous=FULL), on
 * the one thread; on the server, with fifty workstations and a journal entry for every read,
 * that fsync per request was the ceiling: the event loop sat in fsync while everyone waited.
 *
 * So the server's connection commits without syncing (synchronous=NORMAL: a crash of the process
 * still loses nothing, SQLite's own rule) and no answer leaves until the WAL holding its commit
 * is on disk: `durable()` resolves after an fdatasync of the WAL file that started after the
 * caller's commit. One fsync, on libuv's pool and off the event loop, covers every commit made
 * before it started. A power cut can lose only commits nobody was told about; the workstation sees
 * an unknown outcome and its idempotency key makes the retry apply once.
 */
import { closeSync, fdatasync, openSync } from 'node:fs';

export class GroupSync {
  private fd: number | null = null;
  private current: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(private walFile: string) {}

  /**
   * The archive moved to another connection (rekey): its WAL is a new file, perhaps at the same
   * path, so the next sync opens it afresh. A sync under way finishes on the old one, then closes it.
   */
  follow(walFile: string): void {
    this.walFile = walFile;
    if (this.fd !== null && !this.current) closeSync(this.fd);
    this.fd = null;
  }

  /** Resolves once every commit made before this call is on disk. */
  durable(): Promise<void> {
    if (!this.current) {
      this.current = this.flush().finally(() => (this.current = null));
      return this.current;
    }
    // A sync already under way may have started before our commit: wait for the one after it.
    this.next ??= this.current.then(() => {
      this.next = null;
      return this.durable();
    });
    return this.next;
  }

  private flush(): Promise<void> {
    return new Promise((resolve, reject) => {
      let fd: number;
      try {
        fd = this.fd ??= openSync(this.walFile, 'r');
      } catch (error) {
        return reject(error);
      }
      fdatasync(fd, (error) => {
        // `follow` was called meanwhile: this descriptor is the old WAL's and nobody else holds it.
        if (fd !== this.fd) closeSync(fd);
        return error ? reject(error) : resolve();
      });
    });
  }

  close(): void {
    // A sync under way closes its own descriptor when it ends (see flush).
    if (this.fd !== null && !this.current) closeSync(this.fd);
    this.fd = null;
  }
}
