/**
 * Issue 15 through the real router: the reader's channels work with no archive unlocked (main's
 * open dialog picks the file), a dropped path that is not a package is refused, revoking from the
 * UI goes by card (borrower or custodian, journaled), and a revocation list opened on the laptop
 * closes the package open in the reader and kills its key.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReaderHost } from '../../src-main/app/reader-host';
import type { ReaderEnd } from '../../src-main/contract/ipc-reader';
import { readOfflinePackage } from '../../src-main/core/offline';
import { lastEntries, type TestArchive } from '../helpers/archive';
import { expectCode, makeDossierArchive, PEOPLE } from '../helpers/dossiers';
import { APP, ipcHarness, ok, type IpcHarness } from '../helpers/ipc';
import { issuePackageThroughRouter } from '../helpers/offline-packages';

const PASSPHRASE = 'ipc laptop passphrase';

let archive: TestArchive;
let harness: IpcHarness;
let reader: ReaderHost;
let dir: string;
let chosen: string | null;
let saved: string | null;
const closed: ReaderEnd[] = [];

beforeEach(async () => {
  archive = await makeDossierArchive();
  archive.clock.set(new Date());
  dir = mkdtempSync(join(tmpdir(), 'triplicate-ipc-reader-'));
  closed.length = 0;
  reader = new ReaderHost({
    stateDir: join(dir, 'laptop-state'),
    clock: archive.clock,
    workstation: 'laptop-zhang',
    idleSource: { idleSeconds: () => 0 },
    onClosed: (r) => closed.push(r),
  });
  harness = ipcHarness(archive, { chooseSaveFile: async () => saved, chooseOpenFile: async () => chosen, reader });
});

afterEach(async () => {
  reader.close('quit');
  await harness.manager.lock('quit');
  archive.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const issuedPackage = () => issuePackageThroughRouter(harness, { passphrase: PASSPHRASE, folder: dir, saveTo: (path) => (saved = path) });

describe('the reader channels and revocation from the UI', () => {
  it('the reader opens a package with no archive unlocked; a list opened on the laptop closes it and kills its key', async () => {
    const { router } = harness;
    const pkg = await issuedPackage();
    await harness.manager.lock('user');
    expect(harness.manager.current).toBeNull();

    expect(await router.handle('reader:open', { passphrase: PASSPHRASE }, APP)).toMatchObject({ ok: false, error: { code: 'offline.notOpen' } });
    const notPackage = join(dir, 'notes.txt');
    writeFileSync(notPackage, 'not a package');
    expect(await router.handle('reader:drop', { file: notPackage }, APP)).toMatchObject({ ok: false, error: { code: 'offline.foreign' } });

    chosen = pkg.file;
    expect(await ok(router.handle('reader:choose', {}, APP))).toMatchObject({ dossierNumber: pkg.number, card: pkg.card, destroyed: false });
    expect(await router.handle('reader:open', { passphrase: 'wrong passphrase!' }, APP)).toMatchObject({
      ok: false,
      error: { code: 'offline.wrongPassphrase' },
    });
    const opened = await ok<{ allowCopyOut: boolean; reader: { name: string } }>(router.handle('reader:open', { passphrase: PASSPHRASE }, APP));
    expect(opened).toMatchObject({ allowCopyOut: false, reader: { name: PEOPLE.manager.name } });
    const shown = await ok<{ dossier: { content: Record<string, unknown> } }>(router.handle('reader:show', { section: 'keyPersons' }, APP));
    expect(JSON.stringify(shown.dossier.content)).toContain('李明');
    // A widened request is refused by the schema.
    expect(await router.handle('reader:show', { section: 'keyPersons', file: '/etc/passwd' }, APP)).toMatchObject({
      ok: false,
      error: { code: 'input.invalid' },
    });

    // The custodian revokes from the desk (by card); the borrower exports the list.
    await harness.as(PEOPLE.custodianS);
    await ok(router.handle('offline:revoke', { card: pkg.card, reason: '笔记本电脑遗失' }, APP));
    expect(lastEntries(harness.manager.current!)[0]).toMatchObject({ event: 'offline.revoke', outcome: 'ok', objectType: 'package' });
    await harness.as(PEOPLE.manager);
    saved = join(dir, 'revocations.json');
    expect(await ok(router.handle('offline:revocations', {}, APP))).toMatchObject({ count: 1 });
    await harness.manager.lock('user');

    // On the laptop: the list is opened in the reader; the open package closes and dies.
    chosen = saved;
    expect(await ok(router.handle('reader:revocations', {}, APP))).toMatchObject({ closedOpen: true, list: { packages: 1 } });
    expect(closed).toContain('revoked');
    expect(reader.isOpen).toBe(false);
    expect(await router.handle('reader:show', { section: 'basic' }, APP)).toMatchObject({ ok: false, error: { code: 'offline.notOpen' } });
    await expectCode(readOfflinePackage({ file: pkg.file, passphrase: PASSPHRASE, clock: archive.clock }), 'offline.destroyed');
    expect(await ok(router.handle('reader:status', {}, APP))).toMatchObject({ lists: [{ packages: 1 }] });
  });

  it("someone else cannot revoke a borrower's package from the UI (refused and journaled)", async () => {
    const { router } = harness;
    const pkg = await issuedPackage();
    await harness.as(PEOPLE.otherManager);
    expect(await router.handle('offline:revoke', { card: pkg.card, reason: '试图吊销' }, APP)).toMatchObject({
      ok: false,
      error: { code: 'denied.notCustodian' },
    });
    expect(lastEntries(harness.manager.current!)[0]).toMatchObject({ event: 'offline.revoke', outcome: 'denied' });
    // The borrower may: a lost laptop only narrows their own access.
    await harness.as(PEOPLE.manager);
    await ok(router.handle('offline:revoke', { card: pkg.card, reason: '笔记本电脑遗失' }, APP));
  });
});
