/**
 * Worker threads for the chain walk. Each worker opens its own read-only connection to the
 * archive file with a copy of the database key (transferred, and zeroed by the worker once the
 * connection is open; the key never leaves this process), then takes pieces of chunks
 * (verify-pieces.ts) from a counter it shares with this thread until none are left, reporting each
 * piece's result.
 *
 * Under electron-vite the worker is its own entry, emitted next to the main bundle
 * (`journal-verify-worker.js`, electron.vite.config.ts); from the sources (tests, the CLI, the
 * benchmarks) it is the TypeScript file, loaded through tsx like the CLI.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { getNativeBinding } from '../db/connection';
import type { ChunkResult, WalkContext } from './chain-walk';
import { joinPieces, PIECES_PER_CHUNK, piecesFor, pieceSpan } from './verify-pieces';

/** Where the worker finds the archive: the database file and its raw key (copied, never kept). */
export interface ArchiveReader {
  path: string;
  key: Buffer;
}

export interface ParallelOptions {
  /** Worker threads to start; one fewer than the cores (at most 3) unless given. */
  workers?: number;
  /** Below this many chunks the walk stays on this thread (a worker costs a few hundred ms to start). */
  minChunks?: number;
  /** Tests: leave every chunk to the workers, so their path is the one checked. */
  workersOnly?: boolean;
  /** Tests: told of each chunk whose every piece a worker walked. */
  onWorkerChunk?: (index: number) => void;
  /**
   * The worker script to start, instead of the one found beside this code: a bundle of
   * verify-worker.ts as the built app ships it. Run from the sources, the worker otherwise loads
   * through tsx, which the app never does; benchmarks build the bundle and time it.
   */
  workerScript?: string;
  /**
   * Runs the plan, which fixes the head the workers walk to, with nothing uncommitted on this
   * connection (the archive server's `archive.settled`). A plan that still sees uncommitted
   * entries is walked on this thread, since no worker connection could read them.
   */
  settled?: <T>(work: () => T) => T;
}

let threadFree = false;

/**
 * For the archive server: every chunk goes to a worker, however short the journal, so this
 * thread (the one answering every workstation) is never held by a walk. Walking here stays
 * the fallback when no worker can start. On Linux the workers also run at the lowest priority,
 * so a verify takes the CPU the workstations' requests leave over rather than competing with them.
 */
export function keepThisThreadFree(on = true): void {
  threadFree = on;
}

/** What the worker is given at start (verify-worker.ts): enough to open the archive while verify plans. */
export interface WorkerInput {
  path: string;
  key: ArrayBuffer;
  nativeBinding: string | undefined;
  /** The pieces not yet taken (a ChunkCounter's buffer). */
  counter: SharedArrayBuffer;
  /** On the archive server: the walk takes only the CPU the other requests leave (verify-worker.ts). */
  lowerPriority: boolean;
}

/** What the worker is sent once verify has planned: what to check the pieces against (null: nothing to walk). */
export type WorkerPlan = { context: WalkContext; lastSeq: number } | null;

/** `index`: a piece (verify-pieces.ts). */
export type WorkerMessage = { index: number; result: ChunkResult } | { done: true } | { failed: string };

/**
 * The chunks (or pieces) not yet taken, as one 64-bit word [front: low 32 bits, end: high 32 bits],
 * so both ends move in one compare-and-swap. Workers take from the front; this thread takes from the end,
 * where the pages it has just read or written are still decrypted in its cache, and the workers'
 * fresh connections start on the older pages neither of them holds.
 */
export type ChunkCounter = BigInt64Array;

const LOW = 0xffffffffn;

export function newChunkCounter(): ChunkCounter {
  return new BigInt64Array(new SharedArrayBuffer(8));
}

/** Offers chunks 0..chunks-1. */
export function offerChunks(counter: ChunkCounter, chunks: number): void {
  Atomics.store(counter, 0, BigInt(chunks) << 32n);
}

/** Takes the next chunk from the front (workers) or the end (this thread); null when none is left. */
export function takeChunk(counter: ChunkCounter, from: 'front' | 'end' = 'front'): number | null {
  for (;;) {
    const state = Atomics.load(counter, 0);
    const front = Number(state & LOW);
    const end = Number(state >> 32n);
    if (front >= end) return null;
    const next = from === 'front' ? (BigInt(end) << 32n) | BigInt(front + 1) : (BigInt(end - 1) << 32n) | BigInt(front);
    if (Atomics.compareExchange(counter, 0, state, next) === state) return from === 'front' ? front : end - 1;
  }
}

function workerEntry(script: string | undefined): { file: string; execArgv?: string[] } {
  // Started as the app starts its worker: without this process's loader flags (tsx when run from the sources).
  if (script) return { file: script, execArgv: [] };
  // Built: this code sits in out/main or in a shared chunk under out/main/chunks.
  const built = [join(__dirname, 'journal-verify-worker.js'), join(__dirname, '..', 'journal-verify-worker.js')].find((file) => existsSync(file));
  if (built) return { file: built };
  const require = createRequire(join(__dirname, 'verify-pool.ts'));
  return { file: join(__dirname, 'verify-worker.ts'), execArgv: ['--require', require.resolve('tsx/cjs')] };
}

interface Started {
  worker: Worker | null;
  exited: Promise<void>;
}

