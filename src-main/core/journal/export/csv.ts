/**
 * CSV as RFC 4180 describes it (https://www.rfc-editor.org/rfc/rfc4180): CRLF line ends, fields
 * quoted when they hold a comma, quote or line break, quotes doubled. UTF-8 with a byte-order mark,
 * which is what makes Excel read Chinese text as UTF-8 instead of the system code page.
 *
 * Two conventions keep the round trip exact, since the verifier recomputes hashes from the text:
 * - null is an empty unquoted field; an empty string is `""`.
 * - A text field that a spreadsheet would run as a formula (starting with = + - @ tab or CR) is
 *   prefixed with an apostrophe (OWASP "CSV injection"); so is one that already starts with an
 *   apostrophe, so the reader can always remove exactly one leading apostrophe.
 */
import type { EntryRow } from '../entry';
import { toEntryRow } from './row';

export const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r']/;
const TEXT_COLUMNS = [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14] as const;

function textCell(v: string | null): string {
  if (v === null) return '';
  if (v === '') return '""';
  const s = FORMULA_START.test(v) ? "'" + v : v;
  return NEEDS_QUOTES.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function csvHeader(columns: readonly string[]): string {
  return BOM + columns.join(',') + '\r\n';
}

export function csvLine(row: EntryRow): string {
  return (
    row[0] +
    ',' +
    textCell(row[1]) +
    ',' +
    row[2] +
    ',' +
    textCell(row[3]) +
    ',' +
    textCell(row[4]) +
    ',' +
    textCell(row[5]) +
    ',' +
    textCell(row[6]) +
    ',' +
    textCell(row[7]) +
    ',' +
    textCell(row[8]) +
    ',' +
    textCell(row[9]) +
    ',' +
    textCell(row[10]) +
    ',' +
    textCell(row[11]) +
    ',' +
    textCell(row[12]) +
    ',' +
    textCell(row[13]) +
    ',' +
    textCell(row[14] ?? null) +
    '\r\n'
  );
}

/** A CSV record's cells back into a row (null when it cannot be one). */
export function csvCellsToRow(cells: (string | null)[]): EntryRow | null {
  if (cells.length !== 15) return null;
  // The reader hands each record over once: its array can be reused in place.
  for (const i of TEXT_COLUMNS) {
    const v = cells[i];
    if (v && v.charCodeAt(0) === 39 /* ' */) cells[i] = v.slice(1);
  }
  return toEntryRow(cells);
}

/** A record: its cells (null = empty unquoted field) or `bad` when its quoting is broken. */
export type CsvRecord = { cells: (string | null)[]; bad: boolean };

/**
 * Streaming RFC 4180 reader: feed text chunks, receive whole records. Keeps only the unfinished
 * tail between chunks, so a file of any size is read in constant memory.
 */
export class CsvReader {
  private tail = '';

  constructor(private readonly emit: (record: CsvRecord) => void) {}

  feed(chunk: string): void {
    const text = this.tail + chunk;
    this.tail = text.slice(this.parse(text, false));
  }

  end(): void {
    if (this.tail.length > 0) this.parse(this.tail, true);
    this.tail = '';
  }

  /** Parses whole records from `text`; returns where the unfinished tail starts. */
  private parse(text: string, final: boolean): number {
    const n = text.length;
    let i = 0;
    let recordStart = 0;
    let cells: (string | null)[] = [];
    let bad = false;
    while (i < n) {
      if (text.charCodeAt(i) === 34) {
        let value = '';
        let segment = i + 1;
        let j = segment;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q === -1 || (q + 1 >= n && !final)) {
            if (!final) return recordStart;
            // Unterminated quote at the end of the file.
            value += text.slice(segment);
            i = n;
            bad = true;
            break;
          }
          if (text.charCodeAt(q + 1) === 34) {
            value += text.slice(segment, q + 1);
            j = segment = q + 2;
            continue;
          }
          value += text.slice(segment, q);
          i = q + 1;
          break;
        }
        cells.push(value);
        // Anything between a closing quote and the next delimiter breaks RFC 4180.
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === 44 || c === 10 || c === 13) break;
          bad = true;
          i++;
        }
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break;
          // A quote inside an unquoted field breaks RFC 4180.
          if (c === 34) bad = true;
          j++;
        }
        if (j >= n && !final) return recordStart;
        cells.push(j === i ? null : text.slice(i, j));
        i = j;
      }
      if (i >= n) {
        if (!final) return recordStart;
        this.emit({ cells, bad });
        return n;
      }
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        if (i >= n) {
          if (!final) return recordStart;
          cells.push(null);
          this.emit({ cells, bad });
          return n;
        }
        continue;
      }
      if (c === 13) {
        if (i + 1 >= n && !final) return recordStart;
        i += text.charCodeAt(i + 1) === 10 ? 2 : 1;
      } else i += 1;
      this.emit({ cells, bad });
      cells = [];
      bad = false;
      recordStart = i;
    }
    return recordStart;
  }
}
