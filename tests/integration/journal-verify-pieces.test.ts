/**
 * The verify pool hands out pieces of chunks (verify-pieces.ts): an intact chunk's pieces, walked
 * on any thread and joined, give exactly the chunk's own walk; a chunk with a problem in a piece is
 * left for verify to walk whole, so its report is the chunk walk's. A real encrypted file.
 */
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/core/db/connection';
import { MAX_NAMED } from '../../src-main/core/journal/attribution-walk';
import { CHUNK, ChainWalker, type ChunkResult, type WalkContext } from '../../src-main/core/journal/chain-walk';
import { verifyJournal, verifyJournalInParallel } from '../../src-main/core/journal/verify';
import { joinPieces, PIECE, PIECES_PER_CHUNK, piecesFor, pieceSpan } from '../../src-main/core/journal/verify-pieces';
import { walkInWorkers } from '../../src-main/core/journal/verify-pool';
import { makeJournalFile, walkContextOf } from '../helpers/journal-file';

const ENTRIES = 2 * CHUNK + 2345; // three chunks, the last one short and ending inside a piece
const ARCHIVE_ID = 'verify-pieces-test';

let root: string;
let path: string;
let key: Buffer;
let publicKey: Buffer;

beforeEach(() => {
  const file = makeJournalFile('triplicate-pieces-', ARCHIVE_ID, ENTRIES);
  ({ root, path, key } = file);
  publicKey = file.signer.publicKey;
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const contextOf = (db: Db): WalkContext => walkContextOf(db, ARCHIVE_ID);

function tamper(edit: (db: Db) => void): void {
  const db = openDatabase(path, key);
  db.exec('DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;');
  edit(db);
  db.close();
}

describe('pieces of chunks', () => {
  it('cut the journal into time blocks, the last one short', () => {
    expect(PIECE * PIECES_PER_CHUNK).toBe(CHUNK);
    expect(piecesFor(3, ENTRIES)).toBe(Math.ceil(ENTRIES / PIECE));
    expect(pieceSpan(piecesFor(3, ENTRIES) - 1, ENTRIES)).toEqual({ first: Math.floor(ENTRIES / PIECE) * PIECE + 1, last: ENTRIES });
  });

  it("joined, an intact chunk's pieces give the chunk's own walk", () => {
    const db = openDatabase(path, key);
    try {
      const walker = new ChainWalker(db, contextOf(db));
      const pieces = piecesFor(3, ENTRIES);
      for (const chunk of [0, 1, 2]) {
        const results: ChunkResult[] = [];
        for (let p = chunk * PIECES_PER_CHUNK; p < Math.min(pieces, (chunk + 1) * PIECES_PER_CHUNK); p++) {
          const { first, last } = pieceSpan(p, ENTRIES);
          results.push(walker.walkSpan(first, last));
        }
        const whole = walker.walk(chunk, ENTRIES);
        expect(whole.problem).toBeNull();
        expect(joinPieces(results)).toEqual(whole);
      }
    } finally {
      db.close();
    }
  });

  it('a piece with a problem, or a piece missing, leaves its chunk to be walked whole', () => {
    const seq = CHUNK + 3 * PIECE + 10;
    tamper((db) => db.prepare(`UPDATE journal SET details = '{"i":-1}' WHERE seq = ?`).run(seq));
    const db = openDatabase(path, key);
    try {
      const walker = new ChainWalker(db, contextOf(db));
      const results = Array.from({ length: PIECES_PER_CHUNK }, (_, i) => {
        const { first, last } = pieceSpan(PIECES_PER_CHUNK + i, ENTRIES);
        return walker.walkSpan(first, last);
      });
      expect(results[3]!.problem).toEqual({ seq, kind: 'hash' });
      expect(joinPieces(results)).toBeNull();
      expect(joinPieces([results[0], undefined, results[2]])).toBeNull();
    } finally {
      db.close();
    }
  });

  it('lists at most as many unsigned entries naming someone as one chunk walk does, the first ones', () => {
    const piece = (from: number): ChunkResult => ({
      count: PIECE,
      lastSeq: from + PIECE - 1,
      lastHash: `h${from}`,
      lastSignedSeq: 0,
      problem: null,
      problems: [],
      unsigned: PIECE,
      unsignedNamed: Array.from({ length: PIECE }, (_, i) => from + i),
    });
    const joined = joinPieces([piece(1), piece(1 + PIECE)])!;
    expect(joined.unsigned).toBe(2 * PIECE);
    expect(joined.unsignedNamed).toEqual(Array.from({ length: Math.min(MAX_NAMED, 2 * PIECE) }, (_, i) => 1 + i));
    expect(joined).toMatchObject({ count: 2 * PIECE, lastSeq: 2 * PIECE, lastHash: `h${1 + PIECE}` });
  });

  it('shared between this thread and a worker, every chunk comes back as its own walk', async () => {
    const db = openDatabase(path, key);
    try {
      const context = contextOf(db);
      const walker = new ChainWalker(db, context);
      const here: number[] = [];
      const results = await walkInWorkers(context, ENTRIES, 3, { path, key }, { workers: 1, minChunks: 1 }, (first, last) => {
        here.push(first);
        return walker.walkSpan(first, last);
      });
      expect([0, 1, 2].map((chunk) => results.get(chunk))).toEqual([0, 1, 2].map((chunk) => walker.walk(chunk, ENTRIES)));
      // This thread took pieces from the end, whole time blocks.
      expect(here.length).toBeGreaterThan(0);
      expect(here.every((first) => first % PIECE === 1)).toBe(true);
      expect(here).toContain(Math.floor(ENTRIES / PIECE) * PIECE + 1);
    } finally {
      db.close();
    }
  });

  it('the first entry of a time block deleted: the same report as one walk, wherever the pieces went', async () => {
    tamper((db) => db.prepare('DELETE FROM journal WHERE seq = ?').run(CHUNK + 4 * PIECE + 1));
    const db = openDatabase(path, key);
    try {
      const input = { archiveId: ARCHIVE_ID, publicKey, keyringHead: null };
      const single = verifyJournal(db, input);
      expect(single.problems).toContainEqual({ seq: CHUNK + 4 * PIECE + 2, kind: 'sequence' });
      for (const options of [{ workers: 1, minChunks: 1 }, { workers: 1, minChunks: 1, workersOnly: true }, { workers: 0 }]) {
        expect(await verifyJournalInParallel(db, input, { path, key }, options)).toEqual(single);
      }
    } finally {
      db.close();
    }
  });
});
