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

  constructor(private readonly walFile: string) {}

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
      try {
        this.fd ??= openSync(this.walFile, 'r');
      } catch (error) {
        return reject(error);
      }
      fdatasync(this.fd, (error) => (error ? reject(error) : resolve()));
    });
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
