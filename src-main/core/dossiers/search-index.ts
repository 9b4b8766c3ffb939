/**
 * The two catalogue search indexes (search-text.ts) and the table of the text they hold
 * (migration 0270).
 *
 * `dossier_search_text` keeps exactly what was indexed for each dossier. The trigram index reads
 * it as its external content; the bigram index is contentless and is told what to remove with the
 * `'delete'` command, whose values are rebuilt from the same row by `bigramRow`. Both indexes run
 * with FTS5's `secure-delete`, so removing a row takes its terms out of the index pages in place
 * (https://sqlite.org/fts5.html#the_secure_delete_configuration_option) rather than leaving them
 * under a tombstone until the whole index is merged. If `bigrams()` ever changes, the bigram index
 * must be rebuilt by a migration, or the `'delete'` values would no longer match.
 */
import type { Db } from '../db/connection';
import { stmt } from './statements';
import { bigrams, fold, type SearchDocument } from './search-text';

const TABLES = ['dossier_search', 'dossier_search_bigram'] as const;

function bigramRow(doc: SearchDocument): string[] {
  return [bigrams(doc.number), bigrams(doc.name), bigrams(doc.industry), bigrams(doc.persons)];
}

export function readSearchDocument(db: Db, id: number): SearchDocument | null {
  return (stmt(db, 'SELECT number, name, industry, persons FROM dossier_search_text WHERE id = ?').get(id) as SearchDocument | undefined) ?? null;
}

/** Adds the dossier's rows; it must have none yet. */
export function insertSearchRows(db: Db, id: number, doc: SearchDocument): void {
  stmt(db, 'INSERT INTO dossier_search_text (id, number, name, industry, persons) VALUES (?, ?, ?, ?, ?)').run(
    id,
    doc.number,
    doc.name,
    doc.industry,
    doc.persons,
  );
  stmt(db, 'INSERT INTO dossier_search (rowid, number, name, industry, persons) VALUES (?, ?, ?, ?, ?)').run(
    id,
    doc.number,
    doc.name,
    doc.industry,
    doc.persons,
  );
  stmt(db, 'INSERT INTO dossier_search_bigram (rowid, number, name, industry, persons) VALUES (?, ?, ?, ?, ?)').run(id, ...bigramRow(doc));
}

/** Removes the dossier's rows from both indexes and the text table; returns what they held. */
export function removeSearchRows(db: Db, id: number): SearchDocument | null {
  const old = readSearchDocument(db, id);
  if (!old) return null;
  // External content: FTS5 reads the terms to remove from the text row, so that row goes last.
  stmt(db, 'DELETE FROM dossier_search WHERE rowid = ?').run(id);
  stmt(db, `INSERT INTO dossier_search_bigram (dossier_search_bigram, rowid, number, name, industry, persons) VALUES ('delete', ?, ?, ?, ?, ?)`).run(
    id,
    ...bigramRow(old),
  );
  stmt(db, 'DELETE FROM dossier_search_text WHERE id = ?').run(id);
  return old;
}

export function replaceSearchRows(db: Db, id: number, doc: SearchDocument): void {
  removeSearchRows(db, id);
  insertSearchRows(db, id, doc);
}

interface SeparatorRow {
  segid: number;
  term: Buffer;
  pgno: number;
}

function readVarint(b: Buffer, at: number): [value: number, size: number] {
  let value = 0;
  let size = 0;
  for (;;) {
    const byte = b[at + size]!;
    size++;
    if (size === 9) return [value * 256 + byte, size];
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) return [value, size];
  }
}

/** The first term written in full on an FTS5 leaf page (its footer's first offset), if any. */
function firstTermOnLeaf(page: Buffer): Buffer | null {
  if (page.length < 4) return null;
  const footer = page.readUInt16BE(2);
  if (footer >= page.length) return null;
  const [offset] = readVarint(page, footer);
  const [length, size] = readVarint(page, offset);
  const start = offset + size;
  return start + length <= page.length ? page.subarray(start, start + length) : null;
}

/**
 * After a secure delete: rewrites the index separator keys that still hold a removed term.
 *
 * Each leaf page but a segment's first has a key in `<table>_idx`: the shortest prefix of its
 * first term that is greater than the term before it. Secure-delete removes a page's first term
 * from the page but leaves that key, so a removed term's leading characters stay in the file
 * whenever it shared them with the term before it. Any key that is no longer a prefix of its
 * page's first term is replaced by that term, which is just as valid a separator (greater than
 * everything on the pages before, not greater than anything on the page) and is text still
 * indexed. Only keys whose bytes occur in `texts` (everything the dossier's rows ever held) are
 * looked at.
 *
 * The `_idx` tables are FTS5 shadow tables, writable only with SQLite's defensive mode off,
 * which is why that mode is lifted for these updates and restored at once.
 */
export function scrubSeparators(db: Db, texts: readonly string[]): number {
  // Both tokenizers fold case; NFKC as search-text's fold does. A wider haystack only means more
  // keys checked against their page.
  const haystack = Buffer.from([...texts, ...texts.map((t) => t.toLowerCase()), ...texts.map(fold), ...texts.map((t) => bigrams(t))].join('\n'), 'utf8');
  let rewritten = 0;
  for (const table of TABLES) {
    db.prepare(`INSERT INTO ${table} (${table}) VALUES ('flush')`).run();
    // A key is the index's prefix byte, the shared prefix with the term before, and one byte more:
    // only the shared part can carry removed text.
    const suspects = db
      .prepare(`SELECT segid, term, pgno FROM ${table}_idx WHERE length(term) > 2 AND instr(?, substr(term, 2, length(term) - 2)) > 0`)
      .all(haystack) as SeparatorRow[];
    for (const key of suspects) {
      const leaf = db.prepare(`SELECT block FROM ${table}_data WHERE id = ?`).get(key.segid * 2 ** 37 + Math.floor(key.pgno / 2)) as
        { block: Buffer } | undefined;
      const first = leaf ? firstTermOnLeaf(leaf.block) : null;
      if (!first || first.subarray(0, key.term.length).equals(key.term)) continue;
      db.unsafeMode(true);
      try {
        db.prepare(`UPDATE ${table}_idx SET term = ? WHERE segid = ? AND term = ?`).run(first, key.segid, key.term);
      } finally {
        db.unsafeMode(false);
      }
      rewritten++;
    }
  }
  return rewritten;
}
