/** Writing export rows in each format, a page at a time, to a file that is renamed into place only when complete. */
import { closeSync, createWriteStream, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { ArchiveError } from '../../errors';
import type { EntryRow } from '../entry';
import { csvHeader, csvLine } from './csv';
import { jsonlLine } from './jsonl';
import { EXPORT_COLUMNS, type ExportFormat } from './manifest';
import { COLUMN_NOTES_ZH, NOTES_INTRO_ZH, NOTES_SHEET, XLSX_MAX_ROWS } from './xlsx-notes';

export interface RowSink {
  write(rows: readonly EntryRow[]): Promise<void>;
  /** Lines already encoded in the sink's format (CSV: pages.ts); text formats only. */
  writeEncoded?(bytes: Uint8Array): Promise<void>;
  /** Flushes to disk; the file is complete afterwards. */
  finish(): Promise<void>;
  /** Removes the partial file. */
  abort(): Promise<void>;
}

export interface SinkOptions {
  /** Rows per XLSX worksheet, header included (tests inject a small one). */
  xlsxMaxRows?: number;
}

export function openSink(format: ExportFormat, path: string, options: SinkOptions = {}): RowSink {
  switch (format) {
    case 'csv':
      return textSink(path, csvHeader(EXPORT_COLUMNS), csvLine);
    case 'jsonl':
      return textSink(path, '', jsonlLine);
    case 'xlsx':
      return xlsxSink(path, options.xlsxMaxRows ?? XLSX_MAX_ROWS);
  }
}

function textSink(path: string, header: string, line: (row: EntryRow) => string): RowSink {
  // 'wx': the temporary name is ours alone; never write through someone else's file.
  let fd: number | null = openSync(path, 'wx', 0o600);
  if (header) writeAll(fd, Buffer.from(header, 'utf8'));
  const close = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
  };
  return {
    async write(rows) {
      // One string per page: a few MB, one system call, no per-row allocation on the file side.
      let chunk = '';
      for (const row of rows) chunk += line(row);
      writeAll(fd!, Buffer.from(chunk, 'utf8'));
    },
    async writeEncoded(bytes) {
      writeAll(fd!, bytes);
    },
    async finish() {
      fsyncSync(fd!);
      close();
    },
    async abort() {
      close();
      rmSync(path, { force: true });
    },
  };
}

function xlsxSink(path: string, maxRows: number): RowSink {
  let rowsInSheet = 1; // the header
  // exceljs is loaded on first use: it is most of the CLI bundle's start-up time, and only XLSX needs it.
  const opened = import('exceljs').then(({ default: ExcelJS }) => {
    // The streaming writer commits each row to the zip as it goes (no workbook in memory).
    // Inline strings, not shared ones: a shared-string table would hold every distinct value in memory.
    // Our own stream: created exclusively and readable by its owner only (exceljs's would be 0644).
    const stream = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet('journal');
    sheet.addRow([...EXPORT_COLUMNS]).commit();
    return { workbook, sheet };
  });
  return {
    async write(rows) {
      const { sheet } = await opened;
      // export.ts refuses such an export before writing; this is the backstop (a silently cut sheet would be worse).
      if (rowsInSheet + rows.length > maxRows) throw new ArchiveError('export.tooManyRows', { count: rowsInSheet - 1 + rows.length, limit: maxRows - 1 });
      rowsInSheet += rows.length;
      for (const row of rows) sheet.addRow(row.slice(0, 15)).commit();
    },
    async finish() {
      const { workbook, sheet } = await opened;
      sheet.commit();
      // The column notes in Chinese, after the entries (verification reads the first sheet only).
      const notes = workbook.addWorksheet(NOTES_SHEET);
      for (const line of NOTES_INTRO_ZH) notes.addRow([line]).commit();
      notes.addRow([]).commit();
      notes.addRow(['列名', '含义']).commit();
      for (const column of EXPORT_COLUMNS) notes.addRow([column, COLUMN_NOTES_ZH[column]]).commit();
      notes.commit();
      await workbook.commit();
    },
    async abort() {
      try {
        const { workbook, sheet } = await opened;
        sheet.commit();
        await workbook.commit();
      } catch {
        /* the file is being thrown away */
      }
      rmSync(path, { force: true });
    },
  };
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written);
}
