/**
 * A returned package is dead (issue 15): a real encrypted archive, argon2id at its floor, a clock
 * the test moves, packages, copies of them and reading logs on disk.
 * - after `offline.return` the returned file never opens again (its key is destroyed in it), and
 *   the signed revocation list names it;
 * - a copy taken before the return reads until the laptop learns of the return, then is refused
 *   (and its key destroyed); its reads come back on its own return, imported and flagged;
 * - a package that comes back after its due time is imported and flagged, never dropped;
 * - the app's reader logs every open, section view and print, and closes at the due time.
 */
import { offlineSigner } from '../../src-main/core/offline/offline-key';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as offline from '../../src-main/core/offline';
import type { JournalEntry } from '../../src-main/core/journal/entry';
import type { Session } from '../../src-main/core/session';
import { lastEntries, type TestArchive } from '../helpers/archive';
import { expectCode, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';
import { issuePackageAs } from '../helpers/offline-packages';

const HOUR = 60 * 60 * 1000;
const PASSPHRASE = 'laptop passphrase 2026';

let archive: TestArchive;
let dir: string;
let collector: Session, borrower: Session, custodianS: Session;

beforeAll(async () => {
  archive = await makeDossierArchive();
  collector = await unlockAs(archive, PEOPLE.collector);
  borrower = await unlockAs(archive, PEOPLE.manager);
  custodianS = await unlockAs(archive, PEOPLE.custodianS);
  dir = mkdtempSync(join(tmpdir(), 'triplicate-offline-dead-'));
}, 300_000);
afterAll(async () => {
  for (const s of [collector, borrower, custodianS]) await s.lock();
  archive.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

let serial = 0;
const path = (name = 'package') => join(dir, `${name}-${++serial}.tpkg`);
const details = (e: JournalEntry) => JSON.parse(e.details) as Record<string, unknown>;

const issued = () =>
  issuePackageAs(
    { collector, borrower, custodian: custodianS },
    {
      passphrase: PASSPHRASE,
      out: () => path(),
      readingPlace: '客户经理本人笔记本电脑',
      basic: { customerName: '杭州西湖茶叶贸易有限公司', phone: '0571-8888-1234' },
    },
  );

const read = (file: string, extra: Partial<offline.OfflineReadRequest> = {}) =>
  offline.readOfflinePackage({ file, passphrase: PASSPHRASE, clock: archive.clock, workstation: 'laptop-zhang', ...extra });

describe('a returned package is dead', () => {
  it('after the return the file never opens again, with any passphrase, and the revocation list names it', async () => {
    const pkg = await issued();
    await read(pkg.file);
    const before = readFileSync(pkg.file);
    const returned = await offline.returnPackage(custodianS, { file: pkg.file });
    expect(returned).toMatchObject({ imported: 1, keyDestroyed: true, flags: [] });
    const after = readFileSync(pkg.file);
    // Overwritten in place: same size, only the wrapped key changed.
    expect(after.length).toBe(before.length);
    expect(after.equals(before)).toBe(false);
    await expectCode(read(pkg.file), 'offline.destroyed');
    await expectCode(read(pkg.file, { passphrase: 'anything else at all' }), 'offline.destroyed');

    const list = path('revocations');
    await offline.exportRevocations(custodianS, { out: list });
    const named = (JSON.parse(readFileSync(list, 'utf8')) as { list: { packages: { package: string }[] } }).list.packages.map((p) => p.package);
    expect(named).toContain(pkg.id);

    // The dead file coming back again is recognised (by what the archive kept at issue) and refused: nothing new.
    await expectCode(offline.returnPackage(custodianS, { file: pkg.file }), 'offline.alreadyReturned');
    expect(lastEntries(custodianS)[0]).toMatchObject({ event: 'offline.return', outcome: 'error', reason: 'offline.alreadyReturned', objectId: pkg.id });
  });

  it('a copy taken before the return reads until the laptop learns of the return, then is refused; its reads come back flagged', async () => {
    const pkg = await issued();
    archive.clock.advance(HOUR);
    await read(pkg.file, { sections: ['basic'] });
    const copy = join(dir, 'copy-before-return.tpkg');
    copyFileSync(pkg.file, copy);
    copyFileSync(offline.logPathFor(pkg.file), offline.logPathFor(copy));

    archive.clock.advance(HOUR);
    await offline.returnPackage(custodianS, { file: pkg.file });
    const list = path('revocations');
    await offline.exportRevocations(custodianS, { out: list });

    // The laptop has not heard of the return yet: the copy still reads (the honest limit), logged.
    archive.clock.advance(HOUR);
    const stolen = await read(copy, { sections: ['keyPersons'] });
    expect(JSON.stringify(stolen.dossier.content)).toContain('李明');

    // The laptop opens the list once; from then on the copy is refused and its key destroyed.
    const store = new offline.RevocationStore(join(dir, 'laptop-state'));
    expect(store.add(list).packages).toBeGreaterThanOrEqual(1);
    archive.clock.advance(HOUR);
    await expectCode(
      offline.OfflineReader.open({ file: copy, passphrase: PASSPHRASE, clock: archive.clock, workstation: 'laptop-zhang' }, () =>
        store.listsFor(custodianS.archive.archiveId, offlineSigner(custodianS.archive.db).fingerprint),
      ),
      'offline.revoked',
    );
    await expectCode(read(copy), 'offline.destroyed');

    // The copy comes back: the lines never seen are imported and flagged, an incident is opened.
    const back = await offline.returnPackage(custodianS, { file: copy });
    expect(back).toMatchObject({ imported: 2, flags: ['afterReturn'], loanState: 'returned' });
    expect(back.incident).not.toBeNull();
    const [afterReturn, refused, flag, entry] = lastEntries(custodianS, 4);
    expect(afterReturn).toMatchObject({ event: 'dossier.open', outcome: 'ok', actorName: PEOPLE.manager.name, objectId: pkg.number });
    expect(details(afterReturn!)).toMatchObject({ offline: true, flag: 'afterReturn', sections: ['keyPersons'] });
    expect(refused).toMatchObject({ event: 'dossier.open', outcome: 'denied', reason: 'offline.revoked' });
    expect(flag).toMatchObject({ event: 'offline.log', outcome: 'error', reason: 'offline.readAfterReturn', objectId: pkg.id });
    expect(entry).toMatchObject({ event: 'offline.return', outcome: 'ok', objectId: pkg.id });
    expect(details(entry!)).toMatchObject({ flags: ['afterReturn'], imported: 2 });
  });

  it('a package that comes back after its due time is imported and flagged to the custodian', async () => {
    const pkg = await issued();
    archive.clock.advance(HOUR);
    await read(pkg.file);
    archive.clock.advance(4 * 24 * HOUR);
    await expectCode(read(pkg.file), 'offline.expired');
    const back = await offline.returnPackage(custodianS, { file: pkg.file });
    expect(back).toMatchObject({ imported: 2, flags: ['late'], keyDestroyed: true });
    const entries = lastEntries(custodianS, 6);
    expect(entries.find((e) => e.event === 'offline.log')).toMatchObject({ outcome: 'error', reason: 'offline.lateReturn', objectId: pkg.id });
    expect(entries.filter((e) => e.event === 'dossier.open').map((e) => details(e).flag)).toEqual(['late', 'late']);
  });
});

describe('the app reader', () => {
  it('logs the open, every section view and every print, refuses a wrong passphrase without writing, and closes at the due time', async () => {
    const pkg = await issued();
    const before = readFileSync(pkg.file);
    const lists = () => [] as string[];
    const open = (passphrase: string) => offline.OfflineReader.open({ file: pkg.file, passphrase, clock: archive.clock, workstation: 'laptop-zhang' }, lists);
    await expectCode(open('not the passphrase'), 'offline.wrongPassphrase');
    expect(readFileSync(pkg.file).equals(before)).toBe(true);
    expect(existsSync(offline.logPathFor(pkg.file))).toBe(false);

    const reader = await open(PASSPHRASE);
    expect(reader.opened).toMatchObject({
      dossierNumber: pkg.number,
      customerName: '杭州西湖茶叶贸易有限公司',
      card: pkg.card,
      reader: { name: PEOPLE.manager.name },
    });
    const basic = reader.show('basic', 'view');
    expect(basic.watermark).toMatchObject({ readerName: PEOPLE.manager.name, card: pkg.card, copyNumber: `${pkg.number}-S`, offline: true });
    expect(JSON.stringify(basic.dossier.content)).toContain('0571-8888-1234');
    expect(basic.dossier.content.keyPersons).toBeUndefined();
    reader.show('keyPersons', 'print');

    archive.clock.set(new Date(new Date(reader.opened.dueAt).getTime() + 1000));
    expect(() => reader.show('basic', 'view')).toThrow(/offline.expired/);
    expect(reader.isOpen).toBe(false);

    const lines = readFileSync(offline.logPathFor(pkg.file), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { action?: string; outcome: string; sections: string[] });
    expect(lines.map((l) => [l.action, l.outcome, l.sections])).toEqual([
      ['open', 'ok', []],
      ['view', 'ok', ['basic']],
      ['print', 'ok', ['keyPersons']],
      ['view', 'denied', []],
    ]);
    // On return they become the borrower's dossier.open and loan.print entries.
    const back = await offline.returnPackage(custodianS, { file: pkg.file });
    expect(back.imported).toBe(4);
    const events = lastEntries(custodianS, 10)
      .filter((e) => details(e).offline === true && details(e).package === pkg.id)
      .map((e) => e.event);
    expect(events).toEqual(['dossier.open', 'dossier.open', 'loan.print', 'dossier.open']);
  });
});
