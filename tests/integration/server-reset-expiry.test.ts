/**
 * A password reset's one-time code at the archive server's sign-in (issue 11's rule, issue 14's
 * door): in time it asks for a new password at a local unlock; past `resetCodeHours` it is
 * refused as expired, journaled in the owner's name, and changes nothing. The server's archive
 * runs on the test archive's clock, so "72 hours later" is a step of that clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvePasswordReset, requestPasswordReset } from '../../src-main/core/people/resets';
import type { Session } from '../../src-main/core/session';
import { ADMIN, lastEntries, makeArchive, type TestArchive, type TestPerson } from '../helpers/archive';
import { serveArchive, type TestServer } from '../helpers/server';

const CUSTODIAN: TestPerson = { login: 'li.si', name: '李四', department: 'sales', rank: 'staff', duties: ['custodian'], password: 'li-password-001' };
const SALES_HEAD: TestPerson = { login: 'zhou.ba', name: '周八', department: 'sales', rank: 'department-manager', password: 'zhou-password-1' };

let archive: TestArchive;
let served: TestServer;
let code: string;
/** The server's own archive object: its journal is the one the sign-ins write. */
let reader: Session;

async function as<T>(who: { login: string; password: string }, body: (s: Session) => Promise<T>): Promise<T> {
  const session = await archive.unlock(who.login, who.password);
  try {
    return await body(session);
  } finally {
    await session.lock();
  }
}

beforeAll(async () => {
  archive = await makeArchive();
  for (const p of [CUSTODIAN, SALES_HEAD]) await archive.addPerson(p);
  await as(ADMIN, (s) => requestPasswordReset(s, CUSTODIAN.login));
  code = (await as(SALES_HEAD, (s) => approvePasswordReset(s, CUSTODIAN.login))).code;
  served = await serveArchive(archive);
  reader = served.reader;
}, 300_000);

afterAll(async () => {
  await served?.stop();
  archive?.cleanup();
});

async function signInWithCode(): Promise<{ ok: boolean; code?: string; message?: string }> {
  const client = await served.connect();
  try {
    const answer = await client.signIn(CUSTODIAN.login, code, 'ws-li');
    return answer.ok ? { ok: true } : { ok: false, code: answer.error.code, message: answer.error.message };
  } finally {
    await client.close();
  }
}

describe('a reset code at the server sign-in', () => {
  it('in time: opens nothing, asks for a new password at a local unlock', async () => {
    archive.clock.advance(71 * 3_600_000);
    const answer = await signInWithCode();
    expect(answer).toMatchObject({ ok: false, code: 'vault.newPasswordRequired' });
    expect(lastEntries(reader, 1)[0]).toMatchObject({
      event: 'session.unlock',
      outcome: 'denied',
      reason: 'vault.newPasswordRequired',
      actorName: CUSTODIAN.name,
    });
  }, 120_000);

  it('past resetCodeHours: refused as expired, said when, journaled in the owner’s name, nothing changed', async () => {
    const before = (reader.archive.db.prepare('SELECT count(*) FROM journal').pluck().get() as number) + 0;
    archive.clock.advance(2 * 3_600_000); // 73 hours after the approval
    const answer = await signInWithCode();
    expect(answer).toMatchObject({ ok: false, code: 'person.resetCodeExpired' });
    expect(answer.message).toMatch(/expired/i);
    const [entry] = lastEntries(reader, 1);
    expect(entry).toMatchObject({ event: 'session.unlock', outcome: 'denied', reason: 'person.resetCodeExpired', actorName: CUSTODIAN.name });
    expect(reader.archive.db.prepare('SELECT count(*) FROM journal').pluck().get()).toBe(before + 1);
    // Still the code's slot, still refused: the expired code did not become a way in, nor a new password.
    expect(await signInWithCode()).toMatchObject({ ok: false, code: 'person.resetCodeExpired' });
    const client = await served.connect();
    try {
      const old = await client.signIn(CUSTODIAN.login, 'li-password-001', 'ws-li');
      expect(old.ok).toBe(false);
    } finally {
      await client.close();
    }
  }, 120_000);
});
