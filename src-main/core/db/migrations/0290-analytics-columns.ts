import type { Migration } from '../migrate';

/**
 * The analyst's groupings without reading dossier content or every table row (issue 18,
 * `analytics_p95_ms`). The source channel lives in the content JSON; it gets a real column that
 * triggers on dossier_content keep current on every write (create, update, handover, destruction),
 * so no writer can forget it. Narrow indexes let each filtered count seek instead of scan and cover
 * the columns the aggregates read, so the table rows themselves are not visited.
 */
export const updateToSchemaVersion290: Migration = {
  version: 290,
  name: 'analytics columns and indexes',
  up(db) {
    db.exec(`
      ALTER TABLE dossiers ADD COLUMN source_channel TEXT NOT NULL DEFAULT '';
      UPDATE dossiers SET source_channel = coalesce(
        (SELECT json_extract(c.content, '$.basic.sourceChannel') FROM dossier_content c WHERE c.dossier_id = dossiers.id), '');

      CREATE TRIGGER dossier_content_channel_insert AFTER INSERT ON dossier_content
      BEGIN
        UPDATE dossiers SET source_channel = coalesce(json_extract(NEW.content, '$.basic.sourceChannel'), '') WHERE id = NEW.dossier_id;
      END;
      CREATE TRIGGER dossier_content_channel_update AFTER UPDATE OF content ON dossier_content
      WHEN json_extract(NEW.content, '$.basic.sourceChannel') IS NOT json_extract(OLD.content, '$.basic.sourceChannel')
      BEGIN
        UPDATE dossiers SET source_channel = coalesce(json_extract(NEW.content, '$.basic.sourceChannel'), '') WHERE id = NEW.dossier_id;
      END;
      -- A destroyed dossier keeps a stub row; it no longer has a channel.
      CREATE TRIGGER dossier_content_channel_delete AFTER DELETE ON dossier_content
      BEGIN
        UPDATE dossiers SET source_channel = '' WHERE id = OLD.dossier_id;
      END;

      -- Each leads with a dimension, so a grouping by it streams in order instead of sorting every
      -- row, and carries what the aggregates read after it, so no table row is visited.
      CREATE INDEX dossiers_analytics_by_industry ON dossiers
        (industry, grade, lifecycle, status, department, secrecy, source_channel, last_reviewed_at, created_at, filed_at);
      CREATE INDEX dossiers_analytics_by_grade ON dossiers
        (grade, lifecycle, industry, status, department, secrecy, source_channel, last_reviewed_at, created_at, filed_at);
      CREATE INDEX dossiers_analytics_by_month ON dossiers (substr(created_at, 1, 7), status);
      CREATE INDEX dossiers_analytics_by_channel ON dossiers (source_channel, status, grade);
      CREATE INDEX dossiers_analytics_by_department ON dossiers (department, status, last_reviewed_at);
    `);
  },
};
