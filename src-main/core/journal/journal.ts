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

/** Sign a checkpoint at least this often, besides every lock and close. */
export const CHECKPOINT_EVERY = 1000;

/** Entries per row of `journal_time_blocks` (migration 0095); the migration's SQL uses the same number. */
export const TIME_BLOCK = 1000;

export class Journal {
  private readonly insert;
  private readonly lastRow;
  private readonly insertCheckpoint;
  private readonly lastCheckpoint;
  private readonly insertTimeBlock;

  constructor(
    private readonly db: Db,
    private readonly archiveId: string,
    private readonly clock: Clock,
    private readonly workstation: string,
    private readonly signer: Signer,
  ) {
    this.insert = db.prepare(`INSERT INTO journal (${ENTRY_COLUMNS}) VALUES (${ENTRY_COLUMNS.split(',').map(() => '?').join(',')})`);
    this.lastRow = db.prepare('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1');
    this.insertCheckpoint = db.prepare(
      'INSERT INTO journal_checkpoints (seq, head_hash, at, signature, key_fingerprint) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertTimeBlock = db.prepare(
      'INSERT INTO journal_time_blocks (block, min_at, max_at) SELECT ?, min(at), max(at) FROM journal WHERE seq > ? AND seq <= ?',
    );
    this.lastCheckpoint = db.prepare('SELECT seq, head_hash AS hash, at, signature FROM journal_checkpoints ORDER BY seq DESC LIMIT 1');
  }

  head(): { seq: number; hash: string } {
    const row = this.lastRow.get() as { seq: number; hash: string } | undefined;
    return row ?? { seq: 0, hash: genesisHash(this.archiveId) };
  }

  append(input: AppendInput): JournalEntry {
    return this.db.inTransaction ? this.write(input) : this.db.transaction(() => this.write(input))();
  }

  // The hot path of every operation and of bulk appends: one object per entry, hashed in place.
  private write(input: AppendInput): JournalEntry {
    const head = this.head();
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
    if (entry.seq % CHECKPOINT_EVERY === 0) this.signHead(entry.seq, entry.hash);
    // A block's time span is recorded with its last entry, in the same transaction (query.ts reads it).
    if (entry.seq % TIME_BLOCK === 0) this.insertTimeBlock.run(entry.seq / TIME_BLOCK - 1, entry.seq - TIME_BLOCK, entry.seq);
    return entry;
  }

  /** Signs the current head unless it is already signed; returns the newest signed head. */
  checkpoint(): SignedHead | null {
    return this.db.transaction(() => {
      const head = this.head();
      const last = this.latestCheckpoint();
      if (head.seq === 0 || (last && last.seq === head.seq)) return last;
      return this.signHead(head.seq, head.hash);
    })();
  }

  latestCheckpoint(): SignedHead | null {
    return (this.lastCheckpoint.get() as SignedHead | undefined) ?? null;
  }

  private signHead(seq: number, hash: string): SignedHead {
    const at = this.clock.now().toISOString();
    const signature = this.signer.sign(checkpointMessage(this.archiveId, seq, hash, at));
    this.insertCheckpoint.run(seq, hash, at, signature, this.signer.fingerprint);
    return { seq, hash, at, signature };
  }
}
