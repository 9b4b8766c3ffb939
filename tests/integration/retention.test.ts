/**
 * Retention (issue 16, point 1): the department manager's due list holds dossiers with no
 * interaction for three years; keep (a new date) and archive take them off it; destroy asks for
 * destruction on the retention path, which a legal hold refuses (journaled) until it is released.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import { setHold, releaseHold } from '../../src-main/core/records/holds';
import { decideRetention, retentionDue } from '../../src-main/core/records/retention';
import type { Session } from '../../src-main/core/session';
import { lastEntries, type TestArchive, type TestPerson } from '../helpers/archive';
import { completeDossier, expectCode, makeDossierArchive, PEOPLE } from '../helpers/dossiers';
import { asPerson } from '../helpers/as-person';

let archive: TestArchive;
beforeEach(async () => {
  archive = await makeDossierArchive();
});
afterEach(() => archive.cleanup());

const as = <T>(p: TestPerson, fn: (s: Session) => Promise<T>): Promise<T> => asPerson(archive, p, fn);

describe('retention', () => {
  it('lists three-year-old dossiers for their department manager, who keeps, archives or asks to destroy them', async () => {
    const numbers = await as(PEOPLE.collector, async (c) => {
      const out: string[] = [];
      for (const name of ['上海华为电子科技有限公司', '北京小米通讯技术有限公司', '深圳腾讯计算机系统有限公司']) {
        const d = await createDossier(c, {
          ...completeDossier({ customerName: name }),
          classification: { grade: 'A', secrecy: 'secret', lifecycle: 'maintained', responsibleManager: PEOPLE.manager.login },
        });
        await fileDossier(c, { number: d.number });
        out.push(d.number);
      }
      return out;
    });
    const [keep, shelve, destroy] = numbers as [string, string, string];
    expect(await as(PEOPLE.deptManager, (s) => retentionDue(s))).toEqual([]);
    archive.clock.advance(3.1 * 365.25 * 86_400_000);
    const due = await as(PEOPLE.deptManager, (s) => retentionDue(s));
    expect(due.map((d) => [d.number, d.reason]).sort()).toEqual(numbers.map((n) => [n, 'three-year']).sort());
    await as(PEOPLE.staff, (s) => expectCode(retentionDue(s), 'denied.notDepartmentManager'));

    const hold = await as(PEOPLE.custodianS, (s) => setHold(s, { name: '合同纠纷', reason: '诉讼', numbers: [destroy] }));
    await as(PEOPLE.deptManager, async (s) => {
      const until = new Date(archive.clock.now().getTime() + 365 * 86_400_000).toISOString();
      await decideRetention(s, { number: keep, decision: 'keep', until });
      await decideRetention(s, { number: shelve, decision: 'archive' });
      await expectCode(decideRetention(s, { number: destroy, decision: 'destroy' }), 'denied.legalHold');
      expect(lastEntries(s)[0]).toMatchObject({ event: 'destruction.request', outcome: 'denied', reason: 'denied.legalHold' });
      expect(JSON.parse(lastEntries(s)[0]!.details)).toMatchObject({ path: 'three-year' });
      expect((await retentionDue(s)).map((d) => d.number)).toEqual([destroy]);
    });
    await as(PEOPLE.custodianS, (s) => releaseHold(s, { id: hold.id }));
    const asked = await as(PEOPLE.deptManager, (s) => decideRetention(s, { number: destroy, decision: 'destroy' }));
    expect(asked.requestId).toBeGreaterThan(0);
  });
});
