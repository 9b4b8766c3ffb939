import type { Migration } from '../migrate';

/**
 * Indexes for the auditors' filters (issue 6). 0020 already indexes actor, object and event, each
 * with `seq` so a filtered page is read in chain order straight off the index. Added here:
 * - time: `at` (rowid `seq` is implied), for a time range alone;
 * - outcome: refused and failed attempts are rare, so `outcome = 'denied'` should not scan the table.
 */
export const updateToSchemaVersion25: Migration = {
  version: 25,
  name: 'journal-filters',
  up(db) {
    db.exec(`
      CREATE INDEX journal_by_at ON journal (at);
      CREATE INDEX journal_by_outcome ON journal (outcome, seq);
    `);
  },
};
