/**
 * Appending to the journal. Every operation's entry goes through `append`, inside the same
 * transaction as the change it records, so a change without its entry cannot be committed.
 */
import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import { canonicalJson, checkpointMessage, ENTRY_COLUMNS, entryHash, genesisHash, type JournalEntry, type Outcome } from './entry';
import type { Signer } from './signer';
import { journalField, journalText } from './text';
import type { SignedHead } from '../vault/keyring';
import { auditMessage, entriesMessage, nextDigest, sessionDigestStart, type PersonSigner } from './person-signatures';

export interface JournalActor {
  id: string | null;
  name: string | null;
  duty: string | null;
}

export interface AppendInput {
  actor: JournalActor;
  event: string;
  object?: { type: string; id: string } | null;
  outcome: Outcome;
  reason?: string | null;
  details?: Record<string, unknown>;
  /** When the thing happened, if not now (failed unlocks recorded at the next unlock). */
  at?: Date;
  /** Written in no one's session (a refused sign-in on the server): left unsigned whoever it names. */
  sessionless?: boolean;
}

/**
 * The most an entry's details may hold. The journal is permanent: a caller (a refused request with
 * a 10 MB key) must not be able to grow it at will. Longer details are kept as their start.
 */
export const MAX_DETAILS = 8192;

function cappedDetails(json: string): string {
  if (json.length <= MAX_DETAILS) return json;
  return canonicalJson({ truncated: true, length: json.length, start: json.slice(0, 2048) });
}

/**
 * One person's signing in this process: their key, the session id their runs are signed under and
 * the running digest of those runs. Sessions of one person in one process (two workstations signed
 * in to one server as the same person) share it, counted by `holds`, so their runs form one chain.
 */
interface SigningSession {
  signer: PersonSigner;
  sessionId: string;
  digest: string;
  holds: number;
}

/** The run of one signing session's entries not yet covered by a signature row. */
interface PendingRun {
  by: SigningSession;
  first: number;
  last: number;
  hash: string;
}

/** Sign a checkpoint at least this often, besides every lock and close. */
export const CHECKPOINT_EVERY = 1000;

/** Entries per row of `journal_time_blocks` (migration 0095); the migration's SQL uses the same number. */
export const TIME_BLOCK = 1000;

export class Journal {
  private readonly insert;
  private readonly lastRow;
  private readonly lastCheckpoint;
  private readonly insertTimeBlock;
  private readonly insertSignature;
  private readonly insertLegacyCheckpoint;
  private readonly insertHead;
  private readonly lastHead;
  private readonly headBy;
  /** Who is signed in on this journal, by person id; the first one is the archive's opener. */
  private signing = new Map<string, SigningSession>();
  private pending: PendingRun | null = null;

