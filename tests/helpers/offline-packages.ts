/**
 * An offline package issued the way the archive issues one: a collector files a complete dossier,
 * an account manager files an offline borrow card for its sales copy, the sales custodian approves,
 * and the borrower issues the package. Through the core, or through the real router as the app does.
 */
import { join } from 'node:path';
import type { NewDossier } from '../../src-main/contract/dossiers';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import * as loans from '../../src-main/core/loans/service';
import * as offline from '../../src-main/core/offline';
import type { Session } from '../../src-main/core/session';
import type { TestArchive } from './archive';
import { completeDossier, PEOPLE, unlockAs } from './dossiers';
import { APP, ok, type IpcHarness } from './ipc';

export interface PackageRequest {
  passphrase: string;
  /** Where the package is written, given its card number. */
  out: (card: string) => string;
  readingPlace?: string;
  /** Overrides of the complete dossier's basic fields. */
  basic?: Partial<NonNullable<NewDossier['basic']>>;
}

export interface IssuedPackage {
  card: string;
  number: string;
  file: string;
  /** The package id. */
  id: string;
  dueAt: string;
}

export interface IssuingSessions {
  collector: Session;
  borrower: Session;
  custodian: Session;
}

/** Issues a package with sessions the caller holds (and locks). */
export async function issuePackageAs(s: IssuingSessions, request: PackageRequest): Promise<IssuedPackage> {
  const draft = await createDossier(s.collector, completeDossier(request.basic));
  await fileDossier(s.collector, { number: draft.number });
  const filed = await loans.fileCard(s.borrower, {
    copyNumber: `${draft.number}-S`,
    purpose: '出差拜访客户前准备',
    form: 'offline',
    periodDays: 3,
    readingPlace: request.readingPlace ?? '本人笔记本电脑',
    acknowledgeNoPublicReading: true,
  });
  await loans.approveCard(s.custodian, { card: filed.card });
  const file = request.out(filed.card);
  const issued = await offline.issuePackage(s.borrower, { card: filed.card, passphrase: request.passphrase, out: file });
  return { card: filed.card, number: draft.number, file, id: issued.package, dueAt: issued.dueAt };
}

/**
 * Issues a package as PEOPLE.collector, PEOPLE.manager (the borrower) and PEOPLE.custodianS,
 * unlocked for it and locked after; `then` runs with the borrower's session still open.
 */
export async function issuePackage(
  archive: TestArchive,
  request: PackageRequest,
  then?: (borrower: Session, issued: IssuedPackage) => Promise<void>,
): Promise<IssuedPackage> {
  const sessions: IssuingSessions = {
    collector: await unlockAs(archive, PEOPLE.collector),
    borrower: await unlockAs(archive, PEOPLE.manager),
    custodian: await unlockAs(archive, PEOPLE.custodianS),
  };
  try {
    const issued = await issuePackageAs(sessions, request);
    await then?.(sessions.borrower, issued);
    return issued;
  } finally {
    for (const s of Object.values(sessions)) await s.lock();
  }
}

/**
 * The same through the real router, each step as its person; `saveTo` sets the path the harness's
 * save dialog answers (the package goes to `folder`/CARD.tpkg). Leaves PEOPLE.manager signed in.
 */
export async function issuePackageThroughRouter(
  harness: IpcHarness,
  request: { passphrase: string; folder: string; saveTo: (path: string) => void },
): Promise<{ card: string; number: string; file: string }> {
  const { router } = harness;
  await harness.as(PEOPLE.collector);
  const { number } = await ok<{ number: string }>(router.handle('dossiers:create', completeDossier(), APP));
  await ok(router.handle('dossiers:file', { number }, APP));
  await harness.as(PEOPLE.manager);
  const { card } = await ok<{ card: string }>(
    router.handle(
      'cards:file',
      { copyNumber: `${number}-S`, purpose: '出差拜访', form: 'offline', periodDays: 2, readingPlace: '本人笔记本电脑', acknowledgeNoPublicReading: true },
      APP,
    ),
  );
  await harness.as(PEOPLE.custodianS);
  await ok(router.handle('cards:approve', { card }, APP));
  await harness.as(PEOPLE.manager);
  const file = join(request.folder, `${card}.tpkg`);
  request.saveTo(file);
  await ok(router.handle('offline:issue', { card, passphrase: request.passphrase }, APP));
  return { card, number, file };
}
