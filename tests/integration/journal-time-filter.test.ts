/**
 * Time filters read only the seq ranges whose `journal_time_blocks` can hold a match (migration 0095,
 * query.ts). `at` is not strictly increasing (a failed unlock is recorded later with its own time),
 * so the rule protected here: a time-filtered page is exactly what a full scan would return, for
 * entries out of time order, at block edges, in the unfinished last block, and for a journal that
 * already existed when the migration ran. A dossier filter, read one 4096-entry stretch of the
 * partitioned object index at a time (migration 0110), is held to the same rule.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import { openDatabase, type Db } from '../../src-main/core/db/connection';
import { migrate } from '../../src-main/core/db/migrate';
import { MIGRATIONS } from '../../src-main/core/db/migrations';
import type { JournalFilter } from '../../src-main/core/journal/filter';
import { Journal } from '../../src-main/core/journal/journal';
import { queryPage, queryRows } from '../../src-main/core/journal/query';
import { makeSigner, newSigningKey } from '../../src-main/core/journal/signer';

const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

const START = Date.parse('2024-01-01T00:00:00Z');
const iso = (minutes: number) => new Date(START + minutes * 60_000).toISOString();

function journalOf(count: number, migrations = MIGRATIONS): { db: Db; journal: Journal } {
  const folder = mkdtempSync(join(tmpdir(), 'triplicate-timefilter-'));
  folders.push(folder);
  const db = openDatabase(join(folder, 'archive.db'), randomBytes(32), { create: true });
  migrate(db, migrations);
  const key = newSigningKey();
  db.prepare('INSERT INTO signing_key (id, public_key, private_key, fingerprint) VALUES (1, ?, ?, ?)').run(key.publicKey, key.privateKeyDer, 'f');
  const clock = new ManualClock(new Date(START));
  const journal = new Journal(db, 'a', clock, 'ws', makeSigner(key.publicKey, key.privateKeyDer));
  db.transaction(() => {
    for (let seq = 1; seq <= count; seq++) {
      clock.advance(60_000);
      // Out of time order: far in the past, far in the future, and exactly on block edges.
      const at = seq === 1500 ? new Date(START - 86_400_000) : seq === 2000 ? new Date(START + 10_000 * 60_000) : undefined;
      const object = seq % 13 ? { type: seq % 17 ? 'dossier' : 'copy', id: `D${seq % 11}` } : null;
      journal.append({ actor: { id: `p${seq % 7}`, name: null, duty: null }, event: 'e', object, outcome: seq % 5 ? 'ok' : 'denied', at });
    }
  })();
  return { db, journal };
}

/** The answer without any block skipping: every entry, filtered in JavaScript. */
function bruteForce(db: Db, f: JournalFilter, afterSeq: number, limit: number): number[] {
  const rows = db.prepare('SELECT seq, at, actor_id, outcome, object_type, object_id FROM journal WHERE seq > ? ORDER BY seq').all(afterSeq) as {
    seq: number;
    at: string;
    actor_id: string;
    outcome: string;
    object_type: string | null;
    object_id: string | null;
  }[];
  return rows
    .filter(
      (r) =>
        (f.from === undefined || r.at >= f.from) &&
        (f.to === undefined || r.at < f.to) &&
        (f.actorId === undefined || r.actor_id === f.actorId) &&
        (f.outcome === undefined || r.outcome === f.outcome) &&
        (f.object === undefined || (r.object_type === f.object.type && r.object_id === f.object.id)),
    )
    .slice(0, limit)
    .map((r) => r.seq);
}

const FILTERS: JournalFilter[] = [
  { from: iso(-2000), to: iso(-1000) }, // only the backdated entry 1500
  { from: iso(9_000) }, // only the future entry 2000
  { from: iso(990), to: iso(1010) }, // across the first block edge
  { from: iso(2490) }, // the unfinished last block
  { to: iso(3) },
  { from: iso(100), to: iso(2400), actorId: 'p3', outcome: 'denied' },
  { from: iso(-5000), to: iso(20_000) },
];

describe('time-filtered journal pages', () => {
  it('a time filter finds exactly the entries a full scan finds, out-of-order times included', () => {
    const { db } = journalOf(2555);
    expect((db.prepare('SELECT count(*) AS n FROM journal_time_blocks').get() as { n: number }).n).toBe(2);
    for (const f of FILTERS) {
      for (const afterSeq of [0, 999, 1000, 1499, 2001]) {
        for (const limit of [1, 7, 5000]) {
          expect(queryRows(db, f, afterSeq, limit, 2555).map((r) => r[0])).toEqual(bruteForce(db, f, afterSeq, limit));
        }
      }
    }
    expect(queryPage(db, { from: iso(-2000), to: iso(-1000) }).entries.map((e) => e.seq)).toEqual([1500]);
    db.close();
  });

  it('a dossier filter, read stretch by stretch of the partitioned index (migration 0110), finds exactly what a full scan finds', () => {
    const { db } = journalOf(9000); // three 4096-entry stretches, the last unfinished
    const dossier = (id: string) => ({ type: 'dossier', id });
    const filters: JournalFilter[] = [
      { object: dossier('D3') },
      { object: { type: 'copy', id: 'D3' } },
      { object: dossier('none') },
      { object: dossier('D5'), actorId: 'p2', outcome: 'denied' },
      { object: dossier('D1'), from: iso(4000), to: iso(8300) },
      { object: dossier('D7'), from: iso(-2000), to: iso(-1000) },
    ];
    for (const f of filters) {
      for (const afterSeq of [0, 4094, 4095, 4096, 8191, 8999]) {
        for (const limit of [1, 7, 5000]) {
          expect(queryRows(db, f, afterSeq, limit, 9000).map((r) => r[0])).toEqual(bruteForce(db, f, afterSeq, limit));
        }
      }
    }
    // A page without an upper bound stops at the head.
    const all = bruteForce(db, { object: dossier('D3') }, 8000, 5000);
    expect(queryPage(db, { object: dossier('D3') }, { afterSeq: 8000, limit: 1000 }).entries.map((e) => e.seq)).toEqual(all);
    db.close();
  });

  it('a journal written before migration 0095 gets its blocks from the migration', () => {
    const before = MIGRATIONS.filter((m) => m.version < 95);
    const folder = mkdtempSync(join(tmpdir(), 'triplicate-timefilter-'));
    folders.push(folder);
    const db = openDatabase(join(folder, 'archive.db'), randomBytes(32), { create: true });
    migrate(db, before);
    const insert = db.prepare(
      "INSERT INTO journal (seq, at, tz_offset, actor_id, actor_name, actor_duty, workstation, event, object_type, object_id, outcome, reason, details, prev_hash, hash) VALUES (?, ?, 0, 'p', null, null, 'ws', 'e', null, null, 'ok', null, '{}', 'x', 'x')",
    );
    db.transaction(() => {
      for (let seq = 1; seq <= 2100; seq++) insert.run(seq, seq === 1200 ? iso(-50) : iso(seq));
    })();
    migrate(db);
    expect(db.prepare('SELECT block, min_at, max_at FROM journal_time_blocks ORDER BY block').all()).toEqual([
      { block: 0, min_at: iso(1), max_at: iso(1000) },
      { block: 1, min_at: iso(-50), max_at: iso(2000) },
    ]);
    expect(queryRows(db, { to: iso(0) }, 0, 10, 2100).map((r) => r[0])).toEqual([1200]);
    db.close();
  });
});
