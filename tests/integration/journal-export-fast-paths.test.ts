/**
 * Issue 6 (1M-entry targets): the CSV exporter and the offline verifier work on bytes (export/pages.ts
 * with chain-csv.ts, export/csv-identity.ts) and keep the row paths only as fallbacks. The rule they
 * protect: the fast paths give exactly what the row paths give — the same file byte for byte, the same
 * identity for every line of any file, the same line numbers — so every guarantee and verdict stands.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, CHAIN_TEXT_SQL, ENTRY_COLUMNS, rowHash, type EntryRow } from '../../src-main/core/journal/entry';
import { csvCellsToRow, csvHeader, csvLine } from '../../src-main/core/journal/export/csv';
import { csvIdentities, type IdentityItem } from '../../src-main/core/journal/export/csv-identity';
import { exportJournal } from '../../src-main/core/journal/export/export';
import { LinkCheck } from '../../src-main/core/journal/export/link-check';
import { EXPORT_COLUMNS, manifestFileBytes, manifestMessage, type Manifest } from '../../src-main/core/journal/export/manifest';
import { CsvPages } from '../../src-main/core/journal/export/pages';
import { rowIdentity } from '../../src-main/core/journal/export/row';
import { readSource } from '../../src-main/core/journal/export/sources';
import { verifyExport } from '../../src-main/core/journal/export/verify-export';
import { parseFilter } from '../../src-main/core/journal/filter';
import { queryRows } from '../../src-main/core/journal/query';
import type { Session } from '../../src-main/core/session';
import { openDatabase } from '../../src-main/core/db/connection';
import { makeArchive, type TestArchive } from '../helpers/archive';

const AUDITOR = { login: 'wang.wu', name: '王五', department: 'audit', rank: 'staff' as const, duties: ['auditor' as const], password: 'wang-password-01' };

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Everything CSV quoting, formula defusing, JSON escaping and UTF-8 care about.
const PIECES = [
  ',',
  '"',
  '""',
  '\r',
  '\n',
  '\r\n',
  "'",
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\\',
  '\\"',
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  '\u2028',
  '\uFEFF',
  '中文',
  '王五',
  '😀',
  ' ',
  'a',
  'Z',
  '0',
  '9',
  '{}',
  '[',
  ']',
  ':',
  'null',
  '\b',
  '\f',
  '/',
];
const awkward = (random: () => number, max = 6): string => {
  let s = '';
  const n = Math.floor(random() * max);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(random() * PIECES.length)]!;
  return s;
};

let archive: TestArchive;
let session: Session;
let out: string;

beforeAll(async () => {
  archive = await makeArchive();
  await archive.addPerson(AUDITOR);
  session = await archive.unlock(AUDITOR.login, AUDITOR.password);
  out = join(archive.folder, '..');
  const random = rng(6);
  const maybe = (s: string) => (random() < 0.2 ? null : s);
  for (let i = 0; i < 400; i++) {
    archive.clock.advance(Math.floor(random() * 3_600_000));
    const outcome = (['ok', 'denied', 'error'] as const)[i % 3]!;
    session.archive.journal.append({
      actor: { id: maybe(`p-${awkward(random)}`), name: maybe(awkward(random)), duty: maybe(awkward(random, 3)) },
      event: `e.${awkward(random, 3)}`,
      object: random() < 0.3 ? null : { type: awkward(random, 3), id: `D-${i % 7}${awkward(random, 3)}` },
      outcome,
      reason: outcome === 'ok' ? null : awkward(random),
      details: random() < 0.2 ? {} : { note: awkward(random, 10), [awkward(random, 2)]: [awkward(random), i, null, { x: awkward(random) }] },
    });
  }
});
afterAll(async () => {
  await session.lock();
  archive.cleanup();
});

/** The row path's file: csv.ts over queryRows, as the exporter wrote it before the fast path. */
function rowPathCsv(filters: unknown, maxSeq: number): Buffer {
  const rows = queryRows(session.archive.db, parseFilter(filters), 0, 1_000_000, maxSeq);
  return Buffer.from(csvHeader(EXPORT_COLUMNS) + rows.map(csvLine).join(''), 'utf8');
}

