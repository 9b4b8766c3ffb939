/**
 * One stretch of the chain, checked entry by entry: sequence, link, hash, signed checkpoints and
 * the time blocks. verify.ts cuts the journal into chunks aligned to TIME_BLOCK and walks them on
 * this thread or in workers (verify-worker.ts); each chunk starts from the stored hash of the entry
 * before it, so the chunks' results, taken in order, say exactly what one walk from the start would.
 */
import type { Db } from '../db/connection';
import { BlockSpan } from './block-span';
import { Attributor, chainTextActor } from './attribution-walk';
import { CHUNK_BLOB_SQL, walkChunkBlob } from './chain-blob';
import { CHAIN_TEXT_SQL, chainTextHash, ENTRY_COLUMNS, genesisHash, rowHash, type EntryRow } from './entry';
import { TIME_BLOCK } from './journal';

export type ChainProblem =
  | 'hash' // the entry's content does not match its hash
  | 'link' // the entry does not follow the one before it
  | 'sequence' // a number is missing or repeated
  | 'checkpoint-signature' // a checkpoint is not signed by the archive's key
  | 'checkpoint-mismatch' // the chain at a checkpoint differs from what was signed
  | 'truncated' // entries that were signed are gone
  | 'time-index' // the time blocks that time filters read (journal_time_blocks) disagree with the entries
  // Issue 12: who wrote what, and what was seen before.
  | 'entry-signature' // a run of entries is not signed by the person it names (or its session's signatures break)
  | 'signer-mismatch' // the entry names another person than the one whose signed run covers it
  | 'unsigned' // the entry names a person but no signature of theirs covers it
  | 'unknown-key' // signed by a person whose public key was never recorded
  | 'key-record' // a public key (or an administrator) recorded by someone not entitled to
  | 'checkpoint-missing' // a lock or 1000th entry whose checkpoint is gone
  | 'behind-anchor' // the archive is behind the head this workstation has seen
  | 'checkpoints-missing' // fewer signed checkpoints than this workstation remembers
  | 'root-key' // the keyring's root key is not the one recorded at init or remembered here
  | 'head-missing'; // the keyring's head is null although signed heads exist

/** What every walker is given: the signed heads (already checked) and the recorded time blocks. */
export interface WalkContext {
  archiveId: string;
  /** seq → hash of every signed checkpoint (and the keyring's head). */
  signed: Map<number, string>;
  /** block → [min at, max at] as journal_time_blocks records them. */
  blocks: Map<number, [string, string]>;
  /** From here on every entry is attributed (attribution.ts); Infinity when no key was ever recorded. */
  eraStart: number;
  /** Signed runs, flat: first, last, index into `people`. */
  runs: number[];
  people: string[];
}

export interface ChunkResult {
  /** Entries that passed, in order, before any problem. */
  count: number;
  /** The last entry that passed (0 and '' when none did). */
  lastSeq: number;
  lastHash: string;
  /** The highest signed checkpoint met and matched in this chunk (0 if none). */
  lastSignedSeq: number;
  problem: { seq: number; kind: ChainProblem } | null;
  /** Every problem met, the first one included (at most MAX_PROBLEMS): one bad entry must not hide the next. */
  problems: { seq: number; kind: ChainProblem }[];
  /** Entries of the signed era that no run covers, and (up to a limit) those of them naming someone. */
  unsigned: number;
  unsignedNamed: number[];
}

/** Problems named per chunk; past this the chunk still counts as broken, the list just stops growing. */
export const MAX_PROBLEMS = 100;

/** Entries per chunk: a multiple of TIME_BLOCK, so no time block spans two chunks. */
export const CHUNK = 10 * TIME_BLOCK;
const PAGE = 5000;

/**
 * `at` as it appears in a chain text `[1,seq,"at",tz,...,"prevHash"]`, or null when the text is not
 * in the shape the app writes (then the caller reads the row itself). The app writes `at` as a
 * 24-character ISO string and every hash as 64 hex digits, never escaped, so `prev_hash` is then
 * the text's last 64 characters before `"]`.
 */
function chainTextAt(text: string): string | null {
  const open = text.indexOf(',"', 3);
  const end = text.length;
  if (open < 0 || text.charCodeAt(open + 26) !== 34 || text.charCodeAt(end - 67) !== 34 || text.charCodeAt(end - 2) !== 34) return null;
  const at = text.slice(open + 2, open + 26);
  return at.includes('\\') ? null : at;
}

/** The entries chunk `index` holds in a journal whose newest entry is `lastSeq`. */
export function chunkSpan(index: number, lastSeq: number): { first: number; last: number } {
  const first = index * CHUNK + 1;
  return { first, last: Math.min(first + CHUNK - 1, lastSeq) };
}

/** Prepared statements for walking chunks over one connection. */
export class ChainWalker {
  // Row walk: pages by key, each one .all(): no statement stays open while the fallback reads a row.
  // Only the chain text and the stored hash cross into JavaScript: once the text's digest matches
  // the stored hash, the text is the entry, so `at` and `prev_hash` are read from it (hot loop).
  private readonly page;
  private readonly fullRow;
  private readonly hashAt;
  private readonly chunkBlob;

