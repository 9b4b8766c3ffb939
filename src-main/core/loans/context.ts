/**
 * Facts a card decision needs, read at the moment of the request, and the holds queue (预约):
 * one borrower per copy; when the copy comes back the next fully approved card gets it.
 */
import type { z } from 'zod';
import { ArchiveError } from '../errors';
import type { Db } from '../db/connection';
import type { Action, LoanFacts } from '../policy';
import type { OperationContext, Session } from '../session';
import { readSettings } from '../settings/service';
import { parseInput } from '../validate';
import { notify } from './notices';
import * as repo from './repository';

export const DAY_MS = 24 * 60 * 60 * 1000;

export function requireLoan(db: Db, card: string): repo.LoanRecord {
  const loan = repo.findLoan(db, card);
  if (!loan) throw new ArchiveError('loan.notFound', { card });
  return loan;
}

export function loanFacts(session: Session, loan: repo.LoanRecord): LoanFacts {
  const now = session.archive.clock.now();
  return {
    borrowerId: loan.borrowerId,
    department: loan.department,
    borrowerDepartment: loan.borrowerDepartment,
    dossierDepartment: loan.dossierDepartment,
    needsSecond: loan.needsSecond,
    active: repo.isActive(loan, now),
    allowCopyOut: readSettings(session.archive.db).allowCopyOut,
  };
}

/**
 * The front every operation on one card shares: the request is parsed and its card found inside
 * the policy target, so bad input and an unknown card are journaled like any refusal, and the
 * decision is taken on facts read at that moment. The body gets the parsed input and the card.
 */
export function onCard<S extends z.ZodType, T>(
  session: Session,
  /** The action decided on; with `event` when the journal names it otherwise (a read is a dossier open). */
  op: Action | { action: Action; event: string },
  schema: S,
  raw: unknown,
  body: (input: z.output<S>, loan: repo.LoanRecord, ctx: OperationContext) => T | Promise<T>,
): Promise<T> {
  return session.perform(
    {
      ...(typeof op === 'string' ? { action: op } : op),
      object: claimedCard(raw),
      load: () => {
        const input = parseInput(schema, raw);
        // Every card schema names the card; zod's types cannot say so generically.
        return { input, loan: requireLoan(session.archive.db, (input as { card: string }).card) };
      },
      target: ({ loan }) => ({ loan: loanFacts(session, loan) }),
    },
    (ctx, { input, loan }) => body(input, loan, ctx),
  );
}

/** `{ card }` out of an untrusted request, for the journal entry's object before validation. */
export function claimedCard(raw: unknown): { type: string; id: string } | null {
  const c = (raw as { card?: unknown } | null)?.card;
  return typeof c === 'string' && c.length <= 40 ? { type: 'card', id: c } : null;
}

export function wrongState(loan: repo.LoanRecord, now: Date): ArchiveError {
  return new ArchiveError('loan.wrongState', { card: loan.card, state: repo.viewState(loan, now) });
}

export function dueFrom(start: Date, days: number): string {
  return new Date(start.getTime() + days * DAY_MS).toISOString();
}

/** Both approvals in (the manager's only for 机密): issue the copy, or join the holds queue. */
export function issueOrQueue(db: Db, loan: repo.LoanRecord, now: Date): 'on-loan' | 'queued' {
  const at = now.toISOString();
  if (loan.copyState === 'in-custody' && !repo.copyOnLoan(db, loan.copyId)) {
    repo.issueCopy(db, loan.id, loan.copyId, at, at, dueFrom(now, loan.periodDays), loan.copyRevision);
    return 'on-loan';
  }
  repo.queueCard(db, loan.id, at);
  return 'queued';
}

/** The copy is back in custody: the next in the holds queue gets it and is told. */
export function serveQueue(db: Db, copyId: number, now: Date): string | null {
  const next = repo.nextQueued(db, copyId);
  if (!next || next.copyState !== 'in-custody') return null;
  const at = now.toISOString();
  repo.issueCopy(db, next.id, copyId, next.approvedAt ?? at, at, dueFrom(now, next.periodDays), next.copyRevision);
  notify(db, next.borrowerId, 'hold.available', next.id, `hold.available:${next.id}`, at);
  return next.card;
}
