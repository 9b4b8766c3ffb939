import type { Migration } from '../migrate';

export const updateToSchemaVersion260: Migration = {
  version: 260,
  name: 'the information analyst duty',
  up(db) {
    // SQLite cannot alter a CHECK: rebuild person_duties. The new CHECK is the current one plus
    // 'analyst', read from the schema, so a duty another migration added before this one survives.
    const row = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'person_duties'`).get() as { sql: string };
    if (row.sql.includes(`'analyst'`)) return;
    const created = row.sql.replace(/^CREATE TABLE person_duties/, 'CREATE TABLE person_duties_next').replace(/duty IN \(/, `duty IN ('analyst', `);
    if (created === row.sql || !created.includes(`'analyst'`)) throw new Error('person_duties has an unexpected shape');
    db.exec(`
      ${created};
      INSERT INTO person_duties_next (person_id, duty) SELECT person_id, duty FROM person_duties;
      DROP TABLE person_duties;
      ALTER TABLE person_duties_next RENAME TO person_duties;
    `);
  },
};
