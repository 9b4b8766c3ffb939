import type { Migration } from '../migrate';

/**
 * Suspension of a person's rights (issue 16, point 7: 发现信息滥用行为，立即暂停相关员工权限) and
 * incident notices to the responsible person's direct manager (直接上级承担领导责任).
 *
 * A suspension is a row until lifted; at most one open per person. Notifications gain the kind
 * `incident.recorded` and a link to the incident: SQLite cannot alter a CHECK constraint, so the
 * table is rebuilt with its rows, ids and index as they were.
 */
export const updateToSchemaVersion180: Migration = {
  version: 180,
  name: 'suspensions-and-incident-notices',
  up(db) {
    db.exec(`
      CREATE TABLE suspensions (
        id           INTEGER PRIMARY KEY,
        person_id    TEXT NOT NULL REFERENCES people (id),
        reason       TEXT NOT NULL,
        suspended_by TEXT NOT NULL REFERENCES people (id),
        suspended_at TEXT NOT NULL,
        lifted_by    TEXT REFERENCES people (id),
        lifted_at    TEXT
      ) STRICT;
      CREATE UNIQUE INDEX suspensions_open ON suspensions (person_id) WHERE lifted_at IS NULL;

      CREATE TABLE notifications_180 (
        id           INTEGER PRIMARY KEY,
        recipient_id TEXT NOT NULL REFERENCES people (id),
        kind         TEXT NOT NULL CHECK (kind IN
                       ('card.submitted', 'loan.overdue', 'card.approved', 'card.rejected', 'loan.dueSoon', 'loan.recalled', 'hold.available',
                        'incident.recorded')),
        loan_id      INTEGER REFERENCES loans (id),
        dedupe       TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        read_at      TEXT,
        incident_id  INTEGER REFERENCES incidents (id),
        UNIQUE (recipient_id, dedupe)
      ) STRICT;
      INSERT INTO notifications_180 (id, recipient_id, kind, loan_id, dedupe, created_at, read_at)
        SELECT id, recipient_id, kind, loan_id, dedupe, created_at, read_at FROM notifications;
      DROP TABLE notifications;
      ALTER TABLE notifications_180 RENAME TO notifications;
      CREATE INDEX notifications_by_recipient ON notifications (recipient_id, read_at, id);
    `);
  },
};
