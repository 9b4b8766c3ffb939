/**
 * A loan once issued: the one renewal (asked by the borrower, approved like a card), recall by the
 * custodian (access ends at once), return by the borrower or the custodian (late when past due),
 * and a lost copy (loss.ts).
 */
import type { z } from 'zod';
import { cardRefSchema, lostLoanSchema, recallLoanSchema, renewLoanSchema, type LoanView } from '../../contract/loans';
import { ArchiveError } from '../errors';
import type { Action } from '../policy';
import type { OperationContext, Session } from '../session';
import { readSettings } from '../settings/service';
import { onCard, serveQueue, wrongState } from './context';
import { loseLoan } from './loss';
import { revokePackagesOfLoan } from '../offline/repository';
import { notify } from './notices';
import * as repo from './repository';

type CardSchema = typeof cardRefSchema | typeof renewLoanSchema | typeof recallLoanSchema | typeof lostLoanSchema;

/** An operation on a loan that must be running (issued, not yet ended); `now` is the moment checked. */
function onLoan<S extends CardSchema, T>(
  session: Session,
  action: Action,
  schema: S,
  raw: unknown,
  body: (input: z.output<S>, loan: repo.LoanRecord, ctx: OperationContext, now: Date) => T,
): Promise<T> {
  return onCard(session, action, schema, raw, (input, loan, ctx) => {
    const now = session.archive.clock.now();
    if (loan.state !== 'on-loan') throw wrongState(loan, now);
    return body(input as z.output<S>, loan, ctx, now);
  });
}

/** The one renewal: asked while the loan is still running, within the maximum period. */
export async function requestRenewal(session: Session, raw: unknown): Promise<LoanView> {
  return onLoan(session, 'loan.renew', renewLoanSchema, raw, (input, loan, ctx, now) => {
    const db = session.archive.db;
    if (!repo.isActive(loan, now)) throw new ArchiveError('loan.notActive', { card: loan.card });
    if (loan.renewalState !== null) throw new ArchiveError('loan.renewalUsed', { card: loan.card });
    // The renewal has its own ceiling (settings.maxRenewalDays), set by the administrator.
    const max = readSettings(db).maxRenewalDays;
    if (input.days > max) throw new ArchiveError('loan.periodTooLong', { max });
    const at = now.toISOString();
    return ctx.commit(
      () => {
        repo.requestRenewal(db, loan.id, input.days);
        for (const custodian of repo.custodiansOf(db, loan.department)) notify(db, custodian, 'card.submitted', loan.id, `renewal:${loan.id}`, at);
        return repo.toView(db, repo.findLoanById(db, loan.id)!, now);
      },
      { days: input.days, dueAt: loan.dueAt },
    );
  });
}

/** Recall (收回): the loan ends now, whatever its due time; the borrower is told. */
export async function recallLoan(session: Session, raw: unknown): Promise<LoanView> {
  return onLoan(session, 'loan.recall', recallLoanSchema, raw, (input, loan, ctx, now) => {
    const db = session.archive.db;
    const at = now.toISOString();
    return ctx.commit(
      () => {
        repo.endLoan(db, loan, 'recalled', session.actor.id, at, input.reason ?? null);
        // Rule 7 / recall: an offline package of this loan is revoked in the same transaction.
        ctx.addDetails({ packagesRevoked: revokePackagesOfLoan(db, loan.id, session.actor.id, at, 'recalled') });
        notify(db, loan.borrowerId, 'loan.recalled', loan.id, `loan.recalled:${loan.id}`, at);
        const next = serveQueue(db, loan.copyId, now);
        ctx.addDetails({ nextCard: next });
        return repo.toView(db, repo.findLoanById(db, loan.id)!, now);
      },
      { reason: input.reason ?? null, borrower: loan.borrower.login, dueAt: loan.dueAt },
    );
  });
}

/** The copy comes back into custody; after the due time it is a late return. The queue moves on. */
export async function returnLoan(session: Session, raw: unknown): Promise<LoanView> {
  return onLoan(session, 'loan.return', cardRefSchema, raw, (_input, loan, ctx, now) => {
    const db = session.archive.db;
    const at = now.toISOString();
    const late = at >= loan.dueAt!;
    return ctx.commit(
      () => {
        repo.endLoan(db, loan, late ? 'returned-late' : 'returned', session.actor.id, at, null);
        // A package not brought back (offline.return) must not outlive the loan it was made for.
        ctx.addDetails({ packagesRevoked: revokePackagesOfLoan(db, loan.id, session.actor.id, at, 'loan returned without its package') });
        const next = serveQueue(db, loan.copyId, now);
        ctx.addDetails({ nextCard: next });
        return repo.toView(db, repo.findLoanById(db, loan.id)!, now);
      },
      { late, dueAt: loan.dueAt, borrower: loan.borrower.login },
    );
  });
}

/** A copy lost during a loan (遗失): the copy is lost, an incident names the borrower and their manager, a mark is recorded. */
export async function recordLoanLost(session: Session, raw: unknown): Promise<LoanView & { incident: number; marks: number; manager: string | null }> {
  return onLoan(session, 'loan.lost', lostLoanSchema, raw, (input, loan, ctx, now) => {
    const db = session.archive.db;
    return ctx.commit(() => {
      const loss = loseLoan(db, loan, session.actor.id, input.description, now);
      ctx.addDetails({
        borrower: loss.borrower,
        manager: loss.manager,
        copyNumber: loan.copyNumber,
        revision: loss.revision,
        incident: loss.incident,
        marks: loss.marks,
        flagged: loss.flagged,
      });
      return { ...repo.toView(db, repo.findLoanById(db, loan.id)!, now), incident: loss.incident, marks: loss.marks, manager: loss.manager };
    });
  });
}
