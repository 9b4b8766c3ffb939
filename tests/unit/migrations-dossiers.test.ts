/** One test per migration, each against a fresh database brought up to that version. */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src-main/core/db/migrations';
import { migrate } from '../../src-main/core/db/migrate';

function freshAt(version: number) {
  const db = new Database(':memory:');
  db.pragma('foreign_keys=ON');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= version),
  );
  const now = '2026-01-05T09:00:00.000Z';
  db.prepare("INSERT INTO departments (code, name_zh, name_en, holds_copy, copy_suffix, created_at) VALUES ('sales', '销售部', 'Sales', 1, 'S', ?)").run(now);
  db.prepare("INSERT INTO people (id, login, name, department, rank, created_at) VALUES ('p1', 'zhang', '张三', 'sales', 'account-manager', ?)").run(now);
  return db;
}

function insertDossier(db: Database.Database, overrides: Record<string, unknown> = {}) {
  const d = { number: 'KH-2026-00001', grade: 'A', secrecy: 'secret', responsible: 'p1', ...overrides };
  return db
    .prepare(
      `INSERT INTO dossiers (archive_number, status, customer_name, grade, lifecycle, secrecy, responsible_id, content, revision, created_at, created_by, updated_at)
       VALUES (?, 'draft', '华为', ?, 'potential', ?, ?, '{}', 1, 'now', 'p1', 'now')`,
    )
    .run(d.number, d.grade, d.secrecy, d.responsible);
}

