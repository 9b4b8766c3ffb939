/**
 * An unlocked archive: the database connection, the key that opened it, the keyring, and the
 * journal. Closing signs the journal head, records it in the keyring, closes the connection and
 * zeroes the key; after that every operation is refused with `vault.locked`.
 */
import { hostname } from 'node:os';
import { systemClock, type Clock } from '../clock';
import type { Db } from '../db/connection';
import { ArchiveError } from '../errors';
import { Journal } from '../journal/journal';
import { randomBytes } from 'node:crypto';
import { makeSigner, type Signer } from '../journal/signer';
import type { PersonSigner } from '../journal/person-signatures';
import { Anchors } from './anchors';
import { watchKeyringHead, type KeyringHeadWatch } from './keyring-head';
import { calibrate, type KdfCost } from './kdf';
import type { ArchiveLock } from './holder-lock';
import { KEYRING_FILE, keyringRevision, readKeyring, writeKeyring, type Keyring, type SignedHead } from './keyring';
import { defaultFsTypeOf, type FsTypeLookup } from './network-folder';
import { RefusedOpens } from './refused-opens';
import { defaultStateDir, Throttle } from './throttle';

export interface ArchiveOptions {
  clock?: Clock;
  /** Shown in every journal entry; the machine's host name unless given. */
  workstation?: string;
  /** Where failed-unlock back-off is kept (outside the archive). */
  stateDir?: string;
  /** Target time for one argon2id derivation when a slot is made; never goes below the floor. */
  kdfTargetMs?: number;
  /** Names a folder's file system, to refuse network folders; the mount table unless given (tests). */
  fsTypeOf?: FsTypeLookup;
}

export const DEFAULT_KDF_TARGET_MS = 500;

const calibrated = new Map<number, Promise<KdfCost>>();
/** Calibration costs a few derivations; once per process and target is enough. */
export function kdfCostFor(targetMs: number): Promise<KdfCost> {
  let cost = calibrated.get(targetMs);
  if (!cost) {
    cost = calibrate(targetMs);
    calibrated.set(targetMs, cost);
  }
  return cost;
}

export interface ResolvedOptions {
  clock: Clock;
  workstation: string;
  throttle: Throttle;
  refusedOpens: RefusedOpens;
  kdfTargetMs: number;
  fsTypeOf: FsTypeLookup;
  /** The highest signed heads this workstation has seen, per archive (anchors.ts). */
  anchors: Anchors;
}

export function resolveOptions(options: ArchiveOptions = {}): ResolvedOptions {
  return {
    clock: options.clock ?? systemClock,
    workstation: options.workstation ?? hostname(),
    throttle: new Throttle(options.stateDir ?? defaultStateDir()),
    refusedOpens: new RefusedOpens(options.stateDir ?? defaultStateDir()),
    anchors: new Anchors(options.stateDir ?? defaultStateDir()),
    kdfTargetMs: options.kdfTargetMs ?? Number(process.env.TRIPLICATE_KDF_TARGET_MS ?? DEFAULT_KDF_TARGET_MS),
    fsTypeOf: options.fsTypeOf ?? defaultFsTypeOf,
  };
}

export class OpenArchive {
  private connection: Db;
  private currentJournal: Journal;
  private key: Buffer;
  private open = true;
  private isDamaged = false;

  constructor(
    readonly folder: string,
    db: Db,
    databaseKey: Buffer,
    keyring: Keyring,
    readonly options: ResolvedOptions,
    /** The one-opener lock (`holder-lock.ts`), released by `close`. */
    private readonly lock: ArchiveLock | null = null,
  ) {
    this.key = databaseKey;
    this.connection = db;
    this.ownKeyring = keyring;
    const shared = lock?.sharedKeyring;
    if (lock && (!shared || shared.archiveId !== keyring.archiveId || keyringRevision(keyring) > keyringRevision(shared))) lock.sharedKeyring = keyring;
    // Archives made before issue 12 have an archive-wide key; new ones sign with people's keys.
    const row = db.prepare('SELECT public_key, private_key FROM signing_key WHERE id = 1').get() as { public_key: Buffer; private_key: Buffer } | undefined;
    this.currentJournal = new Journal(db, keyring.archiveId, options.clock, options.workstation, row ? makeSigner(row.public_key, row.private_key) : null);
    this.headWatch = watchKeyringHead(db, keyring);
  }

  private ownKeyring: Keyring;

  /** The keyring as this process last read or wrote it: shared by every session of this archive in the process. */
  get keyring(): Keyring {
    return this.lock?.sharedKeyring ?? this.ownKeyring;
  }

  set keyring(next: Keyring) {
    this.ownKeyring = next;
    if (this.lock) this.lock.sharedKeyring = next;
  }

  /** Other sessions of this process that hold the same archive (they share its connection's file). */
  get otherSessions(): number {
    return this.lock && !this.closed ? this.lock.sessions - 1 : 0;
  }

  get db(): Db {
    return this.connection;
  }

  get journal(): Journal {
    return this.currentJournal;
  }

  /**
   * Points the archive at another connection to the same chain (rekey swaps the file under a new
   * key). The caller closes the old connection. The session's signer, id and digest go along.
   */
  replaceDatabase(db: Db): void {
    if (this.connection.open) {
      try {
        this.currentJournal.seal();
      } catch {
        /* the old connection cannot take it; the run is signed on the new one only if still the tail */
      }
    }
    this.connection = db;
    this.currentJournal = this.currentJournal.movedTo(db);
    for (const listener of this.databaseListeners) listener(db);
  }

