/**
 * The approver's queue (待审批): cards and renewals waiting for this person's decision — as the
 * custodian of the copy's department, or as the department manager whose second approval a 机密
 * card needs (rule 2). A department manager cannot read another department's register, so the
 * queue is computed here from the same `approverRole` the decision itself uses, never wider.
 */
import type { LoanView } from '../../contract/loans';
import { approverRole } from '../policy/borrowing';
import type { Session } from '../session';
import { loanFacts } from './context';
import * as repo from './repository';

function awaitsMe(session: Session, loan: repo.LoanRecord): boolean {
  const me = session.actor.id;
  if (loan.borrowerId === me) return false;
  const role = approverRole(session.actor, loanFacts(session, loan));
  if (role === null) return false;
  const renewal = loan.state === 'on-loan';
  const [custodianBy, managerBy] = renewal ? [loan.renewalCustodianBy, loan.renewalManagerBy] : [loan.custodianBy, loan.managerBy];
  // One person, one approval; a signature already given leaves nothing for that role to do.
  if (custodianBy === me || managerBy === me) return false;
  return (role === 'custodian' ? custodianBy : managerBy) === null;
}

/** Cards and renewals awaiting the signed-in person's approval, oldest first. */
export async function pendingApprovals(session: Session): Promise<LoanView[]> {
  return session.perform({ action: 'loan.list', event: 'loan.pending' }, (ctx) => {
    const db = session.archive.db;
    const now = session.archive.clock.now();
    const waiting = repo.queryLoans(
      db,
      `(l.state = 'submitted' OR (l.state = 'on-loan' AND l.renewal_state = 'requested')) AND l.borrower_id <> ?`,
      [session.actor.id],
      'l.submitted_at, l.id',
    );
    const mine = waiting.filter((l) => awaitsMe(session, l) && (l.state === 'submitted' || repo.isActive(l, now)));
    ctx.addDetails({ count: mine.length });
    return mine.map((l) => repo.toView(db, l, now));
  });
}
