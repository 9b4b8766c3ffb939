/**
 * Issue 14: "every CLI command that works on an archive folder also works with --server". The
 * administrator's `settings get` and `settings set` run against a real `triplicate serve` with the
 * same output as with --archive (the server's core decides and journals); a bad value is refused
 * before anything is sent; a command the server cannot run is refused in one line, doing nothing.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN } from '../helpers/archive';
import { AUDITOR, serverOptions, useServedArchive } from '../helpers/served-archive';
import { runCli } from '../helpers/cli';

const served = useServedArchive('triplicate-serve-settings-');

const remote = (login = ADMIN.login) => serverOptions(served, login);
const env = () => ({ TRIPLICATE_STATE_DIR: served.archive.stateDir });

describe('settings through an archive server', () => {
  let listed = '';

  it('settings get and settings set as the administrator, journaled by the server', () => {
    const all = runCli(['settings', 'get', ...remote()], `${ADMIN.password}\n`, env());
    expect(all.stderr).toBe('');
    expect(all.status).toBe(0);
    expect(all.stdout).toContain('idleLockMinutes = 5');
    listed = all.stdout;

    const set = runCli(['settings', 'set', 'idleLockMinutes', '7', ...remote()], `${ADMIN.password}\n`, env());
    expect(set.stderr).toBe('');
    expect(set.status).toBe(0);
    expect(set.stdout.trim()).toBe('idleLockMinutes: 5 → 7');

    const one = runCli(['settings', 'get', 'idleLockMinutes', ...remote()], `${ADMIN.password}\n`, env());
    expect(one.status).toBe(0);
    expect(one.stdout.trim()).toBe('7');
  }, 120_000);

  it('a bad value or key is refused before anything is sent; the server refuses an auditor the change', () => {
    const bad = runCli(['settings', 'set', 'idleLockMinutes', '9999', ...remote()], `${ADMIN.password}\n`, env());
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const unknown = runCli(['settings', 'get', 'noSuchSetting', ...remote()], `${ADMIN.password}\n`, env());
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('noSuchSetting');
    const auditor = runCli(['settings', 'set', 'idleLockMinutes', '9', ...remote(AUDITOR.login)], `${AUDITOR.password}\n`, env());
    expect(auditor.status).toBe(1);
    expect(auditor.stderr.trim().split('\n')).toHaveLength(1);
    const still = runCli(['settings', 'get', 'idleLockMinutes', ...remote()], `${ADMIN.password}\n`, env());
    expect(still.stdout.trim()).toBe('7');
  }, 120_000);

  it('a command that needs the archive folder itself is refused in one line and does nothing', () => {
    const result = runCli(['backup', ...remote(), '--out', join(served.outDir, 'backup.tbk')], `${ADMIN.password}\n`, env());
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('This cannot be done through an archive server (backup); nothing was done.');
  }, 60_000);

  it('after the server stops, the same command on the folder prints the same settings, and the change is journaled', async () => {
    served.serve.child.kill('SIGTERM');
    expect(await served.serve.exited).toBe(0);
    const local = runCli(
      ['settings', 'get', '--archive', served.archive.folder, '--as', ADMIN.login, '--password-stdin', '--lang', 'en'],
      `${ADMIN.password}\n`,
      env(),
    );
    expect(local.status).toBe(0);
    expect(local.stdout).toBe(listed.replace('idleLockMinutes = 5', 'idleLockMinutes = 7'));
    const admin = await served.archive.unlock(ADMIN.login, ADMIN.password);
    try {
      const rows = admin.archive.db.prepare(`SELECT actor_name, outcome FROM journal WHERE event = 'settings.update'`).all() as {
        actor_name: string;
        outcome: string;
      }[];
      expect(rows.filter((r) => r.outcome === 'ok').map((r) => r.actor_name)).toEqual([ADMIN.name]);
      expect(rows.some((r) => r.outcome !== 'ok')).toBe(true);
    } finally {
      await admin.lock();
    }
  }, 120_000);
});
