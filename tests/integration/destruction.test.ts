/**
 * Destruction under legal holds (issue 16, points 2 and 3): after an approved destruction no
 * content of the dossier or its revisions is in the decrypted database (read with the raw key by an
 * independent SQLCipher 4 reader), all three copies read 销毁, the destruction record's hash
 * matches, the journal verifies; a hold blocks every destruction path with a journaled refusal,
 * and releasing it (setter or general manager only) re-allows it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDossier, fileDossier, openDossier, updateDossier } from '../../src-main/core/dossiers/service';
import { canonicalJson } from '../../src-main/core/journal/entry';
import { verifyJournal } from '../../src-main/core/journal/verify';
import { approveDestruction, destructionRecord, rejectDestruction, requestBulkDestruction, requestDestruction } from '../../src-main/core/records/destruction';
import { listHolds, releaseHold, setHold } from '../../src-main/core/records/holds';
import type { Session } from '../../src-main/core/session';
import { lastEntries, type TestArchive, type TestPerson } from '../helpers/archive';
import { completeDossier, expectCode, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';
import { decryptSqlcipher4 } from '../helpers/sqlcipher4-pages';
import { asPerson } from '../helpers/as-person';

const person = (login: string, name: string, department: string, rank: TestPerson['rank']): TestPerson => ({
  login,
  name,
  department,
  rank,
  duties: [],
  password: `${login}-password-1`,
});
const MANAGERS = {
  C: person('kf.bz', '客服部长', 'customer-service', 'department-manager'),
  S: person('xs.bz', '销售部长', 'sales', 'department-manager'),
  M: person('sc.bz', '市场部长', 'marketing', 'department-manager'),
};
const GM = person('zong.jl', '总经理', 'key-accounts', 'general-manager');

/** Strings only the content and revisions hold (the customer name stays on the stub by design). */
const SECRETS = ['任正', '张江路', '李明', '王芳', '采购总监', '138-0000-0001', '021-5555-0101', '021-7777-0202', '电子制造'];

let archive: TestArchive;
let collector: Session;
let custodian: Session;
beforeEach(async () => {
  archive = await makeDossierArchive();
  for (const p of [...Object.values(MANAGERS), GM]) await archive.addPerson(p);
  collector = await unlockAs(archive, PEOPLE.collector);
  custodian = await unlockAs(archive, PEOPLE.custodianS);
});
afterEach(async () => {
  await collector.lock();
  await custodian.lock();
  archive.cleanup();
});

/** The same content for every dossier unless `other`, which shares none of SECRETS. */
async function filedDossier(name = '上海华为电子科技有限公司', other = false): Promise<string> {
  const content = other
    ? {
        ...completeDossier({
          customerName: name,
          legalRepresentative: '雷军',
          address: '北京市海淀区清河中街 68 号',
          phone: '010-6060-6666',
          industry: '消费电子',
        }),
        keyPersons: [{ name: '林斌', title: '总裁', purchaseRole: '决策者' }],
      }
    : completeDossier({ customerName: name });
  const draft = await createDossier(collector, content);
  if (!other) await updateDossier(collector, { number: draft.number, changes: { basic: { phone: '021-7777-0202' } } });
  await fileDossier(collector, { number: draft.number });
  return draft.number;
}

async function approveAll(id: number): Promise<void> {
  for (const m of Object.values(MANAGERS)) {
    const s = await unlockAs(archive, m);
    try {
      await approveDestruction(s, { id, note: '同意' });
    } finally {
      await s.lock();
    }
  }
}

const as = <T>(p: TestPerson, fn: (s: Session) => Promise<T>): Promise<T> => asPerson(archive, p, fn);

