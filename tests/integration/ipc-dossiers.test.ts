/**
 * The dossier, copy and review channels through the real router (sender check → strict schema →
 * session → core policy + journal), as the renderer's dossiers pages use them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionManager } from '../../src-main/app/session-manager';
import type { Router } from '../../src-main/ipc/router';
import { lastEntries, type TestArchive } from '../helpers/archive';
import { completeDossier, makeDossierArchive, PEOPLE } from '../helpers/dossiers';
import { APP, ipcHarness, ok, type IpcHarness } from '../helpers/ipc';

let archive: TestArchive;
let manager: SessionManager;
let router: Router;
let harness: IpcHarness;

beforeEach(async () => {
  archive = await makeDossierArchive();
  harness = ipcHarness(archive);
  ({ manager, router } = harness);
});

afterEach(async () => {
  await manager.lock('quit');
  archive.cleanup();
});

const as = (person: { login: string; password: string }) => harness.as(person);

async function filedDossier(): Promise<string> {
  await as(PEOPLE.collector);
  const { number } = await ok<{ number: string }>(router.handle('dossiers:create', completeDossier(), APP));
  await ok(router.handle('dossiers:file', { number }, APP));
  return number;
}

describe('dossier channels', () => {
  it('the archive number is issued by the core: a create request naming one is refused', async () => {
    await as(PEOPLE.collector);
    const result = await router.handle('dossiers:create', { ...completeDossier(), number: 'KH-2026-00001' }, APP);
    expect(result).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(lastEntries(manager.current!)[0]).toMatchObject({ event: 'ipc.refused', reason: 'input.invalid' });
  });

  it('rule 3: an account manager gets the catalogue line from dossiers:search but dossiers:open is refused and journaled', async () => {
    const number = await filedDossier();
    await as(PEOPLE.manager);
    const page = await ok<{ rows: { number: string; secrecy: string }[] }>(router.handle('dossiers:search', { text: '华为' }, APP));
    expect(page.rows.map((r) => r.number)).toContain(number);
    const opened = await router.handle('dossiers:open', { number }, APP);
    expect(opened).toMatchObject({ ok: false, error: { code: 'denied.noContentAccess' } });
    expect(lastEntries(manager.current!)[0]).toMatchObject({ event: 'dossier.open', outcome: 'denied', reason: 'denied.noContentAccess', objectId: number });
    const diff = await router.handle('dossiers:revision', { number, revision: 1 }, APP);
    expect(diff).toMatchObject({ ok: false, error: { code: 'denied.noContentAccess' } });
  });

  it("copies:reissue is the holding department custodian's alone; copies:list shows the lag to anyone with the catalogue", async () => {
    const number = await filedDossier();
    await ok(router.handle('dossiers:update', { number, changes: { basic: { fax: '021-5555-0199' } } }, APP));
    await as(PEOPLE.custodianM);
    expect(await router.handle('copies:reissue', { copyNumber: `${number}-S` }, APP)).toMatchObject({ ok: false, error: { code: 'denied.notCopyCustodian' } });
    await as(PEOPLE.custodianS);
    await ok(router.handle('copies:reissue', { copyNumber: `${number}-S` }, APP));
    await as(PEOPLE.manager);
    const copies = await ok<{ copyNumber: string; lag: number }[]>(router.handle('copies:list', { number }, APP));
    expect(copies.map((c) => [c.copyNumber.slice(-1), c.lag])).toEqual([
      ['C', 1],
      ['M', 1],
      ['S', 0],
    ]);
  });
});
