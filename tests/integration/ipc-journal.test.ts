/**
 * The journal channels through the IPC router, against a real encrypted archive: an export reports
 * its progress as events and lands where main's save dialog said; a cancel from the renderer aborts
 * it, leaves no file and is journaled; closing the save dialog exports nothing; an administrator
 * gets no save dialog at all, only the core's refusal, journaled.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppState } from '../../src-main/app/app-state';
import { SessionManager } from '../../src-main/app/session-manager';
import type { EventChannel } from '../../src-main/contract/ipc';
import { verifyExport } from '../../src-main/core/journal/export/verify-export';
import { createRouter, type Router } from '../../src-main/ipc/router';
import type { SenderInfo } from '../../src-main/ipc/sender';
import { ADMIN, lastEntries, makeArchive, type TestArchive } from '../helpers/archive';

const ORIGIN = 'app://triplicate';
const APP: SenderInfo = { url: `${ORIGIN}/index.html`, isMainFrame: true, ownWindow: true };
const AUDITOR = { login: 'shen.sj', name: '沈审计', department: 'audit', rank: 'staff' as const, duties: ['auditor' as const], password: 'shen-password-01' };

let archive: TestArchive;
let manager: SessionManager;
let router: Router;
let saveDir: string;
let answer: 'file' | 'cancel' = 'file';
let dialogs = 0;
const events: { event: EventChannel; payload: unknown }[] = [];

beforeAll(async () => {
  archive = await makeArchive();
  await archive.addPerson(AUDITOR);
  saveDir = join(archive.stateDir, '..', 'exports');
  mkdirSync(saveDir, { recursive: true });
  manager = new SessionManager({
    stateDir: archive.stateDir,
    archiveOptions: { kdfTargetMs: 1, workstation: 'test-workstation', clock: archive.clock },
    idleSource: { idleSeconds: () => 0 },
    onLocked: () => {},
  });
  router = createRouter({
    manager,
    state: new AppState(archive.stateDir, 'en'),
    version: '0.0.0-test',
    now: () => archive.clock.now(),
    chooseFolder: async () => null,
    chooseSaveFile: async (name) => {
      dialogs++;
      return answer === 'file' ? join(saveDir, `${dialogs}-${name}`) : null;
    },
    emit: (event, payload) => events.push({ event, payload }),
    trustedOrigins: [ORIGIN],
  });
  // Enough entries for the export to take several pages (progress between them, a cancel can land).
  const admin = await archive.unlock(ADMIN.login, ADMIN.password);
  admin.archive.db.transaction(() => {
    for (let i = 0; i < 12_000; i++) admin.archive.journal.append({ actor: { id: null, name: 'seed', duty: null }, event: 'catalogue.search', outcome: 'ok' });
  })();
  await admin.lock();
}, 300_000);
afterAll(async () => {
  await manager.lock('quit');
  archive.cleanup();
});

const unlock = (who: { login: string; password: string }) =>
  router.handle('session:unlock', { folder: archive.folder, login: who.login, password: who.password }, APP);

describe('journal over IPC', () => {
  it('an export reports progress as events and writes a file that verifies offline', async () => {
    expect((await unlock(AUDITOR)).ok).toBe(true);
    events.length = 0;
    const result = await router.handle('journal:export', { format: 'jsonl', filters: {} }, APP);
    expect(result).toMatchObject({ ok: true, value: { cancelled: false } });
    const value = (result as { value: { file: string; count: number; fingerprint: string } }).value;
    const progress = events.filter((e) => e.event === 'event:exportProgress').map((e) => e.payload as { written: number; total: number; file: string });
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toEqual({ file: value.file, written: value.count, total: value.count });
    expect(await verifyExport(value.file, { keyFingerprint: value.fingerprint })).toMatchObject({ ok: true, count: value.count });
  });

  it('a cancel from the renderer aborts the running export, leaves no file, and the export entry says cancelled', async () => {
    const before = readdirSync(saveDir).length;
    events.length = 0;
    const running = router.handle('journal:export', { format: 'csv', filters: {} }, APP);
    // Cancel as soon as the first progress event shows the export under way.
    while (!events.some((e) => e.event === 'event:exportProgress')) await new Promise((r) => setImmediate(r));
    expect(await router.handle('journal:cancelExport', {}, APP)).toEqual({ ok: true, value: { cancelled: true } });
    expect(await running).toMatchObject({ ok: false, error: { code: 'export.cancelled' } });
    expect(readdirSync(saveDir).length).toBe(before);
    expect(lastEntries(manager.current!, 1)[0]).toMatchObject({ event: 'journal.export', outcome: 'error', reason: 'export.cancelled' });
    expect(await router.handle('journal:cancelExport', {}, APP)).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('closing the save dialog exports nothing', async () => {
    answer = 'cancel';
    expect(await router.handle('journal:export', { format: 'xlsx', filters: {} }, APP)).toEqual({ ok: true, value: { cancelled: true } });
    answer = 'file';
  });

  it('the last verify run is kept for the session and shown by journal:status', async () => {
    expect(await router.handle('journal:status', {}, APP)).toEqual({ ok: true, value: { lastRun: null } });
    const verified = await router.handle('journal:verify', {}, APP);
    expect(verified).toMatchObject({ ok: true, value: { ok: true } });
    expect(await router.handle('journal:status', {}, APP)).toMatchObject({ ok: true, value: { lastRun: { report: { ok: true } } } });
  });

  it('an administrator gets no save dialog, only the refusal, journaled', async () => {
    await manager.lock('user');
    expect((await unlock(ADMIN)).ok).toBe(true);
    const shown = dialogs;
    expect(await router.handle('journal:export', { format: 'csv', filters: {} }, APP)).toMatchObject({ ok: false, error: { code: 'denied.notAuditor' } });
    expect(dialogs).toBe(shown);
    expect(lastEntries(manager.current!, 1)[0]).toMatchObject({
      event: 'journal.export',
      outcome: 'denied',
      reason: 'denied.notAuditor',
      actorName: ADMIN.name,
    });
    expect(await router.handle('journal:read', { filters: {} }, APP)).toMatchObject({ ok: false, error: { code: 'denied.notAuditor' } });
    expect(await router.handle('journal:status', {}, APP)).toEqual({ ok: true, value: { lastRun: null } });
  });

  it('a filter naming an unknown person is refused as bad input, not answered with nothing', async () => {
    await manager.lock('user');
    expect((await unlock(AUDITOR)).ok).toBe(true);
    expect(await router.handle('journal:read', { filters: { person: 'nobody' } }, APP)).toMatchObject({ ok: false, error: { code: 'person.notFound' } });
    expect(await router.handle('journal:read', { filters: { actorId: 'x' } }, APP)).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(existsSync(saveDir)).toBe(true);
  });
});
