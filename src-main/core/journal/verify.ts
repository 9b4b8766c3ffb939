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
import { CHECKPOINT_EVERY, TIME_BLOCK } from './journal';
import { keyFingerprint, verifySignature } from './signer';
import { attribute, mayBeUnsigned, type Attribution, type Problem } from './attribution';
import { walkInWorkers, WalkPool, workersFor, type ParallelOptions, type ArchiveReader } from './verify-pool';

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
  /** Issue 12: who signed what. */
  signatures?: SignatureSummary;
}

export interface SignatureSummary {
  /** Where every entry is attributed from (1 for archives made after issue 12; null: never). */
  signedFrom: number | null;
  /** Entries of that era no signature covers (written with no session, such as failed unlocks). */
  unsigned: number;
  /** Every entry is either signed by the person it names or names no one / may stand unsigned. */
  attributable: boolean;
  /** The newest signed checkpoints, newest last. */
  latestCheckpoints: { seq: number; signer: string; role: 'session' | 'audit'; at: string }[];
  /** For each person who wrote signed entries: the newest checkpoint signed by someone else (0: none). */
  lastCheckpointByOthers: Record<string, number>;
  /** Entries after the newest signed checkpoint. */
  afterLastCheckpoint: number;
}

/** Problems listed in one report: enough to see the extent of damage, never an unbounded list. */
export const MAX_REPORTED = 1000;

export interface VerifyInput {
  archiveId: string;
  /** The archive-wide key of an archive made before issue 12 (its old checkpoints), or null. */
  publicKey: Buffer | null;
  /** The head signed into the keyring at the last lock, if any. */
  keyringHead: SignedHead | null;
  /** The keyring's root key fingerprint (the founding administrator's key since issue 12). */
  keyringRoot?: string;
  /** What this workstation's anchor says about the archive (anchors.ts); reported before anything else. */
  anchor?: { kind: ChainProblem; seq: number } | null;
  /** The keyring's head is null although signed heads exist (keyring-head.ts). */
  headMissing?: boolean;
}

/** What the chunks are checked against, read once. */
interface Plan {
  context: WalkContext;
  /** The newest entry when the walk began: later appends are not part of this verification. */
  lastSeq: number;
  chunks: number;
  checkpointsVerified: number;
  lastCheckpoint: ChainReport['lastCheckpoint'];
  /** Found before the walk (signatures, key records, checkpoints), each with its sequence number. */
  problems: Problem[];
  /** Signed runs' ranges, to tell a changed entry's broken link from its broken signature. */
  runEnds: Map<number, number>;
  attribution: Attribution;
  first: ChainReport['problem'] | null;
}

