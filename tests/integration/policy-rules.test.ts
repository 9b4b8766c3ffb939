/**
 * Each rule of the policy that the archive core enforces, named after the rule, asserting both the
 * refusal and the journal entry it leaves (domain.md: every refusal journaled).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveError } from '../../src-main/core/errors';
import { verifyArchiveJournal } from '../../src-main/core/journal/service';
import { addDepartment, addPerson, changeOwnPassword, disablePerson, listPeople, resetPassword, setDuties } from '../../src-main/core/people/service';
import { can } from '../../src-main/core/policy';
import type { Session } from '../../src-main/core/session';
import { updateSettings } from '../../src-main/core/settings/service';
import { rekey } from '../../src-main/core/vault/rekey';
import { ADMIN, lastEntries, makeArchive, type TestArchive } from '../helpers/archive';
import { asPerson } from '../helpers/as-person';

const CUSTODIAN = { login: 'li.si', name: '李四', department: 'sales', rank: 'staff' as const, duties: ['custodian' as const], password: 'li-password-001' };
const AUDITOR = { login: 'wang.wu', name: '王五', department: 'audit', rank: 'staff' as const, duties: ['auditor' as const], password: 'wang-password-01' };
const MANAGER = { login: 'zhang.san', name: '张三', department: 'key-accounts', rank: 'account-manager' as const, password: 'zhang-password-1' };

let archive: TestArchive;
beforeAll(async () => {
  archive = await makeArchive();
  for (const p of [CUSTODIAN, AUDITOR, MANAGER]) await archive.addPerson(p);
});
afterAll(() => archive.cleanup());

const as = <T>(who: { login: string; password: string }, body: (s: Session) => Promise<T>): Promise<T> => asPerson(archive, who, body);

/** Runs `attempt`, expects the refusal `code`, and returns the journal entry it left. */
async function refused(session: Session, attempt: () => Promise<unknown>, code: string) {
  await expect(attempt()).rejects.toSatisfy((e: unknown) => e instanceof ArchiveError && e.code === code);
  return lastEntries(session, 1)[0]!;
}

describe('administration is the administrator’s alone', () => {
  it('only an administrator may add people', () =>
    as(CUSTODIAN, async (s) => {
      const entry = await refused(s, () => addPerson(s, { ...MANAGER, login: 'intruder', password: 'intruder-pass-1' }), 'denied.notAdmin');
      expect(entry).toMatchObject({ event: 'person.add', outcome: 'denied', reason: 'denied.notAdmin', actorName: CUSTODIAN.name });
      expect(JSON.parse(entry.details)).toMatchObject({ login: 'intruder' });
    }));

  it('only an administrator may list, disable, reset or change duties of people', () =>
    as(MANAGER, async (s) => {
      expect(await refused(s, () => listPeople(s), 'denied.notAdmin')).toMatchObject({ event: 'person.list', outcome: 'denied' });
      expect(await refused(s, () => disablePerson(s, CUSTODIAN.login), 'denied.notAdmin')).toMatchObject({ event: 'person.disable', outcome: 'denied' });
      expect(await refused(s, () => setDuties(s, { login: MANAGER.login, duties: ['admin'] }), 'denied.notAdmin')).toMatchObject({
        event: 'person.setDuties',
        outcome: 'denied',
      });
      expect(await refused(s, () => resetPassword(s, ADMIN.login, 'taken-over-pass-1'), 'denied.resetNeedsApproval')).toMatchObject({
        event: 'person.resetPassword',
        outcome: 'denied',
      });
    }));

  it('only an administrator may rekey, add departments or change settings', () =>
    as(AUDITOR, async (s) => {
      expect(await refused(s, () => rekey(s), 'denied.notAdmin')).toMatchObject({ event: 'vault.rekey', outcome: 'denied' });
      expect(await refused(s, () => addDepartment(s, { code: 'legal', nameZh: '法务部', nameEn: 'Legal' }), 'denied.notAdmin')).toMatchObject({
        event: 'department.add',
        outcome: 'denied',
      });
      expect(await refused(s, () => updateSettings(s, { idleLockMinutes: 60 }), 'denied.notAdmin')).toMatchObject({
        event: 'settings.update',
        outcome: 'denied',
      });
    }));
});

describe('the journal is the auditors’', () => {
  it('the administrator cannot verify or read the journal', () =>
    as(ADMIN, async (s) => {
      expect(await refused(s, () => verifyArchiveJournal(s), 'denied.notAuditor')).toMatchObject({
        event: 'journal.verify',
        outcome: 'denied',
        actorName: ADMIN.name,
      });
      expect(can(s.actor, 'journal.read')).toEqual({ allowed: false, reason: 'denied.notAuditor' });
      expect(can(s.actor, 'journal.export')).toEqual({ allowed: false, reason: 'denied.notAuditor' });
    }));

  it('an auditor verifies the journal, and the verification is itself an entry', () =>
    as(AUDITOR, async (s) => {
      const report = await verifyArchiveJournal(s);
      expect(report.ok).toBe(true);
      expect(lastEntries(s, 1)[0]).toMatchObject({ event: 'journal.verify', outcome: 'ok', actorDuty: 'auditor' });
    }));
});

