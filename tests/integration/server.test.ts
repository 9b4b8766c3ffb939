/**
 * Issue 14: one archive server on loopback and its workstations, against a real encrypted archive.
 * Three custodians (one per copy-holding department), two account managers, an auditor (and the
 * department manager who gives the 机密 second approval) run a whole borrow flow at the same time;
 * afterwards the journal verifies, every success is in it exactly once and every refusal is too.
 * Then: requests the server must refuse, idempotent retries, the idle timeout.
 */
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoanView } from '../../src-main/contract/loans';
import type { ChainReportView } from '../../src-main/contract/ipc-journal';
import { findPersonByLogin } from '../../src-main/core/people/repository';
import { RemoteFailure, type RemoteClient } from '../../src-main/ipc/remote/client';
import { MAX_FRAME_BYTES } from '../../src-main/ipc/remote/protocol';
import type { Session } from '../../src-main/core/session';
import { ADMIN, makeArchive, type TestArchive } from '../helpers/archive';
import { makeDossierArchive, PEOPLE } from '../helpers/dossiers';
import { serveArchive, type TestServer } from '../helpers/server';
import { cardFor, fileDossiers, OutcomeLog } from '../helpers/server-flow';

const AUDITOR = { login: 'shen.sj', name: '沈审计', department: 'audit', rank: 'staff' as const, duties: ['auditor' as const], password: 'shen-password-01' };

let archive: TestArchive;
let served: TestServer;
let numbers: string[];
/** A session on the server's own archive object, for reading the journal the server writes. */
let reader: Session;

beforeAll(async () => {
  archive = await makeDossierArchive();
  await archive.addPerson(AUDITOR);
  numbers = await fileDossiers(archive, ['secret', 'confidential', 'secret', 'secret', 'secret', 'secret', 'secret']);
  served = await serveArchive(archive);
  reader = served.reader;
}, 300_000);

afterAll(async () => {
  await served?.stop();
  archive?.cleanup();
});

type JournalRow = { event: string; outcome: string; reason: string | null; object_id: string | null; actor_id: string | null; details: string };
const journal = (): JournalRow[] =>
  reader.archive.db.prepare('SELECT event, outcome, reason, object_id, actor_id, details FROM journal ORDER BY seq').all() as JournalRow[];
const personId = (login: string) => findPersonByLogin(reader.archive.db, login)!.id;

