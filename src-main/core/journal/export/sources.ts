/** Reading an export file back, line by line, in constant memory, for the offline verifier. */
import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import type { EntryRow } from '../entry';
import { csvCellsToRow, CsvReader, type CsvRecord } from './csv';
import { jsonlToRow } from './jsonl';
import { EXPORT_COLUMNS, type ExportFormat } from './manifest';
import { toEntryRow } from './row';

/** One line of the file: its number as a viewer shows it, and the row (null if it cannot be one). */
export interface SourceLine {
  line: number;
  row: EntryRow | null;
}

/** What the verifier reads: the header's line number if the header is wrong, then the lines. */
export type SourceItem = SourceLine | { badHeader: number };

const CHUNK = 4 * 1024 * 1024;

export function readSource(format: ExportFormat, path: string): AsyncGenerator<SourceItem[]> {
  switch (format) {
    case 'csv':
      return readCsv(path);
    case 'jsonl':
      return readJsonl(path);
    case 'xlsx':
      return readXlsx(path);
  }
}

const isHeader = (cells: readonly unknown[]) => cells.length === EXPORT_COLUMNS.length && EXPORT_COLUMNS.every((c, i) => cells[i] === c);

async function* readCsv(path: string): AsyncGenerator<SourceItem[]> {
  let batch: SourceItem[] = [];
  let line = 0;
  const reader = new CsvReader((record: CsvRecord) => {
    line++;
    if (line === 1) {
      if (record.bad || !isHeader(record.cells)) batch.push({ badHeader: 1 });
      return;
    }
    // A blank line claims nothing; skipping it keeps a trailing newline from counting as an insertion.
    if (record.cells.length === 1 && record.cells[0] === null) return;
    batch.push({ line, row: record.bad ? null : csvCellsToRow(record.cells) });
  });
  for (const text of textChunks(path)) {
    reader.feed(text);
    if (batch.length) yield batch;
    batch = [];
  }
  reader.end();
  if (batch.length) yield batch;
}

async function* readJsonl(path: string): AsyncGenerator<SourceItem[]> {
  let line = 0;
  const take = (text: string, batch: SourceItem[]) => {
    line++;
    const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (trimmed.trim() === '') return;
    batch.push({ line, row: jsonlToRow(trimmed) });
  };
  for (const text of textChunks(path)) {
    const batch: SourceItem[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      take(text.slice(start, nl), batch);
      start = nl + 1;
    }
    // Chunks end at a line break, except the file's last, which may lack one.
    if (start < text.length) take(text.slice(start), batch);
    if (batch.length) yield batch;
  }
}

/**
 * The file as text chunks of about CHUNK bytes, each ending just after a line feed (or at the end
 * of the file). A line feed byte is never inside a multi-byte UTF-8 sequence, so cutting there never
 * splits a character; the byte-order mark is dropped. Synchronous reads: one buffer, no stream machinery.
 */
function* textChunks(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    let buffer = Buffer.allocUnsafe(CHUNK);
    let carry = 0;
    let first = true;
    for (;;) {
      if (carry === buffer.length) {
        // A line longer than the buffer: grow rather than split it.
        const grown = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(grown, 0, 0, carry);
        buffer = grown;
      }
      const read = readSync(fd, buffer, carry, buffer.length - carry, null);
      const end = carry + read;
      if (end === 0) return;
      let cut = read === 0 ? end : buffer.lastIndexOf(0x0a, end - 1) + 1;
      if (cut === 0) {
        if (read === 0) cut = end;
        else {
          carry = end;
          continue;
        }
      }
      let start = 0;
      if (first && end >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) start = 3;
      first = false;
      yield buffer.toString('utf8', start, cut);
      buffer.copy(buffer, 0, cut, end);
      carry = end - cut;
      if (read === 0 && carry === 0) return;
    }
  } finally {
    closeSync(fd);
  }
}

/** A cell as text the way the writer put it: rich text (after an edit in Excel) is flattened. */
function cellValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object' && v !== null && 'richText' in v) {
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  }
  return v;
}

/**
 * exceljs parks every worksheet it meets before the shared strings and relationships in a temporary
 * file (holding journal rows in clear) in the system's temp folder, and does not always remove it
 * (never when the reader stops early, as this one does after the first sheet or a consumer does on
 * the first changed line). So the read gets a private folder (0700) as the temp folder, removed with
 * whatever is in it on the way out. (Telling the reader there are no shared strings, so that it
 * streams the sheet from the zip with no temp file, misread rows of larger exports: not used.)
 */
async function* readXlsx(path: string): AsyncGenerator<SourceItem[]> {
  const { default: ExcelJS } = await import('exceljs'); // on first use (sinks.ts says why)
  const privateTmp = mkdtempSync(join(tmpdir(), 'triplicate-xlsx-'));
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = privateTmp;
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'ignore',
      hyperlinks: 'ignore',
      entries: 'emit',
    });
    yield* readFirstSheet(workbook[Symbol.asyncIterator]());
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    rmSync(privateTmp, { recursive: true, force: true });
  }
}

async function* readFirstSheet(sheets: AsyncIterator<ExcelJS.stream.xlsx.WorksheetReader>): AsyncGenerator<SourceItem[]> {
  for (let next = await sheets.next(); !next.done; next = await sheets.next()) {
    const sheet = next.value;
    let batch: SourceItem[] = [];
    for await (const row of sheet) {
      const values = (row.values as unknown[]).slice(1).map(cellValue);
      while (values.length < EXPORT_COLUMNS.length) values.push(null);
      if (row.number === 1) {
        if (!isHeader(values)) batch.push({ badHeader: 1 });
        continue;
      }
      if (values.every((v) => v === null)) continue;
      batch.push({ line: row.number, row: values.length === 15 ? toEntryRow(values) : null });
      if (batch.length >= 5000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
    // Only the first sheet holds entries; a sheet added later claims nothing.
    return;
  }
}