function plan(db: Db, input: VerifyInput): Plan {
  // One read transaction: the head, the signatures, the checkpoints and the time blocks from the same snapshot.
  return db.transaction((): Plan => {
    const lastSeq = (db.prepare('SELECT max(seq) FROM journal').pluck().get() as number | null) ?? 0;
    const attribution = attribute(db, input.archiveId, lastSeq, CHECKPOINT_EVERY);
    const problems = [...attribution.problems];
    const signed = new Map<number, string>();
    let lastCheckpoint: ChainReport['lastCheckpoint'] = null;
    const accept = (seq: number, hash: string, at: string) => {
      const known = signed.get(seq);
      if (known !== undefined && known !== hash) problems.push({ seq, kind: 'checkpoint-mismatch' });
      signed.set(seq, hash);
      if (!lastCheckpoint || seq >= lastCheckpoint.seq) lastCheckpoint = { seq, at };
    };
    // Old archives' checkpoints, by their archive-wide key.
    const legacy = db.prepare('SELECT seq, head_hash AS hash, at, signature FROM journal_checkpoints ORDER BY seq').all() as SignedHead[];
    for (const checkpoint of legacy) {
      const message = checkpointMessage(input.archiveId, checkpoint.seq, checkpoint.hash, checkpoint.at);
      if (!input.publicKey || !verifySignature(input.publicKey, message, checkpoint.signature))
        problems.push({ seq: checkpoint.seq, kind: 'checkpoint-signature' });
      else accept(checkpoint.seq, checkpoint.hash, checkpoint.at);
    }
    for (const head of attribution.heads) accept(head.seq, head.hash, head.at);
    let verified = signed.size;
    // The keyring's head: by the old archive key or by any recorded person's key.
    const ring = input.keyringHead;
    if (ring) {
      const message = checkpointMessage(input.archiveId, ring.seq, ring.hash, ring.at);
      const keys = [...(input.publicKey ? [input.publicKey] : []), ...attribution.book.all()];
      if (!keys.some((key) => verifySignature(key, message, ring.signature))) problems.push({ seq: ring.seq, kind: 'checkpoint-signature' });
      else {
        accept(ring.seq, ring.hash, ring.at);
        verified = signed.size;
      }
    }
    // The root: the founding administrator's recorded key must be the one the keyring names.
    const rootFingerprint = attribution.rootKey ? keyFingerprint(attribution.rootKey) : input.publicKey ? keyFingerprint(input.publicKey) : null;
    if (input.keyringRoot && rootFingerprint && rootFingerprint !== input.keyringRoot) problems.push({ seq: 1, kind: 'root-key' });
    const blocks = new Map(
      (db.prepare('SELECT block, min_at, max_at FROM journal_time_blocks').raw(true).all() as [number, string, string][]).map(([block, min, max]) => [
        block,
        [min, max] as [string, string],
      ]),
    );
    const runEnds = new Map<number, number>();
    for (let i = 0; i < attribution.runs.length; i += 3) runEnds.set(attribution.runs[i + 1]!, attribution.runs[i]!);
    const first = input.anchor ?? (input.headMissing ? { seq: 0, kind: 'head-missing' as const } : null);
    return {
      context: { archiveId: input.archiveId, signed, blocks, eraStart: attribution.eraStart, runs: attribution.runs, people: attribution.people },
      lastSeq,
      chunks: Math.ceil(lastSeq / CHUNK),
      checkpointsVerified: verified,
      lastCheckpoint,
      problems,
      runEnds,
      attribution,
      first: first ? { seq: first.seq, kind: first.kind } : null,
    };
  })();
}

/** The newest checkpoints and, per writer, the newest one signed by someone else. */
function summarise(plan: Plan, headSeq: number, unsigned: number, attributable: boolean): SignatureSummary {
  const heads = plan.attribution.heads;
  const lastCheckpointByOthers: Record<string, number> = {};
  for (const writer of plan.attribution.writers) {
    let seq = 0;
    for (const head of heads) if (head.signer !== writer && head.seq <= headSeq) seq = Math.max(seq, head.seq);
    lastCheckpointByOthers[writer] = seq;
  }
  const era = plan.attribution.eraStart;
  return {
    signedFrom: era === Infinity ? null : era,
    unsigned,
    attributable,
    latestCheckpoints: heads.slice(-5).map((h) => ({ seq: h.seq, signer: h.signer, role: h.role, at: h.at })),
    lastCheckpointByOthers,
    afterLastCheckpoint: Math.max(0, headSeq - (plan.lastCheckpoint?.seq ?? 0)),
  };
}

/**
 * Reads the chunks' results in order, as one walk from the start would have met them, and reports
 * the problem with the lowest sequence number among the walk's and those found before it (anything
 * the workstation's anchor found comes first). A broken run signature right before a broken link is
 * the same change (an entry changed and rehashed alone): the link names it, as it always did.
 */
