import type { Migration } from '../migrate';

/**
 * Retention (issue 16, point 1): a department manager's decision per dossier at the end of its
 * retention or after three years without interaction (三年未互动的客户信息需进行分类处理（归档或删除）):
 * keep until a new date, or archive (read-only, still borrowable, out of the working lists).
 * Destruction goes through destruction_requests (path 'retention' or 'three-year').
 */
export const updateToSchemaVersion189: Migration = {
  version: 189,
  name: 'retention',
  up(db) {
    db.exec(`
      CREATE TABLE dossier_retention (
        dossier_id  INTEGER PRIMARY KEY REFERENCES dossiers (id),
        keep_until  TEXT,
        archived_at TEXT,
        decided_by  TEXT NOT NULL REFERENCES people (id),
        decided_at  TEXT NOT NULL
      ) STRICT;
    `);
  },
};
