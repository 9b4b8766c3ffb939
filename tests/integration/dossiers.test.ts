/**
 * Dossiers (domain.md, Dossier): who writes them, the ★ fields before filing, revisions with old
 * and new values, and rule 3 — content only to the holder of a loan (or standing access), every
 * open and every refusal in the access log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../../src-main/contract/messages';
import { assignCollector, createDossier, fileDossier, openDossier, revisionDiff, updateDossier } from '../../src-main/core/dossiers/service';
import { searchCatalogue } from '../../src-main/core/dossiers/catalogue';
import { findDossierByNumber } from '../../src-main/core/dossiers/repository';
import { updateSettings } from '../../src-main/core/settings/service';
import type { Session } from '../../src-main/core/session';
import { ADMIN, lastEntries, type TestArchive } from '../helpers/archive';
import { completeDossier, expectCode, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';

let archive: TestArchive;
let collector: Session;
beforeAll(async () => {
  archive = await makeDossierArchive();
  collector = await unlockAs(archive, PEOPLE.collector);
});
afterAll(async () => {
  await collector.lock();
  archive.cleanup();
});

const details = (e: { details: string }) => JSON.parse(e.details) as Record<string, unknown>;

describe('writing dossiers', () => {
  it('a collector creates a dossier with two key persons, numbered by the core and assigned to them', async () => {
    const created = await createDossier(collector, completeDossier());
    expect(created.number).toMatch(/^KH-2026-\d{5}$/);
    expect(created).toMatchObject({ status: 'draft', revision: 1 });
    const [entry] = lastEntries(collector);
    expect(entry).toMatchObject({
      event: 'dossier.create',
      outcome: 'ok',
      actorId: collector.actor.id,
      actorDuty: 'collector',
      objectType: 'dossier',
      objectId: created.number,
    });
    expect(details(entry!).fields).toContain('keyPersons.1.name');

    // While it is a draft they are writing, the collector reads it back.
    const view = await openDossier(collector, { number: created.number });
    expect(view.content.keyPersons!.map((p) => p.name)).toEqual(['李明', '王芳']);
    expect(view.content.basic!.customerName).toBe('上海华为电子科技有限公司');
    const [open] = lastEntries(collector);
    expect(open).toMatchObject({ event: 'dossier.open', outcome: 'ok', objectId: created.number });
    expect(details(open!).sections).toContain('keyPersons');
  });

  it('an archive number is never typed: a request carrying one is refused and journaled', async () => {
    await expectCode(createDossier(collector, { basic: { customerName: '某公司', archiveNumber: 'KH-2026-99999' } }), 'input.invalid');
    expect(lastEntries(collector)[0]).toMatchObject({ event: 'dossier.create', outcome: 'error', reason: 'input.invalid' });
  });

  it('filing without a ★ field is refused naming the field, in both languages, and leaves the draft as it was', async () => {
    const draft = await createDossier(collector, completeDossier({ phone: '' }));
    const error = await expectCode(fileDossier(collector, { number: draft.number }), 'dossier.incomplete');
    expect(error.params.fields).toBe('basic.phone');
    expect(formatError(error.toInfo(), 'en')).toContain('basic.phone');
    expect(formatError(error.toInfo(), 'zh-CN')).toContain('basic.phone');
    expect(formatError(error.toInfo(), 'zh-CN')).toMatch(/归档/);
    const [entry] = lastEntries(collector);
    expect(entry).toMatchObject({ event: 'dossier.file', outcome: 'error', reason: 'dossier.incomplete', objectId: draft.number });
    expect(details(entry!).missing).toEqual(['basic.phone']);
    const row = collector.archive.db.prepare('SELECT status FROM dossiers WHERE archive_number = ?').get(draft.number) as { status: string };
    expect(row.status).toBe('draft');
    expect(
      collector.archive.db
        .prepare('SELECT count(*) AS n FROM dossier_copies c JOIN dossiers d ON d.id = c.dossier_id WHERE d.archive_number = ?')
        .get(draft.number),
    ).toEqual({ n: 0 });

    // Filled in, the same draft files.
    await updateDossier(collector, { number: draft.number, changes: { basic: { phone: '010-1234-5678' } } });
    const filed = await fileDossier(collector, { number: draft.number });
    expect(filed.copies).toEqual([`${draft.number}-C`, `${draft.number}-M`, `${draft.number}-S`]);
    expect(lastEntries(collector)[0]).toMatchObject({ event: 'dossier.file', outcome: 'ok' });
  });

  it('after an edit the revision diff shows who, which fields, old and new values', async () => {
    const draft = await createDossier(collector, completeDossier());
    const saved = await updateDossier(collector, {
      number: draft.number,
      expectedRevision: 1,
      changes: {
        basic: { phone: '021-6666-0202' },
        keyPersons: [
          { name: '李明', title: '副总裁' },
          { name: '王芳', title: '财务经理' },
        ],
      },
    });
    expect(saved.revision).toBe(2);
    expect(lastEntries(collector)[0]).toMatchObject({ event: 'dossier.update', outcome: 'ok', objectId: draft.number });

    const diff = await revisionDiff(collector, { number: draft.number, revision: 2 });
    expect(diff).toMatchObject({ revision: 2, kind: 'update', by: { login: PEOPLE.collector.login } });
    const byField = Object.fromEntries(diff.changes.map((c) => [c.field, c]));
    expect(byField['basic.phone']).toMatchObject({ old: '021-5555-0101', new: '021-6666-0202', label: { en: 'Phone', 'zh-CN': '电话' } });
    expect(byField['keyPersons.0.title']).toMatchObject({ old: '采购总监', new: '副总裁' });
    // The first person's phone and purchase role were dropped from the replaced list.
    expect(byField['keyPersons.0.phone']).toMatchObject({ old: '138-0000-0001', new: null });
    expect(byField['basic.customerName']).toBeUndefined();
    expect(lastEntries(collector)[0]).toMatchObject({ event: 'dossier.open', outcome: 'ok' });

    // A save made against the old revision is refused rather than silently overwriting.
    await expectCode(updateDossier(collector, { number: draft.number, expectedRevision: 1, changes: { basic: { fax: '1' } } }), 'dossier.staleRevision');
  });
});

describe('who may write', () => {
  it('a custodian or administrator cannot edit content, and the refusal is journaled', async () => {
    const draft = await createDossier(collector, completeDossier());
    for (const [login, password] of [
      [PEOPLE.custodianS.login, PEOPLE.custodianS.password],
      [ADMIN.login, ADMIN.password],
    ] as const) {
      const session = await archive.unlock(login, password);
      try {
        await expectCode(updateDossier(session, { number: draft.number, changes: { basic: { phone: '000' } } }), 'denied.notWriter');
        expect(lastEntries(session)[0]).toMatchObject({
          event: 'dossier.update',
          outcome: 'denied',
          reason: 'denied.notWriter',
          actorId: session.actor.id,
          objectId: draft.number,
        });
        await expectCode(createDossier(session, completeDossier()), 'denied.notWriter');
        await expectCode(openDossier(session, { number: draft.number }), 'denied.noContentAccess');
      } finally {
        await session.lock();
      }
    }
    const row = collector.archive.db.prepare('SELECT revision FROM dossiers WHERE archive_number = ?').get(draft.number) as { revision: number };
    expect(row.revision).toBe(1);
  });

  it('a collector cannot edit a customer assigned to another collector', async () => {
    const draft = await createDossier(collector, completeDossier());
    const other = await unlockAs(archive, PEOPLE.otherCollector);
    try {
      await expectCode(updateDossier(other, { number: draft.number, changes: { basic: { fax: '1' } } }), 'denied.notWriter');
    } finally {
      await other.lock();
    }
  });
});

describe('recording updates without reading (collectors after filing)', () => {
  it('a collector records an update to a filed dossier without reading it', async () => {
    const draft = await createDossier(collector, completeDossier({ customerName: '深圳腾飞网络科技有限公司' }));
    await fileDossier(collector, { number: draft.number });
    await expectCode(openDossier(collector, { number: draft.number }), 'denied.noContentAccess');

    // Sends only new values and new entries: one of them equal to what is stored, which the answer must not betray.
    const saved = await updateDossier(collector, {
      number: draft.number,
      changes: { basic: { fax: '0755-8888-0001', phone: '021-5555-0101' }, finance: { creditRating: 'AA' } },
      add: { contactRecords: [{ date: '2026-03-02', person: '李明', topic: '续约', result: '同意续约' }], keyPersons: [{ name: '赵强', title: '技术总监' }] },
    });
    expect(saved).toMatchObject({ number: draft.number, status: 'filed', revision: 2, customerName: '深圳腾飞网络科技有限公司' });
    expect(saved.changedFields).toEqual([
      'basic.phone',
      'basic.fax',
      'keyPersons.2.name',
      'keyPersons.2.title',
      'finance.creditRating',
      'contactRecords.0.date',
      'contactRecords.0.person',
      'contactRecords.0.topic',
      'contactRecords.0.result',
    ]);
    const answer = JSON.stringify(saved);
    for (const stored of ['李明', '采购总监', '任正', 'keyPersons.0', 'keyPersons.1']) expect(answer).not.toContain(stored);
    const [entry] = lastEntries(collector);
    expect(entry).toMatchObject({ event: 'dossier.update', outcome: 'ok', actorId: collector.actor.id, actorDuty: 'collector', objectId: draft.number });
    expect(details(entry!)).toMatchObject({ revision: 2, withoutReading: true });
    expect(JSON.stringify(details(entry!))).not.toContain('0755-8888-0001');

    // Stored: merged field by field, the lists appended to, nothing the collector could not see lost.
    const stored = findDossierByNumber(collector.archive.db, draft.number)!;
    expect(stored.content.basic).toMatchObject({ fax: '0755-8888-0001', phone: '021-5555-0101', legalRepresentative: '任正' });
    expect(stored.content.keyPersons!.map((p) => p.name)).toEqual(['李明', '王芳', '赵强']);
    expect(stored.content.contactRecords).toEqual([{ date: '2026-03-02', person: '李明', topic: '续约', result: '同意续约' }]);
    // The three copies now lag by one until re-issued; the content is still refused to the collector.
    const row = (await searchCatalogue(collector, { text: draft.number })).rows[0]!;
    expect(row.copies.map((c) => c.lag)).toEqual([1, 1, 1]);
    await expectCode(openDossier(collector, { number: draft.number }), 'denied.noContentAccess');
  });

  it('a writer who cannot read a dossier cannot replace its key persons or contact records, and the refusal is journaled', async () => {
    const draft = await createDossier(collector, completeDossier());
    await fileDossier(collector, { number: draft.number });
    await expectCode(updateDossier(collector, { number: draft.number, changes: { keyPersons: [{ name: '赵强' }] } }), 'denied.noContentAccess');
    expect(lastEntries(collector)[0]).toMatchObject({ event: 'dossier.update', outcome: 'denied', reason: 'denied.noContentAccess', objectId: draft.number });
    expect(findDossierByNumber(collector.archive.db, draft.number)!.content.keyPersons).toHaveLength(2);
    // Sending nothing is "no change"; sending a value equal to the stored one is not.
    await expectCode(updateDossier(collector, { number: draft.number, changes: {} }), 'dossier.noChange');
    expect((await updateDossier(collector, { number: draft.number, changes: { basic: { phone: '021-5555-0101' } } })).changedFields).toEqual(['basic.phone']);
  });
});

describe('assigning customers to collectors', () => {
  it('the responsible account manager reassigns a customer: the new collector writes it, the old one no longer can', async () => {
    const draft = await createDossier(collector, completeDossier());
    const manager = await unlockAs(archive, PEOPLE.manager);
    const other = await unlockAs(archive, PEOPLE.otherCollector);
    try {
      // A collector cannot hand their own customer on, and only a collector can receive one.
      await expectCode(assignCollector(collector, { number: draft.number, collectorLogin: PEOPLE.otherCollector.login }), 'denied.notWriter');
      await expectCode(assignCollector(manager, { number: draft.number, collectorLogin: PEOPLE.staff.login }), 'dossier.notCollector');
      expect(lastEntries(manager)[0]).toMatchObject({ event: 'dossier.assign', outcome: 'error', reason: 'dossier.notCollector' });

      await assignCollector(manager, { number: draft.number, collectorLogin: PEOPLE.otherCollector.login });
      const [entry] = lastEntries(manager);
      expect(entry).toMatchObject({ event: 'dossier.assign', outcome: 'ok', objectId: draft.number });
      expect(details(entry!)).toMatchObject({ from: PEOPLE.collector.login, to: PEOPLE.otherCollector.login });
      await updateDossier(other, { number: draft.number, changes: { basic: { fax: '021-1' } } });
      await expectCode(updateDossier(collector, { number: draft.number, changes: { basic: { fax: '021-2' } } }), 'denied.notWriter');
    } finally {
      await manager.lock();
      await other.lock();
    }
  });
});

describe('rule 3: catalogue for business duties, content only with a loan', () => {
  it('an account manager sees the catalogue row but is refused the content without a loan, and the refusal is in the journal', async () => {
    const draft = await createDossier(collector, completeDossier({ customerName: '杭州阿里云计算有限公司' }));
    await fileDossier(collector, { number: draft.number });
    const manager = await unlockAs(archive, PEOPLE.otherManager);
    try {
      const page = await searchCatalogue(manager, { text: draft.number });
      expect(page.total).toBe(1);
      expect(page.rows[0]).toMatchObject({
        number: draft.number,
        customerName: '杭州阿里云计算有限公司',
        grade: 'A',
        secrecy: 'secret',
        industry: '电子制造',
        status: 'filed',
        responsibleManager: { login: PEOPLE.manager.login },
      });
      expect(page.rows[0]!.copies).toHaveLength(3);
      expect(JSON.stringify(page)).not.toContain('李明');

      await expectCode(openDossier(manager, { number: draft.number, sections: ['keyPersons'] }), 'denied.noContentAccess');
      const [entry] = lastEntries(manager);
      expect(entry).toMatchObject({
        event: 'dossier.open',
        outcome: 'denied',
        reason: 'denied.noContentAccess',
        actorId: manager.actor.id,
        objectType: 'dossier',
        objectId: draft.number,
      });
      expect(details(entry!).sections).toEqual(['keyPersons']);
    } finally {
      await manager.lock();
    }
  });

  it('the responsible account manager reads without a loan only while standing access is on', async () => {
    const draft = await createDossier(collector, completeDossier());
    await fileDossier(collector, { number: draft.number });
    // Once filed, even its collector reads it only through a loan.
    await expectCode(openDossier(collector, { number: draft.number }), 'denied.noContentAccess');
    const manager = await unlockAs(archive, PEOPLE.manager);
    const admin = await archive.unlock(ADMIN.login, ADMIN.password);
    try {
      await expectCode(openDossier(manager, { number: draft.number }), 'denied.noContentAccess');
      await updateSettings(admin, { standingAccess: true });
      const view = await openDossier(manager, { number: draft.number, sections: ['basic', 'keyPersons'] });
      expect(view.sections).toEqual(['basic', 'keyPersons']);
      expect(view.content.finance).toBeUndefined();
      expect(details(lastEntries(manager)[0]!).sections).toEqual(['basic', 'keyPersons']);
      // The catalogue search reaches key-person names only where content may be read.
      expect((await searchCatalogue(manager, { text: '李明' })).total).toBeGreaterThan(0);
      const other = await unlockAs(archive, PEOPLE.otherManager);
      try {
        expect((await searchCatalogue(other, { text: '李明' })).total).toBe(0);
      } finally {
        await other.lock();
      }
      await updateSettings(admin, { standingAccess: false });
      await expectCode(openDossier(manager, { number: draft.number }), 'denied.noContentAccess');
    } finally {
      await manager.lock();
      await admin.lock();
    }
  });

  it('a staff member with no duty cannot list the catalogue', async () => {
    const staff = await unlockAs(archive, PEOPLE.staff);
    try {
      await expectCode(searchCatalogue(staff, {}), 'denied.notCatalogue');
      expect(lastEntries(staff)[0]).toMatchObject({ event: 'catalogue.search', outcome: 'denied', reason: 'denied.notCatalogue', actorId: staff.actor.id });
    } finally {
      await staff.lock();
    }
  });
});
