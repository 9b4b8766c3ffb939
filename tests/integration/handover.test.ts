/**
 * Departure handover (issue 16, point 6): after it, the successor and the collector can work on
 * every handed-over dossier; the leaver holds nothing; the checklist lists it all; the account is
 * disabled when the successor and a custodian have both signed. Until then, dossiers of a disabled
 * responsible manager are flagged for the department manager.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDossier, fileDossier, updateDossier } from '../../src-main/core/dossiers/service';
import { approveCard, fileCard } from '../../src-main/core/loans/service';
import { findPersonByLogin } from '../../src-main/core/people/repository';
import { orphanedDossiers, signHandover, startHandover } from '../../src-main/core/records/handover';
import type { Session } from '../../src-main/core/session';
import { lastEntries, type TestArchive, type TestPerson } from '../helpers/archive';
import { completeDossier, expectCode, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';
import { asPerson } from '../helpers/as-person';

const SUCCESSOR: TestPerson = { login: 'li.jl', name: '李经理', department: 'key-accounts', rank: 'account-manager', password: 'li.jl-password-1' };

let archive: TestArchive;
beforeEach(async () => {
  archive = await makeDossierArchive();
  await archive.addPerson(SUCCESSOR);
});
afterEach(() => archive.cleanup());

const as = <T>(p: TestPerson, fn: (s: Session) => Promise<T>): Promise<T> => asPerson(archive, p, fn);

describe('departure handover', () => {
  it('hands every dossier, assignment and loan over, is co-signed, then disables the leaver', async () => {
    const numbers = await as(PEOPLE.collector, async (c) => {
      const out: string[] = [];
      for (const name of ['上海华为电子科技有限公司', '北京小米通讯技术有限公司']) {
        const d = await createDossier(c, completeDossier({ customerName: name }));
        await fileDossier(c, { number: d.number });
        out.push(d.number);
      }
      return out;
    });
    // The leaver (responsible for both) has a loan running.
    const card = await as(PEOPLE.manager, (m) =>
      fileCard(m, {
        copyNumber: `${numbers[0]}-S`,
        purpose: '续约谈判',
        form: 'in-app',
        periodDays: 3,
        readingPlace: '阅览室',
        acknowledgeNoPublicReading: true,
      }),
    );
    await as(PEOPLE.custodianS, (s) => approveCard(s, { card: card.card }));

    // Only the leaver's department manager (or the general manager) starts it.
    await as(PEOPLE.custodianS, (s) =>
      expectCode(startHandover(s, { leaver: PEOPLE.manager.login, successor: SUCCESSOR.login }), 'denied.notDepartmentManager'),
    );
    const handover = await as(PEOPLE.deptManager, async (s) => {
      const h = await startHandover(s, { leaver: PEOPLE.manager.login, successor: SUCCESSOR.login });
      expect(lastEntries(s)[0]).toMatchObject({ event: 'handover.start', outcome: 'ok' });
      return h;
    });
    expect(handover.checklist).toEqual({
      dossiers: [...numbers].sort(),
      collectorAssignments: [],
      loansRecalled: [card.card],
      cardsCancelled: [],
      packagesRevoked: [],
    });
    await as(PEOPLE.deptManager, async (s) => {
      const db = s.archive.db;
      const successor = findPersonByLogin(db, SUCCESSOR.login)!;
      const leaver = findPersonByLogin(db, PEOPLE.manager.login)!;
      expect(db.prepare('SELECT count(*) AS n FROM dossiers WHERE responsible_id = ?').get(successor.id)).toEqual({ n: 2 });
      expect(db.prepare('SELECT count(*) AS n FROM dossiers WHERE responsible_id = ?').get(leaver.id)).toEqual({ n: 0 });
      expect(db.prepare(`SELECT count(*) AS n FROM loans WHERE borrower_id = ? AND state IN ('submitted', 'queued', 'on-loan')`).get(leaver.id)).toEqual({
        n: 0,
      });
    });

    await as(SUCCESSOR, (s) => signHandover(s, { id: handover.id }));
    await as(PEOPLE.staff, (s) => expectCode(signHandover(s, { id: handover.id }), 'denied.notManagement'));
    const done = await as(PEOPLE.custodianC, (s) => signHandover(s, { id: handover.id }));
    expect(done.completedAt).not.toBeNull();
    await expect(unlockAs(archive, PEOPLE.manager)).rejects.toBeTruthy();

    // The collector records updates to the handed-over dossiers; nothing is flagged as orphaned.
    await as(PEOPLE.collector, async (c) => {
      for (const number of numbers) await updateDossier(c, { number, changes: { basic: { phone: '021-8888-0303' } } });
    });
    expect(await as(PEOPLE.deptManager, (s) => orphanedDossiers(s))).toEqual([]);
  });
});
