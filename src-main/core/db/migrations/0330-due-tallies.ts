import type { Migration } from '../migrate';

/**
 * Issue 17 `due_list_ms`: the due list shows the first items of each kind and counts the rest. The
 * counts were index ranges over every customer of the person (a quarter of a large archive), so
 * they cost more than the list. Here every count the list needs is kept current by triggers in one
 * small table, whatever path writes (saves, handovers, filing, re-grading, surveys, plans,
 * destruction), and a count becomes a sum over a few rows (core/due/tallies.ts).
 *
 * "Due" depends on today, so each count is kept per value the due rule compares with today:
 * - `contact:<class>`: key persons by `met_until` (due when it is before the period's end);
 * - `birthday`: key persons by birthday month-day (a range around today);
 * - `customer`: filed customers by lifecycle, in all (`since` '') and by UTC day of filing
 *   (`since`; "filed before the period began" is all less the days after the boundary's day
 *   less the boundary day's own, read exactly);
 * - `regrade:<quarter>`, `survey:<half-year>`, `plan:<year>`: filed customers with that work done,
 *   by lifecycle and day of filing.
 */

const UPSERT = 'ON CONFLICT DO UPDATE SET n = n + excluded.n';

/**
 * A filed customer is counted twice: under its day of filing and under '' (all days), so a total is
 * a few rows and "filed since a day" is a range of recent days. `TWICE` is joined in; `sinceOf`
 * picks the row's `since` for each of the two.
 */
const TWICE = `(SELECT 0 AS whole UNION ALL SELECT 1) twice`;
function sinceOf(row: string): string {
  return `CASE WHEN twice.whole THEN '' ELSE coalesce(substr(${row}.filed_at, 1, 10), '0000-00-00') END`;
}

/** A key person's counts, added (sign 1) or taken away (sign -1). */
function keyPersonTallies(row: 'OLD' | 'NEW', sign: 1 | -1): string {
  return `
    INSERT INTO due_tallies (responsible_id, tally, bucket, since, n)
      SELECT ${row}.responsible_id, 'contact:' || ${row}.contact_class, ${row}.met_until, '', ${sign}
      WHERE ${row}.responsible_id IS NOT NULL AND ${row}.contact_class IS NOT NULL AND ${row}.met_until IS NOT NULL ${UPSERT};
    INSERT INTO due_tallies (responsible_id, tally, bucket, since, n)
      SELECT ${row}.responsible_id, 'birthday', ${row}.birthday_md, '', ${sign}
      WHERE ${row}.responsible_id IS NOT NULL AND ${row}.birthday_md IS NOT NULL ${UPSERT};`;
}

/** Every count a dossier is in: as a filed customer, and once per quarter, half-year and year of work done. */
function dossierTallies(row: 'OLD' | 'NEW', sign: 1 | -1): string {
  return `
    INSERT INTO due_tallies (responsible_id, tally, bucket, since, n)
      SELECT ${row}.responsible_id, t.tally, ${row}.lifecycle, ${sinceOf(row)}, ${sign} FROM (
        SELECT 'customer' AS tally
        UNION SELECT 'regrade:' || quarter FROM grade_reviews WHERE dossier_id = ${row}.id
        UNION SELECT 'survey:' || period FROM customer_surveys WHERE dossier_id = ${row}.id
        UNION SELECT 'plan:' || year FROM maintenance_plans WHERE dossier_id = ${row}.id AND status = 'filed'
      ) t, ${TWICE}
      WHERE ${row}.status = 'filed' AND ${row}.responsible_id IS NOT NULL ${UPSERT};`;
}

/** One piece of work done for a dossier (`tally` is an SQL expression over the work row), counted on the dossier's current state. */
function workTally(dossierId: string, tally: string, sign: 1 | -1): string {
  return `
    INSERT INTO due_tallies (responsible_id, tally, bucket, since, n)
      SELECT d.responsible_id, ${tally}, d.lifecycle, ${sinceOf('d')}, ${sign} FROM dossiers d, ${TWICE}
      WHERE d.id = ${dossierId} AND d.status = 'filed' AND d.responsible_id IS NOT NULL ${UPSERT};`;
}

/**
 * Triggers for a table of work done, counted once per dossier and period (`key` is the period
 * column; `counts` says whether a row counts, e.g. a filed plan; `columns` are those an update
 * may move the row by). A period is done while any row for it is left.
 */
function workTriggers(table: string, key: string, prefix: string, counts: (row: string) => string, columns: string): string {
  const others = (row: 'OLD' | 'NEW') =>
    `NOT EXISTS (SELECT 1 FROM ${table} w WHERE w.dossier_id = ${row}.dossier_id AND w.${key} = ${row}.${key} AND w.id <> ${row}.id AND ${counts('w')})`;
  const tally = (row: 'OLD' | 'NEW') => `'${prefix}:' || ${row}.${key}`;
  return `
    CREATE TRIGGER due_tally_${table}_insert AFTER INSERT ON ${table}
    WHEN ${counts('NEW')} AND ${others('NEW')}
    BEGIN ${workTally('NEW.dossier_id', tally('NEW'), 1)} END;
    CREATE TRIGGER due_tally_${table}_delete AFTER DELETE ON ${table}
    WHEN ${counts('OLD')} AND ${others('OLD')}
    BEGIN ${workTally('OLD.dossier_id', tally('OLD'), -1)} END;
    CREATE TRIGGER due_tally_${table}_update_old AFTER UPDATE OF ${columns} ON ${table}
    WHEN ${counts('OLD')} AND ${others('OLD')}
    BEGIN ${workTally('OLD.dossier_id', tally('OLD'), -1)} END;
    CREATE TRIGGER due_tally_${table}_update_new AFTER UPDATE OF ${columns} ON ${table}
    WHEN ${counts('NEW')} AND ${others('NEW')}
    BEGIN ${workTally('NEW.dossier_id', tally('NEW'), 1)} END;`;
}

