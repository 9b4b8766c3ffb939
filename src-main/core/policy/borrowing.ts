/**
 * Who may file, decide, hold and keep borrow cards (借阅卡) — rules 1, 2, 3 and 7 of domain.md.
 * Pure decisions over facts the loans service gathers at the moment of the request, the same
 * way policy/dossiers.ts decides over DossierFacts.
 */
import { rankAtLeast } from '../../contract/people';
import type { LoanForm } from '../../contract/loans';
import type { Actor } from './actor';
import { allow, deny, type Decision } from './decision';

/** What a card decision depends on; read by the service when the request arrives. */
export interface LoanFacts {
  borrowerId: string;
  /** The department holding the copy: its custodians decide (信息保管员审核借阅资格). */
  department: string;
  borrowerDepartment: string;
  dossierDepartment: string | null;
  /** The dossier is 机密 (confidential): a department manager approves as well. */
  needsSecond: boolean;
  /** The loan is active at this moment (on loan, started, not yet due). */
  active?: boolean;
  /** The archive setting `allowCopyOut`. */
  allowCopyOut?: boolean;
  /** The card's form (in the app, printed, offline package): offline packages ask (policy/offline.ts). */
  form?: LoanForm;
}

export type ApproverRole = 'custodian' | 'manager';

/** Rule 1: 仅客户经理级及以上人员有权借阅. Administrators and auditors read no content whatever their rank. */
export function canFileCard(actor: Actor): Decision {
  if (actor.duties.includes('admin') || actor.duties.includes('auditor')) return deny('denied.noContentAccess');
  return rankAtLeast(actor.rank, 'account-manager') ? allow() : deny('denied.rankTooLow');
}

/**
 * In which capacity the actor may approve: the custodian of the copy's department, or — for a
 * confidential dossier — a department manager of the borrower's or the dossier's department (the
 * general manager for any). Null when neither.
 */
export function approverRole(actor: Actor, loan: LoanFacts): ApproverRole | null {
  if (actor.duties.includes('custodian') && actor.department === loan.department) return 'custodian';
  if (!loan.needsSecond) return null;
  if (actor.rank === 'general-manager') return 'manager';
  if (actor.rank === 'department-manager' && (actor.department === loan.borrowerDepartment || actor.department === loan.dossierDepartment)) {
    return 'manager';
  }
  return null;
}

/** Rule 2: nobody approves (or rejects) their own card; otherwise an approver as above. */
export function canDecideCard(actor: Actor, loan: LoanFacts | undefined): Decision {
  if (!loan) return deny('denied.notApprover');
  if (loan.borrowerId === actor.id) return deny('denied.ownCard');
  const role = approverRole(actor, loan);
  if (role === 'custodian') return allow('custodian');
  if (role === 'manager') return allow();
  return actor.duties.includes('custodian') ? deny('denied.notCopyCustodian') : deny('denied.notApprover');
}

/** Cancelling before approval and asking for the one renewal are the borrower's own acts. */
export function canActAsBorrower(actor: Actor, loan: LoanFacts | undefined): Decision {
  return loan && loan.borrowerId === actor.id ? allow() : deny('denied.notBorrower');
}

/** Recall, a lost copy, the borrower's history: the custodian of the copy's department. */
export function canKeepLoan(actor: Actor, loan: LoanFacts | undefined): Decision {
  if (!actor.duties.includes('custodian')) return deny('denied.notCustodian');
  return loan && loan.department === actor.department ? allow('custodian') : deny('denied.notCopyCustodian');
}

/** The copy comes back from the borrower, or is received by its custodian. */
export function canReturnLoan(actor: Actor, loan: LoanFacts | undefined): Decision {
  if (loan && loan.borrowerId === actor.id) return allow();
  return canKeepLoan(actor, loan);
}

/**
 * Printing and copying out (rule 3 at that moment): only the borrower, only while the loan is
 * active; copying out only where the archive allows it at all.
 */
export function canUseContent(actor: Actor, loan: LoanFacts | undefined, copyOut: boolean): Decision {
  if (!loan || loan.borrowerId !== actor.id) return deny('denied.notBorrower');
  if (!loan.active) return deny('denied.noContentAccess');
  if (copyOut && !loan.allowCopyOut) return deny('loan.copyOutOff');
  return allow();
}

/** The borrowing register (借阅登记簿) of a department: its custodians and its managers. */
export function canSeeRegister(actor: Actor, department: string | undefined): Decision {
  if (department === undefined) return deny('denied.notCustodian');
  if (actor.duties.includes('custodian')) return actor.department === department ? allow('custodian') : deny('denied.notCopyCustodian');
  if (actor.rank === 'general-manager' || (actor.rank === 'department-manager' && actor.department === department)) return allow();
  return deny('denied.notCustodian');
}

/** Incidents and integrity marks (诚信黑点) are for management. */
export function canSeeIncidents(actor: Actor): Decision {
  return rankAtLeast(actor.rank, 'department-manager') ? allow() : deny('denied.notManagement');
}
