/**
 * The renderer learns what a person may do from the core (the actor's `may`, a catalogue line's
 * `mayWrite`), and exports ask for their file only after the core has allowed them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActorView, ListedPerson } from '../../src-main/contract/people';
import type { CataloguePage, CopyRow } from '../../src-main/contract/dossiers';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import { exportRegisterChoosing } from '../../src-main/core/loans/service';
import { exportDestructionRecordChoosing } from '../../src-main/core/records/record-export';
import { backupArchiveChoosing } from '../../src-main/core/vault/backup';
import { ADMIN, lastEntries, type TestArchive } from '../helpers/archive';
import { completeDossier, expectCode, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';
import { APP, ipcHarness, ok, type IpcHarness } from '../helpers/ipc';
import { findRuleRestatements } from '../helpers/renderer-rules';

let archive: TestArchive;
let harness: IpcHarness;
let number: string;

beforeAll(async () => {
  archive = await makeDossierArchive();
  harness = ipcHarness(archive);
  const collector = await unlockAs(archive, PEOPLE.collector);
  number = (await createDossier(collector, completeDossier())).number;
  await collector.lock();
}, 300_000);
afterAll(async () => {
  await harness.manager.lock('quit');
  archive.cleanup();
});

const unlock = (who: { login: string; password: string }) =>
  ok<ActorView>(harness.router.handle('session:unlock', { folder: archive.folder, login: who.login, password: who.password }, APP));

describe('one source of permissions', () => {
  it('the actor view carries what the policy allows, for each duty', async () => {
    await harness.manager.lock('user');
    expect((await unlock(PEOPLE.collector)).may).toEqual({
      createDossiers: true,
      fileCards: false,
      seeCatalogue: true,
      readJournal: false,
      administer: false,
      fileVisitReports: false,
      spotCheckVisitReports: false,
      approvePlans: false,
      keepPlans: false,
      seeRegister: false,
      keepCopies: false,
      seeRecords: false,
      requestDestruction: false,
      manageDepartment: false,
      setHolds: false,
      recordIncidents: false,
      seeIncidentRegister: false,
      seeHandovers: false,
      backUp: false,
      seeCompliance: false,
      checkLeads: false,
      seeAssignedReviews: true,
      approveResets: false,
      seeFlagged: false,
      queryAnalytics: false,
    });
    await harness.manager.lock('user');
    expect((await unlock(PEOPLE.manager)).may).toEqual({
      createDossiers: true,
      fileCards: true,
      seeCatalogue: true,
      readJournal: false,
      administer: false,
      fileVisitReports: true,
      spotCheckVisitReports: false,
      approvePlans: false,
      keepPlans: false,
      seeRegister: false,
      keepCopies: false,
      seeRecords: false,
      requestDestruction: false,
      manageDepartment: false,
      setHolds: false,
      recordIncidents: false,
      seeIncidentRegister: false,
      seeHandovers: true,
      backUp: false,
      seeCompliance: false,
      checkLeads: true,
      seeAssignedReviews: false,
      approveResets: false,
      seeFlagged: false,
      queryAnalytics: false,
    });
    await harness.manager.lock('user');
    expect((await unlock(PEOPLE.custodianS)).may).toMatchObject({
      createDossiers: false,
      seeCatalogue: true,
      administer: false,
      seeRegister: true,
      keepCopies: true,
      seeRecords: true,
      requestDestruction: true,
      manageDepartment: false,
      setHolds: true,
      recordIncidents: true,
      seeIncidentRegister: false,
      seeHandovers: true,
      backUp: false,
      checkLeads: false,
    });
    await harness.manager.lock('user');
    expect((await unlock(ADMIN)).may).toEqual({
      createDossiers: false,
      fileCards: false,
      seeCatalogue: false,
      readJournal: false,
      administer: true,
      fileVisitReports: false,
      spotCheckVisitReports: false,
      approvePlans: false,
      keepPlans: false,
      seeRegister: false,
      keepCopies: false,
      seeRecords: false,
      requestDestruction: false,
      manageDepartment: false,
      setHolds: false,
      recordIncidents: false,
      seeIncidentRegister: false,
      seeHandovers: false,
      backUp: true,
      seeCompliance: false,
      checkLeads: false,
      seeAssignedReviews: false,
      approveResets: false,
      seeFlagged: false,
      queryAnalytics: false,
    });
    expect(await ok<ActorView | null>(harness.router.handle('session:current', undefined, APP))).toMatchObject({ may: { administer: true } });
  });

  it('a catalogue line says whether the searcher is one of its writers', async () => {
    const rowFor = async (who: { login: string; password: string }) => {
      await harness.manager.lock('user');
      await unlock(who);
      const page = await ok<CataloguePage>(harness.router.handle('dossiers:search', { text: number }, APP));
      return page.rows.find((r) => r.number === number)!;
    };
    expect((await rowFor(PEOPLE.collector)).mayWrite).toBe(true);
    expect((await rowFor(PEOPLE.manager)).mayWrite).toBe(true);
    expect((await rowFor(PEOPLE.otherCollector)).mayWrite).toBe(false);
    expect((await rowFor(PEOPLE.otherManager)).mayWrite).toBe(false);
    expect((await rowFor(PEOPLE.custodianC)).mayWrite).toBe(false);
  });

  it('the register export asks for its file only once the core has allowed it', async () => {
    let asked = 0;
    const out = join(archive.folder, '..', 'register-choosing.csv');
    const choose = (answer: string | null) => async () => {
      asked++;
      return answer;
    };
    const refused = await unlockAs(archive, PEOPLE.custodianM);
    await expectCode(exportRegisterChoosing(refused, { department: 'sales' }, choose(out)), 'denied.notCopyCustodian');
    expect(asked).toBe(0);
    expect(lastEntries(refused)[0]).toMatchObject({ event: 'loan.registerExport', outcome: 'denied', reason: 'denied.notCopyCustodian' });
    await refused.lock();

    const custodian = await unlockAs(archive, PEOPLE.custodianS);
    expect(await exportRegisterChoosing(custodian, { department: 'sales' }, choose(null))).toEqual({ file: null, count: 0 });
    expect(asked).toBe(1);
    expect(existsSync(out)).toBe(false);
    const closed = lastEntries(custodian)[0]!;
    expect(closed).toMatchObject({ event: 'loan.registerExport', outcome: 'ok' });
    expect(JSON.parse(closed.details)).toMatchObject({ cancelled: 'dialog' });

    const written = await exportRegisterChoosing(custodian, { department: 'sales' }, choose(out));
    expect(asked).toBe(2);
    expect(written).toEqual({ file: out, count: 0 });
    expect(readFileSync(out, 'utf8').charCodeAt(0)).toBe(0xfeff);
    await custodian.lock();
  });

  it('the backup and the destruction record ask for their file only once the core has allowed them', async () => {
    let asked = 0;
    const choose = (answer: string | null) => async () => {
      asked++;
      return answer;
    };
    const backupFile = join(archive.folder, '..', 'choosing.tbk');
    const recordFile = join(archive.folder, '..', 'choosing-record.csv');

    const custodian = await unlockAs(archive, PEOPLE.custodianS);
    await expectCode(backupArchiveChoosing(custodian, choose(backupFile)), 'denied.notAdmin');
    expect(asked).toBe(0);
    expect(lastEntries(custodian)[0]).toMatchObject({ event: 'vault.backup', outcome: 'denied', reason: 'denied.notAdmin' });
    expect(await exportDestructionRecordChoosing(custodian, choose(null))).toBeNull();
    expect(asked).toBe(1);
    expect(JSON.parse(lastEntries(custodian)[0]!.details)).toMatchObject({ cancelled: 'dialog' });
    expect(await exportDestructionRecordChoosing(custodian, choose(recordFile))).toEqual({ file: recordFile, lines: 0 });
    expect(asked).toBe(2);
    expect(readFileSync(recordFile, 'utf8').charCodeAt(0)).toBe(0xfeff);
    await custodian.lock();

    const collector = await unlockAs(archive, PEOPLE.collector);
    await expectCode(exportDestructionRecordChoosing(collector, choose(recordFile)), 'denied.notManagement');
    expect(asked).toBe(2);
    await collector.lock();

    const admin = await archive.unlock(ADMIN.login, ADMIN.password);
    expect(await backupArchiveChoosing(admin, choose(null))).toBeNull();
    expect(asked).toBe(3);
    expect(existsSync(backupFile)).toBe(false);
    const report = await backupArchiveChoosing(admin, choose(backupFile));
    expect(asked).toBe(4);
    expect(report).toMatchObject({ file: backupFile });
    expect(existsSync(backupFile)).toBe(true);
    await admin.lock();
  });

  it('the dashboard lists and each copy row come from the core, person by person', async () => {
    await harness.manager.lock('user');
    expect((await unlock(PEOPLE.deptManager)).may).toMatchObject({ seeAssignedReviews: false, approveResets: true, seeFlagged: false, fileCards: true });
    await harness.manager.lock('user');
    expect((await unlock(PEOPLE.staff)).may).toMatchObject({ seeAssignedReviews: false, approveResets: false, seeFlagged: false, fileCards: false });

    const collector = await unlockAs(archive, PEOPLE.collector);
    const filed = (await createDossier(collector, completeDossier())).number;
    await fileDossier(collector, { number: filed });
    await collector.lock();
    const keptBy = async (who: { login: string; password: string }) => {
      await harness.manager.lock('user');
      await unlock(who);
      const rows = await ok<CopyRow[]>(harness.router.handle('copies:list', { number: filed }, APP));
      expect(rows).toHaveLength(3);
      return rows.filter((r) => r.mayKeep).map((r) => r.copyNumber);
    };
    // The sales copy is the sales custodian's alone; the collector keeps none.
    expect(await keptBy(PEOPLE.custodianS)).toEqual([`${filed}-S`]);
    expect(await keptBy(PEOPLE.collector)).toEqual([]);
  });

  it('the renderer compares no rank, duty or department of the signed-in person', () => {
    const root = join(__dirname, '..', '..', 'src-renderer');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f));
    const found = files.flatMap((f) => findRuleRestatements(readFileSync(join(root, f), 'utf8'), relative(root, join(root, f))));
    expect(found).toEqual([]);
  });

  it('the restatement finder sees a rule however it is written', () => {
    const source = [
      "const gm = actor.rank === 'general-manager';",
      "const a = actor.duties.includes('auditor');",
      'const mine = (c: { department: string }) => c.department !== actor.department;',
      "const m = rankAtLeast(actor.rank, 'department-manager');",
      'const fine = actor.may.keepCopies && rank(actor.rank);',
    ].join('\n');
    expect(findRuleRestatements(source, 'x.tsx').map((f) => f.split(':')[1])).toEqual(['1', '2', '3', '4']);
    expect(ts.version).toBeTruthy();
  });

  it("the restatement finder sees a rule about a listed person's row, not a form's own choice", () => {
    const source = [
      "const resettable = !person.duties.includes('admin');",
      "const top = row.rank === 'general-manager';",
      "const hint = duties.includes('custodian');",
      'const shown = <DutyTags duties={person.duties} />;',
      'const fine = !person.mayRequestReset;',
    ].join('\n');
    expect(findRuleRestatements(source, 'y.tsx').map((f) => f.split(':')[1])).toEqual(['1', '2']);
  });

  it('the actor view carries the pages the core opens for them', async () => {
    await harness.manager.lock('user');
    expect((await unlock(PEOPLE.custodianS)).pages).toEqual(['dashboard', 'dossiers', 'loans', 'records', 'visits', 'plans', 'relations', 'leads']);
    await harness.manager.lock('user');
    expect((await unlock(ADMIN)).pages).toEqual(['dashboard', 'dossiers', 'loans', 'people', 'settings']);
  });

  it('each listed person says whether the viewer may ask for their reset, decided by the core', async () => {
    await harness.manager.lock('user');
    await unlock(ADMIN);
    const people = await ok<ListedPerson[]>(harness.router.handle('people:list', undefined, APP));
    const may = Object.fromEntries(people.map((p) => [p.login, p.mayRequestReset]));
    // Not oneself, not another administrator (their password stays with the recovery key); anyone else active.
    expect(may[ADMIN.login]).toBe(false);
    expect(may[PEOPLE.collector.login]).toBe(true);
    expect(may[PEOPLE.custodianS.login]).toBe(true);
    expect(people.filter((p) => p.duties.includes('admin')).every((p) => !p.mayRequestReset)).toBe(true);
    // What the row says is what the request meets.
    const refused = await harness.router.handle('people:resetPassword', { login: ADMIN.login }, APP);
    expect(refused).toMatchObject({ ok: false, error: { code: 'denied.resetOwnPassword' } });
  });
});
