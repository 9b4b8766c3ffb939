import type { Migration } from '../migrate';

/**
 * Time filters without a time index (issue 6 performance).
 *
 * A page of a time-filtered journal is the first N entries by `seq` whose `at` is in range. With
 * only `journal_by_at`, SQLite either walked the table from seq 1 until `at` reached the range
 * or read the whole `at` range and sorted it by seq. `at` is nearly, but not strictly, increasing with `seq` (failed unlocks are
 * recorded later with their own time), so `seq` bounds cannot be derived from `at` alone.
 *
 * `journal_time_blocks` keeps, for every complete block of 1000 entries, the smallest and largest
 * `at` in it: a reader skips the blocks that cannot hold a match and walks the rest by `seq`
 * (query.ts). Journal.append writes a block's row in the same transaction as its last entry.
 * Like an index it is derived data; unlike the chain it proves nothing, it only lets a reader skip.
 *
 * `journal_by_at` is dropped: nothing reads it any more, and each index costs every append.
 *
 * `journal_by_actor` and `journal_by_outcome` gain trailing columns so the other equality filters
 * (filter.ts keeps them off the index with `+column`) are tested on the index entry before SQLite
 * seeks the row: a person's refused attempts otherwise read many rows of the table at random for
 * each hit.
 */
export const updateToSchemaVersion95: Migration = {
  version: 95,
  name: 'journal-time-blocks',
  up(db) {
    db.exec(`
      CREATE TABLE journal_time_blocks (
        block  INTEGER PRIMARY KEY, -- entries (block * 1000, block * 1000 + 1000]
        min_at TEXT NOT NULL,
        max_at TEXT NOT NULL
      ) STRICT;

      CREATE TRIGGER journal_time_blocks_no_update BEFORE UPDATE ON journal_time_blocks
      BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
      CREATE TRIGGER journal_time_blocks_no_delete BEFORE DELETE ON journal_time_blocks
      BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;

      INSERT INTO journal_time_blocks (block, min_at, max_at)
        SELECT (seq - 1) / 1000, min(at), max(at) FROM journal
        WHERE seq <= (SELECT coalesce(max(seq), 0) / 1000 * 1000 FROM journal)
        GROUP BY (seq - 1) / 1000;

      DROP INDEX journal_by_at;
      DROP INDEX journal_by_actor;
      CREATE INDEX journal_by_actor ON journal (actor_id, seq, outcome, event);
      DROP INDEX journal_by_outcome;
      CREATE INDEX journal_by_outcome ON journal (outcome, seq, event);
    `);
  },
};
