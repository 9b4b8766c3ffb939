/**
 * Rule 7 (离职交接): a departing person takes nothing with them. Called by disablePerson inside
 * its own transaction, so the account, its loans and its cards change together or not at all.
 */
import type { Db } from '../db/connection';
import { notify } from './notices';
import { serveQueue } from './context';
import * as repo from './repository';
import { revokePackagesOfLoan } from '../offline/repository';

export interface Departure {
  recalled: string[];
  cancelled: string[];
  /** Offline packages of the recalled loans, revoked with them (rule 7: 离职交接). */
  packagesRevoked: string[];
}

/** Recalls every loan the person holds and cancels every card not yet on loan. */
export function releaseLoansOf(db: Db, personId: string, byId: string, now: Date): Departure {
  const at = now.toISOString();
  const out: Departure = { recalled: [], cancelled: [], packagesRevoked: [] };
  for (const loan of repo.queryLoans(db, `l.borrower_id = ? AND l.state IN ('submitted', 'queued', 'on-loan')`, [personId], 'l.id')) {
    if (loan.state === 'on-loan') {
      repo.endLoan(db, loan, 'recalled', byId, at, 'departing');
      out.packagesRevoked.push(...revokePackagesOfLoan(db, loan.id, byId, at, 'departing'));
      notify(db, loan.borrowerId, 'loan.recalled', loan.id, `loan.recalled:${loan.id}`, at);
      serveQueue(db, loan.copyId, now);
      out.recalled.push(loan.card);
    } else {
      repo.endLoan(db, loan, 'cancelled', byId, at, 'departing');
      out.cancelled.push(loan.card);
    }
  }
  return out;
}
