import type { DossierContent } from '../../../contract/dossiers';
import { cadenceRulesOf, refreshRelationships } from '../../due/relationships';
import type { Migration } from '../migrate';

/**
 * Issue 17 points 1 and 2: what the contact cadence and the callbacks read, copied out of each
 * dossier's content on every save (core/due/relationships.ts), so a person's due list is a few
 * index ranges rather than a parse of every dossier they are responsible for. Rows carry the
 * responsible manager (kept in step by a trigger when a handover moves the dossier).
 */
export const updateToSchemaVersion220: Migration = {
  version: 220,
  name: 'relationship due work',
  up(db) {
    db.exec(`
      -- One row per key person (by name within the dossier). met_until: the day after the last
      -- cadence period that had enough contacts (or after the period before they were first seen).
      CREATE TABLE due_key_persons (
        dossier_id     INTEGER NOT NULL REFERENCES dossiers (id),
        name           TEXT NOT NULL,
        token          TEXT NOT NULL,
        responsible_id TEXT,
        contact_class  TEXT CHECK (contact_class IN ('core', 'influencer', 'nonCore')),
        birthday_md    TEXT,
        first_seen     TEXT NOT NULL,
        met_until      TEXT,
        PRIMARY KEY (dossier_id, name)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX due_key_persons_cadence ON due_key_persons (responsible_id, contact_class, met_until) WHERE contact_class IS NOT NULL;
      CREATE INDEX due_key_persons_birthday ON due_key_persons (responsible_id, birthday_md) WHERE birthday_md IS NOT NULL;

      -- Contact records: who, when, and which callback they answer.
      CREATE TABLE due_contacts (
        dossier_id INTEGER NOT NULL REFERENCES dossiers (id),
        position   INTEGER NOT NULL,
        person     TEXT NOT NULL,
        date       TEXT NOT NULL,
        answers    TEXT,
        PRIMARY KEY (dossier_id, position)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX due_contacts_answers ON due_contacts (answers) WHERE answers IS NOT NULL;

      CREATE TABLE due_celebrations (
        dossier_id     INTEGER NOT NULL REFERENCES dossiers (id),
        position       INTEGER NOT NULL,
        responsible_id TEXT,
        date           TEXT NOT NULL,
        md             TEXT NOT NULL,
        kind           TEXT NOT NULL,
        title          TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (dossier_id, position)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX due_celebrations_by_responsible ON due_celebrations (responsible_id);

      CREATE TRIGGER due_follow_responsible AFTER UPDATE OF responsible_id ON dossiers
      BEGIN
        UPDATE due_key_persons SET responsible_id = NEW.responsible_id WHERE dossier_id = NEW.id;
        UPDATE due_celebrations SET responsible_id = NEW.responsible_id WHERE dossier_id = NEW.id;
      END;

      -- A destroyed dossier's content goes; so does what was copied out of it.
      CREATE TRIGGER due_forget_destroyed AFTER DELETE ON dossier_content
      BEGIN
        DELETE FROM due_key_persons WHERE dossier_id = OLD.dossier_id;
        DELETE FROM due_contacts WHERE dossier_id = OLD.dossier_id;
        DELETE FROM due_celebrations WHERE dossier_id = OLD.dossier_id;
      END;
    `);
    // Dossiers saved before this version: copied out now, with the cadence rules then in force.
    const rows = db
      .prepare(
        `SELECT d.id, d.responsible_id, d.created_at, c.content FROM dossiers d JOIN dossier_content c ON c.dossier_id = d.id
         WHERE json_array_length(c.content, '$.keyPersons') > 0 OR json_array_length(c.content, '$.celebrations') > 0`,
      )
      .all() as { id: number; responsible_id: string | null; created_at: string; content: string }[];
    const rules = cadenceRulesOf(db);
    for (const r of rows)
      refreshRelationships(db, { dossierId: r.id, responsibleId: r.responsible_id, content: JSON.parse(r.content) as DossierContent, at: r.created_at }, rules);
  },
};
