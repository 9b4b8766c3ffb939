/**
 * Offline packages (离线借阅包): who may make one, receive one back, revoke one, and take the
 * revocation list. Pure decisions over the loan's facts, like policy/borrowing.ts.
 *
 * Why the borrower issues, not the custodian: the seeds give the custodian (信息保管员) the review
 * of eligibility and the register (审核借阅资格和借阅记录), and the custodian already decided that
 * when approving a card whose form is "offline package for a laptop". What remains is setting the
 * package passphrase, and the passphrase must be known to the reader alone: a package made at the
 * custodian's desk would be a package two people can open. So the borrower makes it, for their own
 * card only, while the loan is active (rule 3 at that moment); receiving it back (the reading log
 * into the journal) is the custodian's, like receiving a printed copy.
 */
import type { Actor } from './actor';
import { allow, deny, type Decision } from './decision';
import { canKeepLoan, canReturnLoan, type LoanFacts } from './borrowing';

/** Only the borrower, only on an active loan, only on a card approved as an offline package. */
export function canIssuePackage(actor: Actor, loan: LoanFacts | undefined): Decision {
  if (actor.duties.includes('admin') || actor.duties.includes('auditor')) return deny('denied.noContentAccess');
  if (!loan || loan.borrowerId !== actor.id) return deny('denied.notBorrower');
  if (!loan.active) return deny('denied.noContentAccess');
  if (loan.form !== 'offline') return deny('offline.wrongForm');
  return allow();
}

/** The custodian of the copy's department receives the package and its reading log. */
export function canReceivePackage(actor: Actor, loan: LoanFacts | undefined): Decision {
  return canKeepLoan(actor, loan);
}

/**
 * Revoking (a lost laptop, a recall): the copy's custodian, or the borrower reporting their own
 * laptop lost — a borrower can only ever narrow their own access, so there is no reason to refuse.
 */
export function canRevokePackage(actor: Actor, loan: LoanFacts | undefined): Decision {
  return canReturnLoan(actor, loan);
}

/**
 * The revocation list names package ids and times, nothing about a customer or a reader: the more
 * laptops carry it the better, so anyone signed in may take it (and the taking is journaled).
 */
export function canExportRevocations(_actor: Actor): Decision {
  return allow();
}
