/**
 * Issue 11, point 5, through the edges people use: the IPC router (administrator's request, the
 * approver's pending list and code, the unlock screen's new-password step and notice) and the CLI
 * (person reset request|approve, unlock with a code that asks for the new password).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResetRequestView } from '../../src-main/contract/people';
import type { UnlockedView } from '../../src-main/contract/ipc';
import { ADMIN, makeArchive, type TestArchive, type TestPerson } from '../helpers/archive';
import { runCli } from '../helpers/cli';
import { APP, ipcHarness, ok } from '../helpers/ipc';

const AUDITOR: TestPerson = { login: 'wang.wu', name: '王五', department: 'audit', rank: 'staff', duties: ['auditor'], password: 'wang-password-01' };
const GM: TestPerson = { login: 'sun.jiu', name: '孙九', department: 'key-accounts', rank: 'general-manager', password: 'sun-password-01' };
const CUSTODIAN: TestPerson = { login: 'li.si', name: '李四', department: 'sales', rank: 'staff', duties: ['custodian'], password: 'li-password-001' };
const SALES_HEAD: TestPerson = { login: 'zhou.ba', name: '周八', department: 'sales', rank: 'department-manager', password: 'zhou-password-1' };

let archive: TestArchive;
beforeAll(async () => {
  archive = await makeArchive();
  for (const p of [AUDITOR, GM, CUSTODIAN, SALES_HEAD]) await archive.addPerson(p);
}, 600_000);
afterAll(() => archive.cleanup());

describe('IPC', () => {
  it('request, approve with the code shown once, and the unlock screen’s new-password step', async () => {
    const h = ipcHarness(archive);
    await h.as(ADMIN);
    // The old shape (a password chosen by the administrator) is refused by the contract.
    const old = await h.router.handle('people:resetPassword', { login: AUDITOR.login, password: 'admin-chosen-pw1' }, APP);
    expect(old).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    const requested = await ok<ResetRequestView>(h.router.handle('people:resetPassword', { login: AUDITOR.login }, APP));
    expect(requested.approvers.map((a) => a.login)).toContain(GM.login);
    expect(await h.router.handle('people:resetApprove', { login: AUDITOR.login }, APP)).toMatchObject({
      ok: false,
      error: { code: 'denied.resetSecondPerson' },
    });

    await h.as(GM);
    const pending = await ok<{ login: string }[]>(h.router.handle('people:resetPending', {}, APP));
    expect(pending.map((p) => p.login)).toEqual([AUDITOR.login]);
    const { code } = await ok<{ code: string }>(h.router.handle('people:resetApprove', { login: AUDITOR.login }, APP));
    expect(code).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    await h.manager.lock('user');

    const withCode = await h.router.handle('session:unlock', { folder: archive.folder, login: AUDITOR.login, password: code }, APP);
    expect(withCode).toMatchObject({ ok: false, error: { code: 'vault.newPasswordRequired' } });
    expect(h.manager.current).toBeNull();
    const unlocked = await ok<UnlockedView>(
      h.router.handle('session:unlock', { folder: archive.folder, login: AUDITOR.login, password: code, newPassword: 'wang-own-new-pw1' }, APP),
    );
    expect(unlocked).toMatchObject({ login: AUDITOR.login, passwordReset: { requestedBy: ADMIN.name, approvedBy: GM.name } });
    await h.manager.lock('user');
    await h.as({ login: AUDITOR.login, password: 'wang-own-new-pw1' });
    await h.manager.lock('user');
  }, 300_000);
});

describe('CLI', () => {
  it('person reset request and approve, then the owner unlocks with the code and a new password', () => {
    const env = { TRIPLICATE_STATE_DIR: archive.stateDir };
    const base = ['--archive', archive.folder, '--password-stdin'];
    const request = runCli(['person', 'reset', 'request', ...base, '--as', ADMIN.login, '--login', CUSTODIAN.login], `${ADMIN.password}\n`, env, 180_000);
    expect(request.status, request.stderr).toBe(0);
    expect(request.stdout).toContain(SALES_HEAD.login);

    const approve = runCli(
      ['person', 'reset', 'approve', ...base, '--as', SALES_HEAD.login, '--login', CUSTODIAN.login],
      `${SALES_HEAD.password}\n`,
      env,
      180_000,
    );
    expect(approve.status, approve.stderr).toBe(0);
    const code = /^ {2}([0-9A-Z-]{39})$/m.exec(approve.stdout)?.[1];
    expect(code).toBeDefined();

    const first = runCli(['loan', 'list', ...base, '--as', CUSTODIAN.login], `${code}\nli-own-new-pass1\n`, env, 180_000);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/Your password was reset: requested by 系统管理员 .* approved by 周八/);

    const again = runCli(['loan', 'list', ...base, '--as', CUSTODIAN.login], `li-own-new-pass1\n`, env, 180_000);
    expect(again.status, again.stderr).toBe(0);
  }, 600_000);
});
