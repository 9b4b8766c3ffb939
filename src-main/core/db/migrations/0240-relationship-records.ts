import type { Migration } from '../migrate';

/**
 * Surveys, complaints and re-grading (issue 17, points 5–7). Every record is kept: surveys,
 * their items and grade reviews are append-only; a follow-up or a complaint only moves forward
 * (each step is written once, checked by the triggers), so the tables are their own history.
 */
export const updateToSchemaVersion240: Migration = {
  version: 240,
  name: 'relationship-records',
  up(db) {
    db.exec(`
      -- 一年两次定期调查交易往来客户 (seed 004 第8条): one per customer per half-year ('2026-H1').
      CREATE TABLE customer_surveys (
        id              INTEGER PRIMARY KEY,
        dossier_id      INTEGER NOT NULL REFERENCES dossiers (id),
        period          TEXT NOT NULL,
        conducted_at    TEXT NOT NULL,
        recorded_by     TEXT NOT NULL REFERENCES people (id),
        changes         TEXT NOT NULL,
        grade_before    TEXT NOT NULL,
        grade_after     TEXT NOT NULL,
        lifecycle_before TEXT NOT NULL,
        lifecycle_after TEXT NOT NULL,
        revision        INTEGER,
        UNIQUE (dossier_id, period)
      ) STRICT;

      -- 客户满意度调查 (seed 001 3.3.3): questions, scores, comments.
      CREATE TABLE satisfaction_surveys (
        id           INTEGER PRIMARY KEY,
        dossier_id   INTEGER NOT NULL REFERENCES dossiers (id),
        conducted_at TEXT NOT NULL,
        recorded_by  TEXT NOT NULL REFERENCES people (id),
        threshold    INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX satisfaction_surveys_by_dossier ON satisfaction_surveys (dossier_id);
      CREATE TABLE satisfaction_items (
        survey_id INTEGER NOT NULL REFERENCES satisfaction_surveys (id),
        position  INTEGER NOT NULL,
        question  TEXT NOT NULL,
        score     INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment   TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (survey_id, position)
      ) STRICT, WITHOUT ROWID;

      -- 针对不满意项制定改进措施并跟踪落实: one follow-up per unsatisfied item, open until closed.
      CREATE TABLE follow_ups (
        id         INTEGER PRIMARY KEY,
        survey_id  INTEGER NOT NULL REFERENCES satisfaction_surveys (id),
        position   INTEGER NOT NULL,
        dossier_id INTEGER NOT NULL REFERENCES dossiers (id),
        action     TEXT NOT NULL,
        owner_id   TEXT NOT NULL REFERENCES people (id),
        due_at     TEXT NOT NULL,
        created_at TEXT NOT NULL,
        closed_at  TEXT,
        closed_by  TEXT REFERENCES people (id),
        result     TEXT
      ) STRICT;
      CREATE INDEX follow_ups_open_by_owner ON follow_ups (owner_id, closed_at, due_at);
      CREATE INDEX follow_ups_by_dossier ON follow_ups (dossier_id);

      -- 首小时响应，24小时内提供解决方案 (seed 003 三(二)3): received → responded → solved (→ closed).
      CREATE TABLE complaints (
        id           INTEGER PRIMARY KEY,
        dossier_id   INTEGER NOT NULL REFERENCES dossiers (id),
        subject      TEXT NOT NULL,
        content      TEXT NOT NULL,
        owner_id     TEXT NOT NULL REFERENCES people (id),
        received_at  TEXT NOT NULL,
        received_by  TEXT NOT NULL REFERENCES people (id),
        responded_at TEXT,
        responded_by TEXT REFERENCES people (id),
        response     TEXT,
        solved_at    TEXT,
        solved_by    TEXT REFERENCES people (id),
        solution     TEXT,
        closed_at    TEXT,
        closed_by    TEXT REFERENCES people (id)
      ) STRICT;
      CREATE INDEX complaints_open_by_owner ON complaints (owner_id, closed_at);
      CREATE INDEX complaints_by_dossier ON complaints (dossier_id);

      -- 每季度评估客户等级 (seed 003): the criteria, the grade before and after; the grade history.
      CREATE TABLE grade_reviews (
        id              INTEGER PRIMARY KEY,
        dossier_id      INTEGER NOT NULL REFERENCES dossiers (id),
        quarter         TEXT NOT NULL,
        value_score     INTEGER NOT NULL CHECK (value_score BETWEEN 1 AND 5),
        potential_score INTEGER NOT NULL CHECK (potential_score BETWEEN 1 AND 5),
        stability_score INTEGER NOT NULL CHECK (stability_score BETWEEN 1 AND 5),
        grade_before    TEXT NOT NULL,
        grade_after     TEXT NOT NULL CHECK (grade_after IN ('A', 'B', 'C')),
        note            TEXT NOT NULL DEFAULT '',
        reviewed_at     TEXT NOT NULL,
        reviewed_by     TEXT NOT NULL REFERENCES people (id),
        revision        INTEGER
      ) STRICT;
      CREATE INDEX grade_reviews_by_dossier ON grade_reviews (dossier_id, quarter);

      CREATE TRIGGER customer_surveys_no_update BEFORE UPDATE ON customer_surveys BEGIN SELECT RAISE(ABORT, 'surveys are append-only'); END;
      CREATE TRIGGER customer_surveys_no_delete BEFORE DELETE ON customer_surveys BEGIN SELECT RAISE(ABORT, 'surveys are append-only'); END;
      CREATE TRIGGER satisfaction_surveys_no_update BEFORE UPDATE ON satisfaction_surveys BEGIN SELECT RAISE(ABORT, 'surveys are append-only'); END;
      CREATE TRIGGER satisfaction_surveys_no_delete BEFORE DELETE ON satisfaction_surveys BEGIN SELECT RAISE(ABORT, 'surveys are append-only'); END;
      CREATE TRIGGER satisfaction_items_no_update BEFORE UPDATE ON satisfaction_items BEGIN SELECT RAISE(ABORT, 'surveys are append-only'); END;
      CREATE TRIGGER satisfaction_items_no_delete BEFORE DELETE ON satisfaction_items BEGIN SELECT RAISE(ABORT, 'surveys are append-only'); END;
      CREATE TRIGGER grade_reviews_no_update BEFORE UPDATE ON grade_reviews BEGIN SELECT RAISE(ABORT, 'grade history is append-only'); END;
      CREATE TRIGGER grade_reviews_no_delete BEFORE DELETE ON grade_reviews BEGIN SELECT RAISE(ABORT, 'grade history is append-only'); END;
      CREATE TRIGGER follow_ups_no_delete BEFORE DELETE ON follow_ups BEGIN SELECT RAISE(ABORT, 'follow-ups are kept'); END;
      CREATE TRIGGER follow_ups_close_once BEFORE UPDATE ON follow_ups WHEN OLD.closed_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a closed follow-up stays closed'); END;
      CREATE TRIGGER complaints_no_delete BEFORE DELETE ON complaints BEGIN SELECT RAISE(ABORT, 'complaints are kept'); END;
      CREATE TRIGGER complaints_steps_once BEFORE UPDATE ON complaints WHEN
        OLD.dossier_id IS NOT NEW.dossier_id OR OLD.subject IS NOT NEW.subject OR OLD.content IS NOT NEW.content
        OR OLD.received_at IS NOT NEW.received_at OR OLD.received_by IS NOT NEW.received_by
        OR (OLD.responded_at IS NOT NULL AND (OLD.responded_at IS NOT NEW.responded_at OR OLD.response IS NOT NEW.response))
        OR (OLD.solved_at IS NOT NULL AND (OLD.solved_at IS NOT NEW.solved_at OR OLD.solution IS NOT NEW.solution))
        OR OLD.closed_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a complaint step is written once'); END;
    `);
  },
};
