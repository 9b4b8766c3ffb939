/**
 * Issue 6: auditors export the journal (CSV, XLSX, JSON Lines) with a signed manifest, and anyone
 * can verify an export offline with no archive and no password.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/core/db/connection';
import { ArchiveError } from '../../src-main/core/errors';
import { rowHash, type EntryRow, ENTRY_COLUMNS } from '../../src-main/core/journal/entry';
import { exportJournal } from '../../src-main/core/journal/export/export';
import { verifyExport } from '../../src-main/core/journal/export/verify-export';
import { findPersonByLogin } from '../../src-main/core/people/repository';
import { ADMIN, lastEntries, makeArchive, type TestArchive } from '../helpers/archive';
import { runCli } from '../helpers/cli';
import { seedAccess } from '../helpers/journal-seed';

const AUDITOR = { login: 'wang.wu', name: '王五', department: 'audit', rank: 'staff' as const, duties: ['auditor' as const], password: 'wang-password-01' };
const READER = { login: 'zhao.liu', name: '赵六', department: 'sales', rank: 'account-manager' as const, password: 'zhao-password-01' };

let archive: TestArchive;
let out: string;
let readerId: string;

async function asAuditor<T>(fn: (s: Awaited<ReturnType<TestArchive['unlock']>>) => Promise<T>): Promise<T> {
  const session = await archive.unlock(AUDITOR.login, AUDITOR.password);
  try {
    return await fn(session);
  } finally {
    await session.lock();
  }
}

beforeAll(async () => {
  archive = await makeArchive();
  await archive.addPerson(AUDITOR);
  await archive.addPerson(READER);
  out = join(archive.folder, '..');
  await asAuditor(async (s) => {
    const reader = findPersonByLogin(s.archive.db, READER.login)!;
    const auditor = findPersonByLogin(s.archive.db, AUDITOR.login)!;
    readerId = reader.id;
    seedAccess(s, archive.clock, [reader, auditor]);
  });
});
afterAll(() => archive.cleanup());

describe('journal exports', () => {
  it('an auditor exports CSV that verifies offline, and the export is itself a journal entry', async () => {
    const file = join(out, 'all.csv');
    const result = await asAuditor(async (s) => {
      const r = await exportJournal(s, { format: 'csv', out: file });
      const [entry] = lastEntries(s, 1);
      expect(entry).toMatchObject({ event: 'journal.export', outcome: 'ok', actorName: AUDITOR.name });
      expect(JSON.parse(entry!.details)).toMatchObject({ format: 'csv', filters: {}, count: r.count });
      return r;
    });
    expect(result.count).toBeGreaterThan(24);
    const verdict = await verifyExport(file, { keyFingerprint: result.fingerprint });
    expect(verdict).toMatchObject({ ok: true, count: result.count, firstSeq: 1, lastSeq: result.lastSeq });
  });

  it('CSV opens in Excel with Chinese text: UTF-8 byte-order mark, CRLF, RFC 4180 quoting, formulas defused', async () => {
    const file = join(out, 'excel.csv');
    await asAuditor((s) => exportJournal(s, { format: 'csv', out: file }));
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFF' + ENTRY_COLUMNS.replace(/ /g, ''));
    expect(text).toContain('王五');
    // Details hold quotes and commas: the field is quoted, inner quotes doubled.
    expect(text).toContain('"{""note"":""第0次, \\""quoted\\"", comma, =formula""}"');
  });

  it('a filtered export holds exactly the matching entries, and still verifies against the signed chain', async () => {
    const file = join(out, 'filtered.jsonl');
    const filters = {
      person: READER.login,
      object: { type: 'dossier', id: 'D-1' },
      event: 'dossier.open',
      from: '2026-01-05T00:00:00Z',
      to: '2026-01-06T00:00:00Z',
    };
    const result = await asAuditor((s) => exportJournal(s, { format: 'jsonl', out: file, filters }));
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.length).toBe(result.count);
    expect(result.count).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatchObject({ actor_id: readerId, object_id: 'D-1', event: 'dossier.open' });
    // Not contiguous: the proof must not depend on neighbouring entries being present.
    expect(lines.some((l, i) => i > 0 && l.seq !== lines[i - 1].seq + 1)).toBe(true);
    expect((await verifyExport(file)).ok).toBe(true);
  });

  it('an administrator cannot export the journal; the refusal is journaled and no file is written', async () => {
    const file = join(out, 'admin.csv');
    const session = await archive.unlock(ADMIN.login, ADMIN.password);
    try {
      await expect(exportJournal(session, { format: 'csv', out: file })).rejects.toMatchObject({ code: 'denied.notAuditor' });
      expect(lastEntries(session, 1)[0]).toMatchObject({ event: 'journal.export', outcome: 'denied', reason: 'denied.notAuditor' });
    } finally {
      await session.lock();
    }
    expect(existsSync(file)).toBe(false);
  });

  it('an existing file is never overwritten unless forced', async () => {
    const file = join(out, 'exists.csv');
    writeFileSync(file, 'keep me');
    await asAuditor(async (s) => {
      await expect(exportJournal(s, { format: 'csv', out: file })).rejects.toMatchObject({ code: 'export.exists' });
      expect(lastEntries(s, 1)[0]).toMatchObject({ event: 'journal.export', outcome: 'error', reason: 'export.exists' });
    });
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    await asAuditor((s) => exportJournal(s, { format: 'csv', out: file, force: true }));
    expect((await verifyExport(file)).ok).toBe(true);
  });

  it('a cancelled export leaves no file behind and is journaled as an error; progress reaches the total', async () => {
    const file = join(out, 'cancelled.csv');
    const controller = new AbortController();
    controller.abort();
    await asAuditor(async (s) => {
      await expect(exportJournal(s, { format: 'csv', out: file }, { signal: controller.signal })).rejects.toMatchObject({ code: 'export.cancelled' });
      expect(lastEntries(s, 1)[0]).toMatchObject({ event: 'journal.export', outcome: 'error', reason: 'export.cancelled' });
      const seen: number[] = [];
      const r = await exportJournal(s, { format: 'csv', out: join(out, 'progress.csv') }, { onProgress: (p) => seen.push(p.written / p.total) });
      expect(seen.at(-1)).toBe(1);
      expect(r.count).toBeGreaterThan(0);
    });
    expect(existsSync(file)).toBe(false);
    expect(existsSync(file + '.manifest.json')).toBe(false);
  });

  it('bad filters are refused with the field named, and journaled as an error', async () => {
    await asAuditor(async (s) => {
      await expect(exportJournal(s, { format: 'csv', out: join(out, 'bad.csv'), filters: { from: 'yesterday' } })).rejects.toMatchObject({
        code: 'input.invalid',
      });
      await expect(exportJournal(s, { format: 'csv', out: join(out, 'bad.csv'), filters: { person: 'nobody' } })).rejects.toMatchObject({
        code: 'person.notFound',
      });
      expect(lastEntries(s, 1)[0]).toMatchObject({ event: 'journal.export', outcome: 'error' });
    });
  });

  it('XLSX: the untampered export verifies and an edited cell is caught by its row number', async () => {
    const file = join(out, 'book.xlsx');
    const result = await asAuditor((s) => exportJournal(s, { format: 'xlsx', out: file }));
    expect(await verifyExport(file)).toMatchObject({ ok: true, count: result.count });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    book.worksheets[0]!.getRow(5).getCell(5).value = '别人';
    await book.xlsx.writeFile(file);
    expect((await verifyExport(file)).problem).toEqual({ kind: 'changed', line: 5, seq: 4 });
  });

  it('a row rewritten inside the database is refused, not laundered into a signed export', async () => {
    const session = await archive.unlock(ADMIN.login, ADMIN.password);
    const key = Buffer.from(session.archive.databaseKey);
    await session.lock();
    const db = openDatabase(join(archive.folder, 'archive.db'), key);
    db.exec('DROP TRIGGER journal_no_update');
    const row = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM journal WHERE seq = 10`).raw(true).get() as EntryRow;
    row[4] = '冒名者';
    db.prepare('UPDATE journal SET actor_name = ?, hash = ? WHERE seq = 10').run(row[4], rowHash(row));
    db.close();
    await asAuditor(async (s) => {
      await expect(exportJournal(s, { format: 'csv', out: join(out, 'laundered.csv') })).rejects.toMatchObject({ code: 'journal.broken', params: { seq: 11 } });
      await expect(exportJournal(s, { format: 'csv', out: join(out, 'laundered.csv'), filters: { outcome: 'denied' } })).resolves.toBeTruthy();
    });
    expect(existsSync(join(out, 'laundered.csv'))).toBe(true);
  });
});

describe('triplicate journal export / verify-export', () => {
  const cli = (args: string[], stdin = '') => runCli(args, stdin, { TRIPLICATE_STATE_DIR: archive.stateDir });

  it('exports with filters, refuses to overwrite without --force, and verifies offline (exit 0 / 1)', async () => {
    const file = join(out, 'cli.csv');
    const args = [
      'journal',
      'export',
      '--archive',
      archive.folder,
      '--as',
      AUDITOR.login,
      '--password-stdin',
      '--format',
      'csv',
      '--out',
      file,
      '--outcome',
      'denied',
    ];
    const first = cli(args, `${AUDITOR.password}\n`);
    expect(first.status, first.stderr).toBe(0);
    const again = cli(args, `${AUDITOR.password}\n`);
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toMatch(/already exists.*--force/);
    expect(cli([...args, '--force'], `${AUDITOR.password}\n`).status).toBe(0);

    const fp = JSON.parse(readFileSync(file + '.manifest.json', 'utf8')).manifest.key.fingerprint as string;
    const ok = cli(['verify-export', file, '--key-fingerprint', fp.toUpperCase()]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Export verified/);
    const other = cli(['verify-export', file, '--key-fingerprint', 'a'.repeat(64)]);
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(/another key/);
  });

  it('bad input to the CLI gets a clear message and no stack trace', () => {
    const junk = join(out, 'junk.csv');
    writeFileSync(junk, 'a,b\r\n');
    writeFileSync(junk + '.manifest.json', '{"not":"ours"}');
    const foreign = cli(['verify-export', junk]);
    expect(foreign.status).toBe(1);
    expect(foreign.stderr.trim()).toMatch(/^This is not a Triplicate journal export/);
    expect(foreign.stderr).not.toMatch(/\n\s+at /);
    const missing = cli(['verify-export', join(out, 'nothing.csv'), '--lang', 'zh-CN']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/未找到导出文件/);
    expect(cli(['verify-export']).status).toBe(2);
    const badFormat = cli(
      ['journal', 'export', '--archive', archive.folder, '--as', AUDITOR.login, '--password-stdin', '--format', 'pdf', '--out', junk],
      `${AUDITOR.password}\n`,
    );
    expect(badFormat.status).toBe(2);
  });
});

// Keep the type import used when ArchiveError shapes change.
void ArchiveError;
