/**
 * Appending to the journal. Every operation's entry goes through `append`, inside the same
 * transaction as the change it records, so a change without its entry cannot be committed.
 */
import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import {
  canonicalJson,
  checkpointMessage,
  ENTRY_COLUMNS,
  entryHash,
  genesisHash,
  type JournalEntry,
  type Outcome,
} from './entry';
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

/** The run of this session's entries not yet covered by a signature row. */
interface PendingRun {
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
  private person: PersonSigner | null = null;
  private sessionId = '';
  private digest = '';
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
    this.insert = db.prepare(`INSERT INTO journal (${ENTRY_COLUMNS}) VALUES (${ENTRY_COLUMNS.split(',').map(() => '?').join(',')})`);
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
    this.headBy = db.prepare(
      'SELECT seq, head_hash AS hash, at, signature FROM journal_heads WHERE seq = ? AND signer_id = ? AND role = ?',
    );
  }

  /**
   * From now on, entries naming `signer`'s person are signed with their key, in runs, under this
   * session id; entries naming anyone else (or no one) are left unsigned. Null: no session.
   */
  useSigner(signer: PersonSigner | null, sessionId: string): void {
    this.seal();
    this.person = signer;
    this.sessionId = sessionId;
    this.digest = signer ? sessionDigestStart(this.archiveId, signer.personId, sessionId) : '';
  }

  get signer(): PersonSigner | null {
    return this.person;
  }

  /** This session's journal on another connection to the same chain (rekey): signer, session and digest go along. */
  movedTo(db: Db): Journal {
    const next = new Journal(db, this.archiveId, this.clock, this.workstation, this.legacySigner);
    next.person = this.person;
    next.sessionId = this.sessionId;
    next.digest = this.digest;
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
    const signer = this.person;
    this.pending = null;
    if (!run || !signer) return;
    const head = this.head();
    // A rolled-back transaction took the run with it.
    if (head.seq !== run.last || head.hash !== run.hash) return;
    const digest = nextDigest(this.digest, run.first, run.last);
    const signature = signer.sign(entriesMessage(this.archiveId, signer.personId, this.sessionId, run.first, run.last, run.hash, digest));
    this.insertSignature.run(run.last, run.first, signer.personId, this.sessionId, digest, signer.fingerprint, signature);
    this.digest = digest;
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
    const mine = this.person !== null && input.actor.id === this.person.personId;
    // A run ends before an entry that is not this person's: sign it while it is still the tail.
    if (run && !mine) {
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
      entry.seq, entry.at, entry.tzOffset, entry.actorId, entry.actorName, entry.actorDuty, entry.workstation,
      entry.event, entry.objectType, entry.objectId, entry.outcome, entry.reason, entry.details, entry.prevHash, entry.hash,
    );
    if (mine) {
      if (run) {
        run.last = entry.seq;
        run.hash = entry.hash;
      } else this.pending = { first: entry.seq, last: entry.seq, hash: entry.hash };
    }
    if (entry.seq % CHECKPOINT_EVERY === 0) {
      if (this.person) {
        this.seal();
        this.signHead(entry.seq, entry.hash);
      } else if (this.legacySigner) this.signLegacyHead(entry.seq, entry.hash);
    }
    // A block's time span is recorded with its last entry, in the same transaction (query.ts reads it).
    if (entry.seq % TIME_BLOCK === 0) this.insertTimeBlock.run(entry.seq / TIME_BLOCK - 1, entry.seq - TIME_BLOCK, entry.seq);
    return entry;
  }

  /**
   * Signs the current head as this session's person unless they already signed it; returns that
   * head (the newest signed head when no one is signed in).
   */
  checkpoint(): SignedHead | null {
    return this.db.transaction(() => {
      this.seal();
      const head = this.head();
      if (!this.person) {
        // No one signed in: an archive made before issue 12 still signs with its own key, as it did.
        const last = this.latestCheckpoint();
        if (!this.legacySigner || head.seq === 0 || (last && last.seq === head.seq)) return last;
        return this.signLegacyHead(head.seq, head.hash);
      }
      if (head.seq === 0) return null;
      const mine = this.headBy.get(head.seq, this.person.personId, 'session') as SignedHead | undefined;
      return mine ?? this.signHead(head.seq, head.hash);
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
  coSign(seq: number, hash: string): SignedHead {
    const signer = this.person;
    if (!signer) throw new Error('co-signing needs a session');
    const at = this.clock.now().toISOString();
    const signature = signer.sign(auditMessage(this.archiveId, seq, hash, at));
    this.db.transaction(() => {
      if (!this.headBy.get(seq, signer.personId, 'audit')) this.insertHead.run(seq, hash, at, signer.personId, 'audit', signer.fingerprint, signature);
    })();
    return { seq, hash, at, signature };
  }

  private signHead(seq: number, hash: string): SignedHead {
    const signer = this.person!;
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
