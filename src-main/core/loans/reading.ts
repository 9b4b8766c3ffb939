/**
 * The core side of the reading view. Reading goes through the dossiers' own content read
 * (openDossier: rule 3 via hasActiveLoan at that moment, one access-log entry either way) and
 * adds the watermark the view prints over the content: reader, card, copy and time. Printing and
 * copying out are their own journaled operations, allowed only while the loan is active.
 */
import { copyOutSchema, printLoanSchema, readLoanSchema, type LoanReading, type Watermark } from '../../contract/loans';
import { openDossier } from '../dossiers/service';
import { ArchiveError } from '../errors';
import type { Session } from '../session';
import { onCard } from './context';
import * as repo from './repository';

function watermark(session: Session, loan: repo.LoanRecord, at: Date): Watermark {
  const reader = session.actor;
  return { readerName: reader.name, readerLogin: reader.login, card: loan.card, copyNumber: loan.copyNumber, at: at.toISOString() };
}

/**
 * Opens the dossier of one of the reader's own cards. A card that is not theirs (or does not
 * exist) is refused here with its own entry; otherwise the dossier read decides and journals.
 */
export async function readDossier(session: Session, raw: unknown): Promise<LoanReading> {
  const db = session.archive.db;
  const parsed = readLoanSchema.safeParse(raw);
  const loan = parsed.success ? repo.findLoan(db, parsed.data.card) : null;
  if (!parsed.success || !loan || loan.borrowerId !== session.actor.id) {
    // Journals the refusal (bad input, unknown card, someone else's card) as a dossier open.
    await onCard(session, { action: 'loan.read', event: 'dossier.open' }, readLoanSchema, raw, () => {
      throw new ArchiveError('internal');
    });
    throw new ArchiveError('internal');
  }
  const dossier = await openDossier(
    session,
    { number: loan.number, ...(parsed.data.sections ? { sections: parsed.data.sections } : {}) },
    { card: loan.card, copyNumber: loan.copyNumber },
  );
  return { dossier, watermark: watermark(session, loan, session.archive.clock.now()), dueAt: loan.dueAt! };
}

/** Print or copy-out: allowed by the policy on the loan as it is now; journaled with what was used. */
function useContent<S extends typeof printLoanSchema | typeof copyOutSchema>(
  session: Session,
  action: 'loan.print' | 'loan.copyOut',
  schema: S,
  raw: unknown,
): Promise<Watermark> {
  return onCard(session, action, schema, raw, (input, loan, ctx) => {
    const { card: _card, ...what } = input as Record<string, unknown>;
    ctx.addDetails({ ...what, number: loan.number, copyNumber: loan.copyNumber });
    return watermark(session, loan, session.archive.clock.now());
  });
}

/** A print of loaned content (UI prints; the core journals and hands back the watermark for every page). */
export function printLoan(session: Session, raw: unknown): Promise<Watermark> {
  return useContent(session, 'loan.print', printLoanSchema, raw);
}

/** Content copied out of the reading view: refused unless the archive allows it, journaled when it does. */
export function copyOutLoan(session: Session, raw: unknown): Promise<Watermark> {
  return useContent(session, 'loan.copyOut', copyOutSchema, raw);
}
