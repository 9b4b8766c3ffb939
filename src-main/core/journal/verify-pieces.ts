/**
 * Pieces: what the verify pool hands out (verify-pool.ts). A chunk (CHUNK entries, the unit of the
 * walk's results) is cut into pieces of one time block, so the thread that runs out of work first
 * waits at most for one short piece of another's, never for a whole chunk: a worker's connection
 * starts cold, so its chunks are the slow ones.
 *
 * Only intact pieces are joined into their chunk's result. A chunk with a problem in any piece (or
 * a piece a worker never reported) is left out, and verify walks that chunk again whole
 * (chain-walk.ts), so a damaged journal gets exactly the chunk walk's report.
 */
import { MAX_NAMED } from './attribution-walk';
import { CHUNK, type ChunkResult } from './chain-walk';
import { TIME_BLOCK } from './journal';

/** Entries per piece: one time block, so a piece's walk checks whole blocks (block-span.ts). */
export const PIECE = TIME_BLOCK;
export const PIECES_PER_CHUNK = CHUNK / PIECE;

/** Pieces of `chunks` chunks of a journal whose newest entry is `lastSeq`. */
export function piecesFor(chunks: number, lastSeq: number): number {
  return Math.max(0, Math.min(chunks * PIECES_PER_CHUNK, Math.ceil(lastSeq / PIECE)));
}

/** The entries piece `index` holds. */
export function pieceSpan(index: number, lastSeq: number): { first: number; last: number } {
  const first = index * PIECE + 1;
  return { first, last: Math.min(first + PIECE - 1, lastSeq) };
}

/**
 * A chunk's result from its pieces' results, in order, as the chunk's own walk gives it for an
 * intact chunk; null when a piece is missing or found a problem.
 */
export function joinPieces(pieces: (ChunkResult | undefined)[]): ChunkResult | null {
  let count = 0;
  let lastSeq = 0;
  let lastHash = '';
  let lastSignedSeq = 0;
  let unsigned = 0;
  const unsignedNamed: number[] = [];
  for (const piece of pieces) {
    if (!piece || piece.problem) return null;
    count += piece.count;
    if (piece.count > 0) {
      lastSeq = piece.lastSeq;
      lastHash = piece.lastHash;
    }
    lastSignedSeq = Math.max(lastSignedSeq, piece.lastSignedSeq);
    unsigned += piece.unsigned;
    // The chunk's walk lists at most MAX_NAMED of them, the first ones.
    for (const seq of piece.unsignedNamed) if (unsignedNamed.length < MAX_NAMED) unsignedNamed.push(seq);
  }
  return { count, lastSeq, lastHash, lastSignedSeq, problem: null, problems: [], unsigned, unsignedNamed };
}