describe('six workstations, one borrow flow at the same time', () => {
  it('filed, approved (incl. 机密 second approval), read, renewed, recalled, returned; journal verifies; each success once, each refusal journaled', async () => {
    const [custC, custS, custM, amZhang, amLiu, auditor, deptManager] = await Promise.all([
      served.signedIn(PEOPLE.custodianC),
      served.signedIn(PEOPLE.custodianS),
      served.signedIn(PEOPLE.custodianM),
      served.signedIn(PEOPLE.manager),
      served.signedIn(PEOPLE.otherManager),
      served.signedIn(AUDITOR),
      served.signedIn(PEOPLE.deptManager),
    ]);
    const pushes: string[] = [];
    custC.onEvent((p) => pushes.push(p.event));
    const log = new OutcomeLog();
    const [n1, n2, n3, n4] = numbers as [string, string, string, string];

    const zhang = async () => {
      // Copy C: approved, read, renewed once, returned.
      const a = await log.must<LoanView>(amZhang, 'zhang', 'cards:file', cardFor(`${n1}-C`));
      await log.refused(amZhang, 'zhang', 'cards:approve', { card: a.card }, 'denied.ownCard');
      await log.refused(custM, 'zhouM', 'cards:approve', { card: a.card }, 'denied.notCopyCustodian');
      await log.must(custC, 'chenC', 'cards:approve', { card: a.card });
      await log.must(amZhang, 'zhang', 'loans:read', { card: a.card, sections: ['basic'] });
      await log.must(amZhang, 'zhang', 'loans:renew', { card: a.card, days: 2 });
      await log.must(custC, 'chenC', 'cards:approve', { card: a.card });
      await log.must(amZhang, 'zhang', 'loans:return', { card: a.card });
      // 机密: the custodian's approval and a department manager's; then recalled.
      const b = await log.must<LoanView>(amZhang, 'zhang', 'cards:file', cardFor(`${n2}-S`));
      expect(b.needsSecondApproval).toBe(true);
      const first = await log.must<LoanView>(custS, 'sunS', 'cards:approve', { card: b.card });
      expect(first.state).not.toBe('on-loan');
      await log.refused(amZhang, 'zhang', 'loans:read', { card: b.card }, 'denied.noContentAccess');
      const second = await log.must<LoanView>(deptManager, 'wu', 'cards:approve', { card: b.card });
      expect(second.state).toBe('on-loan');
      await log.must(amZhang, 'zhang', 'loans:read', { card: b.card });
      // A recall ends the loan at once: there is nothing left to return.
      await log.must(custS, 'sunS', 'loans:recall', { card: b.card, reason: '审计抽查' });
      await log.refused(amZhang, 'zhang', 'loans:read', { card: b.card }, 'denied.noContentAccess');
    };
    const liu = async () => {
      const c = await log.must<LoanView>(amLiu, 'liu', 'cards:file', cardFor(`${n3}-M`));
      await log.must(custM, 'zhouM', 'cards:approve', { card: c.card });
      await log.must(amLiu, 'liu', 'loans:read', { card: c.card });
      await log.refused(amZhang, 'zhang', 'loans:read', { card: c.card }, 'denied.notBorrower');
      await log.must(amLiu, 'liu', 'loans:return', { card: c.card });
      const d = await log.must<LoanView>(amLiu, 'liu', 'cards:file', cardFor(`${n4}-C`));
      await log.must(custC, 'chenC', 'cards:approve', { card: d.card });
      await log.must(amLiu, 'liu', 'loans:read', { card: d.card, sections: ['basic', 'keyPersons'] });
      await log.must(custC, 'chenC', 'loans:recall', { card: d.card });
    };
    const audit = async () => {
      for (let i = 0; i < 5; i++) await log.must(auditor, 'shen', 'journal:read', { filters: { event: 'loan.file' }, limit: 50 });
      await log.refused(auditor, 'shen', 'cards:file', cardFor(`${numbers[4]}-S`), 'denied.noContentAccess');
    };
    const catalogue = async () => {
      for (let i = 0; i < 5; i++) await log.must(custS, 'sunS', 'cards:pending');
    };
    await Promise.all([zhang(), liu(), audit(), catalogue()]);

    const report = await log.must<ChainReportView>(auditor, 'shen', 'journal:verify');
    expect(report.ok).toBe(true);
    expect(pushes).toContain('event:notifications');

    // Every success of a write or a read through a loan is in the journal exactly once.
    const events: Record<string, string> = {
      'cards:file': 'loan.file',
      'cards:approve': 'loan.approve',
      'loans:renew': 'loan.renew',
      'loans:recall': 'loan.recall',
      'loans:return': 'loan.return',
    };
    const rows = journal();
    const expected = new Map<string, number>();
    const cards = new Set<string>();
    for (const o of log.outcomes) {
      if (!o.ok || !events[o.channel]) continue;
      const card = (o.value as LoanView).card;
      cards.add(card);
      const key = `${events[o.channel]}|${card}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const found = new Map<string, number>();
    for (const r of rows) {
      if (r.outcome !== 'ok' || !r.object_id || !cards.has(r.object_id) || !Object.values(events).includes(r.event)) continue;
      const key = `${r.event}|${r.object_id}`;
      found.set(key, (found.get(key) ?? 0) + 1);
    }
    expect(found).toEqual(expected);
    const reads = log.outcomes.filter((o) => o.ok && o.channel === 'loans:read').length;
    expect(rows.filter((r) => r.event === 'dossier.open' && r.outcome === 'ok' && r.details.includes('"remote"')).length).toBe(reads);
    // Every refusal: a denied entry of that person with that reason, as many as there were refusals.
    const logins: Record<string, string> = { zhang: PEOPLE.manager.login, zhouM: PEOPLE.custodianM.login, shen: AUDITOR.login };
    for (const o of log.outcomes.filter((x) => !x.ok)) {
      const id = personId(logins[o.who]!);
      const same = log.outcomes.filter((x) => !x.ok && x.who === o.who && x.code === o.code).length;
      expect(rows.filter((r) => r.outcome === 'denied' && r.actor_id === id && r.reason === o.code).length, `${o.who} ${o.code}`).toBe(same);
    }
    // Each entry names the workstation as reported and the address the server saw.
    const fileEntry = rows.find((r) => r.event === 'loan.file' && r.outcome === 'ok')!;
    expect(JSON.parse(fileEntry.details).remote).toMatchObject({
      reported: expect.stringMatching(/^ws-/),
      address: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
    });

    await Promise.all([custC, custS, custM, amZhang, amLiu, auditor, deptManager].map((c) => c.close()));
  }, 240_000);
});

describe('what the server refuses', () => {
  let client: RemoteClient;
  beforeAll(async () => {
    client = await served.signedIn(PEOPLE.manager);
  }, 60_000);
  afterAll(async () => client?.close());

  it('a payload naming another person is refused by the contract and journaled', async () => {
    const before = journal().length;
    const result = await client.call('cards:file', { ...cardFor(`${numbers[5]}-S`), borrower: PEOPLE.otherManager.login });
    expect(result).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    const added = journal().slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ event: 'ipc.refused', outcome: 'denied', actor_id: personId(PEOPLE.manager.login) });
    expect(added[0]!.details).toContain('borrower');
    expect(added[0]!.details).not.toContain(PEOPLE.otherManager.login);
  });

  it('a request before sign-in is refused (journaled without a person), and gives nothing away', async () => {
    const stranger = await served.connect();
    try {
      const before = journal().length;
      const result = await stranger.call('people:list');
      expect(result).toMatchObject({ ok: false, error: { code: 'remote.notSignedIn' } });
      expect(journal().slice(before)).toMatchObject([{ event: 'remote.refused', reason: 'remote.notSignedIn', actor_id: null }]);
    } finally {
      await stranger.close();
    }
  });

  it('a wrong password is refused as such and journaled; the server backs the login off', async () => {
    const c = await served.connect();
    try {
      for (let i = 0; i < 3; i++)
        expect(await c.signIn(PEOPLE.staff.login, 'wrong-password-1')).toMatchObject({ ok: false, error: { code: 'vault.wrongPassword' } });
      expect(await c.signIn(PEOPLE.staff.login, PEOPLE.staff.password)).toMatchObject({ ok: false, error: { code: 'vault.throttled' } });
      const denied = journal().filter((r) => r.event === 'session.unlock' && r.outcome === 'denied' && r.actor_id === personId(PEOPLE.staff.login));
      expect(denied.map((r) => r.reason)).toEqual(['vault.wrongPassword', 'vault.wrongPassword', 'vault.wrongPassword', 'vault.throttled']);
    } finally {
      await c.close();
    }
  }, 60_000);

  it('a malformed frame is refused and journaled; the connection keeps working', async () => {
    const before = journal().length;
    client.sendRaw('{"id": 1, "type": "call", "channel": ');
    client.sendRaw(Buffer.from([1, 2, 3]));
    client.sendRaw(JSON.stringify({ id: 5, type: 'call', channel: 'people:list', extra: true }));
    const after = await client.call('notifications:list', { unreadOnly: true });
    expect(after.ok).toBe(true);
    const refused = journal()
      .slice(before)
      .filter((r) => r.event === 'remote.refused');
    expect(refused.map((r) => r.reason)).toEqual(['remote.malformed', 'remote.malformed', 'remote.malformed']);
  });

  it('an oversized frame is refused, journaled, and closes only that connection', async () => {
    const big = await served.signedIn(PEOPLE.otherManager);
    const closed = new Promise<void>((resolve) => big.onClosed(resolve));
    const before = journal().length;
    big.sendRaw(JSON.stringify({ id: 1, type: 'call', channel: 'notifications:list', payload: { pad: 'x'.repeat(MAX_FRAME_BYTES + 10) } }));
    await closed;
    await new Promise((r) => setTimeout(r, 200));
    const added = journal().slice(before);
    expect(added.some((r) => r.event === 'remote.refused' && r.reason === 'remote.tooLarge' && r.actor_id === personId(PEOPLE.otherManager.login))).toBe(true);
    expect((await client.call('notifications:list', { unreadOnly: false })).ok).toBe(true);
  });

  it('a certificate other than the pinned one is refused with a clear message; an unpinned one names its fingerprint', async () => {
    const wrong = served.fingerprint.replace(/^../, served.fingerprint.startsWith('AA') ? 'BB' : 'AA');
    const error = await served.connect(wrong).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RemoteFailure);
    expect((error as RemoteFailure).info.code).toBe('remote.certificateChanged');
    expect((error as RemoteFailure).message).toContain(served.fingerprint);
    const unknown = await served.connect(null).then(
      () => null,
      (e: unknown) => e,
    );
    expect((unknown as RemoteFailure).info.code).toBe('remote.certificateUnknown');
  });

  it('TLS 1.2 is refused: the server speaks TLS 1.3 only', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const socket = tlsConnect({ host: '127.0.0.1', port: served.port, maxVersion: 'TLSv1.2', rejectUnauthorized: false });
      socket.once('secureConnect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
  });

  it('channels that pick local folders or make archives are not served', async () => {
    expect(await client.call('archive:create', { folder: '/tmp/x', adminLogin: 'a', adminName: 'b', password: 'long-enough-password' })).toMatchObject({
      ok: false,
      error: { code: 'remote.unsupported' },
    });
    expect(await client.call('session:unlock', { folder: '/tmp/x', login: 'a', password: 'long-enough-password' })).toMatchObject({
      ok: false,
      error: { code: 'remote.unsupported' },
    });
  });

  it('a write retried with its idempotency key is applied once and answered the same', async () => {
    const key = 'retry-key-0123456789';
    const first = await client.call<LoanView>('cards:file', cardFor(`${numbers[6]}-M`), { key });
    expect(first.ok).toBe(true);
    const again = await client.call<LoanView>('cards:file', cardFor(`${numbers[6]}-M`), { key });
    expect(again).toEqual(first);
    const card = (first as { value: LoanView }).value.card;
    expect(journal().filter((r) => r.event === 'loan.file' && r.object_id === card)).toHaveLength(1);
    // The same key for another request is refused, not silently answered.
    expect(await client.call('cards:cancel', { card }, { key })).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    // Another person's identical key is theirs alone.
    const other = await served.signedIn(PEOPLE.otherManager);
    try {
      const theirs = await other.call<LoanView>('cards:file', cardFor(`${numbers[5]}-M`), { key });
      expect(theirs.ok).toBe(true);
      expect((theirs as { value: LoanView }).value.borrower.login).toBe(PEOPLE.otherManager.login);
    } finally {
      await other.close();
    }
  });
});

describe('sessions end', () => {
  it('the idle timeout ends a session, and the workstation is told by push (locked: idle)', async () => {
    const small = await makeArchive();
    const s = await serveArchive(small, { idleOverrideSeconds: 1, idleCheckMs: 100 });
    try {
      const admin = await s.signedIn(ADMIN);
      const locked = new Promise<unknown>((resolve) => admin.onEvent((p) => p.event === 'event:locked' && resolve(p.payload)));
      expect(await locked).toEqual({ reason: 'idle' });
      expect(await admin.call('people:list')).toMatchObject({ ok: false, error: { code: 'remote.notSignedIn' } });
      await admin.close();
    } finally {
      await s.stop();
      small.cleanup();
    }
  }, 60_000);
});
