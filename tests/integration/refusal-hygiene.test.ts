/**
 * Issue 11, point 9: the smaller findings of the security review, one test each, each of which
 * failed before its fix. Real archive, the real router, the real CLI.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveError } from '../../src-main/core/errors';
import { exportJournal } from '../../src-main/core/journal/export/export';
import { verifyExport } from '../../src-main/core/journal/export/verify-export';
import { fileCard } from '../../src-main/core/loans/service';
import { isTrustedSender } from '../../src-main/ipc/sender';
import { lastEntries, makeArchive, type TestArchive } from '../helpers/archive';
import { runCli } from '../helpers/cli';
import { APP, ipcHarness, ORIGIN } from '../helpers/ipc';

const AUDITOR = { login: 'wang.wu', name: '王五', department: 'audit', rank: 'staff' as const, duties: ['auditor' as const], password: 'wang-password-01' };
const MANAGER = { login: 'zhang.san', name: '张三', department: 'key-accounts', rank: 'account-manager' as const, password: 'zhang-password-1' };

let archive: TestArchive;
let scratch: string;
beforeAll(async () => {
  archive = await makeArchive();
  for (const p of [AUDITOR, MANAGER]) await archive.addPerson(p);
  scratch = mkdtempSync(join(tmpdir(), 'triplicate-hygiene-'));
}, 600_000);
afterAll(() => {
  archive.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

describe('a refusal carries a few KB at most', () => {
  it('a request with a 10 MB key is refused with a short message and a short journal entry', async () => {
    const h = ipcHarness(archive);
    await h.as(MANAGER);
    const key = 'k'.repeat(10 * 1024 * 1024);
    const r = await h.router.handle('notifications:list', { [key]: 1 }, APP);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r).length).toBeLessThan(4096);
    const [entry] = lastEntries(h.manager.current!, 1);
    expect(entry).toMatchObject({ event: 'ipc.refused', reason: 'input.invalid' });
    expect(entry!.details.length).toBeLessThan(4096);
    await h.manager.lock('user');
  });
});

describe('text with NUL, bidi overrides or lone surrogates is invalid input everywhere', () => {
  it('catalogue search refuses it as input.invalid (was internal)', async () => {
    const h = ipcHarness(archive);
    await h.as(MANAGER);
    for (const text of ['客户\u0000', '客户\u202Eabc', '客户\uD800']) {
      const r = await h.router.handle('dossiers:search', { text }, APP);
      expect(r, JSON.stringify(text)).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    }
    await h.manager.lock('user');
  });

  it('a borrow card’s purpose with a bidi override is refused, not stored', async () => {
    const session = await archive.unlock(MANAGER.login, MANAGER.password);
    try {
      const attempt = fileCard(session, {
        copyNumber: 'KH-2026-00001-S',
        purpose: 'review \u202Eyrtne',
        form: 'in-app',
        periodDays: 5,
        readingPlace: 'office',
        acknowledgeNoPublicReading: true,
      });
      await expect(attempt).rejects.toSatisfy(
        (e: unknown) => e instanceof ArchiveError && e.code === 'input.invalid' && String(e.params.detail).includes('purpose'),
      );
    } finally {
      await session.lock();
    }
  });
});

describe('the session and the sender', () => {
  it('a refused archive:create over an existing archive leaves the open session alone', async () => {
    const h = ipcHarness(archive);
    await h.as(AUDITOR);
    const before = h.manager.current;
    const r = await h.router.handle('archive:create', { folder: archive.folder, adminLogin: 'other', adminName: 'Other', password: 'other-password-1' }, APP);
    expect(r).toMatchObject({ ok: false, error: { code: 'vault.alreadyExists' } });
    expect(h.manager.current).toBe(before);
    expect(h.manager.current?.actor.login).toBe(AUDITOR.login);
    await h.manager.lock('user');
  });

  it('a sender URL with user info is not the app', async () => {
    for (const url of ['app://user:pw@triplicate/index.html', 'app://user@triplicate/', 'app://@triplicate/']) {
      expect(isTrustedSender({ url, isMainFrame: true, ownWindow: true }, [ORIGIN]), url).toBe(false);
    }
    expect(isTrustedSender(APP, [ORIGIN])).toBe(true);
    const h = ipcHarness(archive);
    const r = await h.router.handle('app:info', {}, { ...APP, url: 'app://user:pw@triplicate/index.html' });
    expect(r).toMatchObject({ ok: false, error: { code: 'input.untrustedSender' } });
  });
});

describe('temporary files never outlive the operation', () => {
  it('verifying an xlsx export leaves nothing in the temp folder, also when it stops early', async () => {
    const session = await archive.unlock(AUDITOR.login, AUDITOR.password);
    const file = join(scratch, 'journal.xlsx');
    let fingerprint: string;
    try {
      fingerprint = (await exportJournal(session, { format: 'xlsx', out: file })).fingerprint;
    } finally {
      await session.lock();
    }
    const temp = mkdtempSync(join(tmpdir(), 'triplicate-tmpdir-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = temp;
    try {
      expect((await verifyExport(file, { keyFingerprint: fingerprint })).ok).toBe(true);
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(temp, { recursive: true, force: true });
    }
  });
});

describe('the CLI', () => {
  it('a message about an output path names the path; a bad number gives one line', () => {
    const out = join(scratch, 'no-such-folder', 'journal.csv');
    const r = runCli(
      ['journal', 'export', '--archive', archive.folder, '--as', AUDITOR.login, '--format', 'csv', '--out', out, '--password-stdin'],
      `${AUDITOR.password}\n`,
      { TRIPLICATE_STATE_DIR: archive.stateDir },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(out);
    expect(r.stderr).not.toMatch(/archive files/);

    const bad = runCli(['demo', '--archive', join(scratch, 'demo'), '--dossiers', '-5'], '');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
