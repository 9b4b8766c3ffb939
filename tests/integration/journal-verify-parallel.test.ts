/**
 * The chain walk split into chunks and shared with worker threads (verify-pool.ts) must say
 * exactly what one walk from the start says — the same first problem, sequence number, count and
 * head — wherever the damage sits: inside a worker's chunk, on a chunk boundary, in a time block.
 * A real encrypted file, tampered with the key as someone with a SQLCipher tool could.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/core/db/connection';
import { CHUNK, ChainWalker, type ChunkResult, type WalkContext } from '../../src-main/core/journal/chain-walk';
import { CHUNK_BLOB_SQL, walkChunkBlob } from '../../src-main/core/journal/chain-blob';
import { ENTRY_COLUMNS, genesisHash, rowHash, type EntryRow } from '../../src-main/core/journal/entry';
import type { Signer } from '../../src-main/core/journal/signer';
import { verifyJournal, verifyJournalInParallel, type ChainReport } from '../../src-main/core/journal/verify';
import { makeJournalFile, walkContextOf } from '../helpers/journal-file';

const ENTRIES = 2 * CHUNK + 2500; // three chunks, the last one short
const ARCHIVE_ID = 'parallel-verify-test';

let root: string;
let path: string;
let key: Buffer;
let signer: Signer;

beforeEach(() => {
  ({ root, path, key, signer } = makeJournalFile('triplicate-verify-', ARCHIVE_ID, ENTRIES, (i) => ({
    type: 'dossier',
    id: `KH-2026-${String(i % 97).padStart(5, '0')}`,
  })));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** What someone with the key and a SQLCipher tool could do: drop the triggers, then edit. */
function tamper(edit: (db: Db) => void): void {
  const db = openDatabase(path, key);
  db.exec('DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;');
  edit(db);
  db.close();
}

/** The single-thread walk, and the parallel one with every chunk left to workers. */
async function bothWays(options: { workers?: number; readerKey?: Buffer } = {}): Promise<{ single: ChainReport; parallel: ChainReport; byWorkers: number[] }> {
  const db = openDatabase(path, key);
  try {
    const input = { archiveId: ARCHIVE_ID, publicKey: signer.publicKey, keyringHead: null };
    const single = verifyJournal(db, input);
    const byWorkers: number[] = [];
    const parallel = await verifyJournalInParallel(
      db,
      input,
      { path, key: options.readerKey ?? key },
      {
        workers: options.workers ?? 2,
        minChunks: 1,
        workersOnly: true,
        onWorkerChunk: (index) => byWorkers.push(index),
      },
    );
    return { single, parallel, byWorkers };
  } finally {
    db.close();
  }
}

