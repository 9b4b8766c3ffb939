/**
 * Issue 11, point 5: a password reset never hands one person another's powers. The administrator
 * requests, a second person approves and gets the one-time code, and only the owner's own new
 * password opens their slot afterwards. Real archive, real slots, real argon2id.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveError } from '../../src-main/core/errors';
import { exportJournal } from '../../src-main/core/journal/export/export';
import { approvePasswordReset, pendingResets, requestPasswordReset } from '../../src-main/core/people/resets';
import { resetPassword } from '../../src-main/core/people/service';
import type { Session } from '../../src-main/core/session';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { ADMIN, lastEntries, makeArchive, type TestArchive, type TestPerson } from '../helpers/archive';
import { asPerson } from '../helpers/as-person';

const AUDITOR: TestPerson = { login: 'wang.wu', name: '王五', department: 'audit', rank: 'staff', duties: ['auditor'], password: 'wang-password-01' };
const AUDITOR2: TestPerson = { login: 'qian.qi', name: '钱七', department: 'audit', rank: 'staff', duties: ['auditor'], password: 'qian-password-01' };
const CUSTODIAN: TestPerson = { login: 'li.si', name: '李四', department: 'sales', rank: 'staff', duties: ['custodian'], password: 'li-password-001' };
const SALES_HEAD: TestPerson = { login: 'zhou.ba', name: '周八', department: 'sales', rank: 'department-manager', password: 'zhou-password-1' };
const BORROWER: TestPerson = { login: 'zhang.san', name: '张三', department: 'key-accounts', rank: 'account-manager', password: 'zhang-password-1' };
const GM: TestPerson = { login: 'sun.jiu', name: '孙九', department: 'key-accounts', rank: 'general-manager', password: 'sun-password-01' };

let archive: TestArchive;
let out: string;
beforeAll(async () => {
  archive = await makeArchive();
  for (const p of [AUDITOR, AUDITOR2, CUSTODIAN, SALES_HEAD, BORROWER, GM]) await archive.addPerson(p);
  out = mkdtempSync(join(tmpdir(), 'triplicate-reset-out-'));
}, 600_000);
afterAll(() => {
  archive.cleanup();
  rmSync(out, { recursive: true, force: true });
});

const as = <T>(who: { login: string; password: string }, body: (s: Session) => Promise<T>): Promise<T> => asPerson(archive, who, body);

/** A wrong password after an hour's wait, so the per-login back-off never answers first. */
function unlockLater(login: string, password: string) {
  archive.clock.advance(3_600_000);
  return archive.unlock(login, password);
}

async function rejectsWith(attempt: Promise<unknown>, code: string): Promise<void> {
  await expect(attempt).rejects.toSatisfy((e: unknown) => e instanceof ArchiveError && e.code === code);
}

function unlockWithCode(login: string, code: string, newPassword?: string) {
  archive.clock.advance(3_600_000);
  return unlockArchive({ folder: archive.folder, login, password: code, ...(newPassword ? { newPassword } : {}) }, archive.options);
}

