import type { Migration } from '../migrate';

export const updateToSchemaVersion231: Migration = {
  version: 231,
  name: 'yearly maintenance plans, their pending changes and revisions',
  up(db) {
    // 客户维护计划 (seed 000 第十条、第十一条): one plan per customer per year. A change to a filed
    // plan waits in pending_* until the marketing department manager approves it.
    db.exec(`
      CREATE TABLE maintenance_plans (
        id          INTEGER PRIMARY KEY,
        dossier_id  INTEGER NOT NULL REFERENCES dossiers (id),
        year        INTEGER NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('draft', 'filed')),
        content     TEXT NOT NULL,
        author_id   TEXT NOT NULL REFERENCES people (id),
        revision    INTEGER NOT NULL CHECK (revision >= 1),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        filed_at    TEXT,
        pending     TEXT,
        pending_by  TEXT REFERENCES people (id),
        pending_at  TEXT,
        UNIQUE (dossier_id, year)
      ) STRICT;
      CREATE INDEX maintenance_plans_pending ON maintenance_plans (pending_at) WHERE pending IS NOT NULL;
      CREATE INDEX maintenance_plans_by_year ON maintenance_plans (year, status);

      CREATE TABLE plan_revisions (
        plan_id  INTEGER NOT NULL REFERENCES maintenance_plans (id),
        revision INTEGER NOT NULL,
        kind     TEXT NOT NULL CHECK (kind IN ('migrate', 'draft', 'file', 'propose', 'approve', 'reject')),
        at       TEXT NOT NULL,
        actor_id TEXT NOT NULL REFERENCES people (id),
        changes  TEXT NOT NULL,
        PRIMARY KEY (plan_id, revision)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER plan_revisions_no_update BEFORE UPDATE ON plan_revisions
      BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
      CREATE TRIGGER plan_revisions_no_delete BEFORE DELETE ON plan_revisions
      BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
    `);
    // The landed dossier had one plan field, written by any writer. Its text becomes that year's plan
    // (the year it names, else the current one), kept as it was: filed when the dossier is filed.
    // The dossier's content keeps the old field so old revisions still read; nothing writes it again.
    db.exec(`
      INSERT INTO maintenance_plans (dossier_id, year, status, content, author_id, revision, created_at, updated_at, filed_at)
      SELECT d.id,
             COALESCE(json_extract(c.content, '$.maintenancePlan.year'), CAST(strftime('%Y', 'now') AS INTEGER)),
             d.status,
             json_object(
               'summary', COALESCE(json_extract(c.content, '$.maintenancePlan.summary'), ''),
               'profile', COALESCE(json_extract(c.content, '$.maintenancePlan.profileSwot'), ''),
               'competition', COALESCE(json_extract(c.content, '$.maintenancePlan.competition'), ''),
               'assessment', COALESCE(json_extract(c.content, '$.maintenancePlan.assessment'), ''),
               'actions', COALESCE(json_extract(c.content, '$.maintenancePlan.actionsTargets'), '')),
             COALESCE(d.responsible_id, d.created_by), 1, d.updated_at, d.updated_at,
             CASE WHEN d.status = 'filed' THEN d.updated_at END
      FROM dossiers d JOIN dossier_content c ON c.dossier_id = d.id
      WHERE json_type(c.content, '$.maintenancePlan') = 'object'
        AND (SELECT count(*) FROM json_each(c.content, '$.maintenancePlan')) > 0;
      INSERT INTO plan_revisions (plan_id, revision, kind, at, actor_id, changes)
      SELECT id, 1, 'migrate', created_at, author_id, json_object('from', 'dossier.maintenancePlan') FROM maintenance_plans;
    `);
  },
};
