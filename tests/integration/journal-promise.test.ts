/**
 * Issue 11, point 6: the README's table of how many entries each operation writes ("Which
 * operations write how many entries"), checked against the code on a real archive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, listPeople } from '../../src-main/core/people/service';
import type { Session } from '../../src-main/core/session';
import { ADMIN, lastEntries, makeArchive, snapshot, type TestArchive } from '../helpers/archive';
import { APP, ipcHarness } from '../helpers/ipc';

const AUDITOR = { login: 'wang.wu', name: '王五', department: 'audit', rank: 'staff' as const, duties: ['auditor' as const], password: 'wang-password-01' };

let archive: TestArchive;
beforeAll(async () => {
  archive = await makeArchive();
  await archive.addPerson(AUDITOR);
}, 600_000);
afterAll(() => archive.cleanup());

const count = (s: Session) => s.archive.db.prepare('SELECT count(*) FROM journal').pluck().get() as number;

describe('one entry per operation, and the stated exceptions', () => {
  it('allowed, refused and failed operations write exactly one entry each', async () => {
    const admin = await archive.unlock(ADMIN.login, ADMIN.password);
    try {
      let n = count(admin);
      await listPeople(admin);
      expect(count(admin)).toBe(++n);
      await expect(addPerson(admin, { login: '!', name: '', department: 'x', rank: 'staff', password: '' })).rejects.toThrow();
      expect(count(admin)).toBe(++n);
      expect(lastEntries(admin, 1)[0]).toMatchObject({ event: 'person.add', outcome: 'error' });
    } finally {
      await admin.lock();
    }
    const auditor = await archive.unlock(AUDITOR.login, AUDITOR.password);
    try {
      const n = count(auditor);
      await expect(listPeople(auditor)).rejects.toThrow();
      expect(count(auditor)).toBe(n + 1);
      expect(lastEntries(auditor, 1)[0]).toMatchObject({ event: 'person.list', outcome: 'denied' });
    } finally {
      await auditor.lock();
    }
  });

  it('wrong passwords write nothing at the time, then one entry each before the next unlock’s own', async () => {
    const first = await archive.unlock(ADMIN.login, ADMIN.password);
    const before = count(first);
    await first.lock(); // +1 session.lock
    const files = snapshot(archive.folder);
    for (let i = 0; i < 2; i++) {
      archive.clock.advance(3_600_000);
      await expect(archive.unlock(ADMIN.login, `wrong-password-${i}`)).rejects.toThrow();
    }
    expect(snapshot(archive.folder)).toEqual(files);
    archive.clock.advance(3_600_000);
    const next = await archive.unlock(ADMIN.login, ADMIN.password);
    try {
      expect(count(next)).toBe(before + 1 + 2 + 1);
      expect(lastEntries(next, 4).map((e) => `${e.event}:${e.outcome}`)).toEqual([
        'session.lock:ok',
        'session.unlock:denied',
        'session.unlock:denied',
        'session.unlock:ok',
      ]);
    } finally {
      await next.lock();
    }
  });

  it('a request refused before the core writes one ipc.refused entry while signed in', async () => {
    const h = ipcHarness(archive);
    await h.as(AUDITOR);
    const session = h.manager.current!;
    const n = count(session);
    const r = await h.router.handle('people:list', { extra: true }, APP);
    expect(r.ok).toBe(false);
    expect(count(session)).toBe(n + 1);
    expect(lastEntries(session, 1)[0]).toMatchObject({ event: 'ipc.refused', outcome: 'denied' });
    await h.manager.lock('user');
  });
});