describe('separation of duties (三员分立)', () => {
  it('administrator, custodian and auditor are never the same person — on add', () =>
    as(ADMIN, async (s) => {
      const entry = await refused(
        s,
        () =>
          addPerson(s, { login: 'two.hats', name: '双职', department: 'sales', rank: 'staff', duties: ['custodian', 'auditor'], password: 'two-hats-pass-1' }),
        'person.dutyConflict',
      );
      expect(entry).toMatchObject({ event: 'person.add', outcome: 'error', reason: 'person.dutyConflict' });
    }));

  it('administrator, custodian and auditor are never the same person — on changing duties', () =>
    as(ADMIN, async (s) => {
      const entry = await refused(s, () => setDuties(s, { login: CUSTODIAN.login, duties: ['custodian', 'auditor'] }), 'person.dutyConflict');
      expect(entry).toMatchObject({ event: 'person.setDuties', outcome: 'error', reason: 'person.dutyConflict' });
      // The administrator cannot make themselves an auditor either.
      await refused(s, () => setDuties(s, { login: ADMIN.login, duties: ['admin', 'auditor'] }), 'person.dutyConflict');
    }));

  it('a custodian belongs to a department that holds a copy', () =>
    as(ADMIN, async (s) => {
      const entry = await refused(s, () => setDuties(s, { login: MANAGER.login, duties: ['custodian'] }), 'person.custodianNeedsHoldingDepartment');
      expect(entry).toMatchObject({ outcome: 'error', reason: 'person.custodianNeedsHoldingDepartment' });
    }));

  it('the last administrator cannot be disabled or lose the duty, and no one disables themselves', () =>
    as(ADMIN, async (s) => {
      expect(await refused(s, () => disablePerson(s, ADMIN.login), 'person.self')).toMatchObject({ event: 'person.disable', outcome: 'error' });
      expect(await refused(s, () => setDuties(s, { login: ADMIN.login, duties: [] }), 'person.lastAdmin')).toMatchObject({
        event: 'person.setDuties',
        outcome: 'error',
        reason: 'person.lastAdmin',
      });
    }));
});

describe('people and passwords', () => {
  it('a person may change only their own password', () =>
    as(MANAGER, async (s) => {
      expect(can(s.actor, 'person.changeOwnPassword', { personId: 'someone-else' })).toEqual({ allowed: false, reason: 'denied.notSelf' });
      await changeOwnPassword(s, 'zhang-password-2');
      expect(lastEntries(s, 1)[0]).toMatchObject({ event: 'person.changeOwnPassword', outcome: 'ok', objectId: s.actor.id });
      await changeOwnPassword(s, MANAGER.password);
    }));

  it('a short password is refused with the minimum named', () =>
    as(MANAGER, async (s) => {
      await expect(changeOwnPassword(s, 'short')).rejects.toMatchObject({ code: 'person.weakPassword', params: { min: 10 } });
      expect(lastEntries(s, 1)[0]).toMatchObject({ event: 'person.changeOwnPassword', outcome: 'error', reason: 'person.weakPassword' });
    }));

  it('malformed input is refused, journaled, and changes nothing', () =>
    as(ADMIN, async (s) => {
      const before = (await listPeople(s)).length;
      const entry = await refused(
        s,
        () => addPerson(s, { login: 'bad login!', name: '', department: 'sales', rank: 'emperor', password: 'x' }),
        'input.invalid',
      );
      expect(entry).toMatchObject({ event: 'person.add', outcome: 'error', reason: 'input.invalid' });
      expect(JSON.parse(entry.details).detail).toMatch(/login/);
      expect((await listPeople(s)).length).toBe(before);
    }));

  it('a person disabled while signed in can do nothing more, and the refusal is journaled', async () => {
    const temp = { login: 'temp.staff', name: '临时', department: 'sales', rank: 'account-manager' as const, password: 'temp-password-1' };
    await archive.addPerson(temp);
    const theirs = await archive.unlock(temp.login, temp.password);
    await as(ADMIN, (s) => disablePerson(s, temp.login));
    // Their still-open session (another workstation) is refused at its next call.
    await expect(changeOwnPassword(theirs, 'another-pass-1')).rejects.toMatchObject({ code: 'denied.disabled' });
    expect(lastEntries(theirs, 1)[0]).toMatchObject({ event: 'person.changeOwnPassword', outcome: 'denied', reason: 'denied.disabled' });
    await theirs.lock();
    await expect(archive.unlock(temp.login, temp.password)).rejects.toMatchObject({ code: 'vault.wrongPassword' });
  });
});
