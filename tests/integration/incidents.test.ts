/**
 * Incidents that reach people and suspension (issue 16, point 7): recording one notifies the direct
 * manager; the register shows the evidence timeline; three marks flag the person for the general
 * manager; suspension blocks every operation of the person at once (in a session already open)
 * and lifting it restores them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchCatalogue } from '../../src-main/core/dossiers/catalogue';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import { listNotifications } from '../../src-main/core/loans/service';
import { flaggedForManagement, incidentRegister, recordIncidentByHand } from '../../src-main/core/records/incidents';
import { liftSuspension, suspendPerson } from '../../src-main/core/records/suspension';
import type { Session } from '../../src-main/core/session';
import { lastEntries, type TestArchive, type TestPerson } from '../helpers/archive';
import { completeDossier, expectCode, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';
import { asPerson } from '../helpers/as-person';

const GM: TestPerson = { login: 'zong.jl', name: '总经理', department: 'key-accounts', rank: 'general-manager', password: 'zong.jl-password-1' };
const SALES_HEAD: TestPerson = { login: 'xs.bz', name: '销售部长', department: 'sales', rank: 'department-manager', password: 'xs.bz-password-1' };

let archive: TestArchive;
beforeEach(async () => {
  archive = await makeDossierArchive();
  await archive.addPerson(GM);
  await archive.addPerson(SALES_HEAD);
});
afterEach(() => archive.cleanup());

const as = <T>(p: TestPerson, fn: (s: Session) => Promise<T>): Promise<T> => asPerson(archive, p, fn);

describe('suspension', () => {
  it('blocks every operation of the person at once and lifting it restores them', async () => {
    const suspect = await unlockAs(archive, PEOPLE.otherManager); // sales, account manager
    try {
      await searchCatalogue(suspect, {});
      // Not the manager of another department, and not staff.
      await as(PEOPLE.deptManager, (s) =>
        expectCode(suspendPerson(s, { login: PEOPLE.otherManager.login, reason: '越权查询' }), 'denied.notDepartmentManager'),
      );
      await as(PEOPLE.staff, (s) => expectCode(suspendPerson(s, { login: PEOPLE.otherManager.login, reason: '越权查询' }), 'denied.notDepartmentManager'));
      await as(SALES_HEAD, async (s) => {
        await suspendPerson(s, { login: PEOPLE.otherManager.login, reason: '发现信息滥用行为' });
        expect(lastEntries(s)[0]).toMatchObject({ event: 'person.suspend', outcome: 'ok' });
      });
      // The open session is refused at once, on any operation, and each refusal is journaled.
      await expectCode(searchCatalogue(suspect, {}), 'denied.suspended');
      expect(lastEntries(suspect)[0]).toMatchObject({ event: 'catalogue.search', outcome: 'denied', reason: 'denied.suspended' });
      await expectCode(listNotifications(suspect, {}), 'denied.suspended');
      await as(GM, (s) => liftSuspension(s, { login: PEOPLE.otherManager.login }));
      await searchCatalogue(suspect, {});
      expect(lastEntries(suspect)[0]).toMatchObject({ event: 'catalogue.search', outcome: 'ok' });
    } finally {
      await suspect.lock();
    }
  });
});

describe('incidents', () => {
  it('recorded by hand notify the direct manager, show the timeline, and three marks flag the person', async () => {
    const collector = await unlockAs(archive, PEOPLE.collector);
    let number: string;
    try {
      number = (await createDossier(collector, completeDossier())).number;
      await fileDossier(collector, { number });
    } finally {
      await collector.lock();
    }
    const copy = `${number}-S`;
    // Staff cannot record incidents.
    await as(PEOPLE.staff, (s) =>
      expectCode(recordIncidentByHand(s, { kind: 'leak', copyNumber: copy, login: PEOPLE.manager.login, description: 'x' }), 'denied.notManagement'),
    );
    const first = await as(PEOPLE.custodianS, (s) =>
      recordIncidentByHand(s, { kind: 'leak', copyNumber: copy, login: PEOPLE.manager.login, description: '客户资料外传至竞争对手' }),
    );
    expect(first).toMatchObject({
      kind: 'leak',
      copyNumber: copy,
      person: { login: PEOPLE.manager.login },
      manager: { login: PEOPLE.deptManager.login },
      marks: 1,
    });
    // The manager's notice (the loans' notification mechanism).
    const notices = await as(PEOPLE.deptManager, (s) => listNotifications(s, {}));
    expect(notices).toContainEqual(expect.objectContaining({ kind: 'incident.recorded', number }));
    // The register's timeline comes from the journal: the dossier's creation and filing, the incident.
    const register = await as(PEOPLE.deptManager, (s) => incidentRegister(s));
    expect(register).toHaveLength(1);
    expect(register[0]!.timeline.map((e) => e.event)).toEqual(expect.arrayContaining(['dossier.create', 'dossier.file']));
    await as(PEOPLE.staff, (s) => expectCode(incidentRegister(s), 'denied.notManagement'));

    expect(await as(GM, (s) => flaggedForManagement(s))).toEqual([]);
    for (const description of ['第二次', '第三次']) {
      await as(SALES_HEAD, (s) => recordIncidentByHand(s, { kind: 'lost', copyNumber: copy, login: PEOPLE.manager.login, description }));
    }
    const flagged = await as(GM, (s) => flaggedForManagement(s));
    expect(flagged).toEqual([expect.objectContaining({ person: { login: PEOPLE.manager.login, name: PEOPLE.manager.name }, marks: 3 })]);
  });
});
