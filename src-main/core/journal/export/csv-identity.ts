/**
 * The offline verifier's fast path for CSV: each line's identity (verify-export.ts) computed from
 * the file's bytes, without building a row.
 *
 * A well-formed line is cut into its fifteen cells as bytes, and the chain's hash input
 * (entry.ts: `JSON.stringify([1, seq, at, …, prev_hash])`) is written straight from them: each
 * text cell unquoted and stripped of its one defusing apostrophe (csv.ts), then JSON-escaped as
 * JSON.stringify escapes it. That is the same text `rowHash(csvCellsToRow(cells))` hashes, so the
 * identity is the same. Anything less plain (bytes that are not UTF-8, a number not written the
 * canonical way, a missing value, an unknown outcome) is handed to that row path for the line;
 * anything not plain RFC 4180 (a stray quote, a bare CR, a line with no line break at the end of
 * the file) hands the rest of the file to csv.ts's CsvReader. Lines are numbered as CsvReader
 * numbers them (one per record; the header is line 1), so a verdict names the same line either way.
 */
import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { BYTE } from './bytes';
import { csvCellsToRow, CsvReader, type CsvRecord } from './csv';
import { EXPORT_COLUMNS } from './manifest';
import { rowIdentity } from './row';

// Copied into locals once (bytes.ts says why).
const { APOSTROPHE, BACKSLASH, COMMA, CR, LF, QUOTE } = BYTE;

/** A line and its identity, or the header's line number when the header is wrong. */
export type IdentityItem = { line: number; id: string | null } | { badHeader: number };

const CHUNK = 4 * 1024 * 1024;

/** scanLine's answers besides a record's end. */
const NEED_MORE = -1;
const NOT_PLAIN = -2;

/** Columns that may be null (row.ts NULLABLE). */
const NULLABLE = [false, false, false, true, true, true, false, false, true, true, false, true, false, false, false];
const HEX = Buffer.from('0123456789abcdef');

const isHeader = (cells: readonly unknown[]) => cells.length === EXPORT_COLUMNS.length && EXPORT_COLUMNS.every((c, i) => cells[i] === c);

/** Where scanLine writes the chain text; a line that does not fit is left to the row path (and the next one gets more room). */
let scratch = Buffer.allocUnsafe(256 * 1024);
/** What scanLine found in the record it accepted. */
const scanned = {
  /** The chain text is `scratch[0, chainLength)` and can be trusted: else the row path decides. */
  plain: false,
  chainLength: 0,
  /** The `hash` cell's text (without its quotes and apostrophe), and whether it held doubled quotes. */
  hashStart: 0,
  hashEnd: 0,
  hashDoubled: false,
};

/**
 * Scans one plain RFC 4180 record from `start` (cells of text without quotes, or quoted with
 * quotes doubled and line breaks allowed inside; commas between; CRLF or LF at the end) and, in
 * the same pass, writes the chain text its cells stand for into `scratch`. Returns the index just
 * past the record's line break, NEED_MORE when the data ends first and more may follow, or
 * NOT_PLAIN for any other record. For every record it accepts, CsvReader reads the same cells.
 */
