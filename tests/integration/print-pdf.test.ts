/**
 * A printout saved as PDF through the real router (issue 19): the core decides as for the export
 * the printout stands for, before any save dialog; the file is written whole or not at all; every
 * attempt leaves one `print.pdf` entry. The page renderer here stands in for Electron's printToPDF
 * (no window here); the browser e2e renders a real one (journal-flow).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src-main/core/journal/entry';
import { ADMIN, lastEntries, makeArchive, type TestArchive, type TestPerson } from '../helpers/archive';
import { APP, ipcHarness } from '../helpers/ipc';

const AUDITOR: TestPerson = { login: 'wang.wu', name: '王五', department: 'audit', rank: 'staff', duties: ['auditor'], password: 'wang-password-01' };
const KEEPER: TestPerson = { login: 'sun.bg', name: '孙保管', department: 'sales', rank: 'staff', duties: ['custodian'], password: 'sun.bg-password-1' };
const STAFF: TestPerson = { login: 'li.si', name: '李四', department: 'sales', rank: 'staff', password: 'li.si-password-01' };

/** What the window would hand over: a PDF's bytes (its header is all the core checks). */
const PAGE_PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

let archive: TestArchive;
let out: string;
let dialogs: string[];
beforeEach(async () => {
  archive = await makeArchive();
  for (const p of [AUDITOR, KEEPER, STAFF]) await archive.addPerson(p);
  out = mkdtempSync(join(tmpdir(), 'triplicate-pdf-'));
  dialogs = [];
});
afterEach(() => {
  archive.cleanup();
  rmSync(out, { recursive: true, force: true });
});

function harness(services: { render?: () => Promise<Buffer>; answer?: (name: string) => string | null } = {}) {
  return ipcHarness(archive, {
    chooseSaveFile: async (name) => {
      dialogs.push(name);
      return services.answer ? services.answer(name) : join(out, name);
    },
    ...(services.render ? { printToPdf: services.render } : {}),
  });
}

async function lastEntry(login: string, password: string): Promise<JournalEntry> {
  const session = await archive.unlock(login, password);
  try {
    return lastEntries(session, 30)
      .filter((e) => e.event === 'print.pdf')
      .pop()!;
  } finally {
    await session.lock();
  }
}

describe('save a printout as PDF', () => {
  it('writes the auditor’s report as a PDF the owner alone can read, and journals the file', async () => {
    const h = harness({ render: async () => PAGE_PDF });
    await h.as(AUDITOR);
    const r = await h.router.handle('print:pdf', { document: 'report' }, APP);
    expect(r).toMatchObject({ ok: true, value: { bytes: PAGE_PDF.length } });
    const file = (r as { value: { file: string } }).value.file;
    expect(dialogs).toEqual([expect.stringMatching(/^report-\d{8}\.pdf$/)]);
    expect(readFileSync(file)).toEqual(PAGE_PDF);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    await h.manager.lock('user');
    const entry = await lastEntry(AUDITOR.login, AUDITOR.password);
    expect(entry.outcome).toBe('ok');
    expect(JSON.parse(entry.details)).toMatchObject({ document: 'report', file, bytes: PAGE_PDF.length });
  });

  it('refuses whoever may not export what the printout shows, before any dialog', async () => {
    const h = harness({ render: async () => PAGE_PDF });
    await h.as(STAFF);
    expect(await h.router.handle('print:pdf', { document: 'report' }, APP)).toMatchObject({ ok: false, error: { code: 'denied.notAuditor' } });
    await h.as(KEEPER);
    expect(await h.router.handle('print:pdf', { document: 'register', department: 'sales' }, APP)).toMatchObject({ ok: true });
    const other = await h.router.handle('print:pdf', { document: 'register', department: 'marketing' }, APP);
    expect(other).toMatchObject({ ok: false });
    expect((other as { error: { code: string } }).error.code).toMatch(/^denied\./);
    expect(dialogs).toHaveLength(1);
    await h.manager.lock('user');
    const session = await archive.unlock(ADMIN.login, ADMIN.password);
    try {
      const entries = lastEntries(session, 10).filter((e) => e.event === 'print.pdf');
      expect(entries.map((e) => e.outcome)).toEqual(['denied', 'ok', 'denied']);
    } finally {
      await session.lock();
    }
  });

  it('answers clearly where no window can render, and when rendering fails, leaving no file', async () => {
    const none = harness();
    await none.as(AUDITOR);
    const unavailable = await none.router.handle('print:pdf', { document: 'report' }, APP);
    expect(unavailable).toMatchObject({ ok: false, error: { code: 'print.unavailable' } });
    expect((unavailable as { error: { message: string } }).error.message).toMatch(/desktop app/);
    expect(dialogs).toEqual([]);
    await none.manager.lock('user');

    const broken = harness({ render: async () => Buffer.from('<html>not a pdf</html>') });
    await broken.as(AUDITOR);
    expect(await broken.router.handle('print:pdf', { document: 'report' }, APP)).toMatchObject({ ok: false, error: { code: 'print.failed' } });
    const crashed = harness({ render: async () => Promise.reject(new Error('render process gone')) });
    await crashed.as(AUDITOR);
    expect(await crashed.router.handle('print:pdf', { document: 'report' }, APP)).toMatchObject({ ok: false, error: { code: 'print.failed' } });
    expect(readdirSync(out)).toEqual([]);
    await crashed.manager.lock('user');
    const entry = await lastEntry(AUDITOR.login, AUDITOR.password);
    expect(entry.outcome).toBe('error');
    expect(entry.reason).toBe('print.failed');
  });

  it('writes nothing when the dialog is closed, and never into the archive folder', async () => {
    const cancelled = harness({ render: async () => PAGE_PDF, answer: () => null });
    await cancelled.as(AUDITOR);
    expect(await cancelled.router.handle('print:pdf', { document: 'report' }, APP)).toMatchObject({ ok: true, value: { file: null } });
    await cancelled.manager.lock('user');
    expect(JSON.parse((await lastEntry(AUDITOR.login, AUDITOR.password)).details)).toMatchObject({ cancelled: 'dialog' });

    const inside = harness({ render: async () => PAGE_PDF, answer: (name) => join(archive.folder, name) });
    await inside.as(AUDITOR);
    const r = await inside.router.handle('print:pdf', { document: 'report' }, APP);
    expect(r).toMatchObject({ ok: false });
    expect(readdirSync(archive.folder).some((f) => f.endsWith('.pdf') || f.endsWith('.tmp'))).toBe(false);
    await inside.manager.lock('user');
  });

  it('refuses a printout of anything else (a dossier’s content never leaves as PDF)', async () => {
    const h = harness({ render: async () => PAGE_PDF });
    await h.as(AUDITOR);
    expect(await h.router.handle('print:pdf', { document: 'dossier', id: 'KH-2026-00001' }, APP)).toMatchObject({
      ok: false,
      error: { code: 'input.invalid' },
    });
    expect(dialogs).toEqual([]);
    expect(existsSync(out) && readdirSync(out).length).toBe(0);
    await h.manager.lock('user');
  });
});
