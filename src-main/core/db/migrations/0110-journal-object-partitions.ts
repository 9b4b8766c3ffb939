import type { Migration } from '../migrate';

/**
 * The dossier (object) index, partitioned by position in the chain (issue 2 performance).
 *
 * `journal_by_object (object_type, object_id, seq)` put each new entry next to the earlier entries
 * of the same dossier, anywhere in the index: a transaction touching 1000 dossiers dirtied ~700 of
 * its pages, and every dirty page is encrypted, authenticated and written to the WAL at commit —
 * about half of the append cost (tests/bench/core.bench.ts).
 *
 * Leading with `seq >> 12` keeps each 4096-entry stretch of the chain in its own small region of
 * the index, so new entries only touch the pages of the current stretch (~35). A reader filtering
 * by dossier asks each stretch in turn (query.ts, `OBJECT_PARTITION`): one index seek per 4096
 * entries, a millisecond or two over a million entries.
 */
export const updateToSchemaVersion110: Migration = {
  version: 110,
  name: 'journal-object-partitions',
  up(db) {
    db.exec(`
      DROP INDEX journal_by_object;
      CREATE INDEX journal_by_object ON journal (seq >> 12, object_type, object_id);
    `);
  },
};
