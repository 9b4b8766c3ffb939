/**
 * What the archive server does to make each request cheaper (issue 14) must not change a single
 * answer: a cached statement behaves as a fresh one, a remembered month sum is the computed one,
 * and the locator worked out off the thread is the one a local unlock computes.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/core/db/connection';
import { cacheStatements } from '../../src-main/core/db/statement-cache';
import { addMonthsInZone } from '../../src-main/core/time-zone';
import { loginLocator, loginLocatorAsync } from '../../src-main/core/vault/seal';

let root: string;
let db: Db;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'triplicate-request-cost-'));
  db = openDatabase(join(root, 'cache.db'), randomBytes(32), { create: true });
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
  cacheStatements(db);
});

afterEach(() => {
  db.close();
  rmSync(root, { recursive: true, force: true });
});

describe('cached statements', () => {
  it('hands back the same compiled statement for the same SQL', () => {
    expect(db.prepare('SELECT name FROM t WHERE id = ?')).toBe(db.prepare('SELECT name FROM t WHERE id = ?'));
    expect(db.prepare('SELECT name FROM t WHERE id = ?')).not.toBe(db.prepare('SELECT id FROM t WHERE id = ?'));
  });

  it('a statement plucked or raw before comes back as a fresh one', () => {
    db.prepare('INSERT INTO t (id, name) VALUES (?, ?)').run(1, '张三');
    expect(db.prepare('SELECT name FROM t WHERE id = ?').pluck().get(1)).toBe('张三');
    expect(db.prepare('SELECT name FROM t WHERE id = ?').get(1)).toEqual({ name: '张三' });
    expect(db.prepare('SELECT id, name FROM t').raw().all()).toEqual([[1, '张三']]);
    expect(db.prepare('SELECT id, name FROM t').all()).toEqual([{ id: 1, name: '张三' }]);
  });

  it('a statement still running is not handed out again', () => {
    db.prepare('INSERT INTO t (id, name) VALUES (?, ?)').run(1, 'a');
    db.prepare('INSERT INTO t (id, name) VALUES (?, ?)').run(2, 'b');
    const sql = 'SELECT id FROM t ORDER BY id';
    const outer = db.prepare(sql);
    const seen: number[] = [];
    for (const row of outer.iterate() as IterableIterator<{ id: number }>) {
      const inner = db.prepare(sql);
      expect(inner).not.toBe(outer);
      seen.push(row.id, ...(inner.all() as { id: number }[]).map((r) => r.id));
    }
    expect(seen).toEqual([1, 1, 2, 2, 1, 2]);
  });

  it('keeps a bounded number, and statements that fell out still work', () => {
    for (let i = 0; i < 1100; i++) expect(db.prepare(`SELECT ${i} AS n`).get()).toEqual({ n: i });
    expect(db.prepare('SELECT 0 AS n').get()).toEqual({ n: 0 });
  });
});

describe('month sums remembered', () => {
  it('gives the computed answer, as a new Date each time', () => {
    const first = addMonthsInZone('2026-08-30T16:30:00.000Z', 3, 'Asia/Shanghai');
    expect(first.toISOString()).toBe('2026-11-29T16:30:00.000Z');
    first.setTime(0);
    expect(addMonthsInZone('2026-08-30T16:30:00.000Z', 3, 'Asia/Shanghai').toISOString()).toBe('2026-11-29T16:30:00.000Z');
    // Same instant, another zone or period: another answer.
    expect(addMonthsInZone('2026-08-30T16:30:00.000Z', 3, 'UTC').toISOString()).toBe('2026-11-30T16:30:00.000Z');
    // 31 August 00:30 in Beijing: six months on is the last day of February.
    expect(addMonthsInZone('2026-08-30T16:30:00.000Z', 6, 'Asia/Shanghai').toISOString()).toBe('2027-02-27T16:30:00.000Z');
  });
});

describe('login locator off the thread', () => {
  it('is the locator a local unlock computes', async () => {
    const salt = randomBytes(16).toString('base64');
    expect(await loginLocatorAsync(' Zhang.JL ', salt)).toBe(loginLocator('zhang.jl', salt));
    expect(await loginLocatorAsync('zhang.jl', salt)).not.toBe(loginLocator('li.jl', salt));
  });
});
