/**
 * A double-clicked package reaches the reader (issue 15), end to end without Electron: the handoff
 * gives the path to the reader host, which tells the renderer a package waits; `reader:waiting`
 * through the real router chooses it (once), and the package opens with its passphrase and shows
 * a section, logged, with no archive unlocked. A handed file that is not a package is refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PackageHandoff } from '../../src-main/app/package-handoff';
import { ReaderHost } from '../../src-main/app/reader-host';
import type { TestArchive } from '../helpers/archive';
import { makeDossierArchive, PEOPLE } from '../helpers/dossiers';
import { APP, ipcHarness, ok, type IpcHarness } from '../helpers/ipc';
import { issuePackageThroughRouter } from '../helpers/offline-packages';

const PASSPHRASE = 'handoff laptop passphrase';

let archive: TestArchive;
let harness: IpcHarness;
let reader: ReaderHost;
let dir: string;
let saved: string | null;
let waitings = 0;

beforeEach(async () => {
  archive = await makeDossierArchive();
  archive.clock.set(new Date());
  dir = mkdtempSync(join(tmpdir(), 'triplicate-reader-handoff-'));
  waitings = 0;
  reader = new ReaderHost({
    stateDir: join(dir, 'laptop-state'),
    clock: archive.clock,
    workstation: 'laptop-zhang',
    idleSource: { idleSeconds: () => 0 },
    onClosed: () => {},
    onWaiting: () => waitings++,
  });
  harness = ipcHarness(archive, { chooseSaveFile: async () => saved, reader });
});

afterEach(async () => {
  reader.close('quit');
  await harness.manager.lock('quit');
  archive.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('a double-clicked package', () => {
  it('waits in main, is taken once through reader:waiting and opens in the reader with no archive', async () => {
    const { router } = harness;
    const { card, number } = await issuePackageThroughRouter(harness, { passphrase: PASSPHRASE, folder: dir, saveTo: (path) => (saved = path) });
    await harness.manager.lock('user');

    // The launch's argv names the package (relative to the shell's folder); the reader attaches later.
    const handoff = new PackageHandoff();
    handoff.offerArgv(['/opt/Triplicate/triplicate', `${card}.tpkg`], dir);
    expect(await ok(router.handle('reader:waiting', {}, APP))).toBeNull();
    handoff.attach(reader);
    expect(waitings).toBe(1);

    expect(await ok(router.handle('reader:waiting', {}, APP))).toMatchObject({ dossierNumber: number, card, destroyed: false });
    // Taken once: asking again finds nothing.
    expect(await ok(router.handle('reader:waiting', {}, APP))).toBeNull();
    const opened = await ok<{ reader: { name: string } }>(router.handle('reader:open', { passphrase: PASSPHRASE }, APP));
    expect(opened.reader.name).toBe(PEOPLE.manager.name);
    const shown = await ok<{ dossier: { content: Record<string, unknown> } }>(router.handle('reader:show', { section: 'keyPersons' }, APP));
    expect(JSON.stringify(shown.dossier.content)).toContain('李明');
    expect(reader.isOpen).toBe(true);

    // macOS open-file with something that is not a package: refused when taken, and the open package stays open.
    const notPackage = join(dir, 'notes.tpkg');
    writeFileSync(notPackage, 'not a package');
    handoff.offer(notPackage);
    expect(waitings).toBe(2);
    expect(await router.handle('reader:waiting', {}, APP)).toMatchObject({ ok: false, error: { code: 'offline.foreign' } });
    expect(reader.isOpen).toBe(true);
  });
});
