/**
 * Opens the archive database through SQLite3MultipleCiphers in SQLCipher 4 format, so any
 * SQLCipher 4 tool opens it given the raw key.
 *
 * The key is 32 random bytes given as a raw key (`x'…'`, SQLCipher's raw key syntax), so no
 * passphrase KDF runs inside SQLite: argon2id in the keyring does that job. Hex is checked
 * before it enters the pragma.
 */
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { ArchiveError, isDamage } from '../errors';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the file if it does not exist (only `init` does). */
  create?: boolean;
  /** Open without writing anything, not even the WAL switch. */
  readonly?: boolean;
  /** Use the cipher (the benchmark compares against plain SQLite through the same code). */
  encrypted?: boolean;
}

function rawKeyPragma(key: Buffer): string {
  if (key.length !== 32) throw new ArchiveError('internal');
  const hex = key.toString('hex');
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new ArchiveError('internal');
  return `key="x'${hex}'"`;
}

/** Applies the SQLCipher 4 settings and the key; must run before the first read. */
export function applyCipher(db: Db, key: Buffer): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(rawKeyPragma(key));
}

let nativeBinding: string | undefined;

/**
 * Electron has its own ABI, so the desktop app loads a build of the addon made for it (by
 * `npm start`, kept outside node_modules); tests and the CLI keep node_modules' Node build.
 */
export function setNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

/** The addon build in use (worker threads load the same one). */
export function getNativeBinding(): string | undefined {
  return nativeBinding;
}

export function openDatabase(path: string, key: Buffer | null, options: OpenOptions = {}): Db {
  // An empty file would open as an empty database and get a fresh schema: it is a damaged archive.
  if (!options.create && existsSync(path) && statSync(path).size === 0) throw new ArchiveError('vault.damaged');
  const db = new Database(path, {
    fileMustExist: !options.create,
    readonly: options.readonly ?? false,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    if (options.encrypted !== false) {
      if (!key) throw new ArchiveError('internal');
      applyCipher(db, key);
    }
    // The first read is where a wrong key or foreign bytes show (SQLITE_NOTADB).
    const tables = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
    // A file that decrypts but holds no schema is not an archive; nothing may be written into it.
    if (!options.create && options.encrypted !== false && tables === 0) throw new ArchiveError('vault.damaged');
    if (!options.readonly) {
      // WAL: a killed process never loses a committed transaction and readers never block.
      // synchronous=FULL syncs the WAL at every commit, so a power cut does not either.
      db.pragma('journal_mode=WAL');
      db.pragma('synchronous=FULL');
      // Checkpoint every ~40 MB of WAL instead of SQLite's 4 MB: a journal append dirties an index
      // page per random dossier, and each checkpoint rewrites (and fsyncs) every page the WAL holds,
      // so batching them lets one write cover several transactions. Durability is unchanged (each
      // commit still syncs the WAL).
      db.pragma('wal_autocheckpoint=10000');
      // ...and the WAL file is cut back after a checkpoint instead of staying at its largest size.
      db.pragma('journal_size_limit=67108864');
      // Deleted and overwritten rows are zeroed, not left in free space: a destroyed dossier's
      // earlier saves must not survive there (issue 16, records/destroy.ts).
      db.pragma('secure_delete=ON');
    }
    db.pragma('foreign_keys=ON');
    // 64 MiB of decrypted pages: every page that falls out of the cache is decrypted and
    // authenticated again on the next read, which is most of SQLCipher's cost on reads.
    db.pragma('cache_size=-65536');
    // Sorts and temporary tables stay in memory: SQLite's temp files are not encrypted.
    db.pragma('temp_store=MEMORY');
    return db;
  } catch (error) {
    db.close();
    if (isDamage(error)) throw new ArchiveError('vault.damaged');
    throw error;
  }
}

/** Rewrites every page under a new raw key. The caller checkpoints the WAL first. */
export function rekeyDatabase(db: Db, newKey: Buffer): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  // SQLite3MultipleCiphers keeps the old key salt when rekeying in WAL mode; in DELETE mode it
  // writes a fresh one, so switch for the rewrite and back afterwards.
  db.pragma('journal_mode=DELETE');
  db.pragma(rawKeyPragma(newKey).replace(/^key=/, 'rekey='));
  db.pragma('journal_mode=WAL');
}