describe('destruction', () => {
  it('removes every trace of content and revisions for good, marks the copies 销毁 and writes the record line', async () => {
    const number = await filedDossier();
    const keep = await filedDossier('北京小米通讯技术有限公司', true);
    const db = custodian.archive.db;
    const dossierId = (db.prepare('SELECT id FROM dossiers WHERE archive_number = ?').get(number) as { id: number }).id;
    const content = (db.prepare('SELECT content FROM dossier_content WHERE dossier_id = ?').get(dossierId) as { content: string }).content;
    const revisions = db.prepare('SELECT revision, changes FROM dossier_revisions WHERE dossier_id = ? ORDER BY revision').all(dossierId);
    const expectedHash = createHash('sha256').update(canonicalJson({ number, content, revisions })).digest('hex');

    const request = await requestDestruction(custodian, { number, reason: '保管期满' });
    expect(request).toMatchObject({ state: 'pending', departments: ['customer-service', 'marketing', 'sales'] });
    expect(lastEntries(custodian)[0]).toMatchObject({ event: 'destruction.request', outcome: 'ok', objectId: number });
    // Nobody but the holding departments' managers approves.
    await as(PEOPLE.deptManager, (s) => expectCode(approveDestruction(s, { id: request.id }), 'denied.notDepartmentManager'));
    await approveAll(request.id);

    const record = await as(GM, (s) => destructionRecord(s));
    expect(record).toHaveLength(1);
    expect(record[0]).toMatchObject({ number, contentSha256: expectedHash, revisions: 2, copies: [`${number}-C`, `${number}-M`, `${number}-S`] });
    expect(record[0]!.approvers.sort()).toEqual(
      Object.values(MANAGERS)
        .map((m) => m.name)
        .sort(),
    );
    const states = db.prepare('SELECT state FROM dossier_copies WHERE dossier_id = ?').all(dossierId) as { state: string }[];
    expect(states.map((s) => s.state)).toEqual(['destroyed', 'destroyed', 'destroyed']);
    await expectCode(openDossier(custodian, { number }), 'dossier.notFound');
    const a = custodian.archive;
    expect(verifyJournal(a.db, { archiveId: a.archiveId, publicKey: a.signer.publicKey, keyringHead: a.keyring.journalHead }).ok).toBe(true);

    const key = Buffer.from(a.databaseKey);
    await collector.lock();
    await custodian.lock();
    const { plaintext, badPages } = decryptSqlcipher4(readFileSync(join(archive.folder, 'archive.db')), key);
    expect(badPages).toBe(0);
    expect(plaintext.includes(Buffer.from('SQLite format 3')) || plaintext.includes(Buffer.from('CREATE TABLE'))).toBe(true);
    const found = SECRETS.filter((secret) => plaintext.includes(Buffer.from(secret, 'utf8')));
    expect(found).toEqual([]);
    // The other dossier is untouched, and the stub keeps its number and customer name.
    expect(plaintext.includes(Buffer.from('北京小米通讯技术有限公司'))).toBe(true);
    expect(plaintext.includes(Buffer.from('雷军'))).toBe(true);
    expect(plaintext.includes(Buffer.from(number))).toBe(true);
    collector = await unlockAs(archive, PEOPLE.collector);
    custodian = await unlockAs(archive, PEOPLE.custodianS);
    const kept = collector.archive.db
      .prepare('SELECT c.content FROM dossier_content c JOIN dossiers d ON d.id = c.dossier_id WHERE d.archive_number = ?')
      .get(keep) as { content: string };
    expect(kept.content).toContain('雷军');
  });

  it('a rejected request destroys nothing', async () => {
    const number = await filedDossier();
    const request = await requestDestruction(custodian, { number, reason: '保管期满' });
    const rejected = await as(MANAGERS.S, (s) => rejectDestruction(s, { id: request.id, note: '仍有业务往来' }));
    expect(rejected.state).toBe('rejected');
    await as(MANAGERS.C, (s) => expectCode(approveDestruction(s, { id: request.id }), 'destruction.wrongState'));
    expect(custodian.archive.db.prepare(`SELECT count(*) AS n FROM dossier_copies WHERE state = 'destroyed'`).get()).toEqual({ n: 0 });
  });
});

describe('legal holds', () => {
  it('block a manual request, journaled; release by the setter re-allows it', async () => {
    const number = await filedDossier();
    const hold = await as(MANAGERS.S, (s) => setHold(s, { name: '合同纠纷 2026-01', reason: '诉讼保全', numbers: [number] }));
    await expectCode(requestDestruction(custodian, { number, reason: '保管期满' }), 'denied.legalHold');
    expect(lastEntries(custodian)[0]).toMatchObject({ event: 'destruction.request', outcome: 'denied', reason: 'denied.legalHold', objectId: number });
    // Only the setter or the general manager releases it.
    await as(MANAGERS.C, (s) => expectCode(releaseHold(s, { id: hold.id }), 'denied.notHoldSetter'));
    const released = await as(MANAGERS.S, (s) => releaseHold(s, { id: hold.id }));
    expect(released.released?.by.login).toBe(MANAGERS.S.login);
    expect((await requestDestruction(custodian, { number, reason: '保管期满' })).state).toBe('pending');
  });

  it('block the approval of a request made before the hold, on a customer; the general manager releases it', async () => {
    const number = await filedDossier();
    const request = await requestDestruction(custodian, { number, reason: '保管期满' });
    const hold = await as(PEOPLE.custodianC, (s) => setHold(s, { name: '监管调查', reason: '市场监管局调查', customer: '上海华为电子科技有限公司' }));
    await as(MANAGERS.C, (s) => expectCode(approveDestruction(s, { id: request.id }), 'denied.legalHold'));
    const gm = await unlockAs(archive, GM);
    try {
      await expectCode(approveDestruction(gm, { id: request.id }), 'denied.legalHold');
      expect(lastEntries(gm)[0]).toMatchObject({ event: 'destruction.approve', outcome: 'denied', reason: 'denied.legalHold' });
      expect((await listHolds(gm)).map((h) => h.name)).toContain('监管调查');
      await releaseHold(gm, { id: hold.id });
      const done = await approveDestruction(gm, { id: request.id });
      expect(done.state).toBe('destroyed');
    } finally {
      await gm.lock();
    }
  });

  it('block the bulk path for the held dossiers only, each refusal journaled', async () => {
    const held = await filedDossier('深圳腾讯计算机系统有限公司');
    const free = await filedDossier('杭州阿里巴巴网络技术有限公司');
    await as(GM, (s) => setHold(s, { name: '税务稽查', reason: '税务机关要求保存', numbers: [held] }));
    const results = await requestBulkDestruction(custodian, { numbers: [held, free], reason: '三年未互动' });
    expect(results.map((r) => [r.number, r.ok, r.error?.code ?? null])).toEqual([
      [held, false, 'denied.legalHold'],
      [free, true, null],
    ]);
    const entries = lastEntries(custodian, 2);
    expect(entries.map((e) => [e.objectId, e.outcome])).toEqual([
      [held, 'denied'],
      [free, 'ok'],
    ]);
    expect(JSON.parse(entries[0]!.details)).toMatchObject({ path: 'bulk' });
  });
});
