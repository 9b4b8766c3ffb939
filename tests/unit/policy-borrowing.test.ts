/** The borrowing decisions as pure functions (policy/borrowing.ts): rules 1 and 2 at their edges. */
import { describe, expect, it } from 'vitest';
import type { Actor, LoanFacts } from '../../src-main/core/policy';
import { can } from '../../src-main/core/policy';

const actor = (over: Partial<Actor>): Actor => ({ id: 'a', login: 'a', name: 'A', department: 'sales', rank: 'staff', duties: [], disabled: false, ...over });
const loan = (over: Partial<LoanFacts> = {}): LoanFacts => ({
  borrowerId: 'b',
  department: 'sales',
  borrowerDepartment: 'key-accounts',
  dossierDepartment: 'key-accounts',
  needsSecond: false,
  active: true,
  allowCopyOut: false,
  ...over,
});

describe('borrowing policy', () => {
  it('rule 1: only account managers and above file a card; administrators and auditors never', () => {
    expect(can(actor({ rank: 'staff' }), 'loan.file')).toEqual({ allowed: false, reason: 'denied.rankTooLow' });
    expect(can(actor({ rank: 'account-manager' }), 'loan.file').allowed).toBe(true);
    expect(can(actor({ rank: 'general-manager', duties: ['auditor'] }), 'loan.file')).toEqual({ allowed: false, reason: 'denied.noContentAccess' });
  });

  it('rule 2: nobody decides their own card, even as the custodian of its copy', () => {
    const self = actor({ id: 'b', duties: ['custodian'] });
    expect(can(self, 'loan.approve', { loan: loan() })).toEqual({ allowed: false, reason: 'denied.ownCard' });
    expect(can(self, 'loan.reject', { loan: loan() })).toEqual({ allowed: false, reason: 'denied.ownCard' });
  });

  it("rule 2: a department manager approves only 机密 cards, and only of the borrower's or the dossier's department", () => {
    const manager = actor({ rank: 'department-manager', department: 'key-accounts' });
    expect(can(manager, 'loan.approve', { loan: loan() })).toEqual({ allowed: false, reason: 'denied.notApprover' });
    expect(can(manager, 'loan.approve', { loan: loan({ needsSecond: true }) }).allowed).toBe(true);
    const elsewhere = actor({ rank: 'department-manager', department: 'marketing' });
    expect(can(elsewhere, 'loan.approve', { loan: loan({ needsSecond: true }) })).toEqual({ allowed: false, reason: 'denied.notApprover' });
    expect(can(actor({ rank: 'general-manager', department: 'marketing' }), 'loan.approve', { loan: loan({ needsSecond: true }) }).allowed).toBe(true);
  });

  it("printing needs an active loan of one's own; copying out also needs the archive to allow it", () => {
    const b = actor({ id: 'b', rank: 'account-manager' });
    expect(can(b, 'loan.print', { loan: loan() }).allowed).toBe(true);
    expect(can(b, 'loan.print', { loan: loan({ active: false }) })).toEqual({ allowed: false, reason: 'denied.noContentAccess' });
    expect(can(b, 'loan.copyOut', { loan: loan() })).toEqual({ allowed: false, reason: 'loan.copyOutOff' });
    expect(can(b, 'loan.copyOut', { loan: loan({ allowCopyOut: true }) }).allowed).toBe(true);
    expect(can(actor({ id: 'c', rank: 'account-manager' }), 'loan.print', { loan: loan() })).toEqual({ allowed: false, reason: 'denied.notBorrower' });
  });

  it("a department's register is for its custodians and managers", () => {
    expect(can(actor({ duties: ['custodian'] }), 'loan.register', { copyDepartment: 'sales' }).allowed).toBe(true);
    expect(can(actor({ duties: ['custodian'], department: 'marketing' }), 'loan.register', { copyDepartment: 'sales' })).toEqual({
      allowed: false,
      reason: 'denied.notCopyCustodian',
    });
    expect(can(actor({ rank: 'department-manager' }), 'loan.register', { copyDepartment: 'sales' }).allowed).toBe(true);
    expect(can(actor({ rank: 'account-manager' }), 'loan.register', { copyDepartment: 'sales' })).toEqual({ allowed: false, reason: 'denied.notCustodian' });
  });
});
