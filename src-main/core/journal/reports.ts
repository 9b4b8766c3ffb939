/**
 * Auditors' standing questions over the journal (domain.md, Journal; issue 6). Each is an
 * ordinary filtered read, journaled like any read (`journal.read`, details name the report), and
 * paged the same way as `readJournal`: pass the returned `nextAfterSeq` to continue.
 */
import { z } from 'zod';
import type { LoanView } from '../../contract/loans';
import { queryLoans, toView } from '../loans/repository';
import type { Session } from '../session';
import { parseInput } from '../validate';
import { fromRow, type JournalEntry } from './entry';
import { resolveFilter, type JournalFilter } from './filter';
import { DEFAULT_PAGE_SIZE, headSeq, queryPage, queryRows, type JournalPage, type PageRequest } from './query';

/** The event a dossier view records (the dossiers feature writes it with object type `dossier`). */
export const DOSSIER_OPEN_EVENT = 'dossier.open';

function report(session: Session, name: string, params: Record<string, unknown>, page: PageRequest, run: () => JournalPage): Promise<JournalPage> {
  return session.perform(
    { action: 'journal.read', details: { report: name, params, afterSeq: page.afterSeq ?? 0, limit: page.limit ?? DEFAULT_PAGE_SIZE } },
    (ctx) => {
      const result = run();
      ctx.addDetails({ returned: result.entries.length });
      return result;
    },
  );
}

/** Who opened dossier X: successful opens of that dossier, oldest first. */
export function whoOpenedDossier(session: Session, dossierId: string, page: PageRequest = {}): Promise<JournalPage> {
  return report(session, 'whoOpenedDossier', { dossierId }, page, () => {
    const filter = resolveFilter(session.archive.db, { object: { type: 'dossier', id: dossierId }, event: DOSSIER_OPEN_EVENT, outcome: 'ok' });
    return queryPage(session.archive.db, filter, page);
  });
}

/** What person Y opened: their successful dossier opens. */
export function dossiersOpenedBy(session: Session, login: string, page: PageRequest = {}): Promise<JournalPage> {
  return report(session, 'dossiersOpenedBy', { login }, page, () => {
    const filter = resolveFilter(session.archive.db, { person: login, event: DOSSIER_OPEN_EVENT, outcome: 'ok' });
    return queryPage(session.archive.db, filter, page);
  });
}

/** Refused attempts (outcome `denied`), optionally narrowed by time or person. */
export function refusedAttempts(session: Session, filters: { from?: string; to?: string; person?: string } = {}, page: PageRequest = {}): Promise<JournalPage> {
  return report(session, 'refusedAttempts', filters, page, () => {
    const filter = resolveFilter(session.archive.db, { ...filters, outcome: 'denied' });
    return queryPage(session.archive.db, filter, page);
  });
}

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
export const workingHoursSchema = z
  .object({
    start: hhmm.default('09:00'),
    end: hhmm.default('18:00'),
    from: z.string().optional(),
    to: z.string().optional(),
    person: z.string().optional(),
    event: z.string().optional(),
  })
  .strict()
  .refine((h) => h.start < h.end, { message: 'start must be before end', path: ['end'] });

/**
 * Access outside working hours: entries by a person whose local time — the entry's UTC time moved
 * by the offset recorded with it, i.e. the clock on the workstation's wall — falls before `start`,
 * at or after `end`, or on a Saturday or Sunday. System entries (no actor) are not access.
 */
export function outsideWorkingHours(session: Session, raw: z.input<typeof workingHoursSchema> = {}, page: PageRequest = {}): Promise<JournalPage> {
  return report(session, 'outsideWorkingHours', raw as Record<string, unknown>, page, () => {
    const options = parseInput(workingHoursSchema, raw);
    const { start, end, ...rest } = options;
    const filter: JournalFilter = resolveFilter(session.archive.db, rest);
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const startMin = minutes(start);
    const endMin = minutes(end);
    const maxSeq = headSeq(session.archive.db);
    const entries: JournalEntry[] = [];
    let after = page.afterSeq ?? 0;
    // Scan in pages, keeping what matches, until a page's worth is found or the journal ends.
    for (;;) {
      const rows = queryRows(session.archive.db, filter, after, 2000, maxSeq);
      for (const row of rows) {
        after = row[0];
        if (row[3] === null) continue;
        if (isOutside(row[1], row[2], startMin, endMin)) {
          entries.push(fromRow(row));
          if (entries.length === limit) return { entries, nextAfterSeq: after };
        }
      }
      if (rows.length < 2000) return { entries, nextAfterSeq: null };
    }
  });
}

function minutes(hm: string): number {
  return Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
}

/** Exported for tests of the boundary: `end` itself is outside, `start` itself is inside. */
export function isOutside(atIso: string, tzOffsetMinutes: number, startMin: number, endMin: number): boolean {
  const local = new Date(Date.parse(atIso) + tzOffsetMinutes * 60_000);
  const day = local.getUTCDay();
  if (day === 0 || day === 6) return true;
  const m = local.getUTCHours() * 60 + local.getUTCMinutes();
  return m < startMin || m >= endMin;
}

/**
 * Overdue loans: every card on loan past its due time at this moment (rule 4: the loan ends at its
 * due time by itself, so "overdue" is computed now, never stored), most overdue first, across all
 * departments. Catalogue facts and borrowing facts only, never dossier content.
 */
export function overdueLoans(session: Session): Promise<LoanView[]> {
  return session.perform({ action: 'journal.read', details: { report: 'overdueLoans', params: {} } }, (ctx) => {
    const db = session.archive.db;
    const now = session.archive.clock.now();
    const loans = queryLoans(db, `l.state = 'on-loan' AND l.due_at <= ?`, [now.toISOString()], 'l.due_at, l.id');
    ctx.addDetails({ returned: loans.length });
    return loans.map((loan) => toView(db, loan, now));
  });
}
