/**
 * Borrow cards (借阅卡): filed by the borrower (rule 1), approved or rejected by the custodian of
 * the copy's department and — for 机密 dossiers — a department manager too, in either order
 * (rule 2: never by the borrower). The last approval issues the copy or queues the card (预约).
 * A renewal is approved the same way, by the same two functions.
 */
import type { z } from 'zod';
import { cardRefSchema, newCardSchema, rejectCardSchema, type LoanView } from '../../contract/loans';
import { findCopy } from '../copies/repository';
import { findDossierById } from '../dossiers/repository';
import { ArchiveError } from '../errors';
import { approverRole } from '../policy/borrowing';
import type { OperationContext, Session } from '../session';
import { readSettings } from '../settings/service';
import { parseInput } from '../validate';
import { dueFrom, issueOrQueue, loanFacts, onCard, wrongState } from './context';
import { notify } from './notices';
import * as repo from './repository';

function claimedCopy(raw: unknown): { type: string; id: string } | null {
  const n = (raw as { copyNumber?: unknown } | null)?.copyNumber;
  return typeof n === 'string' && n.length <= 40 ? { type: 'copy', id: n } : null;
}

/** The borrower is the signed-in person; nothing in the request can name another (rule 5). */
export async function fileCard(session: Session, raw: unknown): Promise<LoanView> {
  return session.perform({ action: 'loan.file', object: claimedCopy(raw) }, (ctx) => {
    const input = parseInput(newCardSchema, raw);
    const db = session.archive.db;
    const max = readSettings(db).maxLoanDays;
    if (input.periodDays > max) throw new ArchiveError('loan.periodTooLong', { max });
    const copy = findCopy(db, input.copyNumber);
    if (!copy) throw new ArchiveError('copy.notFound', { copyNumber: input.copyNumber });
    const dossier = findDossierById(db, copy.dossierId)!;
    if (dossier.status !== 'filed') throw new ArchiveError('dossier.notFiled', { number: dossier.number });
    if (copy.state !== 'in-custody' && copy.state !== 'on-loan') {
      throw new ArchiveError('loan.copyUnavailable', { copyNumber: copy.copyNumber, state: copy.state });
    }
    const borrower = session.actor;
    const open = repo.openCardFor(db, borrower.id, copy.id);
    if (open) throw new ArchiveError('loan.duplicate', { card: open, copyNumber: copy.copyNumber });
    const now = session.archive.clock.now();
    const at = now.toISOString();
    return ctx.commit(
      () => {
        const card = repo.issueCardNumber(db, now.getUTCFullYear());
        ctx.setObject({ type: 'card', id: card });
        const id = repo.insertCard(db, {
          card,
          dossierId: dossier.id,
          copyId: copy.id,
          borrowerId: borrower.id,
          department: copy.department,
          purpose: input.purpose,
          form: input.form,
          periodDays: input.periodDays,
          readingPlace: input.readingPlace,
          needsSecond: dossier.secrecy === 'confidential',
          at,
        });
        for (const custodian of repo.custodiansOf(db, copy.department)) notify(db, custodian, 'card.submitted', id, `card.submitted:${id}`, at);
        ctx.addDetails({ card, number: dossier.number, needsSecondApproval: dossier.secrecy === 'confidential' });
        return repo.toView(db, repo.findLoanById(db, id)!, now);
      },
      {
        copyNumber: copy.copyNumber,
        purpose: input.purpose,
        form: input.form,
        periodDays: input.periodDays,
        readingPlace: input.readingPlace,
        acknowledged: true,
      },
    );
  });
}

/** A card decision: the common front, and the role (custodian or manager) the approver acts in. */
function decide<S extends typeof cardRefSchema | typeof rejectCardSchema>(
  session: Session,
  action: 'loan.approve' | 'loan.reject',
  schema: S,
  raw: unknown,
  body: (input: z.output<S>, loan: repo.LoanRecord, role: 'custodian' | 'manager', ctx: OperationContext) => LoanView,
): Promise<LoanView> {
  return onCard(session, action, schema, raw, (input, loan, ctx) =>
    body(input as z.output<S>, loan, approverRole(session.actor, loanFacts(session, loan))!, ctx),
  );
}

