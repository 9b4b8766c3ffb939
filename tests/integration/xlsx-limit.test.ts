/**
 * XLSX exports and Excel's 1,048,576 rows a sheet (issue 19, point 7): past the limit the export is
 * refused before anything is written (and the refusal is journaled), at the limit it fits and still
 * verifies; every XLSX carries a second sheet explaining the columns in Chinese. The limit is
 * injected small (the real one would need a million entries; the comparison is the same code).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../../src-main/contract/messages';
import { ArchiveError } from '../../src-main/core/errors';
import { exportJournal } from '../../src-main/core/journal/export/export';
import { verifyExport } from '../../src-main/core/journal/export/verify-export';
import { EXPORT_COLUMNS } from '../../src-main/core/journal/export/manifest';
import { NOTES_SHEET, XLSX_MAX_ROWS } from '../../src-main/core/journal/export/xlsx-notes';
import { lastEntries, makeArchive, type TestArchive } from '../helpers/archive';

const AUDITOR = { login: 'wang.wu', name: '王五', department: 'audit', rank: 'staff' as const, duties: ['auditor' as const], password: 'wang-password-01' };
let archive: TestArchive;
let out: string;

beforeAll(async () => {
  archive = await makeArchive();
  await archive.addPerson(AUDITOR);
  out = join(archive.folder, '..');
});
afterAll(() => archive.cleanup());

async function asAuditor<T>(fn: (s: Awaited<ReturnType<TestArchive['unlock']>>) => Promise<T>): Promise<T> {
  const session = await archive.unlock(AUDITOR.login, AUDITOR.password);
  try {
    return await fn(session);
  } finally {
    await session.lock();
  }
}

describe("XLSX and Excel's row limit", () => {
  it("uses Excel's real limit unless told otherwise", () => {
    expect(XLSX_MAX_ROWS).toBe(1_048_576);
  });

  it('refuses an export with more entries than a sheet holds: nothing written, the refusal journaled, both languages', async () => {
    const file = join(out, 'too-many.xlsx');
    await asAuditor(async (s) => {
      const error = await exportJournal(s, { format: 'xlsx', out: file }, { xlsxMaxRows: 4 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ArchiveError);
      expect((error as ArchiveError).code).toBe('export.tooManyRows');
      const info = (error as ArchiveError).toInfo();
      expect(info.params).toMatchObject({ limit: 3 });
      expect(Number(info.params!.count)).toBeGreaterThan(3);
      expect(formatError(info, 'en')).toMatch(/do not fit in one Excel sheet \(at most 3\).*CSV/);
      expect(formatError(info, 'zh-CN')).toMatch(/超出 Excel 单个工作表的上限（最多 3 条）.*CSV/);
      const [entry] = lastEntries(s, 1);
      expect(entry).toMatchObject({ event: 'journal.export', outcome: 'error' });
    });
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(out).filter((f) => f.includes('too-many'))).toEqual([]);
  });

  it('writes an export that fits exactly, which verifies, with the column notes in Chinese on a second sheet', async () => {
    const file = join(out, 'fits.xlsx');
    const result = await asAuditor(async (s) => {
      // The limit is set to exactly this export's rows (header + entries).
      const probe = join(out, 'probe.xlsx');
      const first = await exportJournal(s, { format: 'xlsx', out: probe });
      // This export also holds the probe's own entry: one more.
      const limit = first.count + 1 + 1;
      const fits = await exportJournal(s, { format: 'xlsx', out: file }, { xlsxMaxRows: limit });
      expect(fits.count + 1).toBe(limit);
      return fits;
    });
    const verdict = await verifyExport(file, { keyFingerprint: result.fingerprint });
    expect(verdict).toMatchObject({ ok: true, count: result.count });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['journal', NOTES_SHEET]);
    expect(workbook.worksheets[0]!.rowCount).toBe(result.count + 1);
    const notes = workbook.getWorksheet(NOTES_SHEET)!;
    const explained = new Map<string, string>();
    notes.eachRow((row) => {
      const [name, meaning] = [row.getCell(1).text, row.getCell(2).text];
      if ((EXPORT_COLUMNS as readonly string[]).includes(name)) explained.set(name, meaning);
    });
    expect([...explained.keys()]).toEqual([...EXPORT_COLUMNS]);
    for (const meaning of explained.values()) expect(meaning).toMatch(/[\u4e00-\u9fff]/);
    expect(explained.get('outcome')).toMatch(/denied 为被拒绝/);
  });
});