export const updateToSchemaVersion330: Migration = {
  version: 330,
  name: 'due list counts kept by triggers',
  up(db) {
    db.exec(`
      CREATE TABLE due_tallies (
        responsible_id TEXT NOT NULL,
        tally          TEXT NOT NULL,
        bucket         TEXT NOT NULL,
        since          TEXT NOT NULL,
        n              INTEGER NOT NULL,
        PRIMARY KEY (responsible_id, tally, since, bucket)
      ) STRICT, WITHOUT ROWID;

      -- A count that fell to zero is no longer a row, so the sums stay over a few rows.
      CREATE TRIGGER due_tallies_drop_empty AFTER UPDATE OF n ON due_tallies WHEN NEW.n = 0
      BEGIN
        DELETE FROM due_tallies WHERE responsible_id = NEW.responsible_id AND tally = NEW.tally AND bucket = NEW.bucket AND since = NEW.since;
      END;

      CREATE TRIGGER due_tally_key_person_insert AFTER INSERT ON due_key_persons
      BEGIN ${keyPersonTallies('NEW', 1)} END;
      CREATE TRIGGER due_tally_key_person_delete AFTER DELETE ON due_key_persons
      BEGIN ${keyPersonTallies('OLD', -1)} END;
      CREATE TRIGGER due_tally_key_person_update AFTER UPDATE OF responsible_id, contact_class, met_until, birthday_md ON due_key_persons
      BEGIN ${keyPersonTallies('OLD', -1)} ${keyPersonTallies('NEW', 1)} END;

      CREATE TRIGGER due_tally_dossier_insert AFTER INSERT ON dossiers
      BEGIN ${dossierTallies('NEW', 1)} END;
      CREATE TRIGGER due_tally_dossier_delete AFTER DELETE ON dossiers
      BEGIN ${dossierTallies('OLD', -1)} END;
      CREATE TRIGGER due_tally_dossier_update AFTER UPDATE OF responsible_id, status, lifecycle, filed_at ON dossiers
      WHEN OLD.responsible_id IS NOT NEW.responsible_id OR OLD.status IS NOT NEW.status OR OLD.lifecycle IS NOT NEW.lifecycle OR OLD.filed_at IS NOT NEW.filed_at
      BEGIN ${dossierTallies('OLD', -1)} ${dossierTallies('NEW', 1)} END;

      ${workTriggers('grade_reviews', 'quarter', 'regrade', () => '1', 'dossier_id, quarter')}
      ${workTriggers('customer_surveys', 'period', 'survey', () => '1', 'dossier_id, period')}
      ${workTriggers('maintenance_plans', 'year', 'plan', (row) => `${row}.status = 'filed'`, 'dossier_id, year, status')}

      INSERT INTO due_tallies (responsible_id, tally, bucket, since, n)
        SELECT responsible_id, 'contact:' || contact_class, met_until, '', count(*) FROM due_key_persons
        WHERE responsible_id IS NOT NULL AND contact_class IS NOT NULL AND met_until IS NOT NULL GROUP BY 1, 2, 3;
      INSERT INTO due_tallies (responsible_id, tally, bucket, since, n)
        SELECT responsible_id, 'birthday', birthday_md, '', count(*) FROM due_key_persons
        WHERE responsible_id IS NOT NULL AND birthday_md IS NOT NULL GROUP BY 1, 3;
      INSERT INTO due_tallies (responsible_id, tally, bucket, since, n)
        SELECT d.responsible_id, t.tally, d.lifecycle, ${sinceOf('d')}, count(*) FROM dossiers d JOIN (
          SELECT id AS dossier_id, 'customer' AS tally FROM dossiers
          UNION SELECT dossier_id, 'regrade:' || quarter FROM grade_reviews
          UNION SELECT dossier_id, 'survey:' || period FROM customer_surveys
          UNION SELECT dossier_id, 'plan:' || year FROM maintenance_plans WHERE status = 'filed'
        ) t ON t.dossier_id = d.id, ${TWICE}
        WHERE d.status = 'filed' AND d.responsible_id IS NOT NULL GROUP BY 1, 2, 3, 4;

      -- The first items of a kind, in archive-number order, without sorting every customer; and the
      -- customers filed on the day a period began (the one day the counts cannot split).
      CREATE INDEX dossiers_due_by_number ON dossiers (responsible_id, status, archive_number, lifecycle);
      CREATE INDEX dossiers_due_by_filing ON dossiers (responsible_id, status, filed_at, lifecycle);
      -- Celebrations in a window, by when they fall.
      CREATE INDEX due_celebrations_yearly ON due_celebrations (responsible_id, md) WHERE kind = 'anniversary';
      CREATE INDEX due_celebrations_once ON due_celebrations (responsible_id, date) WHERE kind <> 'anniversary';
    `);
  },
};
