import type { Migration } from '../migrate';

export const updateToSchemaVersion230: Migration = {
  version: 230,
  name: 'daily visit reports, supervisor comments and spot checks',
  up(db) {
    // 每日客户拜访表 (seed 004): one report per salesperson per day. Deadlines are computed from the
    // working calendar when filed and commented, and kept, so a later calendar change does not
    // rewrite whether something was late. Every write is also a row of visit_report_revisions.
    db.exec(`
      CREATE TABLE visit_reports (
        id              INTEGER PRIMARY KEY,
        author_id       TEXT NOT NULL REFERENCES people (id),
        report_date     TEXT NOT NULL,
        visits          TEXT NOT NULL,
        visit_count     INTEGER NOT NULL,
        supervisor_id   TEXT REFERENCES people (id),
        filed_at        TEXT NOT NULL,
        due_at          TEXT NOT NULL,
        late            INTEGER NOT NULL CHECK (late IN (0, 1)),
        comment_due_at  TEXT NOT NULL,
        comment         TEXT,
        commented_at    TEXT,
        commented_by    TEXT REFERENCES people (id),
        comment_late    INTEGER NOT NULL DEFAULT 0 CHECK (comment_late IN (0, 1)),
        revision        INTEGER NOT NULL CHECK (revision >= 1),
        UNIQUE (author_id, report_date)
      ) STRICT;
      CREATE INDEX visit_reports_uncommented ON visit_reports (supervisor_id, commented_at);
      CREATE INDEX visit_reports_by_date ON visit_reports (report_date);

      CREATE TABLE visit_report_checks (
        id         INTEGER PRIMARY KEY,
        report_id  INTEGER NOT NULL REFERENCES visit_reports (id),
        checker_id TEXT NOT NULL REFERENCES people (id),
        at         TEXT NOT NULL,
        findings   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX visit_report_checks_by_report ON visit_report_checks (report_id);
      CREATE INDEX visit_report_checks_by_checker ON visit_report_checks (checker_id, at);

      CREATE TABLE visit_report_revisions (
        report_id INTEGER NOT NULL REFERENCES visit_reports (id),
        revision  INTEGER NOT NULL,
        kind      TEXT NOT NULL CHECK (kind IN ('file', 'amend', 'comment', 'spotCheck')),
        at        TEXT NOT NULL,
        actor_id  TEXT NOT NULL REFERENCES people (id),
        changes   TEXT NOT NULL,
        PRIMARY KEY (report_id, revision)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER visit_report_revisions_no_update BEFORE UPDATE ON visit_report_revisions
      BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
      CREATE TRIGGER visit_report_revisions_no_delete BEFORE DELETE ON visit_report_revisions
      BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
    `);
  },
};
