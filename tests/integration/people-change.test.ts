/**
 * People change (issue 16, point 8): administrators change rank, department and direct manager,
 * journaled with before and after; the duty rules still hold (a custodian stays in a holding
 * department, nobody changes their own standing, no circle of managers); others are refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPersonByLogin } from '../../src-main/core/people/repository';
import { changePerson } from '../../src-main/core/records/people-change';
import { ADMIN, lastEntries, makeArchive, type TestArchive } from '../helpers/archive';
import { expectCode } from '../helpers/dossiers';
import { runCli } from '../helpers/cli';

const STAFF = { login: 'xu.yg', name: '徐员工', department: 'sales', rank: 'staff' as const, password: 'xu.yg-password-1' };
const HEAD = { login: 'xs.bz', name: '销售部长', department: 'sales', rank: 'department-manager' as const, password: 'xs.bz-password-1' };
const KEEPER = { login: 'sun.bg', name: '孙保管', department: 'sales', rank: 'staff' as const, duties: ['custodian' as const], password: 'sun.bg-password-1' };

let archive: TestArchive;
beforeEach(async () => {
  archive = await makeArchive();
  for (const p of [STAFF, HEAD, KEEPER]) await archive.addPerson(p);
});
afterEach(() => archive.cleanup());

describe('people change', () => {
  it('administrators change rank, department and direct manager, journaled; the rules still hold', async () => {
    const admin = await archive.unlock(ADMIN.login, ADMIN.password);
    try {
      const changed = await changePerson(admin, { login: STAFF.login, rank: 'account-manager', department: 'key-accounts', manager: HEAD.login });
      const head = findPersonByLogin(admin.archive.db, HEAD.login)!;
      expect(changed).toMatchObject({ rank: 'account-manager', department: 'key-accounts', managerId: head.id });
      const [entry] = lastEntries(admin);
      expect(entry).toMatchObject({ event: 'person.change', outcome: 'ok', actorDuty: 'admin' });
      expect(JSON.parse(entry!.details)).toMatchObject({
        before: { rank: 'staff', department: 'sales', manager: null },
        after: { rank: 'account-manager', department: 'key-accounts' },
      });

      await expectCode(changePerson(admin, { login: KEEPER.login, department: 'key-accounts' }), 'person.custodianNeedsHoldingDepartment');
      await expectCode(changePerson(admin, { login: HEAD.login, manager: STAFF.login }), 'person.managerCycle');
      await expectCode(changePerson(admin, { login: ADMIN.login, rank: 'general-manager' }), 'person.self');
      await expectCode(changePerson(admin, { login: STAFF.login, department: 'nowhere' }), 'department.notFound');
      await expectCode(changePerson(admin, { login: STAFF.login }), 'input.invalid');
      expect(lastEntries(admin)[0]).toMatchObject({ event: 'person.change', outcome: 'error', reason: 'input.invalid' });
      // Removing the direct manager.
      expect((await changePerson(admin, { login: STAFF.login, manager: null })).managerId).toBeNull();
    } finally {
      await admin.lock();
    }
    const head = await archive.unlock(HEAD.login, HEAD.password);
    try {
      await expectCode(changePerson(head, { login: STAFF.login, rank: 'department-manager' }), 'denied.notAdmin');
      expect(lastEntries(head)[0]).toMatchObject({ event: 'person.change', outcome: 'denied' });
    } finally {
      await head.lock();
    }
  });

  it('works from the command line', () => {
    const r = runCli(
      ['person', 'change', '--archive', archive.folder, '--as', ADMIN.login, '--login', STAFF.login, '--rank', 'account-manager', '--password-stdin'],
      `${ADMIN.password}\n`,
      { TRIPLICATE_STATE_DIR: archive.stateDir },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/xu\.yg is now account-manager in sales/);
  });
});