/** The row path's reading: sources.ts (CsvReader) and row.ts, as the verifier read before. */
async function rowPathIdentities(file: string): Promise<IdentityItem[]> {
  const items: IdentityItem[] = [];
  for await (const batch of readSource('csv', file)) {
    for (const item of batch) items.push('badHeader' in item ? item : { line: item.line, id: rowIdentity(item.row) });
  }
  return items;
}

async function fastIdentities(file: string, chunk?: number): Promise<IdentityItem[]> {
  const items: IdentityItem[] = [];
  for await (const batch of csvIdentities(file, chunk)) items.push(...batch);
  return items;
}

describe('the CSV fast paths give what the row paths give', () => {
  it('an export of awkward entries is byte for byte the row path file, whole or filtered, and verifies', async () => {
    const db = session.archive.db;
    // The fast path really serves these entries (it is not silently falling back).
    const head = session.archive.journal.head().seq;
    const pages = new CsvPages(db, {}, head);
    const encoded = pages.encode(pages.read(0, 5000), new LinkCheck(db, session.archive.archiveId, head));
    expect(encoded).not.toBeNull();
    expect(Buffer.from(encoded!.csv).toString('utf8')).toBe(
      rowPathCsv({}, head)
        .subarray(Buffer.byteLength(csvHeader(EXPORT_COLUMNS)))
        .toString('utf8'),
    );

    for (const filters of [
      {},
      { outcome: 'denied' },
      { from: '2026-01-06T00:00:00Z', to: '2026-01-09T00:00:00Z' },
      { object: { type: 'dossier', id: 'D-1' } },
    ]) {
      const file = join(out, `awkward-${randomBytes(4).toString('hex')}.csv`);
      const progress: { written: number; total: number }[] = [];
      const result = await exportJournal(session, { format: 'csv', out: file, filters }, { onProgress: (p) => progress.push(p) });
      expect(readFileSync(file).equals(rowPathCsv(filters, result.chainHead.seq)), JSON.stringify(filters)).toBe(true);
      // The progress total is counted the way pages are read, and is the count written.
      expect(progress.at(-1)).toEqual({ written: result.count, total: result.count });
      expect(await verifyExport(file, { keyFingerprint: result.fingerprint })).toMatchObject({ ok: true, count: result.count });
      expect(await fastIdentities(file)).toEqual(await rowPathIdentities(file));
    }
  });

  it('text that is not UTF-8 (written by another tool) takes the row path and exports as before', async () => {
    const db = session.archive.db;
    const head = session.archive.journal.head();
    // Another tool wrote a name as bytes that are not UTF-8; its hash is over the text SQLite gives back.
    const insert = db.prepare(`INSERT INTO journal (${ENTRY_COLUMNS}) VALUES (?, ?, ?, ?, CAST(? AS TEXT), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const bytes = Buffer.from([0x41, 0xe4, 0xb8, 0x2c, 0xff, 0x22]);
    const row: EntryRow = [
      head.seq + 1,
      '2026-02-01T00:00:00.000Z',
      0,
      'p-x',
      bytes.toString('utf8'),
      null,
      'ws',
      'e.x',
      null,
      null,
      'ok',
      null,
      '{}',
      head.hash,
    ];
    insert.run(row[0], row[1], row[2], row[3], bytes, row[5], row[6], row[7], row[8], row[9], row[10], row[11], row[12], row[13], rowHash(row));
    const text = db.prepare(`SELECT ${CHAIN_TEXT_SQL} FROM journal WHERE seq = ?`).pluck().get(row[0]) as string;
    expect(text).toContain('\uFFFD');

    const pages = new CsvPages(db, {}, row[0]);
    expect(pages.encode(pages.read(0, 5000), new LinkCheck(db, session.archive.archiveId, row[0]))).toBeNull();
    const file = join(out, 'not-utf8.csv');
    const result = await exportJournal(session, { format: 'csv', out: file });
    expect(readFileSync(file).equals(rowPathCsv({}, result.chainHead.seq))).toBe(true);
    expect((await verifyExport(file)).ok).toBe(true);
  });

  it('the verifier reads every line of a tampered or odd CSV exactly as the row path does', async () => {
    const file = join(out, 'base.csv');
    await exportJournal(session, { format: 'csv', out: file, filters: { to: '2026-01-07T00:00:00Z' } });
    const base = readFileSync(file);
    const text = base.toString('utf8');
    const lines = text.split('\r\n');
    const target = join(out, 'odd.csv');
    const check = async (bytes: Buffer, what: string) => {
      writeFileSync(target, bytes);
      const expected = await rowPathIdentities(target);
      for (const chunk of [undefined, 7, 64, 200, 1000]) expect(await fastIdentities(target, chunk), `${what} (chunk ${chunk})`).toEqual(expected);
      return expected;
    };

    // The untampered file, every line with its identity.
    const plain = await check(base, 'untampered');
    expect(plain.every((item) => 'line' in item && item.id !== null)).toBe(true);

    // Hand-picked odd forms of one line (one without quoted cells), each against the row path.
    const simple = lines.findIndex((l, i) => i > 0 && l !== '' && !l.includes('"'));
    const first = lines[simple]!.split(',');
    expect(first.length).toBe(15);
    const variants: Record<string, string> = {
      'seq with a leading zero': ['0' + first[0], ...first.slice(1)].join(','),
      'seq quoted': [`"${first[0]}"`, ...first.slice(1)].join(','),
      'tz as -0': [first[0], first[1], '-0', ...first.slice(3)].join(','),
      'tz with a plus': [first[0], first[1], '+0', ...first.slice(3)].join(','),
      'outcome defused': [...first.slice(0, 10), `'${first[10]}`, ...first.slice(11)].join(','),
      'outcome quoted': [...first.slice(0, 10), `"${first[10]}"`, ...first.slice(11)].join(','),
      'hash quoted': [...first.slice(0, -1), `"${first.at(-1)}"`].join(','),
      'hash defused': [...first.slice(0, -1), `'${first.at(-1)}`].join(','),
      'hash in capitals': [...first.slice(0, -1), first.at(-1)!.toUpperCase()].join(','),
      'a cell too many': [...first, ''].join(','),
      'a cell too few': first.slice(0, -1).join(','),
      'at empty (null)': [first[0], '', ...first.slice(2)].join(','),
      'at as ""': [first[0], '""', ...first.slice(2)].join(','),
    };
    // Lines a forger re-hashed after making them invalid or odd: the row path decides what they are.
    const row = csvCellsToRow(first.map((c) => (c === '' ? null : c)))!;
    expect(rowIdentity(row)).not.toBeNull();
    const rehashed = (change: (r: unknown[]) => void, text = (r: EntryRow) => csvLine(r).slice(0, -2)) => {
      const r = [...row] as unknown[];
      change(r);
      r[14] = rowHash(r as EntryRow);
      return text(r as EntryRow);
    };
    Object.assign(variants, {
      'workstation null, re-hashed': rehashed((r) => (r[6] = null)),
      'at null, re-hashed': rehashed((r) => (r[1] = null)),
      'an unknown outcome, re-hashed': rehashed((r) => (r[10] = 'maybe')),
      'seq 0, re-hashed': rehashed((r) => (r[0] = 0)),
      'seq 007, re-hashed': rehashed(
        (r) => (r[0] = 7),
        (r) => csvLine(r).slice(0, -2).replace(/^7,/, '007,'),
      ),
      'tz -0, re-hashed': rehashed(
        (r) => (r[2] = 0),
        (r) =>
          csvLine(r)
            .slice(0, -2)
            .replace(/^(\d+,[^,]*),0,/, '$1,-0,'),
      ),
      'tz 05, re-hashed': rehashed(
        (r) => (r[2] = 5),
        (r) =>
          csvLine(r)
            .slice(0, -2)
            .replace(/^(\d+,[^,]*),5,/, '$1,05,'),
      ),
    });
    for (const [what, line] of Object.entries(variants)) {
      await check(Buffer.from([...lines.slice(0, simple), line, ...lines.slice(simple + 1)].join('\r\n'), 'utf8'), what);
    }
    const second = lines[2]!;
    const rest = lines.slice(3);
    const odd: Record<string, string> = {
      'a bare CR inside a cell': second.replace(',', 'x\ry,'),
      'a bare CR ending a line': second + '\r' + lines[3],
      'a quote inside a plain cell': second.replace(',', ',a"b'),
      'text after a closing quote': second.replace(/"(,[0-9a-f]{64},)/, '"x$1'),
      'a quoted cell with a line break': second.replace(',', ',"a\r\nb"'),
      'an unterminated quote': second.replace(',', ',"open'),
    };
    for (const [what, line] of Object.entries(odd)) {
      await check(Buffer.from([lines[0], lines[1], line, ...rest].join('\r\n'), 'utf8'), what);
    }
    await check(Buffer.from(text + '"unterminated at the end', 'utf8'), 'an unterminated quote at the end of the file');
    // A bare CR ends the header and no line feed is in the first buffer: the byte-order mark is not read twice.
    await check(Buffer.from(text.replace('\r\n', '\r'), 'utf8'), 'the header ended by a bare CR');
    await check(Buffer.from(text.replace(/\r\n/g, '\n'), 'utf8'), 'LF line ends');
    await check(Buffer.from(text.replace(/\r\n$/, ''), 'utf8'), 'no line break at the end');
    await check(Buffer.from(text + '\r\n\r\n', 'utf8'), 'blank lines at the end');
    await check(Buffer.from(text.replace('\r\n', '\r\n\r\n'), 'utf8'), 'a blank line after the header');
    await check(Buffer.from(text.slice(1), 'utf8'), 'no byte-order mark');
    await check(Buffer.from(lines[0]!, 'utf8'), 'the header alone');
    await check(Buffer.alloc(0), 'an empty file');
    await check(Buffer.concat([base.subarray(0, 300), Buffer.from([0xff, 0xc3]), base.subarray(300)]), 'bytes that are not UTF-8');

    // Random damage: bytes inserted, removed or replaced, lines swapped, the file cut short.
    const random = rng(66);
    const special = [',', '"', '\r', '\n', "'", '\\', '\t', '0', '-', '中', '\u0000'].map((s) => Buffer.from(s, 'utf8'));
    special.push(Buffer.from([0xff]), Buffer.from([0xe4, 0xb8]));
    for (let round = 0; round < 150; round++) {
      let bytes = Buffer.from(base);
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
        const at = Math.floor(random() * bytes.length);
        const op = Math.floor(random() * 4);
        if (op === 0) bytes = Buffer.concat([bytes.subarray(0, at), special[Math.floor(random() * special.length)]!, bytes.subarray(at)]);
        else if (op === 1) bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + 1 + Math.floor(random() * 4)))]);
        else if (op === 2) bytes = bytes.subarray(0, at + Math.floor(random() * (bytes.length - at)));
        else {
          const l = bytes.toString('utf8').split('\r\n');
          const i = 1 + Math.floor(random() * (l.length - 2));
          [l[i], l[i + 1]] = [l[i + 1]!, l[i]!];
          bytes = Buffer.from(l.join('\r\n'), 'utf8');
        }
      }
      await check(bytes, `random damage, round ${round}`);
    }
  });

  it('a row changed inside the database is refused as before: at the row, or at its link, also at the edge of a filtered run', async () => {
    const other = await makeArchive();
    try {
      await other.addPerson(AUDITOR);
      const s = await other.unlock(AUDITOR.login, AUDITOR.password);
      // Neighbours differ in event, so an event filter can take one without the other.
      for (let i = 0; i < 40; i++)
        s.archive.journal.append({ actor: { id: 'p', name: '赵六', duty: null }, event: `e.${i % 2}`, outcome: 'ok', details: { i } });
      const seq = s.archive.journal.head().seq - 20;
      const key = Buffer.from(s.archive.databaseKey);
      await s.lock();
      const tamper = (sql: string, ...params: unknown[]) => {
        const db = openDatabase(join(other.folder, 'archive.db'), key);
        db.exec('DROP TRIGGER IF EXISTS journal_no_update');
        db.prepare(sql).run(...params);
        db.close();
      };
      const exporting = async (filters: unknown = {}) => {
        const session = await other.unlock(AUDITOR.login, AUDITOR.password);
        try {
          return await exportJournal(session, { format: 'csv', out: join(out, `t-${randomBytes(4).toString('hex')}.csv`), filters });
        } finally {
          await session.lock();
        }
      };
      const broken = (at: number, detail: string) => ({ code: 'journal.broken', params: { seq: at, detail } });

      // Its content changed, its hash not: refused at the row.
      tamper('UPDATE journal SET actor_name = ? WHERE seq = ?', '冒名者', seq);
      await expect(exporting()).rejects.toMatchObject(broken(seq, 'hash'));
      tamper('UPDATE journal SET actor_name = ? WHERE seq = ?', '赵六', seq);
      expect((await exporting()).count).toBeGreaterThan(40);

      // Changed and re-hashed: refused at the next link, whether or not the neighbour is exported.
      const db = openDatabase(join(other.folder, 'archive.db'), key);
      const row = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM journal WHERE seq = ?`).raw(true).get(seq) as EntryRow;
      db.close();
      row[4] = '冒名者';
      tamper('UPDATE journal SET actor_name = ?, hash = ? WHERE seq = ?', row[4], rowHash(row), seq);
      await expect(exporting()).rejects.toMatchObject(broken(seq + 1, 'link'));
      await expect(exporting({ event: row[7] })).rejects.toMatchObject(broken(seq + 1, 'link'));
      await expect(exporting({ event: row[7] === 'e.0' ? 'e.1' : 'e.0' })).rejects.toMatchObject(broken(seq + 1, 'link'));
      // Runs away from the change still export.
      expect((await exporting({ event: 'session.unlock' })).count).toBeGreaterThan(0);
    } finally {
      other.cleanup();
    }
  });

  it("a large manifest's signed message and file are spliced to exactly the bytes their definitions give", () => {
    const hashes = randomBytes(32 * 4000).toString('base64');
    const manifest = { kind: 'k', exportedBy: { name: '王五' }, filters: { note: 'a,"b"' }, entries: { seqs: [[1, 4000]], hashes } };
    const definition = (m: unknown) => Buffer.from(`triplicate-export-manifest|v1|${canonicalJson(m)}`, 'utf8');
    expect(manifestMessage(manifest).equals(definition(manifest))).toBe(true);
    // A list that is not base64 takes the plain way, with the same result.
    const odd = { ...manifest, entries: { ...manifest.entries, hashes: hashes.slice(0, -10) + '"\\é' } };
    expect(manifestMessage(odd).equals(definition(odd))).toBe(true);
    // The sidecar file likewise.
    const signed = { manifest: manifest as unknown as Manifest, signature: 'c2ln' };
    expect(manifestFileBytes(signed).equals(Buffer.from(JSON.stringify(signed) + '\n', 'utf8'))).toBe(true);
  });
});
