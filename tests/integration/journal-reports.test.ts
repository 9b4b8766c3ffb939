/**
 * Auditors query the journal (time, person, dossier, event, outcome; paged) and run the standing
 * reports; each read is itself journaled, and only auditors may read (domain.md, The people).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPersonByLogin } from '../../src-main/core/people/repository';
import { dossiersOpenedBy, isOutside, outsideWorkingHours, overdueLoans, refusedAttempts, whoOpenedDossier } from '../../src-main/core/journal/reports';
import { readJournal } from '../../src-main/core/journal/service';
import type { Session } from '../../src-main/core/session';
import { ADMIN, lastEntries, makeArchive, type TestArchive } from '../helpers/archive';
import { seedAccess } from '../helpers/journal-seed';

const AUDITOR = { login: 'wang.wu', name: '王五', department: 'audit', rank: 'staff' as const, duties: ['auditor' as const], password: 'wang-password-01' };
const READER = { login: 'zhao.liu', name: '赵六', department: 'sales', rank: 'account-manager' as const, password: 'zhao-password-01' };

let archive: TestArchive;
let session: Session;
let readerId: string;

beforeAll(async () => {
  archive = await makeArchive();
  await archive.addPerson(AUDITOR);
  await archive.addPerson(READER);
  session = await archive.unlock(AUDITOR.login, AUDITOR.password);
  const reader = findPersonByLogin(session.archive.db, READER.login)!;
  readerId = reader.id;
  // Monday 2026-01-05 from 01:00 UTC, hourly; entries alternate reader / auditor; every fifth is refused.
  seedAccess(session, archive.clock, [reader, findPersonByLogin(session.archive.db, AUDITOR.login)!]);
});
afterAll(async () => {
  await session.lock();
  archive.cleanup();
});

describe('journal queries and reports', () => {
  it('who opened dossier X: only successful opens of that dossier, and the report is journaled as a read', async () => {
    const page = await whoOpenedDossier(session, 'D-1');
    expect(page.entries.length).toBeGreaterThan(0);
    for (const e of page.entries) expect(e).toMatchObject({ event: 'dossier.open', objectType: 'dossier', objectId: 'D-1', outcome: 'ok' });
    // i = 1, 4, 7, ... open D-1; i % 5 === 4 are refused: 1, 7, 10, 13, 16, 22 remain (4 and 19 refused).
    expect(page.entries).toHaveLength(6);
    const [entry] = lastEntries(session, 1);
    expect(entry).toMatchObject({ event: 'journal.read', outcome: 'ok', actorName: AUDITOR.name });
    expect(JSON.parse(entry!.details)).toMatchObject({ report: 'whoOpenedDossier', params: { dossierId: 'D-1' }, returned: 6 });
  });

  it('what person Y opened, and the refused attempts', async () => {
    const opened = await dossiersOpenedBy(session, READER.login);
    expect(opened.entries.length).toBe(10); // 12 even i, minus i = 4 and 14 refused
    for (const e of opened.entries) expect(e).toMatchObject({ actorId: readerId, event: 'dossier.open', outcome: 'ok' });
    const refused = await refusedAttempts(session, { person: READER.login });
    expect(refused.entries.map((e) => e.reason)).toEqual(['denied.noDuty', 'denied.noDuty']);
  });

  it('access outside working hours: before 09:00, from 18:00, and weekends, by the local time recorded with the entry', async () => {
    expect(isOutside('2026-01-05T01:30:00.000Z', 480, 540, 1080)).toBe(false); // Monday 09:30 in UTC+8
    expect(isOutside('2026-01-05T01:30:00.000Z', 0, 540, 1080)).toBe(true); // Monday 01:30 in UTC
    expect(isOutside('2026-01-05T10:00:00.000Z', 480, 540, 1080)).toBe(true); // 18:00 is already outside
    expect(isOutside('2026-01-03T03:00:00.000Z', 480, 540, 1080)).toBe(true); // Saturday 11:00
    const page = await outsideWorkingHours(session, { person: READER.login }, { limit: 100 });
    const offset = -new Date('2026-01-05T12:00:00Z').getTimezoneOffset();
    const expected = [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23].filter((utcHour) => {
      const local = new Date(Date.UTC(2026, 0, 5, utcHour) + offset * 60_000);
      const h = local.getUTCHours();
      return local.getUTCDay() % 6 === 0 || h < 9 || h >= 18;
    });
    expect(page.entries.map((e) => new Date(e.at).getUTCHours())).toEqual(expected);
    await expect(outsideWorkingHours(session, { start: '18:00', end: '09:00' })).rejects.toMatchObject({ code: 'input.invalid' });
  });

  it('overdue loans: none while nothing is on loan (journal-overdue-loans.test.ts lends and waits)', async () => {
    expect(await overdueLoans(session)).toEqual([]);
  });

  it('paged reads continue where the last page ended, never repeating or skipping an entry', async () => {
    const seen: number[] = [];
    let afterSeq: number | null = 0;
    while (afterSeq !== null) {
      const page = await readJournal(session, { event: 'dossier.open' }, { afterSeq, limit: 5, maxSeq: 1_000_000 });
      seen.push(...page.entries.map((e) => e.seq));
      afterSeq = page.nextAfterSeq;
    }
    expect(seen).toHaveLength(24);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(new Set(seen).size).toBe(24);
    await expect(readJournal(session, { outcome: 'maybe' })).rejects.toMatchObject({ code: 'input.invalid' });
    expect(lastEntries(session, 1)[0]).toMatchObject({ event: 'journal.read', outcome: 'error', reason: 'input.invalid' });
  });

  it('an administrator cannot read the journal or run its reports; each refusal is journaled', async () => {
    const admin = await archive.unlock(ADMIN.login, ADMIN.password);
    try {
      await expect(readJournal(admin, {})).rejects.toMatchObject({ code: 'denied.notAuditor' });
      await expect(whoOpenedDossier(admin, 'D-1')).rejects.toMatchObject({ code: 'denied.notAuditor' });
      expect(lastEntries(admin, 1)[0]).toMatchObject({ event: 'journal.read', outcome: 'denied', reason: 'denied.notAuditor' });
    } finally {
      await admin.lock();
    }
  });
});
