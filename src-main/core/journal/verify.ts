/**
 * Walks the whole chain: every entry's hash, every link, every sequence number, every signed
 * checkpoint, and the signed head kept in the keyring (so cutting the tail off is caught too).
 * Names the first problem's sequence number, and walks on to list every other problem it finds
 * (`problems`), so one bad entry cannot hide a later change.
 *
 * The walk is cut into chunks (chain-walk.ts). `verifyJournal` walks them all on this thread;
 * `verifyJournalInParallel` shares them with worker threads that open their own read-only
 * connection (verify-pool.ts), since hashing a million entries is CPU work and a desktop has cores.
 * Both give the same report.
 */
import type { Db } from '../db/connection';
import type { SignedHead } from '../vault/keyring';
import { CHUNK, ChainWalker, type ChainProblem, type ChunkResult, type WalkContext } from './chain-walk';
import { checkpointMessage, genesisHash } from './entry';
import { TIME_BLOCK } from './journal';
import { verifySignature } from './signer';
import { walkInWorkers, type ParallelOptions, type ArchiveReader } from './verify-pool';

export type { ChainProblem } from './chain-walk';

export interface ChainReport {
  ok: boolean;
  count: number;
  headSeq: number;
  headHash: string;
  checkpointsVerified: number;
  lastCheckpoint: { seq: number; at: string } | null;
  problem?: { seq: number; kind: ChainProblem };
  /** Every problem found, the first (`problem`) included, in chain order; at most MAX_REPORTED. */
  problems?: { seq: number; kind: ChainProblem }[];
}

/** Problems listed in one report: enough to see the extent of damage, never an unbounded list. */
export const MAX_REPORTED = 1000;

export interface VerifyInput {
  archiveId: string;
  publicKey: Buffer;
  /** The head signed into the keyring at the last lock, if any. */
  keyringHead: SignedHead | null;
}

/** What the chunks are checked against, read once; or the report when a signature already fails. */
interface Plan {
  context: WalkContext;
  /** The newest entry when the walk began: later appends are not part of this verification. */
  lastSeq: number;
  chunks: number;
  checkpointsVerified: number;
  lastCheckpoint: ChainReport['lastCheckpoint'];
}

function plan(db: Db, input: VerifyInput): Plan | ChainReport {
  // One read transaction: the head, the checkpoints and the time blocks from the same snapshot.
  return db.transaction((): Plan | ChainReport => {
    const lastSeq = (db.prepare('SELECT max(seq) FROM journal').pluck().get() as number | null) ?? 0;
    const checkpoints = db
      .prepare('SELECT seq, head_hash AS hash, at, signature FROM journal_checkpoints ORDER BY seq')
      .all() as SignedHead[];
    const signed = new Map<number, string>();
    let lastCheckpoint: ChainReport['lastCheckpoint'] = null;
    for (const checkpoint of [...checkpoints, ...(input.keyringHead ? [input.keyringHead] : [])]) {
      const message = checkpointMessage(input.archiveId, checkpoint.seq, checkpoint.hash, checkpoint.at);
      if (!verifySignature(input.publicKey, message, checkpoint.signature)) {
        return {
          ok: false, count: 0, headSeq: 0, headHash: '', checkpointsVerified: signed.size, lastCheckpoint,
          problem: { seq: checkpoint.seq, kind: 'checkpoint-signature' },
          problems: [{ seq: checkpoint.seq, kind: 'checkpoint-signature' }],
        };
      }
      signed.set(checkpoint.seq, checkpoint.hash);
      if (!lastCheckpoint || checkpoint.seq >= lastCheckpoint.seq) lastCheckpoint = { seq: checkpoint.seq, at: checkpoint.at };
    }
    const blocks = new Map(
      (db.prepare('SELECT block, min_at, max_at FROM journal_time_blocks').raw(true).all() as [number, string, string][]).map(
        ([block, min, max]) => [block, [min, max] as [string, string]],
      ),
    );
    return {
      context: { archiveId: input.archiveId, signed, blocks },
      lastSeq,
      chunks: Math.ceil(lastSeq / CHUNK),
      checkpointsVerified: signed.size,
      lastCheckpoint,
    };
  })();
}

/** Reads the chunks' results in order, as one walk from the start would have met them. */
function conclude(plan: Plan, results: ChunkResult[]): ChainReport {
  const base = { checkpointsVerified: plan.checkpointsVerified, lastCheckpoint: plan.lastCheckpoint };
  let count = 0;
  let headSeq = 0;
  let headHash = genesisHash(plan.context.archiveId);
  let lastSignedSeq = 0;
  let broken = false;
  const problems: NonNullable<ChainReport['problems']> = [];
  const add = (problem: { seq: number; kind: ChainProblem }) => {
    if (problems.length < MAX_REPORTED) problems.push(problem);
  };
  for (const result of results) {
    // After the first broken chunk, later chunks add their problems; the head stays before the first.
    if (!broken) {
      count += result.count;
      if (result.count > 0) {
        headSeq = result.lastSeq;
        headHash = result.lastHash;
      }
      lastSignedSeq = Math.max(lastSignedSeq, result.lastSignedSeq);
    }
    for (const problem of result.problems ?? (result.problem ? [result.problem] : [])) add(problem);
    if (result.problem) broken = true;
  }
  // A block for entries that do not exist (or are not yet a full block) was not written by the app.
  const walkedTo = broken ? plan.lastSeq : headSeq;
  for (const block of plan.context.blocks.keys()) {
    if (!(Number.isInteger(block) && block >= 0 && (block + 1) * TIME_BLOCK <= walkedTo)) add({ seq: block * TIME_BLOCK + 1, kind: 'time-index' });
  }
  const highestSigned = Math.max(0, ...plan.context.signed.keys());
  if (highestSigned > plan.lastSeq || (!broken && lastSignedSeq !== highestSigned)) add({ seq: plan.lastSeq + 1, kind: 'truncated' });
  if (problems.length === 0) return { ...base, ok: true, count, headSeq, headHash };
  return { ...base, ok: false, count, headSeq, headHash, problem: problems[0]!, problems };
}

/** The whole walk on this thread. */
export function verifyJournal(db: Db, input: VerifyInput): ChainReport {
  const planned = plan(db, input);
  if ('ok' in planned) return planned;
  const walker = new ChainWalker(db, planned.context);
  const results: ChunkResult[] = [];
  for (let index = 0; index < planned.chunks; index++) {
    results.push(walker.walk(index, planned.lastSeq));
  }
  return conclude(planned, results);
}

/**
 * The same walk with worker threads taking chunks too. Falls back to this thread alone for short
 * journals, and walks here any chunk a worker did not report (a worker that failed to start or died).
 */
export async function verifyJournalInParallel(db: Db, input: VerifyInput, reader: ArchiveReader, options: ParallelOptions = {}): Promise<ChainReport> {
  const planned = plan(db, input);
  if ('ok' in planned) return planned;
  const walker = new ChainWalker(db, planned.context);
  const results = await walkInWorkers(planned.context, planned.lastSeq, planned.chunks, reader, options, (index) =>
    walker.walk(index, planned.lastSeq),
  );
  const ordered: ChunkResult[] = [];
  for (let index = 0; index < planned.chunks; index++) {
    ordered.push(results.get(index) ?? walker.walk(index, planned.lastSeq));
  }
  return conclude(planned, ordered);
}
