/**
 * One opener per archive. The holder keeps an exclusive SQLite lock on `archive.lock`, a tiny
 * plain SQLite file beside the database, from unlock until it locks or exits. The lock is the
 * operating system's (fcntl on POSIX, LockFileEx on Windows, through SQLite's own VFS), so a
 * holder that dies — kill -9, power loss — frees the archive with its process, never by a timeout.
 *
 * Why a separate file and not `locking_mode=EXCLUSIVE` on `archive.db`: in WAL mode an exclusive
 * connection shuts out every other connection, including the holder's own read-only verify
 * workers (`journal/verify-pool.ts`). The lock file leaves `archive.db` shared within the holder.
 *
 * Why SQLite and not Node's fs for the lock: POSIX fcntl locks belong to the process and vanish
 * when any descriptor of the file is closed; SQLite tracks descriptors per file so that can not
 * happen, and it also refuses a second connection inside the same process. Node code therefore
 * never opens `archive.lock` itself. Who holds the archive is written next to it, in
 * `archive.holder.json`, only for the message a refused opener shows.
 *
 * A refused opener writes nothing: opening an existing SQLite file and failing `BEGIN EXCLUSIVE`
 * touches no byte.
 */
import { accessSync, chmodSync, constants, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { getNativeBinding } from '../db/connection';
import { ArchiveError } from '../errors';
import { writeFileAtomic } from './files';

export const LOCK_FILE = 'archive.lock';
export const HOLDER_FILE = 'archive.holder.json';

const holderSchema = z.object({
  format: z.literal('triplicate-holder'),
  host: z.string().max(255),
  pid: z.number().int(),
  since: z.string().max(64),
});
export type HolderInfo = z.infer<typeof holderSchema>;

export interface LockRequest {
  /** The workstation's host name, shown to a refused opener. */
  workstation: string;
  now: Date;
}

export class ArchiveLock {
  private held = true;

  constructor(
    readonly folder: string,
    private readonly connection: Database.Database,
  ) {}

  get isHeld(): boolean {
    return this.held;
  }

  /** Frees the archive. The holder note goes first, so it never outlives the lock of a newer holder. */
  release(): void {
    if (!this.held) return;
    this.held = false;
    try {
      rmSync(join(this.folder, HOLDER_FILE), { force: true });
    } catch {
      // A note that cannot be removed is harmless: it is read only while the lock is held.
    }
    try {
      this.connection.close();
    } catch {
      /* already closed */
    }
  }
}

/** Takes the archive or throws `vault.inUse` naming the holder; never waits. */
export function acquireArchiveLock(folder: string, request: LockRequest): ArchiveLock {
  const path = join(folder, LOCK_FILE);
  try {
    // A read-only folder or mount is told as such, whatever SQLite would make of it.
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw mapLockError(error);
  }
  const existed = existsSync(path);
  const binding = getNativeBinding();
  let connection: Database.Database;
  try {
    // timeout 0: a busy lock is an answer, not something to wait for.
    connection = new Database(path, { timeout: 0, ...(binding ? { nativeBinding: binding } : {}) });
  } catch (error) {
    throw mapLockError(error);
  }
  try {
    connection.pragma('locking_mode=EXCLUSIVE');
    // In exclusive locking mode SQLite keeps the lock after the transaction ends, until close.
    connection.exec('BEGIN EXCLUSIVE');
    connection.exec('COMMIT');
  } catch (error) {
    connection.close();
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) throw inUse(folder);
    throw mapLockError(error);
  }
  if (!existed && process.platform !== 'win32') chmodSync(path, 0o600);
  const lock = new ArchiveLock(folder, connection);
  try {
    const info: HolderInfo = { format: 'triplicate-holder', host: request.workstation, pid: process.pid, since: request.now.toISOString() };
    writeFileAtomic(join(folder, HOLDER_FILE), JSON.stringify(info) + '\n');
  } catch (error) {
    lock.release();
    throw mapLockError(error);
  }
  return lock;
}

/** Who holds the archive, for the message; an unreadable note gives "unknown" rather than an error. */
export function readHolder(folder: string): HolderInfo | null {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(readFileSync(join(folder, HOLDER_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function inUse(folder: string): ArchiveError {
  const holder = readHolder(folder);
  return new ArchiveError('vault.inUse', {
    host: holder?.host ?? '?',
    since: holder ? holder.since.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC') : '?',
  });
}

function mapLockError(error: unknown): ArchiveError {
  if (error instanceof ArchiveError) return error;
  const code = String((error as { code?: unknown }).code ?? '');
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new ArchiveError('vault.readOnly');
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new ArchiveError('vault.diskFull');
  return new ArchiveError('vault.ioError', { detail: code || 'lock' });
}