function scanLine(buf: Uint8Array, start: number, len: number, eof: boolean): number {
  const out = scratch;
  out[0] = 0x5b;
  out[1] = 0x31;
  let o = 2;
  let plain = true;
  let i = start;
  let n = 0;
  for (; ; n++) {
    if (i >= len) return eof ? NOT_PLAIN : NEED_MORE;
    if (n < 14) out[o++] = COMMA;
    const first = buf[i]!;
    // seq and tz_offset (integers), the hash cell and any extra cells are only scanned here.
    const scanOnly = n === 0 || n === 2 || n >= 14;
    if (first === QUOTE) {
      let j = i + 1;
      if (scanOnly) {
        let doubled = false;
        for (;;) {
          while (j < len && buf[j] !== QUOTE) j++;
          // A quote that is the last byte may be the first of a doubled pair.
          if (j + 1 >= len) return eof ? NOT_PLAIN : NEED_MORE;
          if (buf[j + 1] !== QUOTE) break;
          doubled = true;
          j += 2;
        }
        if (n === 14) {
          scanned.hashStart = buf[i + 1] === APOSTROPHE ? i + 2 : i + 1;
          scanned.hashEnd = j;
          scanned.hashDoubled = doubled;
        } else plain = false;
      } else {
        // csv.ts removes one leading apostrophe from a text cell.
        if (buf[j] === APOSTROPHE) j++;
        const text = o;
        out[o++] = QUOTE;
        for (;;) {
          if (j >= len) return eof ? NOT_PLAIN : NEED_MORE;
          const v = buf[j]!;
          if (v === QUOTE) {
            if (j + 1 >= len) return eof ? NOT_PLAIN : NEED_MORE;
            if (buf[j + 1] !== QUOTE) break;
            out[o++] = BACKSLASH;
            out[o++] = QUOTE;
            j += 2;
            continue;
          }
          if (v >= 0x20 && v !== BACKSLASH) out[o++] = v;
          else o = escape(out, o, v);
          j++;
        }
        out[o++] = QUOTE;
        if (n === 10 && !isOutcome(out, text + 1, o - 1)) plain = false;
      }
      i = j + 1;
    } else {
      let j = i;
      if (scanOnly || first === COMMA || first === CR || first === LF) {
        for (;;) {
          if (j >= len) return eof ? NOT_PLAIN : NEED_MORE;
          const v = buf[j]!;
          if (v === COMMA || v === CR || v === LF) break;
          if (v === QUOTE) return NOT_PLAIN;
          j++;
        }
        if (n === 14) {
          scanned.hashStart = first === APOSTROPHE ? i + 1 : i;
          scanned.hashEnd = j;
          scanned.hashDoubled = false;
        } else if (j === i && n < 14) {
          // An empty unquoted cell is null.
          if (!NULLABLE[n]) plain = false;
          out[o++] = 0x6e;
          out[o++] = 0x75;
          out[o++] = 0x6c;
          out[o++] = 0x6c;
        } else if (n < 14 && isCanonicalInteger(buf, i, j, n === 0)) {
          for (let k = i; k < j; k++) out[o++] = buf[k]!;
        } else plain = false;
      } else {
        if (first === APOSTROPHE) j++;
        const text = o;
        out[o++] = QUOTE;
        for (;;) {
          if (j >= len) return eof ? NOT_PLAIN : NEED_MORE;
          const v = buf[j]!;
          // Most bytes: letters, digits, UTF-8 beyond ASCII.
          if (v > BACKSLASH || (v >= 0x2d && v < BACKSLASH)) {
            out[o++] = v;
          } else if (v === COMMA || v === CR || v === LF) break;
          else if (v === QUOTE) return NOT_PLAIN;
          else if (v >= 0x20 && v !== BACKSLASH) out[o++] = v;
          else o = escape(out, o, v);
          j++;
        }
        out[o++] = QUOTE;
        if (n === 10 && !isOutcome(out, text + 1, o - 1)) plain = false;
      }
      i = j;
    }
    const c = buf[i];
    if (c === COMMA) {
      i++;
      continue;
    }
    if (c === CR) {
      if (i + 1 >= len) return eof ? NOT_PLAIN : NEED_MORE;
      if (buf[i + 1] !== LF) return NOT_PLAIN;
      i++;
    } else if (c !== LF) return NOT_PLAIN;
    out[o++] = 0x5d;
    if (o > out.length) {
      // Writes past the end were dropped: leave this line to the row path, give the next more room.
      scratch = Buffer.allocUnsafe(2 * o);
      plain = false;
    }
    scanned.plain = plain && n === 14;
    scanned.chainLength = o;
    return i + 1;
  }
}

/** A character JSON.stringify escapes: quote, backslash, or a control character. */
function escape(out: Uint8Array, o: number, v: number): number {
  out[o++] = BACKSLASH;
  if (v === QUOTE || v === BACKSLASH) {
    out[o++] = v;
    return o;
  }
  const short = v === 0x08 ? 0x62 : v === 0x09 ? 0x74 : v === LF ? 0x6e : v === 0x0c ? 0x66 : v === CR ? 0x72 : 0;
  if (short) {
    out[o++] = short;
    return o;
  }
  out[o++] = 0x75;
  out[o++] = 0x30;
  out[o++] = 0x30;
  out[o++] = HEX[v >> 4]!;
  out[o++] = HEX[v & 15]!;
  return o;
}

/** Digits JSON prints back the same: no sign on seq (at least 1), no leading zero, no -0, at most 15. */
function isCanonicalInteger(buf: Uint8Array, a: number, b: number, positive: boolean): boolean {
  let d = a;
  if (!positive && buf[d] === 0x2d) d++;
  const digits = b - d;
  if (digits < 1 || digits > 15) return false;
  if (buf[d] === 0x30 && (digits > 1 || positive || d > a)) return false;
  for (let k = d; k < b; k++) if (buf[k]! < 0x30 || buf[k]! > 0x39) return false;
  return true;
}