  /**
   * `legacySigner`: the archive-wide key of archives made before issue 12, kept only so their
   * history can be read; new checkpoints are signed by the person whose session makes them.
   */
  constructor(
    private readonly db: Db,
    private readonly archiveId: string,
    private readonly clock: Clock,
    private readonly workstation: string,
    private readonly legacySigner: Signer | null = null,
  ) {
    this.insert = db.prepare(
      `INSERT INTO journal (${ENTRY_COLUMNS}) VALUES (${ENTRY_COLUMNS.split(',')
        .map(() => '?')
        .join(',')})`,
    );
    this.lastRow = db.prepare('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1');
    this.insertTimeBlock = db.prepare(
      'INSERT INTO journal_time_blocks (block, min_at, max_at) SELECT ?, min(at), max(at) FROM journal WHERE seq > ? AND seq <= ?',
    );
    this.lastCheckpoint = db.prepare('SELECT seq, head_hash AS hash, at, signature FROM journal_checkpoints ORDER BY seq DESC LIMIT 1');
    this.insertLegacyCheckpoint = db.prepare(
      'INSERT OR IGNORE INTO journal_checkpoints (seq, head_hash, at, signature, key_fingerprint) VALUES (?, ?, ?, ?, ?)',
    );
    // A row already at that place belongs to entries cut off the chain (an old database put back):
    // it stays as evidence, and verify reports the place.
    this.insertSignature = db.prepare(
      'INSERT OR IGNORE INTO journal_signatures (last_seq, first_seq, person_id, session_id, digest, key_fingerprint, signature) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertHead = db.prepare(
      'INSERT OR IGNORE INTO journal_heads (seq, head_hash, at, signer_id, role, key_fingerprint, signature) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.lastHead = db.prepare("SELECT seq, head_hash AS hash, at, signature FROM journal_heads WHERE role = 'session' ORDER BY seq DESC, id DESC LIMIT 1");
    this.headBy = db.prepare('SELECT seq, head_hash AS hash, at, signature FROM journal_heads WHERE seq = ? AND signer_id = ? AND role = ?');
  }

  /**
   * The only signer from now on (a local archive has one session): entries naming `signer`'s person
   * are signed with their key, in runs, under this session id; entries naming anyone else (or no
   * one) are left unsigned. Null: no session.
   */
  useSigner(signer: PersonSigner | null, sessionId: string): void {
    this.seal();
    this.signing.clear();
    if (signer) this.attach(signer, sessionId);
  }

  /**
   * One more session signs here (the archive server holds several at once): from now on entries
   * naming `signer`'s person are signed with their key. A person already signed in keeps the key and
   * session id they have, and the new copy of the key is zeroed.
   */
  attach(signer: PersonSigner, sessionId: string): void {
    this.seal();
    const held = this.signing.get(signer.personId);
    if (held) {
      held.holds += 1;
      if (held.signer !== signer) signer.privateKeyDer.fill(0);
      return;
    }
    this.signing.set(signer.personId, { signer, sessionId, digest: sessionDigestStart(this.archiveId, signer.personId, sessionId), holds: 1 });
  }

  /**
   * One of a person's sessions ended: when it was their last, their pending run is signed, their key
   * zeroed and entries naming them are unsigned from here on.
   */
  detach(personId: string): void {
    const held = this.signing.get(personId);
    if (!held) return;
    held.holds -= 1;
    if (held.holds > 0) return;
    if (this.pending?.by === held) this.seal();
    this.signing.delete(personId);
    held.signer.privateKeyDer.fill(0);
  }

  /**
   * A signed-in person got a new key (someone else reset their password on the archive server): the
   * run they have pending is signed with the old key, and later ones with the new.
   */
  replaceKey(signer: PersonSigner): void {
    const held = this.signing.get(signer.personId);
    if (!held) {
      signer.privateKeyDer.fill(0);
      return;
    }
    if (this.pending?.by === held) this.seal();
    held.signer.privateKeyDer.fill(0);
    held.signer = signer;
  }

  /** The opener's signer (the first session signed in here), or null. */
  get signer(): PersonSigner | null {
    const first = this.signing.values().next();
    return first.done ? null : first.value.signer;
  }

  /** The key `personId` signs with in this process, if they are signed in here. */
  signerOf(personId: string): PersonSigner | null {
    return this.signing.get(personId)?.signer ?? null;
  }

  /** Forgets every signer (the archive closes): their keys are zeroed. */
  forgetSigners(): void {
    for (const held of this.signing.values()) held.signer.privateKeyDer.fill(0);
    this.signing.clear();
    this.pending = null;
  }

  /** This journal on another connection to the same chain (rekey): signers, sessions and digests go along. */
  movedTo(db: Db): Journal {
    const next = new Journal(db, this.archiveId, this.clock, this.workstation, this.legacySigner);
    next.signing = this.signing;
    return next;
  }

  /**
   * A transaction whose entries are signed before it commits: the way to write several entries at
   * once. (`append` outside a transaction uses it too; entries appended inside a plain
   * `db.transaction` are signed at the next seal: the next transaction, checkpoint or lock.)
   */
  transaction<R>(change: () => R): R {
    return this.db.transaction(() => {
      const result = change();
      this.seal();
      return result;
    })();
  }

  /** Writes the signature row for the pending run, if it is still the chain's tail. */
  seal(): void {
    const run = this.pending;
    this.pending = null;
    if (!run) return;
    const head = this.head();
    // A rolled-back transaction took the run with it.
    if (head.seq !== run.last || head.hash !== run.hash) return;
    const by = run.by;
    const signer = by.signer;
    const digest = nextDigest(by.digest, run.first, run.last);
    const signature = signer.sign(entriesMessage(this.archiveId, signer.personId, by.sessionId, run.first, run.last, run.hash, digest));
    this.insertSignature.run(run.last, run.first, signer.personId, by.sessionId, digest, signer.fingerprint, signature);
    by.digest = digest;
  }

  head(): { seq: number; hash: string } {
    const row = this.lastRow.get() as { seq: number; hash: string } | undefined;
    return row ?? { seq: 0, hash: genesisHash(this.archiveId) };
  }

  append(input: AppendInput): JournalEntry {
    return this.db.inTransaction ? this.write(input) : this.transaction(() => this.write(input));
  }

  // The hot path of every operation and of bulk appends: one object per entry, hashed in place.
  private write(input: AppendInput): JournalEntry {
    const head = this.head();
    let run = this.pending;
    if (run && (run.last !== head.seq || run.hash !== head.hash)) run = this.pending = null;
    const by = input.actor.id === null || input.sessionless || this.signing.size === 0 ? undefined : this.signing.get(input.actor.id);
    // A run ends before an entry that is not its person's: sign it while it is still the tail.
    if (run && run.by !== by) {
      this.seal();
      run = null;
    }
    const when = input.at ?? this.clock.now();
    const entry: JournalEntry = {
      seq: head.seq + 1,
      at: when.toISOString(),
      tzOffset: -when.getTimezoneOffset(),
      // Valid, normalised text only (text.ts): what SQLite stores must be what was hashed.
      actorId: journalField(input.actor.id),
      actorName: journalField(input.actor.name),
      actorDuty: journalField(input.actor.duty),
      workstation: journalField(this.workstation),
      event: journalField(input.event),
      objectType: journalField(input.object?.type ?? null),
      objectId: journalField(input.object?.id ?? null),
      outcome: input.outcome,
      reason: journalField(input.reason ?? null),
      details: cappedDetails(journalText(canonicalJson(input.details ?? {}))),
      prevHash: head.hash,
      hash: '',
    };
    entry.hash = entryHash(entry);
    this.insert.run(
      entry.seq,
      entry.at,
      entry.tzOffset,
      entry.actorId,
      entry.actorName,
      entry.actorDuty,
      entry.workstation,
      entry.event,
      entry.objectType,
      entry.objectId,
      entry.outcome,
      entry.reason,
      entry.details,
      entry.prevHash,
      entry.hash,
    );
    if (by) {
      if (run) {
        run.last = entry.seq;
        run.hash = entry.hash;
      } else this.pending = { by, first: entry.seq, last: entry.seq, hash: entry.hash };
    }
    if (entry.seq % CHECKPOINT_EVERY === 0) {
      // Signed by the entry's own person when they sign here, else by whoever opened the archive.
      const signer = by?.signer ?? this.signer;
      if (signer) {
        this.seal();
        this.signHead(signer, entry.seq, entry.hash);
      } else if (this.legacySigner) this.signLegacyHead(entry.seq, entry.hash);
    }
    // A block's time span is recorded with its last entry, in the same transaction (query.ts reads it).
    if (entry.seq % TIME_BLOCK === 0) this.insertTimeBlock.run(entry.seq / TIME_BLOCK - 1, entry.seq - TIME_BLOCK, entry.seq);
    return entry;
  }

  /**
   * Signs the current head as `personId` (default: the opener) unless they already signed it;
   * returns that head (the newest signed head when that person does not sign here).
   */
  checkpoint(personId?: string): SignedHead | null {
    return this.db.transaction(() => {
      this.seal();
      const head = this.head();
      const signer = personId === undefined ? this.signer : this.signerOf(personId);
      if (!signer) {
        // No one signed in: an archive made before issue 12 still signs with its own key, as it did.
        const last = this.latestCheckpoint();
        if (!this.legacySigner || head.seq === 0 || (last && last.seq === head.seq)) return last;
        return this.signLegacyHead(head.seq, head.hash);
      }
      if (head.seq === 0) return null;
      const mine = this.headBy.get(head.seq, signer.personId, 'session') as SignedHead | undefined;
      return mine ?? this.signHead(signer, head.seq, head.hash);
    })();
  }

  /** The newest head signed in a session (or, in an archive made before issue 12, by its key). */
  latestCheckpoint(): SignedHead | null {
    const person = this.lastHead.get() as SignedHead | undefined;
    const legacy = this.lastCheckpoint.get() as SignedHead | undefined;
    if (person && legacy) return person.seq >= legacy.seq ? person : legacy;
    return person ?? legacy ?? null;
  }

  /** An auditor's co-signature over a head their verify checked entry by entry (service.ts decides when). */
  coSign(personId: string, seq: number, hash: string): SignedHead {
    const signer = this.signerOf(personId);
    if (!signer) throw new Error('co-signing needs a session');
    const at = this.clock.now().toISOString();
    const signature = signer.sign(auditMessage(this.archiveId, seq, hash, at));
    this.db.transaction(() => {
      if (!this.headBy.get(seq, signer.personId, 'audit')) this.insertHead.run(seq, hash, at, signer.personId, 'audit', signer.fingerprint, signature);
    })();
    return { seq, hash, at, signature };
  }

  private signHead(signer: PersonSigner, seq: number, hash: string): SignedHead {
    const at = this.clock.now().toISOString();
    const signature = signer.sign(checkpointMessage(this.archiveId, seq, hash, at));
    this.insertHead.run(seq, hash, at, signer.personId, 'session', signer.fingerprint, signature);
    return { seq, hash, at, signature };
  }

  private signLegacyHead(seq: number, hash: string): SignedHead {
    const signer = this.legacySigner!;
    const at = this.clock.now().toISOString();
    const signature = signer.sign(checkpointMessage(this.archiveId, seq, hash, at));
    this.insertLegacyCheckpoint.run(seq, hash, at, signature, signer.fingerprint);
    return { seq, hash, at, signature };
  }

  /** The archive-wide key of an archive made before issue 12, if any. */
  get legacyKey(): Signer | null {
    return this.legacySigner;
  }
}