describe('dossier migrations', () => {
  it('0030 dossiers: strict columns, checked grades and secrecy, foreign keys, append-only revisions', () => {
    const db = freshAt(30);
    expect(db.pragma('user_version', { simple: true })).toBe(30);
    insertDossier(db);
    expect(() => insertDossier(db, { number: 'KH-2026-00002', grade: 'D' })).toThrow(/CHECK/);
    expect(() => insertDossier(db, { number: 'KH-2026-00003', secrecy: 'top' })).toThrow(/CHECK/);
    expect(() => insertDossier(db, { number: 'KH-2026-00004', responsible: 'nobody' })).toThrow(/FOREIGN KEY/);
    expect(() => insertDossier(db)).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE dossiers SET revision = 'two'").run()).toThrow(/cannot store TEXT value in INTEGER column/);
    db.prepare("INSERT INTO dossier_revisions (dossier_id, revision, kind, at, actor_id, changes) VALUES (1, 1, 'create', 'now', 'p1', '[]')").run();
    expect(() => db.prepare("UPDATE dossier_revisions SET changes = '[1]'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM dossier_revisions').run()).toThrow(/append-only/);
  });

  it('0040 copies: one copy per dossier and department, a known state, a known department', () => {
    const db = freshAt(40);
    insertDossier(db);
    const add = db.prepare(
      "INSERT INTO dossier_copies (dossier_id, department, copy_number, shelf, revision, state, issued_at) VALUES (1, 'sales', ?, 'S-1', 1, ?, 'now')",
    );
    add.run('KH-2026-00001-S', 'in-custody');
    expect(() => add.run('KH-2026-00001-X', 'in-custody')).toThrow(/UNIQUE/);
    db.prepare('DELETE FROM dossier_copies').run();
    expect(() => add.run('KH-2026-00001-S', 'borrowed')).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO dossier_copies (dossier_id, department, copy_number, shelf, revision, state, issued_at) VALUES (1, 'nowhere', 'x', 'x', 1, 'lost', 'now')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('0050 catalogue search: trigram finds three characters, the bigram shadow two, a row can be replaced', () => {
    const db = freshAt(50);
    db.prepare("INSERT INTO dossier_search (rowid, number, name, industry, persons) VALUES (1, 'KH-2026-00001', '上海华为技术有限公司', '通信', '李明')").run();
    db.prepare("INSERT INTO dossier_search_bigram (rowid, number, name, industry, persons) VALUES (1, '', '上海 海华 华为 为技', '通信', '李明')").run();
    const q = (table: string, match: string) => db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`).all(match);
    expect(q('dossier_search', '{name} : "华为技"')).toEqual([{ rowid: 1 }]);
    expect(q('dossier_search', '{name} : "华为"')).toEqual([]);
    expect(q('dossier_search_bigram', '{name} : "华为"')).toEqual([{ rowid: 1 }]);
    expect(q('dossier_search', '{name} : "李明"')).toEqual([]);
    db.prepare('DELETE FROM dossier_search WHERE rowid = 1').run();
    expect(q('dossier_search', '"华为技"')).toEqual([]);
  });
});

describe('dossier content migration', () => {
  it("0070 dossier content: moves each dossier's content to its own table, intact, and out of the catalogue row", () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys=ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 70),
    );
    db.prepare(
      "INSERT INTO departments (code, name_zh, name_en, holds_copy, copy_suffix, created_at) VALUES ('sales', '销售部', 'Sales', 1, 'S', 'now')",
    ).run();
    db.prepare("INSERT INTO people (id, login, name, department, rank, created_at) VALUES ('p1', 'zhang', '张三', 'sales', 'account-manager', 'now')").run();
    db.prepare(
      `INSERT INTO dossiers (archive_number, status, customer_name, grade, lifecycle, secrecy, content, revision, created_at, created_by, updated_at)
       VALUES ('KH-2026-00001', 'draft', '华为', 'A', 'potential', 'secret', '{"basic":{"customerName":"华为"}}', 1, 'now', 'p1', 'now')`,
    ).run();
    migrate(db);
    expect(db.prepare('SELECT d.archive_number, c.content FROM dossiers d JOIN dossier_content c ON c.dossier_id = d.id').all()).toEqual([
      { archive_number: 'KH-2026-00001', content: '{"basic":{"customerName":"华为"}}' },
    ]);
    expect((db.prepare('PRAGMA table_info(dossiers)').all() as { name: string }[]).map((c) => c.name)).not.toContain('content');
    expect(() => db.prepare("INSERT INTO dossier_content (dossier_id, content) VALUES (99, '{}')").run()).toThrow(/FOREIGN KEY/);
  });
});

describe('holding departments migration', () => {
  it('0080 copies held: the dossier row lists the departments holding a live copy, kept by trigger', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys=ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 80),
    );
    db.prepare(
      "INSERT INTO departments (code, name_zh, name_en, holds_copy, copy_suffix, created_at) VALUES ('sales', '销售部', 'Sales', 1, 'S', 'now'), ('marketing', '市场部', 'Marketing', 1, 'M', 'now')",
    ).run();
    db.prepare("INSERT INTO people (id, login, name, department, rank, created_at) VALUES ('p1', 'zhang', '张三', 'sales', 'account-manager', 'now')").run();
    db.prepare(
      `INSERT INTO dossiers (archive_number, status, customer_name, grade, lifecycle, secrecy, revision, created_at, created_by, updated_at)
       VALUES ('KH-2026-00001', 'filed', '华为', 'A', 'potential', 'secret', 1, 'now', 'p1', 'now')`,
    ).run();
    const held = () => (db.prepare('SELECT held_by FROM dossiers').get() as { held_by: string }).held_by;
    expect(held()).toBe('');
    const add = db.prepare(
      "INSERT INTO dossier_copies (dossier_id, department, copy_number, shelf, revision, state, issued_at) VALUES (1, ?, ?, 'x', 1, 'in-custody', 'now')",
    );
    add.run('sales', 'KH-2026-00001-S');
    add.run('marketing', 'KH-2026-00001-M');
    expect(held()).toBe(' marketing sales ');
    db.prepare("UPDATE dossier_copies SET state = 'lost' WHERE department = 'sales'").run();
    expect(held()).toBe(' marketing ');
    db.prepare("UPDATE dossier_copies SET state = 'on-loan' WHERE department = 'sales'").run();
    expect(held()).toBe(' marketing sales ');
  });
});

describe('cheaper held_by migration', () => {
  it('0090 copies held append: a new copy adds its department once, a copy written with held_by already set changes nothing', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys=ON');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 90),
    );
    db.prepare(
      "INSERT INTO departments (code, name_zh, name_en, holds_copy, copy_suffix, created_at) VALUES ('sales', '销售部', 'Sales', 1, 'S', 'now'), ('marketing', '市场部', 'Marketing', 1, 'M', 'now')",
    ).run();
    db.prepare("INSERT INTO people (id, login, name, department, rank, created_at) VALUES ('p1', 'zhang', '张三', 'sales', 'account-manager', 'now')").run();
    const dossier = db.prepare(
      `INSERT INTO dossiers (archive_number, status, customer_name, grade, lifecycle, secrecy, revision, created_at, created_by, updated_at, held_by)
       VALUES (?, 'filed', '华为', 'A', 'potential', 'secret', 1, 'now', 'p1', 'now', ?)`,
    );
    const copy = db.prepare(
      "INSERT INTO dossier_copies (dossier_id, department, copy_number, shelf, revision, state, issued_at) VALUES (?, ?, ?, 'x', 1, ?, 'now')",
    );
    const held = (id: number) => (db.prepare('SELECT held_by FROM dossiers WHERE id = ?').get(id) as { held_by: string }).held_by;
    dossier.run('KH-2026-00001', '');
    copy.run(1, 'sales', 'A-S', 'in-custody');
    copy.run(1, 'marketing', 'A-M', 'lost');
    expect(held(1)).toBe(' sales ');
    dossier.run('KH-2026-00002', ' marketing sales ');
    copy.run(2, 'sales', 'B-S', 'in-custody');
    copy.run(2, 'marketing', 'B-M', 'in-custody');
    expect(held(2)).toBe(' marketing sales ');
  });
});
