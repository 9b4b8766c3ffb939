import type { Migration } from '../migrate';

export const updateToSchemaVersion60: Migration = {
  version: 60,
  name: 'borrow cards, loans, notifications, incidents',
  up(db) {
    db.exec(`
      -- Card numbers JY-<year>-<serial> (借阅卡), issued by the core: one counter per year.
      CREATE TABLE loan_card_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;

      -- 借阅卡 and the loan it becomes: one row from filing to the end. "Overdue" is not a state:
      -- an on-loan row past due_at is overdue at that moment (rule 4, no timers).
      CREATE TABLE loans (
        id                  INTEGER PRIMARY KEY,
        card_number         TEXT NOT NULL UNIQUE,
        dossier_id          INTEGER NOT NULL REFERENCES dossiers (id),
        copy_id             INTEGER NOT NULL REFERENCES dossier_copies (id),
        borrower_id         TEXT NOT NULL REFERENCES people (id),
        -- The copy's holding department: whose custodians decide and whose register lists it.
        department          TEXT NOT NULL REFERENCES departments (code),
        purpose             TEXT NOT NULL,
        form                TEXT NOT NULL CHECK (form IN ('in-app', 'printed', 'offline')),
        period_days         INTEGER NOT NULL CHECK (period_days >= 1),
        reading_place       TEXT NOT NULL,
        -- 禁止在公众场所或旅行途中阅读: a card cannot exist without the borrower's acknowledgement.
        acknowledged        INTEGER NOT NULL CHECK (acknowledged = 1),
        -- 机密 dossiers need a department manager's approval as well as the custodian's.
        needs_second        INTEGER NOT NULL CHECK (needs_second IN (0, 1)),
        state               TEXT NOT NULL CHECK (state IN
                              ('submitted', 'queued', 'on-loan', 'rejected', 'cancelled', 'returned', 'returned-late', 'recalled', 'lost')),
        submitted_at        TEXT NOT NULL,
        custodian_by        TEXT REFERENCES people (id),
        custodian_at        TEXT,
        manager_by          TEXT REFERENCES people (id),
        manager_at          TEXT,
        -- When the last approval came in: the holds queue (预约) is served in this order.
        approved_at         TEXT,
        rejected_by         TEXT REFERENCES people (id),
        reject_reason       TEXT,
        starts_at           TEXT,
        due_at              TEXT,
        copy_revision       INTEGER,
        renewal_state       TEXT CHECK (renewal_state IN ('requested', 'approved', 'rejected')),
        renewal_days        INTEGER,
        renewal_custodian_by TEXT REFERENCES people (id),
        renewal_manager_by  TEXT REFERENCES people (id),
        renewal_reason      TEXT,
        ended_at            TEXT,
        ended_by            TEXT REFERENCES people (id),
        end_note            TEXT
      ) STRICT;

      -- The per-read check (rule 3, rule 4) is one probe of this index.
      CREATE INDEX loans_active ON loans (borrower_id, dossier_id, state, due_at);
      CREATE INDEX loans_by_copy ON loans (copy_id, state, approved_at);
      CREATE INDEX loans_by_department ON loans (department, state, due_at);

      -- Notices kept in the archive, per recipient. dedupe makes computed notices (overdue,
      -- due soon) idempotent: asking twice never notifies twice.
      CREATE TABLE notifications (
        id           INTEGER PRIMARY KEY,
        recipient_id TEXT NOT NULL REFERENCES people (id),
        kind         TEXT NOT NULL CHECK (kind IN
                       ('card.submitted', 'loan.overdue', 'card.approved', 'card.rejected', 'loan.dueSoon', 'loan.recalled', 'hold.available')),
        loan_id      INTEGER REFERENCES loans (id),
        dedupe       TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        read_at      TEXT,
        UNIQUE (recipient_id, dedupe)
      ) STRICT;

      CREATE INDEX notifications_by_recipient ON notifications (recipient_id, read_at, id);

      -- Leaks and losses: who, which copy and revision, when, and the borrower's manager
      -- (直接上级承担领导责任).
      CREATE TABLE incidents (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('lost', 'leak')),
        loan_id     INTEGER REFERENCES loans (id),
        dossier_id  INTEGER NOT NULL REFERENCES dossiers (id),
        copy_id     INTEGER NOT NULL REFERENCES dossier_copies (id),
        revision    INTEGER NOT NULL,
        person_id   TEXT NOT NULL REFERENCES people (id),
        manager_id  TEXT REFERENCES people (id),
        description TEXT NOT NULL,
        at          TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES people (id)
      ) STRICT;

      -- 诚信黑点: append-only; three marks flag the person to management.
      CREATE TABLE integrity_marks (
        id          INTEGER PRIMARY KEY,
        person_id   TEXT NOT NULL REFERENCES people (id),
        incident_id INTEGER NOT NULL REFERENCES incidents (id),
        at          TEXT NOT NULL
      ) STRICT;

      CREATE INDEX integrity_marks_by_person ON integrity_marks (person_id);

      CREATE TRIGGER integrity_marks_no_update BEFORE UPDATE ON integrity_marks
      BEGIN SELECT RAISE(ABORT, 'integrity marks are append-only'); END;
      CREATE TRIGGER integrity_marks_no_delete BEFORE DELETE ON integrity_marks
      BEGIN SELECT RAISE(ABORT, 'integrity marks are append-only'); END;
    `);
  },
};
