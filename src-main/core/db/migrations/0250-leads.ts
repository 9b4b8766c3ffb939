import type { Migration } from '../migrate';

/**
 * Lead intake (issue 18 point 1, seed 004 大客户信息收集管理办法): one row per report on the one
 * template (大客户信息记录表), its check by the key-account department, its project (立项) and the
 * dossier it became; deliveries (合同登记) feed the quarterly conversion rate.
 *
 * A later report of the same lead is kept (the reporter sees it was received) but is a `duplicate`
 * pointing at the first one, and never counts (相同信息的提报，根据时间先后计算，后报者不予计算).
 * `name_key` is the normalised customer name the match uses when there is no credit code.
 */
export const updateToSchemaVersion250: Migration = {
  version: 250,
  name: 'leads',
  up(db) {
    db.exec(`
      CREATE TABLE leads (
        id              INTEGER PRIMARY KEY,
        reported_at     TEXT NOT NULL,
        reporter_id     TEXT NOT NULL REFERENCES people (id),
        department      TEXT NOT NULL,
        customer_name   TEXT NOT NULL,
        name_key        TEXT NOT NULL,
        credit_code     TEXT,
        sector          TEXT NOT NULL,
        need            TEXT NOT NULL,
        quantity        INTEGER NOT NULL CHECK (quantity >= 1),
        contact_person  TEXT NOT NULL CHECK (length(contact_person) > 0),
        contact_details TEXT NOT NULL CHECK (length(contact_details) > 0),
        notes           TEXT NOT NULL DEFAULT '',
        state           TEXT NOT NULL CHECK (state IN ('pending', 'valid', 'invalid', 'duplicate', 'project', 'dossier')),
        duplicate_of    INTEGER REFERENCES leads (id),
        checked_by      TEXT REFERENCES people (id),
        checked_at      TEXT,
        expires_on      TEXT,
        invalid_reason  TEXT,
        project_by      TEXT REFERENCES people (id),
        project_at      TEXT,
        dossier_number  TEXT,
        dossier_at      TEXT
      ) STRICT;
      CREATE INDEX leads_by_credit_code ON leads (credit_code) WHERE credit_code IS NOT NULL;
      CREATE INDEX leads_by_name_key ON leads (name_key);
      CREATE INDEX leads_by_state ON leads (state, reported_at);
      CREATE INDEX leads_by_reporter ON leads (reporter_id, reported_at);

      CREATE TABLE lead_deliveries (
        id           INTEGER PRIMARY KEY,
        lead_id      INTEGER NOT NULL REFERENCES leads (id),
        quantity     INTEGER NOT NULL CHECK (quantity >= 1),
        delivered_on TEXT NOT NULL,
        recorded_by  TEXT NOT NULL REFERENCES people (id),
        recorded_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX lead_deliveries_by_lead ON lead_deliveries (lead_id, delivered_on);
    `);
  },
};
