/**
 * The CSV exporter's fast path: a page of entries as two values instead of sixteen per row.
 *
 * One query per page returns the page's chain texts (entry.ts, CHAIN_TEXT_SQL) as one UTF-8 blob,
 * one per line, and the stored hashes as one string. Each text is hashed as bytes and must give
 * its stored hash; each `prev_hash` must link as LinkCheck says; the CSV line is then written
 * from the very bytes that were hashed (chain-csv.ts). A page that is not valid UTF-8, holds a
 * text the encoder does not expect, or fails any check is not trusted here: the caller reads it
 * again as rows and proves it the row way (LinkCheck.check), which either names the broken entry
 * exactly as before or writes the page through csv.ts. So the fast path can only be slower, never
 * more lenient: it accepts a page only when the row path would have accepted it too.
 *
 * No JavaScript value per field, no CSV string per line, one hash of bytes already in memory: about
 * half the CPU of the row path per entry (tests/bench/journal-export.bench.ts).
 */
import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../../db/connection';
import { CHAIN_TEXT_SQL, ENTRY_COLUMNS } from '../entry';
import type { JournalFilter } from '../filter';
import { pagePlan } from '../query';
import { BYTE } from './bytes';
import { encodeCsvLine, lineInfo } from './chain-csv';
import type { LinkCheck } from './link-check';

// Copied into a local once (bytes.ts says why).
const { LF } = BYTE;

/** A page as the fast path reads it. */
export interface ChainPage {
  count: number;
  /** The highest `seq` in the page (null when empty). */
  lastSeq: number | null;
  /**
   * The chain texts, separated by line feeds (JSON text never holds a raw one), in the inner
   * query's `seq` order, as are `hashes` (one aggregate pass); `encode` checks the order.
   */
  texts: Buffer;
  /** The stored hashes, in the same order, concatenated. */
  hashes: string;
  /** Every stored hash is 64 ASCII characters, so `hashes` can be cut every 64. */
  wellFormed: boolean;
}

export interface EncodedPage {
  /** The page's CSV lines; a view of a buffer reused by the next page. */
  csv: Buffer;
  /** The entries' `seq`, in order (the first `count`). */
  seqs: Float64Array;
}

export class CsvPages {
  private readonly statements = new Map<string, Statement>();
  private out = Buffer.allocUnsafe(0);
  private seqs = new Float64Array(0);

  constructor(
    private readonly db: Db,
    private readonly filter: JournalFilter,
    private readonly maxSeq: number,
  ) {}

  /** Up to `limit` matching entries after `afterSeq`: the rows `queryRows` would return, read the same way. */
  read(afterSeq: number, limit: number): ChainPage {
    const plan = pagePlan(this.db, this.filter, afterSeq, this.maxSeq);
    const statement = this.statement(plan.where);
    const texts: Buffer[] = [];
    let hashes = '';
    let count = 0;
    let lastSeq: number | null = null;
    let wellFormed = true;
    for (const params of plan.segments()) {
      const [n, last, blob, joined, formed] = statement.get(...params, limit - count) as [number, number | null, Buffer | null, string | null, number | null];
      if (n > 0) {
        if (texts.length) texts.push(Buffer.of(LF));
        texts.push(blob!);
        hashes += joined!;
        count += n;
        lastSeq = last;
        if (formed !== 1) wellFormed = false;
      }
      if (count >= limit) break;
    }
    return { count, lastSeq, texts: texts.length === 1 ? texts[0]! : Buffer.concat(texts), hashes, wellFormed };
  }

  private statement(where: string): Statement {
    let statement = this.statements.get(where);
    if (!statement) {
      statement = this.db
        .prepare(
          `SELECT count(*), max(seq), CAST(group_concat(${CHAIN_TEXT_SQL}, char(10)) AS BLOB), group_concat(hash, ''), ` +
            `min(length(hash) = 64 AND octet_length(hash) = 64) ` +
            `FROM (SELECT ${ENTRY_COLUMNS} FROM journal WHERE ${where} ORDER BY seq LIMIT ?)`,
        )
        .raw(true);
      this.statements.set(where, statement);
    }
    return statement;
  }

  /**
   * Proves every entry of the page (hash and links, see LinkCheck) and encodes its CSV lines.
   * Null when any entry is not proved here: the caller then takes the row path for this page.
   * Touches no state: the caller accepts the page (links, index, file) only on success.
   */
  encode(page: ChainPage, links: LinkCheck): EncodedPage | null {
    const { count, texts, hashes } = page;
    if (count === 0 || !page.wellFormed || hashes.length !== count * 64 || !isUtf8(texts)) return null;
    // A CSV line is at most twice its chain text (quotes doubled) plus the hash and CRLF.
    const room = 2 * texts.length + count * 80;
    if (this.out.length < room) this.out = Buffer.allocUnsafe(Math.max(room, this.out.length * 2));
    if (this.seqs.length < count) this.seqs = new Float64Array(Math.max(count, 2 * this.seqs.length));
    const out = this.out;
    const seqs = this.seqs;
    const info = lineInfo;
    let s = 0;
    let o = 0;
    let previous = '';
    for (let i = 0; i < count; i++) {
      o = encodeCsvLine(texts, s, texts.length, out, o);
      if (o < 0) return null;
      const end = info.end;
      if (i < count - 1 ? texts[end] !== LF : end !== texts.length) return null;
      const digest = hash('sha256', texts.subarray(s, end), 'hex');
      if (!hashes.startsWith(digest, i * 64)) return null;
      const seq = info.seq;
      const { prevStart, prevEnd } = info;
      if (i > 0 && seq <= seqs[i - 1]!) return null;
      if (i > 0 && seq === seqs[i - 1]! + 1) {
        // Neighbours in the chain and in the page: this prev_hash is the previous line's proved hash.
        if (prevEnd - prevStart !== 64) return null;
        for (let k = 0; k < 64; k++) if (texts[prevStart + k] !== previous.charCodeAt(k)) return null;
      } else {
        // The page's first entry, or the edge of a run: LinkCheck's lookups decide.
        if (!isHex64(texts, prevStart, prevEnd)) return null;
        const afterSeq = i === 0 ? links.lastSeq : seqs[i - 1]!;
        const afterHash = i === 0 ? links.lastHash : previous;
        if (!links.linksAfter(seq, texts.toString('latin1', prevStart, prevEnd), afterSeq, afterHash)) return null;
      }
      seqs[i] = seq;
      for (let k = 0; k < 64; k++) out[o + k] = digest.charCodeAt(k);
      o += 64;
      out[o++] = 0x0d;
      out[o++] = LF;
      s = end + 1;
      previous = digest;
    }
    return { csv: out.subarray(0, o), seqs };
  }
}

/** 64 lowercase hex digits: the only form a chain hash takes, so the bytes read the same in any encoding. */
function isHex64(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start !== 64) return false;
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}
