/**
 * The offline channels through the real router: the renderer never names a path (main's dialogs
 * do), the passphrase is never journaled, and the custodian's return imports the reads.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionManager } from '../../src-main/app/session-manager';
import { readOfflinePackage } from '../../src-main/core/offline';
import type { Router } from '../../src-main/ipc/router';
import { lastEntries, type TestArchive } from '../helpers/archive';
import { completeDossier, makeDossierArchive, PEOPLE } from '../helpers/dossiers';
import { APP, ipcHarness, ok, type IpcHarness } from '../helpers/ipc';

const PASSPHRASE = 'ipc laptop passphrase';

let archive: TestArchive;
let manager: SessionManager;
let router: Router;
let harness: IpcHarness;
let dir: string;
let chosen: string | null;

beforeEach(async () => {
  archive = await makeDossierArchive();
  dir = mkdtempSync(join(tmpdir(), 'triplicate-ipc-offline-'));
  harness = ipcHarness(archive, { chooseSaveFile: async () => chosen, chooseOpenFile: async () => chosen });
  ({ manager, router } = harness);
});

afterEach(async () => {
  await manager.lock('quit');
  archive.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const as = (person: { login: string; password: string }) => harness.as(person);

describe('offline channels', () => {
  it("issue through a save dialog, a request naming a path is refused, and the custodian's return imports the reads", async () => {
    await as(PEOPLE.collector);
    const { number } = await ok<{ number: string }>(router.handle('dossiers:create', completeDossier(), APP));
    await ok(router.handle('dossiers:file', { number }, APP));
    await as(PEOPLE.manager);
    const { card } = await ok<{ card: string }>(
      router.handle(
        'cards:file',
        { copyNumber: `${number}-S`, purpose: '出差拜访', form: 'offline', periodDays: 2, readingPlace: '本人笔记本电脑', acknowledgeNoPublicReading: true },
        APP,
      ),
    );
    await as(PEOPLE.custodianS);
    await ok(router.handle('cards:approve', { card }, APP));

    await as(PEOPLE.manager);
    const out = join(dir, 'pkg.tpkg');
    const named = await router.handle('offline:issue', { card, passphrase: PASSPHRASE, out } as never, APP);
    expect(named).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    chosen = null;
    expect(await ok(router.handle('offline:issue', { card, passphrase: PASSPHRASE }, APP))).toBeNull();
    chosen = out;
    const issued = await ok<{ package: string; file: string }>(router.handle('offline:issue', { card, passphrase: PASSPHRASE }, APP));
    expect(issued.file).toBe(out);
    expect(existsSync(out)).toBe(true);
    const entry = lastEntries(manager.current!)[0]!;
    expect(entry).toMatchObject({ event: 'offline.issue', outcome: 'ok' });
    expect(entry.details).not.toContain(PASSPHRASE);

    archive.clock.advance(60_000);
    await readOfflinePackage({ file: out, passphrase: PASSPHRASE, clock: archive.clock, workstation: 'laptop' });

    await as(PEOPLE.custodianS);
    const returned = await ok<{ imported: number; log: string; loanState: string }>(router.handle('offline:return', { card }, APP));
    expect(returned).toMatchObject({ imported: 1, log: 'intact', loanState: 'returned' });
  });
});