function startWorker(input: WorkerInput, script: string | undefined, onResult: (index: number, result: ChunkResult) => void): Started {
  let worker: Worker;
  try {
    const entry = workerEntry(script);
    worker = new Worker(entry.file, { workerData: input, transferList: [input.key], execArgv: entry.execArgv });
  } catch {
    new Uint8Array(input.key).fill(0); // not transferred: zero this thread's copy
    return { worker: null, exited: Promise.resolve() }; // the caller walks whatever no worker reported
  }
  const exited = new Promise<void>((resolve) => {
    worker.on('message', (message: WorkerMessage) => {
      if ('index' in message) onResult(message.index, message.result);
    });
    // Errors end in 'exit' too; unreported chunks are walked by the caller.
    worker.on('error', () => undefined);
    worker.on('exit', () => resolve());
  });
  return { worker, exited };
}

/**
 * Workers started before verify plans (reading the signatures and checkpoints, checking them):
 * a worker takes a while to start and open the archive, and that now happens beside the plan.
 * `walk` then hands them the plan and the chunks; `cancel` sends them away when there is nothing
 * worth sharing.
 */
export class WalkPool {
  /** By piece. */
  private readonly results = new Map<number, ChunkResult>();
  private readonly byWorkers = new Set<number>();
  private readonly counter = newChunkCounter();
  private readonly started: Started[] = [];
  private readonly workersOnly: boolean;

  constructor(
    reader: ArchiveReader,
    private readonly options: ParallelOptions,
    workers: number,
  ) {
    this.workersOnly = threadFree || options.workersOnly === true;
    for (let i = 0; i < workers; i++) {
      // A fresh copy per worker, in its own ArrayBuffer (never Buffer's shared pool), transferred away.
      const key = new Uint8Array(reader.key.length);
      key.set(reader.key);
      const input = {
        path: reader.path,
        key: key.buffer,
        nativeBinding: getNativeBinding(),
        counter: this.counter.buffer as SharedArrayBuffer,
        lowerPriority: threadFree,
      };
      this.started.push(
        startWorker(input, options.workerScript, (index, result) => {
          // Every piece is walked even after a problem: the report lists every problem (verify.ts).
          this.results.set(index, result);
          this.byWorkers.add(index);
        }),
      );
    }
  }

  /**
   * Walks the chunks' pieces here (`walkHere(first, last)`) and in the workers; returns the results
   * by chunk index, joined from the pieces, for every chunk found intact. A chunk with a problem, or
   * with a piece no one reported (a failed worker), is missing: the caller walks it whole.
   */
  async walk(context: WalkContext, lastSeq: number, chunks: number, walkHere: (first: number, last: number) => ChunkResult): Promise<Map<number, ChunkResult>> {
    const pieces = piecesFor(chunks, lastSeq);
    offerChunks(this.counter, pieces);
    for (const { worker } of this.started) worker?.postMessage({ context, lastSeq } satisfies WorkerPlan);
    const running = this.started.filter((s) => s.worker !== null);
    if (!this.workersOnly || running.length === 0) {
      for (let index = takeChunk(this.counter, 'end'); index !== null; index = takeChunk(this.counter, 'end')) {
        const { first, last } = pieceSpan(index, lastSeq);
        this.results.set(index, walkHere(first, last));
      }
    }
    await Promise.all(this.started.map((s) => s.exited));
    const joined = new Map<number, ChunkResult>();
    for (let chunk = 0; chunk < chunks; chunk++) {
      const indexes = Array.from({ length: Math.min(PIECES_PER_CHUNK, pieces - chunk * PIECES_PER_CHUNK) }, (_, i) => chunk * PIECES_PER_CHUNK + i);
      if (indexes.length > 0 && indexes.every((index) => this.byWorkers.has(index))) this.options.onWorkerChunk?.(chunk);
      const result = indexes.length > 0 ? joinPieces(indexes.map((index) => this.results.get(index))) : null;
      if (result) joined.set(chunk, result);
    }
    return joined;
  }

  /** Nothing to share after all: the workers close their connection and end. */
  async cancel(): Promise<void> {
    for (const { worker } of this.started) worker?.postMessage(null satisfies WorkerPlan);
    await Promise.all(this.started.map((s) => s.exited));
  }
}

/** Worker threads worth starting for a journal of `chunks` chunks (0: walk on this thread alone). */
export function workersFor(chunks: number, options: ParallelOptions): number {
  const workers = options.workers ?? Math.max(threadFree ? 1 : 0, Math.min(3, availableParallelism() - 1));
  const minChunks = threadFree ? 1 : (options.minChunks ?? 4);
  return workers > 0 && chunks >= minChunks ? workers : 0;
}

/**
 * Walks chunks here and in workers; returns the results by chunk index. A chunk may be missing
 * (a problem in it, or its worker failed); the caller walks those itself.
 */
export async function walkInWorkers(
  context: WalkContext,
  lastSeq: number,
  chunks: number,
  reader: ArchiveReader,
  options: ParallelOptions,
  walkHere: (first: number, last: number) => ChunkResult,
): Promise<Map<number, ChunkResult>> {
  return new WalkPool(reader, options, workersFor(chunks, options)).walk(context, lastSeq, chunks, walkHere);
}
