import type { DossierContent } from '../../../contract/dossiers';
import { searchDocument } from '../../dossiers/repository';
import { insertSearchRows } from '../../dossiers/search-index';
import type { Migration } from '../migrate';

/**
 * Issue 16: a destruction must take a dossier's words out of the search indexes at once. The
 * indexes of 0050 were `contentless_delete`, where a delete only adds a tombstone and only a
 * merge of the whole index (seconds on a large archive) drops the terms. They are rebuilt here
 * over a table of the indexed text (external content for the trigram index; the bigram index is
 * told what to remove, see dossiers/search-index.ts) with FTS5's secure-delete on, so a delete
 * removes the terms from the index pages in place.
 */
export const updateToSchemaVersion270: Migration = {
  version: 270,
  name: 'search indexes that delete in place',
  // Archives written before every connection ran with secure_delete (db/connection.ts) may hold
  // old saves in free pages and slack space; a destruction could not reach those.
  vacuumAfter: true,
  up(db) {
    // The old index pages are freed below: zero them rather than leave them in the file.
    db.pragma('secure_delete=ON');
    db.exec(`
      DROP TABLE dossier_search;
      DROP TABLE dossier_search_bigram;
      -- What each dossier's search rows hold (a destroyed dossier's stub: number and customer name).
      CREATE TABLE dossier_search_text (
        id       INTEGER PRIMARY KEY REFERENCES dossiers (id),
        number   TEXT NOT NULL,
        name     TEXT NOT NULL,
        industry TEXT NOT NULL,
        persons  TEXT NOT NULL
      ) STRICT;
      CREATE VIRTUAL TABLE dossier_search USING fts5(
        number, name, industry, persons,
        content = 'dossier_search_text', content_rowid = 'id', tokenize = 'trigram'
      );
      CREATE VIRTUAL TABLE dossier_search_bigram USING fts5(
        number, name, industry, persons,
        content = '', tokenize = 'unicode61 remove_diacritics 0', detail = 'column'
      );
      INSERT INTO dossier_search (dossier_search, rank) VALUES ('secure-delete', 1);
      INSERT INTO dossier_search_bigram (dossier_search_bigram, rank) VALUES ('secure-delete', 1);
    `);
    // The same rows the dossier service writes: from the content, or for a destroyed dossier
    // (no content left) the stub's number and customer name.
    type Row = { id: number; number: string; name: string; industry: string; content: string | null };
    const page = db.prepare(
      `SELECT d.id, d.archive_number AS number, d.customer_name AS name, d.industry, c.content
       FROM dossiers d LEFT JOIN dossier_content c ON c.dossier_id = d.id WHERE d.id > ? ORDER BY d.id LIMIT 1000`,
    );
    let rows = page.all(0) as Row[];
    while (rows.length) {
      for (const row of rows) {
        const doc =
          row.content !== null
            ? searchDocument(row.number, JSON.parse(row.content) as DossierContent)
            : { number: row.number, name: row.name, industry: '', persons: '' };
        insertSearchRows(db, row.id, doc);
      }
      rows = page.all(rows[rows.length - 1]!.id) as Row[];
    }
  },
};
