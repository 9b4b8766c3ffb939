/**
 * A journal entry and its hash. This file is the definition of the chain: the archive, the exporter
 * and the offline verifier all hash through `entryHash`, so they cannot drift apart.
 *
 * hash = SHA-256( JSON.stringify([1, seq, at, tzOffset, actorId, actorName, actorDuty, workstation,
 *                                 event, objectType, objectId, outcome, reason, details, prevHash]) )
 * JSON of strings, integers and nulls in a fixed array is already canonical; `details` is stored as
 * canonical JSON text (keys sorted) and hashed as that text.
 */
import { hash } from 'node:crypto';

import type { JournalEntryView, JournalOutcome } from '../../contract/ipc-journal';

export type Outcome = JournalOutcome;

/** The viewer's entry is the stored one field for field; one definition serves both sides. */
export type JournalEntry = JournalEntryView;

export const CHAIN_FORMAT = 1;

export function genesisHash(archiveId: string): string {
  return hash('sha256', `triplicate-journal-genesis|v1|${archiveId}`, 'hex');
}

/** The stored columns in chain order (the journal table's order, hash last). */
export type EntryRow = [
  seq: number,
  at: string,
  tzOffset: number,
  actorId: string | null,
  actorName: string | null,
  actorDuty: string | null,
  workstation: string,
  event: string,
  objectType: string | null,
  objectId: string | null,
  outcome: Outcome,
  reason: string | null,
  details: string,
  prevHash: string,
  hash?: string,
];

export const ENTRY_COLUMNS =
  'seq, at, tz_offset, actor_id, actor_name, actor_duty, workstation, event, object_type, object_id, outcome, reason, details, prev_hash, hash';

/** Hashes the first fourteen fields of a row; the fast path the verifiers use on raw rows. */
export function rowHash(row: EntryRow): string {
  // One-shot crypto.hash: about half the cost of createHash for inputs this small (hot in verify).
  return hash(
    'sha256',
    JSON.stringify([CHAIN_FORMAT, row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10], row[11], row[12], row[13]]),
    'hex',
  );
}

/**
 * The text `rowHash` hashes, built by SQLite: json_array() of the same fields. For every Unicode
 * scalar value SQLite escapes exactly as JSON.stringify does (checked over all code points when this
 * was written; integers in STRICT INTEGER columns print alike too), so for valid UTF-8 text the
 * two texts are the same bytes. Readers that only check hashes (verify.ts) read this one column
 * instead of fourteen, and never build the array in JavaScript.
 * It is a shortcut, not a definition: where its digest differs from the stored hash (lone
 * surrogates, invalid UTF-8 written by another tool, or a real change), the caller must decide
 * with `rowHash` over the row.
 */
export const CHAIN_TEXT_SQL = `json_array(${CHAIN_FORMAT}, seq, at, tz_offset, actor_id, actor_name, actor_duty, workstation, event, object_type, object_id, outcome, reason, details, prev_hash)`;

/** SHA-256 hex of a chain text (CHAIN_TEXT_SQL's or rowHash's). */
export function chainTextHash(text: string): string {
  return hash('sha256', text, 'hex');
}

export function toRow(e: Omit<JournalEntry, 'hash'> & { hash?: string }): EntryRow {
  return [
    e.seq,
    e.at,
    e.tzOffset,
    e.actorId,
    e.actorName,
    e.actorDuty,
    e.workstation,
    e.event,
    e.objectType,
    e.objectId,
    e.outcome,
    e.reason,
    e.details,
    e.prevHash,
    e.hash,
  ];
}

export function fromRow(row: EntryRow): JournalEntry {
  const [seq, at, tzOffset, actorId, actorName, actorDuty, workstation, event, objectType, objectId, outcome, reason, details, prevHash, hash] = row;
  return { seq, at, tzOffset, actorId, actorName, actorDuty, workstation, event, objectType, objectId, outcome, reason, details, prevHash, hash: hash ?? '' };
}

export function entryHash(e: Omit<JournalEntry, 'hash'>): string {
  return rowHash(toRow(e));
}

/** JSON with object keys sorted at every depth, so the same details always hash the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** What a checkpoint signs. Also used by export manifests to prove a head belongs to the archive. */
export function checkpointMessage(archiveId: string, seq: number, headHash: string, at: string): Buffer {
  return Buffer.from(`triplicate-checkpoint|v1|${archiveId}|${seq}|${headHash}|${at}`, 'utf8');
}
