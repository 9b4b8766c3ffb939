/**
 * The IPC router against a real encrypted archive: sender check → channel → strict schema →
 * session in main → core (policy + journal). Every refusal is asserted in the journal too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppState } from '../../src-main/app/app-state';
import { SessionManager, type LockReason } from '../../src-main/app/session-manager';
import { createRouter, type Router } from '../../src-main/ipc/router';
import type { SenderInfo } from '../../src-main/ipc/sender';
import { ADMIN, lastEntries, makeArchive, type TestArchive } from '../helpers/archive';

const ORIGIN = 'app://triplicate';
const APP: SenderInfo = { url: `${ORIGIN}/index.html`, isMainFrame: true, ownWindow: true };
const MANAGER = { login: 'wang.am', name: '王经理', department: 'sales', rank: 'account-manager' as const, password: 'manager-password-1' };

let archive: TestArchive;
let manager: SessionManager;
let router: Router;
let state: AppState;
let locks: LockReason[];

beforeEach(async () => {
  archive = await makeArchive();
  await archive.addPerson(MANAGER);
  locks = [];
  state = new AppState(archive.stateDir, 'en');
  manager = new SessionManager({
    stateDir: archive.stateDir,
    archiveOptions: { kdfTargetMs: 1, workstation: 'test-workstation', clock: archive.clock },
    idleSource: { idleSeconds: () => 0 },
    onLocked: (reason) => locks.push(reason),
  });
  router = createRouter({
    manager,
    state,
    version: '0.0.0-test',
    now: () => archive.clock.now(),
    chooseFolder: async () => null,
    chooseSaveFile: async () => null,
    emit: () => {},
    trustedOrigins: [ORIGIN],
  });
});

afterEach(async () => {
  await manager.lock('quit');
  archive.cleanup();
});

const unlockAs = (login: string, password: string) => router.handle('session:unlock', { folder: archive.folder, login, password }, APP);

describe('IPC router', () => {
  it('a request that names another person (extra `login`) is refused and journaled as ipc.refused', async () => {
    expect((await unlockAs(MANAGER.login, MANAGER.password)).ok).toBe(true);
    const result = await router.handle('people:changeOwnPassword', { password: 'another-password-9', login: ADMIN.login }, APP);
    expect(result).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    const [entry] = lastEntries(manager.current!, 1);
    expect(entry).toMatchObject({ event: 'ipc.refused', outcome: 'denied', reason: 'input.invalid', actorName: MANAGER.name });
    expect(JSON.parse(entry!.details)).toMatchObject({ channel: 'people:changeOwnPassword', keys: ['password', 'login'] });
    // The refused password never reaches the journal.
    expect(entry!.details).not.toContain('another-password-9');
    // The administrator's password still opens the archive: nothing was changed for them.
    await manager.lock('user');
    expect((await unlockAs(ADMIN.login, ADMIN.password)).ok).toBe(true);
  });

  it('identity never comes from the renderer: session.current with an actorId is refused and journaled', async () => {
    await unlockAs(MANAGER.login, MANAGER.password);
    const result = await router.handle('session:current', { actorId: 'someone-else' }, APP);
    expect(result).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(lastEntries(manager.current!, 1)[0]).toMatchObject({ event: 'ipc.refused', outcome: 'denied' });
    const current = await router.handle('session:current', undefined, APP);
    expect(current).toMatchObject({ ok: true, value: { login: MANAGER.login } });
  });

  it('administration is refused to an account manager, journaled by the core as person.list denied, in their language', async () => {
    await unlockAs(MANAGER.login, MANAGER.password);
    const en = await router.handle('people:list', undefined, APP);
    expect(en).toEqual({ ok: false, error: { code: 'denied.notAdmin', params: {}, message: 'Only an administrator may do this.' } });
    expect(lastEntries(manager.current!, 1)[0]).toMatchObject({ event: 'person.list', outcome: 'denied', reason: 'denied.notAdmin' });
    await router.handle('app:setLocale', { locale: 'zh-CN' }, APP);
    const zh = await router.handle('people:list', undefined, APP);
    expect(zh).toMatchObject({ ok: false, error: { message: '只有系统管理员可以执行此操作。' } });
  });

  it('an unknown channel is refused and journaled', async () => {
    await unlockAs(ADMIN.login, ADMIN.password);
    const result = await router.handle('journal:wipe', {}, APP);
    expect(result).toMatchObject({ ok: false, error: { code: 'input.unknownChannel' } });
    expect(lastEntries(manager.current!, 1)[0]).toMatchObject({ event: 'ipc.refused', reason: 'input.unknownChannel' });
  });

  it('only the main frame of the app window, on the app origin, may call', async () => {
    await unlockAs(ADMIN.login, ADMIN.password);
    for (const sender of [
      { ...APP, isMainFrame: false },
      { ...APP, ownWindow: false },
      { ...APP, url: 'https://example.com/' },
      { ...APP, url: 'not a url' },
    ]) {
      const result = await router.handle('people:list', undefined, sender);
      expect(result).toMatchObject({ ok: false, error: { code: 'input.untrustedSender' } });
      expect(lastEntries(manager.current!, 1)[0]).toMatchObject({ event: 'ipc.refused', reason: 'input.untrustedSender' });
    }
  });

  it('an administrator lists people through the router, and the list is journaled', async () => {
    await unlockAs(ADMIN.login, ADMIN.password);
    const result = await router.handle('people:list', {}, APP);
    expect(result.ok).toBe(true);
    expect((result as { value: { login: string }[] }).value.map((p) => p.login).sort()).toEqual([ADMIN.login, MANAGER.login].sort());
    expect(lastEntries(manager.current!, 1)[0]).toMatchObject({ event: 'person.list', outcome: 'ok' });
  });

  it('a locked archive answers vault.locked, and locking tells the renderer', async () => {
    await unlockAs(ADMIN.login, ADMIN.password);
    expect(await router.handle('session:lock', undefined, APP)).toEqual({ ok: true, value: { locked: true } });
    expect(locks).toEqual(['user']);
    expect(manager.current).toBeNull();
    expect(await router.handle('people:list', undefined, APP)).toMatchObject({ ok: false, error: { code: 'vault.locked' } });
    expect(await router.handle('app:info', undefined, APP)).toMatchObject({ ok: true, value: { unlocked: false } });
  });

  it('a wrong password is refused with a translated message and no session', async () => {
    const result = await unlockAs(MANAGER.login, 'wrong-password-0');
    expect(result).toEqual({ ok: false, error: { code: 'vault.wrongPassword', params: {}, message: 'Wrong login or password.' } });
    expect(manager.current).toBeNull();
  });

  it('recent archives are remembered in the state folder, not in the archive', async () => {
    await unlockAs(ADMIN.login, ADMIN.password);
    const info = await router.handle('app:info', undefined, APP);
    expect(info).toMatchObject({ ok: true, value: { unlocked: true, recentArchives: [{ folder: archive.folder }] } });
    expect(new AppState(archive.stateDir, 'en').recentArchives[0]?.folder).toBe(archive.folder);
    const forgotten = await router.handle('app:forgetArchive', { folder: archive.folder }, APP);
    expect(forgotten).toEqual({ ok: true, value: { recentArchives: [] } });
  });
});
