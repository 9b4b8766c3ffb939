/**
 * Walks the whole chain: every entry's hash, every link, every sequence number, every signed
 * checkpoint, and the signed head kept in the keyring (so cutting the tail off is caught too).
 * Stops at the first problem and names its sequence number.
 */
import type { Db } from '../db/connection';
import type { SignedHead } from '../vault/keyring';
import { CHAIN_TEXT_SQL, chainTextHash, checkpointMessage, ENTRY_COLUMNS, genesisHash, rowHash, type EntryRow } from './entry';
import { verifySignature } from './signer';
import { TIME_BLOCK } from './journal';

export type ChainProblem =
  | 'hash' // the entry's content does not match its hash
  | 'link' // the entry does not follow the one before it
  | 'sequence' // a number is missing or repeated
  | 'checkpoint-signature' // a checkpoint is not signed by the archive's key
  | 'checkpoint-mismatch' // the chain at a checkpoint differs from what was signed
  | 'truncated' // entries that were signed are gone
  | 'time-index'; // the time blocks that time filters read (journal_time_blocks) disagree with the entries

export interface ChainReport {
  ok: boolean;
  count: number;
  headSeq: number;
  headHash: string;
  checkpointsVerified: number;
  lastCheckpoint: { seq: number; at: string } | null;
  problem?: { seq: number; kind: ChainProblem };
}

export interface VerifyInput {
  archiveId: string;
  publicKey: Buffer;
  /** The head signed into the keyring at the last lock, if any. */
  keyringHead: SignedHead | null;
}

const PAGE = 5000;

export function verifyJournal(db: Db, input: VerifyInput): ChainReport {
  const checkpoints = db
    .prepare('SELECT seq, head_hash AS hash, at, signature FROM journal_checkpoints ORDER BY seq')
    .all() as SignedHead[];
  const expected = new Map<number, SignedHead>();
  let lastCheckpoint: ChainReport['lastCheckpoint'] = null;
  const report = (partial: Omit<ChainReport, 'checkpointsVerified' | 'lastCheckpoint'>): ChainReport => ({
    ...partial,
    checkpointsVerified: expected.size,
    lastCheckpoint,
  });

  for (const checkpoint of [...checkpoints, ...(input.keyringHead ? [input.keyringHead] : [])]) {
    const message = checkpointMessage(input.archiveId, checkpoint.seq, checkpoint.hash, checkpoint.at);
    if (!verifySignature(input.publicKey, message, checkpoint.signature)) {
      return report({ ok: false, count: 0, headSeq: 0, headHash: '', problem: { seq: checkpoint.seq, kind: 'checkpoint-signature' } });
    }
    expected.set(checkpoint.seq, checkpoint);
    if (!lastCheckpoint || checkpoint.seq >= lastCheckpoint.seq) lastCheckpoint = { seq: checkpoint.seq, at: checkpoint.at };
  }

  let prevHash = genesisHash(input.archiveId);
  let prevSeq = 0;
  let count = 0;
  let lastSignedSeq = 0;
  // Pages by key, each one .all(): no statement stays open while the fallback below reads a row.
  const page = db.prepare(`SELECT seq, ${CHAIN_TEXT_SQL}, prev_hash, hash, at FROM journal WHERE seq > ? ORDER BY seq LIMIT ?`).raw(true);
  // The time blocks are outside the chain; an edit to them could hide entries from time-filtered
  // views, so every block is recomputed here from the verified entries (rule 6: edits are detected).
  const blocks = new Map(
    (db.prepare('SELECT block, min_at, max_at FROM journal_time_blocks').raw(true).all() as [number, string, string][]).map(
      ([block, min, max]) => [block, { min, max }],
    ),
  );
  let blockMin = '';
  let blockMax = '';
  const fullRow = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM journal WHERE seq = ?`).raw(true);
  for (;;) {
    const rows = page.all(prevSeq, PAGE) as [number, string, string, string, string][];
    for (const [seq, text, rowPrevHash, storedHash, at] of rows) {
      const fail = (kind: ChainProblem) => report({ ok: false, count, headSeq: prevSeq, headHash: prevHash, problem: { seq, kind } });
      if (seq !== prevSeq + 1) return fail('sequence');
      if (rowPrevHash !== prevHash) return fail('link');
      // SQLite's text is a shortcut; a digest that differs is settled by the chain's definition.
      if (chainTextHash(text) !== storedHash && rowHash(fullRow.get(seq) as EntryRow) !== storedHash) return fail('hash');
      const signed = expected.get(seq);
      if (signed) {
        if (signed.hash !== storedHash) return fail('checkpoint-mismatch');
        lastSignedSeq = seq;
      }
      if (seq % TIME_BLOCK === 1) {
        blockMin = at;
        blockMax = at;
      } else {
        if (at < blockMin) blockMin = at;
        if (at > blockMax) blockMax = at;
      }
      if (seq % TIME_BLOCK === 0) {
        const recorded = blocks.get(seq / TIME_BLOCK - 1);
        if (!recorded || recorded.min !== blockMin || recorded.max !== blockMax) {
          return report({ ok: false, count, headSeq: prevSeq, headHash: prevHash, problem: { seq: seq - TIME_BLOCK + 1, kind: 'time-index' } });
        }
        blocks.delete(seq / TIME_BLOCK - 1);
      }
      prevHash = storedHash;
      prevSeq = seq;
      count++;
    }
    if (rows.length < PAGE) break;
  }
  // A block for entries that do not exist (or are not yet a full block) was not written by the app.
  for (const block of blocks.keys()) {
    return report({ ok: false, count, headSeq: prevSeq, headHash: prevHash, problem: { seq: block * TIME_BLOCK + 1, kind: 'time-index' } });
  }
  const highestSigned = Math.max(0, ...expected.keys());
  if (highestSigned > prevSeq || lastSignedSeq !== highestSigned) {
    return report({ ok: false, count, headSeq: prevSeq, headHash: prevHash, problem: { seq: prevSeq + 1, kind: 'truncated' } });
  }
  return report({ ok: true, count, headSeq: prevSeq, headHash: prevHash });
}