/** Approves a submitted card, or a requested renewal; the last approval needed takes effect. */
export async function approveCard(session: Session, raw: unknown): Promise<LoanView> {
  return decide(session, 'loan.approve', cardRefSchema, raw, (_input, loan, role, ctx) => {
    const db = session.archive.db;
    const me = session.actor.id;
    const now = session.archive.clock.now();
    const at = now.toISOString();
    const renewal = loan.state === 'on-loan' && loan.renewalState === 'requested';
    if (loan.state !== 'submitted' && !renewal) throw wrongState(loan, now);
    if (renewal && !repo.isActive(loan, now)) throw new ArchiveError('loan.notActive', { card: loan.card });
    const [custodianBy, managerBy] = renewal ? [loan.renewalCustodianBy, loan.renewalManagerBy] : [loan.custodianBy, loan.managerBy];
    // One person, one approval: the two signatures of a 机密 card come from two people.
    if ((role === 'custodian' ? custodianBy : managerBy) !== null || custodianBy === me || managerBy === me) {
      throw new ArchiveError('loan.alreadyApproved', { card: loan.card });
    }
    const complete = (role === 'custodian' || custodianBy !== null) && (!loan.needsSecond || role === 'manager' || managerBy !== null);
    // A copy lost or destroyed since the card was filed can neither be issued nor waited for.
    if (!renewal && complete && loan.copyState !== 'in-custody' && loan.copyState !== 'on-loan') {
      throw new ArchiveError('loan.copyUnavailable', { copyNumber: loan.copyNumber, state: loan.copyState });
    }
    return ctx.commit(
      () => {
        let state: string = loan.state;
        if (renewal) {
          repo.recordRenewalApproval(db, loan.id, role, me);
          if (complete) repo.grantRenewal(db, loan.id, dueFrom(new Date(loan.dueAt!), loan.renewalDays!));
        } else {
          repo.recordApproval(db, loan.id, role, me, at);
          if (complete) {
            state = issueOrQueue(db, repo.findLoanById(db, loan.id)!, now);
            notify(db, loan.borrowerId, 'card.approved', loan.id, `card.approved:${loan.id}`, at);
          }
        }
        const after = repo.findLoanById(db, loan.id)!;
        ctx.addDetails({ state, dueAt: after.dueAt });
        return repo.toView(db, after, now);
      },
      { stage: renewal ? 'renewal' : 'card', role, complete, borrower: loan.borrower.login, copyNumber: loan.copyNumber },
    );
  });
}

/** Rejects a submitted card (with the reason the borrower sees), or a requested renewal. */
export async function rejectCard(session: Session, raw: unknown): Promise<LoanView> {
  return decide(session, 'loan.reject', rejectCardSchema, raw, (input, loan, role, ctx) => {
    const db = session.archive.db;
    const now = session.archive.clock.now();
    const at = now.toISOString();
    const renewal = loan.state === 'on-loan' && loan.renewalState === 'requested';
    if (loan.state !== 'submitted' && !renewal) throw wrongState(loan, now);
    return ctx.commit(
      () => {
        if (renewal) repo.refuseRenewal(db, loan.id, input.reason);
        else repo.rejectCard(db, loan.id, session.actor.id, input.reason, at);
        notify(db, loan.borrowerId, 'card.rejected', loan.id, `${renewal ? 'renewal' : 'card'}.rejected:${loan.id}`, at);
        return repo.toView(db, repo.findLoanById(db, loan.id)!, now);
      },
      { stage: renewal ? 'renewal' : 'card', role, reason: input.reason, borrower: loan.borrower.login },
    );
  });
}

/** The borrower withdraws a card not yet on loan: before approval, or from the holds queue. */
export async function cancelCard(session: Session, raw: unknown): Promise<LoanView> {
  return onCard(session, 'loan.cancel', cardRefSchema, raw, (_input, loan, ctx) => {
    const db = session.archive.db;
    const now = session.archive.clock.now();
    if (loan.state !== 'submitted' && loan.state !== 'queued') throw wrongState(loan, now);
    return ctx.commit(
      () => {
        repo.endLoan(db, loan, 'cancelled', session.actor.id, now.toISOString(), null);
        return repo.toView(db, repo.findLoanById(db, loan.id)!, now);
      },
      { stateBefore: loan.state },
    );
  });
}