/** ok, denied or error (row.ts OUTCOMES), as the bytes between the JSON quotes just written. */
function isOutcome(out: Uint8Array, a: number, b: number): boolean {
  const n = b - a;
  if (n === 2) return out[a] === 0x6f && out[a + 1] === 0x6b;
  if (n === 5) return out[a] === 0x65 && out[a + 1] === 0x72 && out[a + 2] === 0x72 && out[a + 3] === 0x6f && out[a + 4] === 0x72;
  if (n === 6) {
    return out[a] === 0x64 && out[a + 1] === 0x65 && out[a + 2] === 0x6e && out[a + 3] === 0x69 && out[a + 4] === 0x65 && out[a + 5] === 0x64;
  }
  return false;
}

/** The identity of the line scanLine just accepted as plain: its chain hash, if its hash cell says the same. */
function plainIdentity(buf: Uint8Array): string | null {
  const id = hash('sha256', scratch.subarray(0, scanned.chainLength), 'hex');
  const a = scanned.hashStart;
  if (scanned.hashEnd - a !== 64 || scanned.hashDoubled) return null;
  for (let k = 0; k < 64; k++) if (buf[a + k] !== id.charCodeAt(k)) return null;
  return id;
}

/** The row path for one record's bytes: csv.ts's reader and row.ts's checks, as before. */
function parseRecord(text: string): CsvRecord {
  let record: CsvRecord | null = null;
  const reader = new CsvReader((r) => {
    record ??= r;
  });
  reader.feed(text);
  reader.end();
  return record ?? { cells: [null], bad: false };
}

function recordIdentity(record: CsvRecord): string | null {
  return rowIdentity(record.bad ? null : csvCellsToRow(record.cells));
}

const isBlank = (record: CsvRecord) => record.cells.length === 1 && record.cells[0] === null;

/** The file's lines with their identities, a chunk at a time, in constant memory (`chunk`: for tests). */
export async function* csvIdentities(path: string, chunk = CHUNK): AsyncGenerator<IdentityItem[]> {
  const fd = openSync(path, 'r');
  try {
    let buf = Buffer.allocUnsafe(chunk);
    let len = 0;
    let pos = 0;
    let eof = false;
    let first = true;
    let line = 0;
    let batch: IdentityItem[] = [];
    // Once a record is not plain, CsvReader reads the rest of the file, exactly as before.
    let reader: CsvReader | null = null;
    const take = (record: CsvRecord) => {
      line++;
      if (line === 1) {
        if (record.bad || !isHeader(record.cells)) batch.push({ badHeader: 1 });
        return;
      }
      // A blank line claims nothing; skipping it keeps a trailing newline from counting as an insertion.
      if (isBlank(record)) return;
      batch.push({ line, id: recordIdentity(record) });
    };

    for (;;) {
      // Keep the unread tail, fill the rest of the buffer.
      if (pos > 0) {
        buf.copy(buf, 0, pos, len);
        len -= pos;
        pos = 0;
      }
      if (len === buf.length) {
        // A record longer than the buffer: grow rather than split it.
        const grown = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(grown, 0, 0, len);
        buf = grown;
      }
      if (!eof) {
        const read = readSync(fd, buf, len, buf.length - len, null);
        if (read === 0) eof = true;
        len += read;
      }
      if (first) {
        first = false;
        if (len >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
      }
      // Records end at a line feed, so every record scanned now lies before `cut`.
      const cut = eof ? len : buf.lastIndexOf(LF, len - 1) + 1;

      if (!reader) {
        const utf8 = cut > pos && isUtf8(buf.subarray(pos, cut));
        for (;;) {
          const end = scanLine(buf, pos, len, eof);
          if (end === NEED_MORE) break;
          if (end === NOT_PLAIN) {
            reader = new CsvReader(take);
            break;
          }
          if (line === 0 || !utf8 || !scanned.plain) {
            // The header, a blank line, a line of another width, not UTF-8, or not plain: the row path.
            take(parseRecord(buf.toString('utf8', pos, end)));
          } else {
            batch.push({ line: ++line, id: plainIdentity(buf) });
          }
          pos = end;
        }
      }
      if (reader) {
        // Text cut after a line feed never splits a character (as sources.ts textChunks).
        const upTo = eof ? len : cut;
        // No line feed yet past `pos` (cut can be 0): feed nothing and keep `pos`, so a skipped
        // byte-order mark is never read again.
        if (upTo > pos) {
          reader.feed(buf.toString('utf8', pos, upTo));
          pos = upTo;
        }
        if (eof) reader.end();
      }
      if (batch.length) {
        yield batch;
        batch = [];
      }
      if (eof && (reader || pos >= len)) return;
    }
  } finally {
    closeSync(fd);
  }
}