  constructor(
    db: Db,
    private readonly context: WalkContext,
  ) {
    this.page = db.prepare(`SELECT seq, ${CHAIN_TEXT_SQL}, hash FROM journal WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`).raw(true);
    this.fullRow = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM journal WHERE seq = ?`).raw(true);
    this.hashAt = db.prepare('SELECT hash FROM journal WHERE seq = ?').pluck();
    this.chunkBlob = db.prepare(CHUNK_BLOB_SQL).pluck();
  }

  /**
   * Walks entries `index * CHUNK + 1` up to `min((index + 1) * CHUNK, lastSeq)`: the fast path
   * (chain-blob.ts) when it finds the chunk intact, else row by row, which names any problem.
   */
  walk(index: number, lastSeq: number): ChunkResult {
    const { first, last } = chunkSpan(index, lastSeq);
    return this.walkSpan(first, last);
  }

  /**
   * The same for entries `first`..`last`, where `first - 1` is a multiple of TIME_BLOCK (a piece of
   * a chunk, verify-pool.ts). For an intact span, the results of a chunk's pieces, joined in order
   * (joinPieces), are the chunk's result.
   */
  walkSpan(first: number, last: number): ChunkResult {
    const prevHash = this.prevHashOf(first);
    if (prevHash !== null) {
      const blob = this.chunkBlob.get(first - 1, last) as Buffer | null;
      const intact = blob && walkChunkBlob(blob, first, last, prevHash, this.context);
      if (intact) return intact;
    }
    return this.walkRowsSpan(first, last, prevHash);
  }

  /** Where one walk from the start would stand before `first`: the entry before it, if it exists. */
  private prevHashOf(first: number): string | null {
    return first === 1 ? genesisHash(this.context.archiveId) : ((this.hashAt.get(first - 1) as string | undefined) ?? null);
  }

  /** The same chunk, row by row: the chain's definition, and the walk that names problems. */
  walkRows(index: number, lastSeq: number): ChunkResult {
    const { first, last } = chunkSpan(index, lastSeq);
    return this.walkRowsSpan(first, last, this.prevHashOf(first));
  }

  private walkRowsSpan(first: number, last: number, before: string | null): ChunkResult {
    const { signed } = this.context;
    let prevHash = before;
    // A missing predecessor: the first entry here then does not follow, as in one walk from the start.
    let prevSeq = prevHash === null ? -1 : first - 1;
    const attributor = new Attributor(this.context, first);
    const result: ChunkResult = {
      count: 0,
      lastSeq: 0,
      lastHash: '',
      lastSignedSeq: 0,
      problem: null,
      problems: [],
      unsigned: 0,
      unsignedNamed: attributor.unsignedNamed,
    };
    const report = (seq: number, kind: ChainProblem) => {
      result.problem ??= { seq, kind };
      if (result.problems.length < MAX_PROBLEMS) result.problems.push({ seq, kind });
    };
    const span = new BlockSpan(this.context.blocks);
    let after = first - 1;
    for (;;) {
      const rows = this.page.all(after, last, PAGE) as [number, string, string][];
      for (const [seq, text, storedHash] of rows) {
        let hashOk = chainTextHash(text) === storedHash;
        let at = hashOk ? chainTextAt(text) : null;
        let actor = at !== null ? chainTextActor(text, text.indexOf(',"', 3) + 26) : undefined;
        let rowPrevHash: string;
        if (at !== null && actor !== undefined) {
          rowPrevHash = text.slice(text.length - 66, text.length - 2);
        } else {
          // SQLite's text is a shortcut; a digest that differs is settled by the chain's definition.
          const row = this.fullRow.get(seq) as EntryRow;
          at = row[1];
          actor = row[3];
          rowPrevHash = row[13];
          hashOk = rowHash(row) === storedHash;
        }
        // After a problem the walk goes on from the stored values, so every later problem is named too;
        // `count` and the head stay at the last entry before the first problem, as before.
        if (seq !== prevSeq + 1) report(seq, 'sequence');
        else if (rowPrevHash !== prevHash) report(seq, 'link');
        if (!hashOk) report(seq, 'hash');
        if (hashOk && rowPrevHash === prevHash && seq === prevSeq + 1) {
          const signedHash = signed.get(seq);
          if (signedHash !== undefined) {
            if (signedHash !== storedHash) report(seq, 'checkpoint-mismatch');
            else if (!result.problem) result.lastSignedSeq = seq;
          }
        }
        if (!attributor.check(seq, actor)) report(seq, 'signer-mismatch');
        result.unsigned = attributor.unsigned;
        if (!span.add(seq, at)) report(seq - TIME_BLOCK + 1, 'time-index');
        const clean = result.problem === null;
        prevHash = storedHash;
        prevSeq = seq;
        if (clean) {
          result.count++;
          result.lastSeq = seq;
          result.lastHash = storedHash;
        }
      }
      if (rows.length < PAGE) return result;
      after = rows[rows.length - 1]![0];
    }
  }
}
