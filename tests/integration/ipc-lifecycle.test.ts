/**
 * The records-lifecycle channels through the real router: strict schemas (a widened or incomplete
 * request is refused before the core and journaled), the administrator's backup status, and a
 * refusal from the core arriving as a translated error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupStatusView } from '../../src-main/contract/ipc-lifecycle';
import { ADMIN, makeArchive, type TestArchive } from '../helpers/archive';
import { APP, ipcHarness, ok } from '../helpers/ipc';

const KEEPER = { login: 'sun.bg', name: '孙保管', department: 'sales', rank: 'staff' as const, duties: ['custodian' as const], password: 'sun.bg-password-1' };

let archive: TestArchive;
let out: string;
beforeEach(async () => {
  archive = await makeArchive();
  await archive.addPerson(KEEPER);
  out = mkdtempSync(join(tmpdir(), 'triplicate-ipc-backup-'));
});
afterEach(() => {
  archive.cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe('records-lifecycle channels', () => {
  it('back up through main’s save dialog with progress, and report the status', async () => {
    const events: string[] = [];
    const h = ipcHarness(archive, {
      chooseSaveFile: async (name) => join(out, name),
      emit: (event, payload) => events.push(`${event}:${(payload as { phase?: string }).phase}`),
    });
    await h.as(ADMIN);
    expect(await ok<BackupStatusView>(h.router.handle('backup:status', {}, APP))).toMatchObject({ last: null, overdue: true, intervalDays: 7 });
    const result = await ok<{ cancelled: boolean; file: string }>(h.router.handle('backup:run', {}, APP));
    expect(result.cancelled).toBe(false);
    expect(result.file.startsWith(out)).toBe(true);
    expect(events).toContain('event:backupProgress:done');
    expect(await ok<BackupStatusView>(h.router.handle('backup:status', {}, APP))).toMatchObject({ overdue: false });
    await h.manager.lock('user');
  });

  it('refuse widened or incomplete requests and translate core refusals', async () => {
    const h = ipcHarness(archive);
    await h.as(KEEPER);
    const widened = await h.router.handle('holds:set', { name: 'x', reason: 'y', numbers: ['KH-2026-00001'], login: 'admin' }, APP);
    expect(widened).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    const incomplete = await h.router.handle('holds:set', { name: 'x', reason: 'y' }, APP);
    expect(incomplete).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    const refused = await h.router.handle('backup:status', {}, APP);
    expect(refused).toMatchObject({ ok: false, error: { code: 'denied.notAdmin' } });
    expect((refused as { error: { message: string } }).error.message).toMatch(/administrator/i);
    await h.manager.lock('user');
  });
});
