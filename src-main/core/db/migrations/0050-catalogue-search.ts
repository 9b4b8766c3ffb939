import type { Migration } from '../migrate';

export const updateToSchemaVersion50: Migration = {
  version: 50,
  name: 'catalogue search',
  up(db) {
    db.exec(`
      -- Catalogue search over Chinese text. rowid = dossiers.id. Contentless (the text is in
      -- dossiers already); contentless_delete lets a save replace a row.
      -- The trigram tokenizer answers terms of three characters and more
      -- (https://sqlite.org/fts5.html#the_trigram_tokenizer)...
      CREATE VIRTUAL TABLE dossier_search USING fts5(
        number, name, industry, persons,
        content = '', contentless_delete = 1, tokenize = 'trigram'
      );
      -- ...and cannot answer two: this shadow holds every two-character window of the same text as
      -- a word of its own, so a two-character term is a one-word query (see dossiers/search-text.ts).
      -- One word needs no positions: detail = 'column' keeps column filters and halves the index.
      CREATE VIRTUAL TABLE dossier_search_bigram USING fts5(
        number, name, industry, persons,
        content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0', detail = 'column'
      );
    `);
  },
};
