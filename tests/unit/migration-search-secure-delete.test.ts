/**
 * Migration 0270: the catalogue search indexes rebuilt over dossier_search_text with FTS5
 * secure-delete, from each dossier's content (or a destroyed dossier's stub), answering the same
 * queries as before; a removed row leaves the indexes consistent.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/db/migrate';
import { MIGRATIONS } from '../../src-main/core/db/migrations';
import { removeSearchRows } from '../../src-main/core/dossiers/search-index';
import { parseTerms } from '../../src-main/core/dossiers/search-text';

function archiveAt260WithDossiers() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys=ON');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 260),
  );
  const now = '2026-01-05T09:00:00.000Z';
  db.prepare("INSERT INTO departments (code, name_zh, name_en, holds_copy, copy_suffix, created_at) VALUES ('sales', '销售部', 'Sales', 1, 'S', ?)").run(now);
  db.prepare("INSERT INTO people (id, login, name, department, rank, created_at) VALUES ('p1', 'zhang', '张三', 'sales', 'account-manager', ?)").run(now);
  const dossier = db.prepare(
    `INSERT INTO dossiers (archive_number, status, customer_name, industry, grade, lifecycle, secrecy, responsible_id, revision, created_at, created_by, updated_at)
     VALUES (?, 'filed', ?, ?, 'A', 'potential', 'secret', 'p1', 1, ?, 'p1', ?)`,
  );
  const content = db.prepare('INSERT INTO dossier_content (dossier_id, content) VALUES (?, ?)');
  dossier.run('KH-2026-00001', '上海华为技术有限公司', '通信', now, now);
  content.run(1, JSON.stringify({ basic: { customerName: '上海华为技术有限公司', industry: '通信' }, keyPersons: [{ name: '李明远' }, { name: '王芳' }] }));
  dossier.run('KH-2026-00002', '北京小米通讯技术有限公司', '消费电子', now, now);
  content.run(2, JSON.stringify({ basic: { customerName: '北京小米通讯技术有限公司', industry: '消费电子' }, keyPersons: [{ name: '林斌' }] }));
  // Destroyed before the upgrade: no content, the stub keeps number and customer name.
  dossier.run('KH-2025-00009', '深圳清河电子有限公司', '', now, now);
  migrate(db);
  return db;
}

const ids = (db: Database.Database, text: string, column: 'publicMatch' | 'personsMatch' = 'publicMatch') =>
  parseTerms(text).map((t) =>
    (db.prepare(`SELECT rowid AS id FROM ${t.table} WHERE ${t.table} MATCH ? ORDER BY rowid`).all(t[column]) as { id: number }[]).map((r) => r.id),
  )[0];

describe('migration 0270 search indexes that delete in place', () => {
  it('rebuilds both indexes from the content and the stubs, with secure-delete on', () => {
    const db = archiveAt260WithDossiers();
    expect(db.prepare('SELECT id, number, name, industry, persons FROM dossier_search_text ORDER BY id').all()).toEqual([
      { id: 1, number: 'KH-2026-00001', name: '上海华为技术有限公司', industry: '通信', persons: '李明远 王芳' },
      { id: 2, number: 'KH-2026-00002', name: '北京小米通讯技术有限公司', industry: '消费电子', persons: '林斌' },
      { id: 3, number: 'KH-2025-00009', name: '深圳清河电子有限公司', industry: '', persons: '' },
    ]);
    for (const table of ['dossier_search', 'dossier_search_bigram']) {
      expect(db.prepare(`SELECT v FROM ${table}_config WHERE k = 'secure-delete'`).get()).toEqual({ v: 1 });
    }
    expect(ids(db, '华为技')).toEqual([1]);
    expect(ids(db, '华为')).toEqual([1]);
    expect(ids(db, '技术有限')).toEqual([1, 2]);
    expect(ids(db, '通讯')).toEqual([2]);
    expect(ids(db, '2026-0000')).toEqual([1, 2]);
    expect(ids(db, '清河')).toEqual([3]);
    expect(ids(db, '李明远')).toEqual([]);
    expect(ids(db, '李明远', 'personsMatch')).toEqual([1]);
    expect(ids(db, '王芳', 'personsMatch')).toEqual([1]);
  });

  it('a removed row is gone from both indexes, which stay consistent', () => {
    const db = archiveAt260WithDossiers();
    db.pragma('secure_delete=ON');
    expect(removeSearchRows(db, 1)).toMatchObject({ name: '上海华为技术有限公司' });
    expect(ids(db, '华为')).toEqual([]);
    expect(ids(db, '技术有限')).toEqual([2]);
    expect(ids(db, '王芳', 'personsMatch')).toEqual([]);
    for (const table of ['dossier_search', 'dossier_search_bigram']) {
      expect(() => db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
    }
    expect(removeSearchRows(db, 1)).toBeNull();
  });
});
