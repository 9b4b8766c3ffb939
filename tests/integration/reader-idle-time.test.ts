/**
 * Issue 15, point 1: the reader on a laptop locks after the issuing archive's idle time, not a
 * constant — the laptop has no archive to ask, so the setting travels inside the package's
 * encrypted, signed payload. An archive set to 10 minutes: a package left 6 minutes untouched
 * (past the old fixed 5) stays open; past 10 it is closed with the reason `idle`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReaderHost } from '../../src-main/app/reader-host';
import type { ReaderEnd } from '../../src-main/contract/ipc-reader';
import { getSettings, updateSettings } from '../../src-main/core/settings/service';
import { ADMIN, type TestArchive } from '../helpers/archive';
import { makeDossierArchive } from '../helpers/dossiers';
import { issuePackage } from '../helpers/offline-packages';

const PASSPHRASE = 'laptop passphrase 2026';

let archive: TestArchive;
let dir: string;
let file: string;

beforeAll(async () => {
  archive = await makeDossierArchive();
  archive.clock.set(new Date());
  dir = mkdtempSync(join(tmpdir(), 'triplicate-reader-idle-'));
  const admin = await archive.unlock(ADMIN.login, ADMIN.password);
  try {
    await updateSettings(admin, { idleLockMinutes: 10 });
    expect((await getSettings(admin)).idleLockMinutes).toBe(10);
  } finally {
    await admin.lock();
  }
  ({ file } = await issuePackage(archive, { passphrase: PASSPHRASE, out: () => join(dir, 'laptop.tpkg') }));
}, 300_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  archive?.cleanup();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the reader's idle time", () => {
  it("is the issuing archive's setting, carried in the package", async () => {
    let idleSeconds = 0;
    const closed: ReaderEnd[] = [];
    const reader = new ReaderHost({
      stateDir: join(dir, 'state'),
      clock: archive.clock,
      workstation: 'laptop',
      idleSource: { idleSeconds: () => idleSeconds },
      idlePollMs: 20,
      onClosed: (r) => closed.push(r),
    });
    try {
      reader.choose(file);
      const opened = await reader.open(PASSPHRASE);
      // The setting steers main only; the renderer's view carries no extra field.
      expect(opened).not.toHaveProperty('idleLockMinutes');
      idleSeconds = 6 * 60;
      await pause(200);
      expect(reader.isOpen).toBe(true);
      expect(closed).toEqual([]);
      idleSeconds = 10 * 60 - 1;
      await pause(200);
      expect(reader.isOpen).toBe(true);
      idleSeconds = 10 * 60;
      await expect.poll(() => reader.isOpen, { timeout: 5_000 }).toBe(false);
      expect(closed).toEqual(['idle']);
    } finally {
      reader.close('quit');
    }
  }, 60_000);
});
