/**
 * The three copies (一式三份): made at filing, lagging after every revision until their own
 * department's custodian re-issues them, lost copies recorded with a reason, and the cover sheet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySheet, listCopies, recordLostCopy, reissueCopy } from '../../src-main/core/copies/service';
import { createDossier, fileDossier, updateDossier } from '../../src-main/core/dossiers/service';
import { searchCatalogue } from '../../src-main/core/dossiers/catalogue';
import type { Session } from '../../src-main/core/session';
import { lastEntries, type TestArchive } from '../helpers/archive';
import { completeDossier, expectCode, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';

let archive: TestArchive;
let collector: Session;
let custodianS: Session;
let custodianM: Session;
beforeAll(async () => {
  archive = await makeDossierArchive();
  collector = await unlockAs(archive, PEOPLE.collector);
  custodianS = await unlockAs(archive, PEOPLE.custodianS);
  custodianM = await unlockAs(archive, PEOPLE.custodianM);
});
afterAll(async () => {
  for (const s of [collector, custodianS, custodianM]) await s.lock();
  archive.cleanup();
});

async function filedDossier(): Promise<string> {
  const draft = await createDossier(collector, completeDossier());
  await fileDossier(collector, { number: draft.number });
  return draft.number;
}

describe('three copies', () => {
  it('filing makes one copy per holding department, each with its custodian, shelf and the filed revision', async () => {
    const number = await filedDossier();
    const copies = await listCopies(custodianS, { number });
    expect(copies.map((c) => [c.copyNumber, c.department, c.state, c.revision, c.lag, c.custodian?.login])).toEqual([
      [`${number}-C`, 'customer-service', 'in-custody', 1, 0, PEOPLE.custodianC.login],
      [`${number}-M`, 'marketing', 'in-custody', 1, 0, PEOPLE.custodianM.login],
      [`${number}-S`, 'sales', 'in-custody', 1, 0, PEOPLE.custodianS.login],
    ]);
    expect(copies.every((c) => c.shelf.length > 0)).toBe(true);
  });

  it('all three copies lag by one after an edit until re-issued by the right custodian; a custodian of another department is refused', async () => {
    const number = await filedDossier();
    await updateDossier(collector, { number, changes: { basic: { fax: '021-5555-0199' } } });
    expect((await listCopies(custodianS, { number })).map((c) => c.lag)).toEqual([1, 1, 1]);

    // The marketing custodian may not re-issue the sales copy.
    await expectCode(reissueCopy(custodianM, { copyNumber: `${number}-S` }), 'denied.notCopyCustodian');
    expect(lastEntries(custodianM)[0]).toMatchObject({
      event: 'copy.reissue',
      outcome: 'denied',
      reason: 'denied.notCopyCustodian',
      objectType: 'copy',
      objectId: `${number}-S`,
    });
    // Nor may a collector, who is no custodian at all.
    await expectCode(reissueCopy(collector, { copyNumber: `${number}-S` }), 'denied.notCustodian');

    const reissued = await reissueCopy(custodianS, { copyNumber: `${number}-S`, shelf: 'S-A-01' });
    expect(reissued).toMatchObject({ revision: 2, lag: 0, state: 'in-custody', shelf: 'S-A-01', custodian: { login: PEOPLE.custodianS.login } });
    const [entry] = lastEntries(custodianS);
    expect(entry).toMatchObject({ event: 'copy.reissue', outcome: 'ok', actorDuty: 'custodian', objectId: `${number}-S` });
    expect(JSON.parse(entry!.details)).toMatchObject({ fromRevision: 1, toRevision: 2, lagBefore: 1 });
    expect((await listCopies(custodianS, { number })).map((c) => [c.copyNumber.slice(-1), c.lag])).toEqual([
      ['C', 1],
      ['M', 1],
      ['S', 0],
    ]);
  });

  it('a lost copy is recorded by its custodian with a reason, and can be replaced by re-issue', async () => {
    const number = await filedDossier();
    await expectCode(recordLostCopy(custodianS, { copyNumber: `${number}-M`, reason: '搬迁时遗失' }), 'denied.notCopyCustodian');
    await expectCode(recordLostCopy(custodianM, { copyNumber: `${number}-M`, reason: '' }), 'input.invalid');
    expect(lastEntries(custodianM)[0]).toMatchObject({ event: 'copy.lost', outcome: 'error', reason: 'input.invalid' });
    const lost = await recordLostCopy(custodianM, { copyNumber: `${number}-M`, reason: '搬迁时遗失' });
    expect(lost).toMatchObject({ state: 'lost', lostReason: '搬迁时遗失' });
    expect(lastEntries(custodianM)[0]).toMatchObject({ event: 'copy.lost', outcome: 'ok', objectId: `${number}-M` });
    await expectCode(recordLostCopy(custodianM, { copyNumber: `${number}-M`, reason: '再次' }), 'copy.notLosable');
    // The catalogue no longer counts it among marketing's holdings...
    expect((await searchCatalogue(custodianM, { text: number, holdingDepartment: 'marketing' })).total).toBe(0);
    expect((await searchCatalogue(custodianM, { text: number, holdingDepartment: 'sales' })).total).toBe(1);
    const replaced = await reissueCopy(custodianM, { copyNumber: `${number}-M` });
    expect(replaced).toMatchObject({ state: 'in-custody', lostReason: null });
    // ...until it is replaced.
    expect((await searchCatalogue(custodianM, { text: number, holdingDepartment: 'marketing' })).total).toBe(1);
  });

  it('a printed copy sheet carries copy number, revision, custodian, date and the secrecy mark', async () => {
    const number = await filedDossier();
    const sheet = await copySheet(custodianS, { copyNumber: `${number}-S` });
    expect(sheet).toMatchObject({
      copyNumber: `${number}-S`,
      number,
      revision: 1,
      custodian: { login: PEOPLE.custodianS.login },
      department: { code: 'sales', nameZh: '销售部' },
      secrecy: 'secret',
      secrecyMark: { en: '★ Secret', 'zh-CN': '★ 秘密' },
    });
    expect(sheet.issuedAt).toBe(archive.clock.now().toISOString());
    expect(lastEntries(custodianS)[0]).toMatchObject({ event: 'copy.sheet', outcome: 'ok' });
  });
});