function conclude(db: Db, plan: Plan, results: ChunkResult[]): ChainReport {
  const base = { checkpointsVerified: plan.checkpointsVerified, lastCheckpoint: plan.lastCheckpoint };
  let count = 0;
  let headSeq = 0;
  let headHash = genesisHash(plan.context.archiveId);
  let lastSignedSeq = 0;
  let broken = false;
  let unsigned = 0;
  const named: number[] = [];
  const candidates: Problem[] = [];
  // Links broken right after a signed run's end: the run's signature is broken by the same change.
  const brokenLinks = new Set<number>();
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
    unsigned += result.unsigned;
    named.push(...result.unsignedNamed);
    for (const found of result.problems ?? (result.problem ? [result.problem] : [])) {
      candidates.push(found);
      if (found.kind === 'link') brokenLinks.add(found.seq);
    }
    if (result.problem) broken = true;
  }
  // A block for entries that do not exist (or are not yet a full block) was not written by the app.
  const walkedTo = broken ? plan.lastSeq : headSeq;
  for (const block of plan.context.blocks.keys()) {
    if (!(Number.isInteger(block) && block >= 0 && (block + 1) * TIME_BLOCK <= walkedTo)) candidates.push({ seq: block * TIME_BLOCK + 1, kind: 'time-index' });
  }
  const highestSigned = Math.max(0, ...plan.context.signed.keys());
  if (highestSigned > plan.lastSeq || (!broken && lastSignedSeq !== highestSigned)) candidates.push({ seq: plan.lastSeq + 1, kind: 'truncated' });
  // Unsigned entries that name someone: only what is written with no session may be.
  const kindOf = db.prepare('SELECT event, outcome FROM journal WHERE seq = ?');
  for (const seq of named) {
    const row = kindOf.get(seq) as { event: string; outcome: string } | undefined;
    if (row && !mayBeUnsigned(row.event, row.outcome)) candidates.push({ seq, kind: 'unsigned' });
  }
  for (const found of plan.problems) {
    if (found.seq > plan.lastSeq + 1 && found.kind !== 'checkpoint-signature') continue;
    // Explained by the walk: the entry at the end of this run was changed and rehashed, breaking the next link.
    if (found.kind === 'entry-signature' && [...brokenLinks].some((seq) => plan.runEnds.get(seq - 1) === found.seq)) continue;
    candidates.push(found);
  }
  // In chain order (a stable sort: at one place, the walk's own problem first).
  candidates.sort((a, b) => a.seq - b.seq);
  // What the workstation remembers comes before anything else: the rest may be the chain it was cut back to.
  if (plan.first) candidates.unshift(plan.first);
  const problems = candidates.slice(0, MAX_REPORTED);
  const problem = problems[0] ?? null;
  const attributable = problem === null;
  const signatures = summarise(plan, headSeq, unsigned, attributable);
  if (problem) return { ...base, ok: false, count, headSeq, headHash, problem, problems, signatures };
  return { ...base, ok: true, count, headSeq, headHash, signatures };
}

/** The whole walk on this thread. */
export function verifyJournal(db: Db, input: VerifyInput): ChainReport {
  const planned = plan(db, input);
  return conclude(db, planned, walkAllHere(db, planned));
}

function walkAllHere(db: Db, planned: Plan): ChunkResult[] {
  const walker = new ChainWalker(db, planned.context);
  const results: ChunkResult[] = [];
  for (let index = 0; index < planned.chunks; index++) {
    results.push(walker.walk(index, planned.lastSeq));
  }
  return results;
}

/**
 * The same walk with worker threads taking chunks too. Falls back to this thread alone for short
 * journals, and walks here any chunk a worker did not report (a worker that failed to start or died).
 */
export async function verifyJournalInParallel(db: Db, input: VerifyInput, reader: ArchiveReader, options: ParallelOptions = {}): Promise<ChainReport> {
  // Workers start first, so they open the archive while this thread plans (checks the signatures).
  const expected = Math.ceil(((db.prepare('SELECT max(seq) FROM journal').pluck().get() as number | null) ?? 0) / CHUNK);
  const workers = workersFor(expected, options);
  const pool = workers > 0 ? new WalkPool(reader, options, workers) : null;
  let planned: Plan;
  let uncommitted: boolean;
  try {
    const settled = options.settled ?? ((work) => work());
    [planned, uncommitted] = settled(() => [plan(db, input), db.inTransaction] as const);
  } catch (error) {
    await pool?.cancel();
    throw error;
  }
  if (uncommitted) {
    // This connection's plan may include entries not committed yet, which no worker can see.
    await pool?.cancel();
    return conclude(db, planned, walkAllHere(db, planned));
  }
  const walker = new ChainWalker(db, planned.context);
  const walkHere = (first: number, last: number) => walker.walkSpan(first, last);
  const results = pool
    ? await pool.walk(planned.context, planned.lastSeq, planned.chunks, walkHere)
    : await walkInWorkers(planned.context, planned.lastSeq, planned.chunks, reader, options, walkHere);
  const ordered: ChunkResult[] = [];
  for (let index = 0; index < planned.chunks; index++) {
    ordered.push(results.get(index) ?? walker.walk(index, planned.lastSeq));
  }
  return conclude(db, planned, ordered);
}
