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
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import * as loans from '../../src-main/core/loans/service';
import * as offline from '../../src-main/core/offline';
import { getSettings, updateSettings } from '../../src-main/core/settings/service';
import { ADMIN, type TestArchive } from '../helpers/archive';
import { completeDossier, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';

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
  const [collector, borrower, custodian] = [
    await unlockAs(archive, PEOPLE.collector),
    await unlockAs(archive, PEOPLE.manager),
    await unlockAs(archive, PEOPLE.custodianS),
  ];
  try {
    const draft = await createDossier(collector, completeDossier());
    await fileDossier(collector, { number: draft.number });
    const filed = await loans.fileCard(borrower, {
      copyNumber: `${draft.number}-S`,
      purpose: '出差拜访客户前准备',
      form: 'offline',
      periodDays: 3,
      readingPlace: '本人笔记本电脑',
      acknowledgeNoPublicReading: true,
    });
    await loans.approveCard(custodian, { card: filed.card });
    file = join(dir, 'laptop.tpkg');
    await offline.issuePackage(borrower, { card: filed.card, passphrase: PASSPHRASE, out: file });
  } finally {
    for (const s of [collector, borrower, custodian]) await s.lock();
  }
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
