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
 *
 * Within one process the hold is shared: every session of the same archive in this process counts
 * as one holder (the app's session manager keeps one at a time; tests and the demo builder keep
 * several), the OS lock is released when the last of them closes, and they share one view of the
 * keyring, so no session of this process writes back a keyring another one already changed.
 */
import { accessSync, chmodSync, constants, existsSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { getNativeBinding } from '../db/connection';
import { ArchiveError } from '../errors';
import { writeFileAtomic } from './files';
import type { Keyring } from './keyring';

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

/** This process's hold on one archive, shared by its sessions. */
interface Hold {
  connection: Database.Database;
  sessions: number;
  /** The keyring as this process last read or wrote it (set by `OpenArchive`). */
  keyring: Keyring | null;
}

/** Keyed by the archive folder's real path. */
const holds = new Map<string, Hold>();

export class ArchiveLock {
  private held = true;

  constructor(
    readonly folder: string,
    private readonly key: string,
    private readonly hold: Hold,
  ) {}

  get isHeld(): boolean {
    return this.held;
  }

  /** How many sessions of this process hold the archive, this one included. */
  get sessions(): number {
    return this.hold.sessions;
  }

  get sharedKeyring(): Keyring | null {
    return this.hold.keyring;
  }

  set sharedKeyring(keyring: Keyring | null) {
    this.hold.keyring = keyring;
  }

  /** Frees this session's share; the last one frees the archive. The holder note goes before the lock, so it never outlives it. */
  release(): void {
    if (!this.held) return;
    this.held = false;
    this.hold.sessions -= 1;
    if (this.hold.sessions > 0) return;
    holds.delete(this.key);
    try {
      rmSync(join(this.folder, HOLDER_FILE), { force: true });
    } catch {
      // A note that cannot be removed is harmless: it is read only while the lock is held.
    }
    try {
      this.hold.connection.close();
    } catch {
      /* already closed */
    }
  }
}

/** Takes the archive (or a share of this process's hold on it) or throws `vault.inUse` naming the holder; never waits. */
export function acquireArchiveLock(folder: string, request: LockRequest): ArchiveLock {
  const key = holdKey(folder);
  const existing = holds.get(key);
  if (existing) {
    existing.sessions += 1;
    return new ArchiveLock(folder, key, existing);
  }
  const connection = lockOsFile(folder);
  const hold: Hold = { connection, sessions: 1, keyring: null };
  holds.set(key, hold);
  const lock = new ArchiveLock(folder, key, hold);
  try {
    const info: HolderInfo = { format: 'triplicate-holder', host: request.workstation, pid: process.pid, since: request.now.toISOString() };
    writeFileAtomic(join(folder, HOLDER_FILE), JSON.stringify(info) + '\n');
  } catch (error) {
    lock.release();
    throw mapLockError(error);
  }
  return lock;
}

function holdKey(folder: string): string {
  try {
    return realpathSync.native(folder);
  } catch {
    return resolve(folder);
  }
}

/** The OS lock itself: an exclusive SQLite lock on `archive.lock`, kept until the connection closes. */
function lockOsFile(folder: string): Database.Database {
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
  return connection;
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
