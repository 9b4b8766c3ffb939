/** Migrations 0230 and 0231 (issue 17 points 3 and 4), each against a fresh database. */
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
  db.prepare(
    "INSERT OR IGNORE INTO departments (code, name_zh, name_en, holds_copy, copy_suffix, created_at) VALUES ('sales', '销售部', 'Sales', 1, 'S', ?)",
  ).run(now);
  db.prepare("INSERT INTO people (id, login, name, department, rank, created_at) VALUES ('p1', 'zhang', '张三', 'sales', 'account-manager', ?)").run(now);
  return db;
}

function insertDossier(db: Database.Database, number: string, status: 'draft' | 'filed', content: unknown) {
  const id = Number(
    db
      .prepare(
        `INSERT INTO dossiers (archive_number, status, customer_name, grade, lifecycle, secrecy, responsible_id, revision, created_at, created_by, updated_at)
         VALUES (?, ?, '华为', 'A', 'maintained', 'secret', 'p1', 1, 'now', 'p1', '2025-06-01T00:00:00.000Z')`,
      )
      .run(number, status).lastInsertRowid,
  );
  db.prepare('INSERT INTO dossier_content (dossier_id, content) VALUES (?, ?)').run(id, JSON.stringify(content));
  return id;
}

describe('relationship-work migrations', () => {
  it('0230 visit reports: one a person a day, append-only revisions', () => {
    const db = freshAt(230);
    const add = db.prepare(
      `INSERT INTO visit_reports (author_id, report_date, visits, visit_count, filed_at, due_at, late, comment_due_at, revision)
       VALUES ('p1', ?, '[]', 0, 'now', 'now', 0, 'now', 1)`,
    );
    add.run('2026-01-09');
    expect(() => add.run('2026-01-09')).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO visit_report_revisions (report_id, revision, kind, at, actor_id, changes) VALUES (1, 1, 'file', 'now', 'p1', '{}')").run();
    expect(() => db.prepare("UPDATE visit_report_revisions SET changes = '[]'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM visit_report_revisions').run()).toThrow(/append-only/);
  });

  it("0231 plans: the old dossier plan field becomes that year's plan, filed with a filed dossier; empty ones are skipped", () => {
    const db = freshAt(190);
    const withYear = insertDossier(db, 'KH-2025-00001', 'filed', {
      maintenancePlan: { year: 2025, summary: '巩固合作', profileSwot: '优势明显', competition: '对手甲', assessment: '关系良好', actionsTargets: '季度拜访' },
    });
    const noYear = insertDossier(db, 'KH-2025-00002', 'draft', { maintenancePlan: { summary: '试合作' } });
    insertDossier(db, 'KH-2025-00003', 'filed', { maintenancePlan: {} });
    insertDossier(db, 'KH-2025-00004', 'filed', {});
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 231),
    );
    const plans = db.prepare('SELECT dossier_id, year, status, content, author_id, filed_at FROM maintenance_plans ORDER BY dossier_id').all() as {
      dossier_id: number;
      year: number;
      status: string;
      content: string;
      author_id: string;
      filed_at: string | null;
    }[];
    expect(plans).toHaveLength(2);
    expect(plans[0]).toMatchObject({ dossier_id: withYear, year: 2025, status: 'filed', author_id: 'p1', filed_at: '2025-06-01T00:00:00.000Z' });
    expect(JSON.parse(plans[0]!.content)).toEqual({
      summary: '巩固合作',
      profile: '优势明显',
      competition: '对手甲',
      assessment: '关系良好',
      actions: '季度拜访',
    });
    expect(plans[1]).toMatchObject({ dossier_id: noYear, year: new Date().getUTCFullYear(), status: 'draft', filed_at: null });
    expect(db.prepare("SELECT count(*) AS n FROM plan_revisions WHERE kind = 'migrate'").get()).toEqual({ n: 2 });
    expect(() =>
      db
        .prepare(
          "INSERT INTO maintenance_plans (dossier_id, year, status, content, author_id, revision, created_at, updated_at) VALUES (?, 2025, 'draft', '{}', 'p1', 1, 'now', 'now')",
        )
        .run(withYear),
    ).toThrow(/UNIQUE/);
  });
});