  private readonly databaseListeners = new Set<(db: Db) => void>();

  /**
   * Told each time the archive moves to another connection (rekey), so settings a holder made on the
   * connection (the archive server's group commit) follow it. Returns the way to stop listening.
   */
  onDatabaseReplaced(listener: (db: Db) => void): () => void {
    this.databaseListeners.add(listener);
    return () => this.databaseListeners.delete(listener);
  }

  /**
   * Runs synchronous `work` on committed ground: no transaction shared with other requests is open
   * while it runs. Here it just runs `work`; the archive server's group commit (tick-commit.ts)
   * replaces it, so a verify can plan its walk against what its worker connections will read and
   * write its co-signature and anchor outside other requests' commit, while those requests go on
   * sharing commits during the walk itself.
   */
  settled: <T>(work: () => T) => T = (work) => work();

  /** Whether the keyring's head may be written at lock (keyring-head.ts). */
  readonly headWatch: KeyringHeadWatch;
  /** What unlock found wrong with the archive's place against this workstation's anchor, if anything. */
  integrity: { kind: 'behind-anchor' | 'checkpoints-missing' | 'root-key' | 'head-missing'; seq: number } | null = null;

  /**
   * The signed-in person's key (signing-keys.ts) for their entries, checkpoints and files, under a
   * new session id. Each session attaches its own person's key (the archive server holds several).
   */
  attachSigner(signer: PersonSigner): void {
    this.journal.attach(signer, randomBytes(16).toString('hex'));
  }

  /** A session of `personId` ended while the archive stays open (the archive server): their key goes. */
  detachSigner(personId: string): void {
    this.journal.detach(personId);
  }

  /** Who signs what the opener writes: their key, or an old archive's own key before anyone signed in. */
  get signer(): Signer {
    const signer = this.journal.signer ?? this.journal.legacyKey;
    if (!signer) throw new ArchiveError('vault.locked');
    return signer;
  }

  /** Who signs files made in `personId`'s session: their own key (or an old archive's own key). */
  signerFor(personId: string): Signer {
    const signer = this.journal.signerOf(personId) ?? this.journal.legacyKey;
    if (!signer) throw new ArchiveError('vault.locked');
    return signer;
  }

  get archiveId(): string {
    return this.keyring.archiveId;
  }

  get clock(): Clock {
    return this.options.clock;
  }

  get closed(): boolean {
    return !this.open;
  }

  get damaged(): boolean {
    return this.isDamaged;
  }

  /** The database key, for wrapping into a new slot. Callers must not keep it. */
  get databaseKey(): Buffer {
    this.assertOpen();
    return this.key;
  }

  assertOpen(): void {
    if (!this.open) throw new ArchiveError('vault.locked');
    if (this.isDamaged) throw new ArchiveError('vault.damaged');
  }

  markDamaged(): void {
    this.isDamaged = true;
  }

  kdfCost(): Promise<KdfCost> {
    return kdfCostFor(this.options.kdfTargetMs);
  }

  /**
   * Writes the keyring as the next revision of the one this holder read. A keyring on disk with a
   * later revision (written by someone who should not have) is never overwritten with an older view.
   */
  saveKeyring(next: Keyring): void {
    this.assertKeyringCurrent();
    const written = { ...next, revision: keyringRevision(this.keyring) + 1 };
    writeKeyring(this.folder, written);
    this.keyring = written;
  }

  /** Throws `vault.keyringChanged` when the keyring file moved past the revision this holder knows. */
  assertKeyringCurrent(): void {
    let onDisk: Keyring;
    try {
      onDisk = readKeyring(this.folder, KEYRING_FILE);
    } catch {
      // Missing or unreadable: nothing newer to protect; the atomic write replaces it.
      return;
    }
    if (onDisk.archiveId !== this.keyring.archiveId || keyringRevision(onDisk) > keyringRevision(this.keyring)) {
      throw new ArchiveError('vault.keyringChanged');
    }
  }

  /**
   * Moves the keyring's head to `head` (never backwards, never over a head that went missing:
   * keyring-head.ts), then this workstation's anchor to `anchorHead`: at lock, and when an auditor
   * co-signs a verified chain. The keyring's head goes first, since the anchor check reads a
   * keyring head below the anchor as an old keyring put back.
   */
  recordHead(head: SignedHead, anchorHead: SignedHead = head): void {
    if (this.headWatch.mayRecord(this.keyring, head)) this.saveKeyring({ ...this.keyring, journalHead: head });
    this.options.anchors.raise(this.archiveId, this.db, anchorHead, this.keyring.signingKey.fingerprint);
  }

  /** Replaces the key after a rekey; the old buffer is zeroed. */
  replaceKey(next: Buffer): void {
    this.key.fill(0);
    this.key = next;
  }

  close(): void {
    if (!this.open) return;
    try {
      if (!this.isDamaged) {
        const head = this.journal.checkpoint();
        if (head) this.recordHead(head);
      }
    } catch {
      // A full disk must not keep the archive unlocked: the chain stays verifiable up to the last checkpoint.
    } finally {
      this.open = false;
      this.key.fill(0);
      this.journal.forgetSigners();
      try {
        this.connection.close();
      } catch {
        /* already closed */
      }
      this.lock?.release();
    }
  }
}