describe('the administrator cannot take over a person by resetting their password', () => {
  it('setting another person’s password directly is refused and journaled', () =>
    as(ADMIN, async (s) => {
      await rejectsWith(resetPassword(s, AUDITOR.login, 'admin-chosen-pass-1'), 'denied.resetNeedsApproval');
      expect(lastEntries(s, 1)[0]).toMatchObject({ event: 'person.resetPassword', outcome: 'denied', reason: 'denied.resetNeedsApproval' });
    }));

  it('an administrator’s own password is not reset by request (recovery key), nor may one reset oneself', () =>
    as(ADMIN, async (s) => {
      await rejectsWith(requestPasswordReset(s, ADMIN.login), 'denied.resetOwnPassword');
    }));

  const cases: { who: TestPerson; approver: TestPerson; wrongApprover: TestPerson }[] = [
    { who: AUDITOR, approver: AUDITOR2, wrongApprover: SALES_HEAD },
    { who: CUSTODIAN, approver: SALES_HEAD, wrongApprover: AUDITOR2 },
    { who: BORROWER, approver: GM, wrongApprover: SALES_HEAD },
  ];

  for (const { who, approver, wrongApprover } of cases) {
    it(`${who.login}: request, approval by a second person, and only the owner's new password opens the slot`, async () => {
      const requested = await as(ADMIN, async (s) => {
        const view = await requestPasswordReset(s, who.login);
        expect(lastEntries(s, 1)[0]).toMatchObject({ event: 'person.resetRequest', outcome: 'ok', actorName: ADMIN.name });
        // The requester cannot approve their own request.
        await rejectsWith(approvePasswordReset(s, who.login), 'denied.resetSecondPerson');
        expect(lastEntries(s, 1)[0]).toMatchObject({ event: 'person.resetApprove', outcome: 'denied', reason: 'denied.resetSecondPerson' });
        return view;
      });
      expect(requested.approvers.map((a) => a.login)).toContain(approver.login);
      expect(requested.approvers.map((a) => a.login)).not.toContain(ADMIN.login);

      // The administrator holds nothing that opens the person's slot, before or after the approval.
      await rejectsWith(unlockLater(who.login, ADMIN.password), 'vault.wrongPassword');

      await as(wrongApprover, async (s) => {
        expect(await pendingResets(s)).toEqual([]);
        await rejectsWith(approvePasswordReset(s, who.login), 'denied.notResetApprover');
      });
      const { code } = await as(approver, async (s) => {
        expect((await pendingResets(s)).map((r) => r.login)).toContain(who.login);
        const approved = await approvePasswordReset(s, who.login);
        const entry = lastEntries(s, 1)[0]!;
        expect(entry).toMatchObject({ event: 'person.resetApprove', outcome: 'ok', actorName: approver.name });
        expect(entry.details).not.toContain(approved.code);
        return approved;
      });

      // The old password is gone; the administrator still cannot sign in as them.
      await rejectsWith(unlockLater(who.login, who.password), 'vault.wrongPassword');
      await rejectsWith(unlockLater(who.login, ADMIN.password), 'vault.wrongPassword');
      // The code alone opens no session: it asks for the owner's new password first.
      await rejectsWith(unlockWithCode(who.login, code), 'vault.newPasswordRequired');
      await rejectsWith(unlockWithCode(who.login, code, 'short'), 'person.weakPassword');

      const newPassword = `${who.login}-own-new-pass`;
      const session = await unlockWithCode(who.login, code.toLowerCase(), newPassword);
      try {
        expect(session.actor.login).toBe(who.login);
        expect(session.passwordReset).toMatchObject({ requestedBy: ADMIN.name, approvedBy: approver.name });
        expect(session.passwordReset!.requestedAt).toBe(requested.requestedAt);
        const [use, unlock] = lastEntries(session, 2);
        expect(use).toMatchObject({ event: 'person.resetUse', outcome: 'ok', actorName: who.name });
        expect(unlock).toMatchObject({ event: 'session.unlock', outcome: 'ok' });
        if (who === AUDITOR) {
          const result = await exportJournal(session, { format: 'jsonl', out: join(out, 'after-reset.jsonl') });
          expect(result.count).toBeGreaterThan(0);
          expect(readFileSync(result.file, 'utf8')).not.toContain(code);
        }
      } finally {
        await session.lock();
      }
      // The code was for one use; the new password is the owner's.
      await rejectsWith(unlockWithCode(who.login, code, 'another-new-pass-1'), 'vault.wrongPassword');
      await as({ login: who.login, password: newPassword }, async () => {});
      who.password = newPassword;
    }, 300_000);
  }

  it('a one-time code expires resetCodeHours after its approval: refused, journaled, nothing changed', async () => {
    const approve = async () => {
      await as(ADMIN, (s) => requestPasswordReset(s, CUSTODIAN.login));
      return as(SALES_HEAD, (s) => approvePasswordReset(s, CUSTODIAN.login));
    };
    const late = await approve();
    const approvedAt = archive.clock.now().getTime();
    expect(new Date(late.expiresAt).getTime()).toBe(approvedAt + 72 * 3_600_000);
    archive.clock.advance(72 * 3_600_000); // unlockWithCode adds an hour: one hour too late
    await rejectsWith(unlockWithCode(CUSTODIAN.login, late.code, 'li-too-late-pass-1'), 'person.resetCodeExpired');
    await as(ADMIN, async (s) => {
      expect(lastEntries(s, 2)[0]).toMatchObject({ event: 'session.unlock', outcome: 'denied', reason: 'person.resetCodeExpired', actorName: CUSTODIAN.name });
    });
    // Nothing changed: the password was not set, and the code is still refused, not a way in.
    await rejectsWith(unlockLater(CUSTODIAN.login, 'li-too-late-pass-1'), 'vault.wrongPassword');
    await rejectsWith(unlockWithCode(CUSTODIAN.login, late.code, 'li-too-late-pass-1'), 'person.resetCodeExpired');

    // A new reset replaces it; used in time, its code works.
    const fresh = await approve();
    archive.clock.advance(69 * 3_600_000); // with the two hours below: 71 of 72
    await rejectsWith(unlockWithCode(CUSTODIAN.login, late.code, 'li-too-late-pass-1'), 'vault.wrongPassword');
    const session = await unlockWithCode(CUSTODIAN.login, fresh.code, 'li-in-time-pass-1');
    await session.lock();
    CUSTODIAN.password = 'li-in-time-pass-1';
  }, 300_000);

  it('the administrator still cannot export the journal as the auditor after all this', async () => {
    await rejectsWith(unlockLater(AUDITOR.login, ADMIN.password), 'vault.wrongPassword');
    await as(ADMIN, async (s) => {
      await rejectsWith(exportJournal(s, { format: 'jsonl', out: join(out, 'admin.jsonl') }), 'denied.notAuditor');
    });
  });

  it('in an archive with nobody who may approve, the request waits and the password stays as it is', async () => {
    const fresh = await makeArchive();
    try {
      await fresh.addPerson({ ...CUSTODIAN, password: 'li-password-001' });
      const admin = await fresh.unlock(ADMIN.login, ADMIN.password);
      try {
        const view = await requestPasswordReset(admin, CUSTODIAN.login);
        expect(view.approvers).toEqual([]);
        await rejectsWith(approvePasswordReset(admin, CUSTODIAN.login), 'denied.resetSecondPerson');
      } finally {
        await admin.lock();
      }
      const owner = await fresh.unlock(CUSTODIAN.login, 'li-password-001');
      await owner.lock();
    } finally {
      fresh.cleanup();
    }
  }, 300_000);
});
