/**
 * A destruction waits for the copies (issue 16): while a copy of the dossier is on loan, or an
 * offline package of it is still out, every approval is refused by the policy with
 * `denied.copiesOut`, journaled, and nothing is destroyed; once the package is revoked and the
 * copy returned, the same request is approved and destroys the dossier.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import * as loans from '../../src-main/core/loans/service';
import * as offline from '../../src-main/core/offline';
import { approveDestruction, requestDestruction } from '../../src-main/core/records/destruction';
import { formatError } from '../../src-main/contract/messages';
import { lastEntries, type TestArchive, type TestPerson } from '../helpers/archive';
import { completeDossier, expectCode, makeDossierArchive, PEOPLE, unlockAs } from '../helpers/dossiers';

const GM: TestPerson = { login: 'zong.jl', name: '总经理', department: 'key-accounts', rank: 'general-manager', duties: [], password: 'zong.jl-password-1' };

let archive: TestArchive;
let dir: string;
beforeEach(async () => {
  archive = await makeDossierArchive();
  await archive.addPerson(GM);
  dir = mkdtempSync(join(tmpdir(), 'triplicate-destroy-out-'));
});
afterEach(() => {
  archive.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('destruction while copies are out', () => {
  it('is refused while a copy is on loan or its offline package is out, and goes through once both are back', async () => {
    const [collector, borrower, custodian, gm] = [
      await unlockAs(archive, PEOPLE.collector),
      await unlockAs(archive, PEOPLE.manager),
      await unlockAs(archive, PEOPLE.custodianS),
      await unlockAs(archive, GM),
    ];
    try {
      const draft = await createDossier(collector, completeDossier());
      const number = draft.number;
      await fileDossier(collector, { number });
      const filed = await loans.fileCard(borrower, {
        copyNumber: `${number}-S`,
        purpose: '出差拜访客户前准备',
        form: 'offline',
        periodDays: 3,
        readingPlace: '客户经理本人笔记本电脑',
        acknowledgeNoPublicReading: true,
      });
      const card = filed.card;
      await loans.approveCard(custodian, { card });
      await offline.issuePackage(borrower, { card, passphrase: 'laptop passphrase 2026', out: join(dir, 'p.tpkg') });
      const request = await requestDestruction(custodian, { number, reason: '保管期满' });

      await expectCode(approveDestruction(gm, { id: request.id, note: '同意' }), 'denied.copiesOut');
      expect(lastEntries(gm)[0]).toMatchObject({ event: 'destruction.approve', outcome: 'denied', reason: 'denied.copiesOut' });
      expect(formatError({ code: 'denied.copiesOut' }, 'en')).toMatch(/on loan/);
      expect(formatError({ code: 'denied.copiesOut' }, 'zh-CN')).toMatch(/在借/);
      const states = gm.archive.db
        .prepare('SELECT state FROM dossier_copies WHERE dossier_id = (SELECT id FROM dossiers WHERE archive_number = ?)')
        .all(number);
      expect(states).not.toContainEqual({ state: 'destroyed' });

      // The package revoked, the copy still on loan: still refused.
      await offline.revokePackage(custodian, { card, reason: '档案待销毁' });
      await expectCode(approveDestruction(gm, { id: request.id }), 'denied.copiesOut');
      // The copy back in custody: the same request now destroys the dossier.
      await loans.returnLoan(custodian, { card });
      const done = await approveDestruction(gm, { id: request.id, note: '同意' });
      expect(done.state).toBe('destroyed');
    } finally {
      for (const s of [collector, borrower, custodian, gm]) await s.lock();
    }
  });
});
