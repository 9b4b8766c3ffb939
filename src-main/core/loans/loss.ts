/**
 * A copy lost while on loan (遗失): the loan ends as lost, the copy is lost, an incident names the
 * borrower and their direct manager (直接上级承担领导责任), and an integrity mark (诚信黑点) is
 * recorded against the borrower. Shared by the loan's own "lost" and the copies' "record lost",
 * so a copy lost by either path during a loan is the same incident. Runs inside the caller's
 * transaction.
 */
import { FLAG_AT_MARKS } from '../../contract/loans';
import type { Db } from '../db/connection';
import { countMarks, recordIncident } from './incidents';
import * as repo from './repository';
import { revokePackagesOfLoan } from '../offline/repository';
import { noticeToManager } from '../records/incidents';

export interface Loss {
  card: string;
  borrower: string;
  manager: string | null;
  revision: number;
  incident: number;
  marks: number;
  flagged: boolean;
}

export function loseLoan(db: Db, loan: repo.LoanRecord, byId: string, description: string, now: Date): Loss {
  const at = now.toISOString();
  const managerId = repo.responsibleManagerOf(db, loan.borrowerId);
  const revision =
    (db.prepare('SELECT copy_revision FROM loans WHERE id = ?').get(loan.id) as { copy_revision: number | null }).copy_revision ?? loan.copyRevision;
  repo.endLoan(db, loan, 'lost', byId, at, description);
  revokePackagesOfLoan(db, loan.id, byId, at, 'copy lost');
  repo.markCopyLost(db, loan.copyId, byId, description, at);
  const incident = recordIncident(db, {
    kind: 'lost',
    loanId: loan.id,
    dossierId: loan.dossierId,
    copyId: loan.copyId,
    revision,
    personId: loan.borrowerId,
    managerId,
    description,
    at,
    recordedBy: byId,
  });
  // The direct manager is told (issue 16): 直接上级承担领导责任.
  noticeToManager(db, managerId, incident, at);
  const marks = countMarks(db, loan.borrowerId);
  return {
    card: loan.card,
    borrower: loan.borrower.login,
    manager: repo.personRef(db, managerId)?.login ?? null,
    revision,
    incident,
    marks,
    flagged: marks >= FLAG_AT_MARKS,
  };
}

/** The copy's current loan, if it is on loan: the copies service asks before recording a loss. */
export function loseCopyOnLoan(db: Db, copyId: number, byId: string, description: string, now: Date): Loss | null {
  const loan = repo.queryLoans(db, `l.copy_id = ? AND l.state = 'on-loan'`, [copyId], 'l.id', 1)[0];
  return loan ? loseLoan(db, loan, byId, description, now) : null;
}