describe('the chain walk in worker threads', () => {
  it('an intact journal: the same report as one walk, every entry counted', async () => {
    const { single, parallel, byWorkers } = await bothWays();
    expect(single).toMatchObject({ ok: true, count: ENTRIES, headSeq: ENTRIES });
    expect(parallel).toEqual(single);
    // The workers really walked: every chunk came from them.
    expect(byWorkers.sort()).toEqual([0, 1, 2]);
  });

  it('a changed entry inside a later chunk is named by its sequence number', async () => {
    const seq = CHUNK + 4321;
    tamper((db) => db.prepare(`UPDATE journal SET details = '{"i":-1}' WHERE seq = ?`).run(seq));
    const { single, parallel, byWorkers } = await bothWays({ workers: 1 });
    expect(single).toMatchObject({ ok: false, count: seq - 1, headSeq: seq - 1, problem: { seq, kind: 'hash' } });
    expect(parallel).toEqual(single);
    expect(byWorkers).toContain(1);
  });

  it('the last entry of a chunk deleted: the next chunk reports the gap, as one walk does', async () => {
    tamper((db) => db.prepare('DELETE FROM journal WHERE seq = ?').run(CHUNK));
    const { single, parallel } = await bothWays();
    expect(single).toMatchObject({ ok: false, headSeq: CHUNK - 1, problem: { seq: CHUNK + 1, kind: 'sequence' } });
    expect(parallel).toEqual(single);
  });

  it('an entry re-hashed after an edit, at a chunk boundary, is caught by the checkpoint signed there', async () => {
    tamper((db) => {
      const row = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM journal WHERE seq = ?`).raw(true).get(CHUNK) as EntryRow;
      row[12] = '{"i":-1}';
      db.prepare('UPDATE journal SET details = ?, hash = ? WHERE seq = ?').run(row[12], rowHash(row), CHUNK);
    });
    const { single, parallel } = await bothWays();
    // The edited entry hashes correctly now; a signed checkpoint at CHUNK (every 1000) no longer matches it.
    expect(single).toMatchObject({ ok: false, problem: { seq: CHUNK, kind: 'checkpoint-mismatch' } });
    expect(parallel).toEqual(single);
  });

  it('an edited time block in a worker chunk is caught', async () => {
    tamper((db) => {
      db.exec('DROP TRIGGER journal_time_blocks_no_update');
      db.prepare("UPDATE journal_time_blocks SET max_at = '2099-01-01T00:00:00.000Z' WHERE block = 15").run();
    });
    const { single, parallel } = await bothWays();
    expect(single).toMatchObject({ ok: false, problem: { seq: 15 * 1000 + 1, kind: 'time-index' } });
    expect(parallel).toEqual(single);
  });

  it('the first problem wins when there are several, in different chunks', async () => {
    tamper((db) => {
      db.prepare(`UPDATE journal SET details = '{"i":-2}' WHERE seq = ?`).run(2 * CHUNK + 7);
      db.prepare(`UPDATE journal SET details = '{"i":-1}' WHERE seq = ?`).run(CHUNK + 3);
    });
    const { single, parallel } = await bothWays();
    expect(single.problem).toEqual({ seq: CHUNK + 3, kind: 'hash' });
    expect(parallel).toEqual(single);
  });

  it('workers that cannot open the file (a wrong key) leave the walk to this thread, with the same report', async () => {
    tamper((db) => db.prepare(`UPDATE journal SET details = '{"i":-1}' WHERE seq = ?`).run(2 * CHUNK + 1));
    const { single, parallel, byWorkers } = await bothWays({ readerKey: randomBytes(32) });
    expect(single.problem).toEqual({ seq: 2 * CHUNK + 1, kind: 'hash' });
    expect(parallel).toEqual(single);
    expect(byWorkers).toEqual([]);
  });
});

const OUT_MAIN = join(__dirname, '..', '..', 'out', 'main');

describe('the built app', () => {
  it.skipIf(!existsSync(join(OUT_MAIN, 'journal-verify-worker.js')))(
    'finds its worker next to the main bundle and gets the same chunk results (build first: npm run build)',
    async () => {
      // The shared chunk electron-vite emits holds walkInWorkers; load it as the app would.
      const chunk = readdirSync(join(OUT_MAIN, 'chunks'))
        .map((f) => join(OUT_MAIN, 'chunks', f))
        .find((f) => f.endsWith('.js') && readFileSync(f, 'utf8').includes('journal-verify-worker.js'));
      expect(chunk).toBeDefined();
      const built = createRequire(__filename)(chunk!) as { walkInWorkers: typeof import('../../src-main/core/journal/verify-pool').walkInWorkers };
      const db = openDatabase(path, key);
      try {
        const blocks = new Map(
          (db.prepare('SELECT block, min_at, max_at FROM journal_time_blocks').raw(true).all() as [number, string, string][]).map(([b, min, max]) => [
            b,
            [min, max] as [string, string],
          ]),
        );
        const context: WalkContext = { archiveId: ARCHIVE_ID, signed: new Map(), blocks, eraStart: Infinity, runs: [], people: [] };
        const here = new ChainWalker(db, context);
        const byWorkers: number[] = [];
        const results = await built.walkInWorkers(
          context,
          ENTRIES,
          3,
          { path, key },
          { workers: 1, minChunks: 1, workersOnly: true, onWorkerChunk: (i) => byWorkers.push(i) },
          () => {
            throw new Error('every chunk was to be walked by the worker');
          },
        );
        expect(byWorkers.sort()).toEqual([0, 1, 2]);
        const expected: ChunkResult[] = [0, 1, 2].map((i) => here.walk(i, ENTRIES));
        expect([0, 1, 2].map((i) => results.get(i))).toEqual(expected);
        expect(expected.reduce((n, r) => n + r.count, 0)).toBe(ENTRIES);
      } finally {
        db.close();
      }
    },
  );
});

describe('the fast path (chain-blob.ts)', () => {
  const contextOf = (db: Db): WalkContext => walkContextOf(db, ARCHIVE_ID);

  it("finds every chunk of an intact journal intact, with the row walk's result", () => {
    const db = openDatabase(path, key);
    try {
      const context = contextOf(db);
      const walker = new ChainWalker(db, context);
      const blob = db.prepare(CHUNK_BLOB_SQL).pluck();
      let prevHash = genesisHash(ARCHIVE_ID);
      for (const index of [0, 1, 2]) {
        const first = index * CHUNK + 1;
        const last = Math.min(first + CHUNK - 1, ENTRIES);
        const fast = walkChunkBlob(blob.get(first - 1, last) as Buffer, first, last, prevHash, context);
        const rows = walker.walkRows(index, ENTRIES);
        expect(fast).not.toBeNull();
        expect(fast).toEqual(rows);
        expect(fast!.lastSignedSeq).toBeGreaterThan(0);
        prevHash = rows.lastHash;
      }
    } finally {
      db.close();
    }
  });

  it('says nothing (null) about a chunk with anything unexpected, leaving it to the row walk', () => {
    const db = openDatabase(path, key);
    try {
      const context = contextOf(db);
      const first = CHUNK + 1;
      const last = 2 * CHUNK;
      const prevHash = db.prepare('SELECT hash FROM journal WHERE seq = ?').pluck().get(CHUNK) as string;
      const intact = db.prepare(CHUNK_BLOB_SQL).pluck().get(CHUNK, last) as Buffer;
      const walk = (blob: Buffer, ctx: WalkContext = context, prev = prevHash) => walkChunkBlob(blob, first, last, prev, ctx);
      expect(walk(intact)).not.toBeNull();

      const lines = intact.toString('utf8').split('\n');
      const join = (ls: string[]) => Buffer.from(ls.join('\n'), 'utf8');
      const edited = Buffer.from(intact);
      const digit = intact.indexOf('\\"i\\":') + 6; // details are a JSON string in the text: {\"i\":10000}
      expect(digit).toBeGreaterThan(6);
      edited[digit] = edited[digit]! ^ 1; // one digit of one entry's details, still a digit
      const badUtf8 = Buffer.concat([intact.subarray(0, 200), Buffer.from([0xff]), intact.subarray(201)]);
      const otherBlocks = new Map(context.blocks);
      otherBlocks.set(15, ['2000-01-01T00:00:00.000Z', otherBlocks.get(15)![1]]);
      const otherSigned = new Map(context.signed);
      otherSigned.set(CHUNK + 1000, '0'.repeat(64));
      const cases: [string, Buffer | null][] = [
        ['a changed byte', walk(edited) && edited],
        ['a dropped entry', walk(join([...lines.slice(0, 10), ...lines.slice(11)])) && intact],
        ['two entries swapped', walk(join([lines[1]!, lines[0]!, ...lines.slice(2)])) && intact],
        ['the last entry missing', walk(join(lines.slice(0, -1))) && intact],
        ['a stored hash changed', walk(join([lines[0]!.slice(0, -1) + (lines[0]!.endsWith('0') ? '1' : '0'), ...lines.slice(1)])) && intact],
        ['bytes that are not UTF-8', walk(badUtf8) && badUtf8],
        ['a time block that disagrees', walk(intact, { ...context, blocks: otherBlocks }) && intact],
        ['a checkpoint that disagrees', walk(intact, { ...context, signed: otherSigned }) && intact],
        ['another predecessor', walk(intact, context, '0'.repeat(64)) && intact],
      ];
      expect(cases.filter(([, found]) => found !== null).map(([name]) => name)).toEqual([]);
    } finally {
      db.close();
    }
  });
});
