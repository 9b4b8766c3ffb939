/**
 * What people ask of borrowing: their own cards, a department's loans (overdue ones for the
 * custodian), a borrower's history for the approver, notifications, incidents and the people
 * flagged by three integrity marks. Each a journaled operation.
 */
import { z } from 'zod';
import {
  cardRefSchema,
  FLAG_AT_MARKS,
  listLoansSchema,
  notificationRefSchema,
  type BorrowerHistory,
  type FlaggedPerson,
  type IncidentView,
  type LoanView,
  type NotificationView,
} from '../../contract/loans';
import { ArchiveError } from '../errors';
import type { Session } from '../session';
import { parseInput } from '../validate';
import { onCard } from './context';
import { countIncidents, countMarks, flaggedPeople as flagged, listIncidents as incidents } from './incidents';
import { computeNotices, listNotices, markNoticeRead } from './notices';
import * as repo from './repository';

/** Without a department: the person's own cards. With one: that department's loans (its register's custodians and managers). */
export async function listLoans(session: Session, raw: unknown = {}): Promise<LoanView[]> {
  const claimed = (raw as { department?: unknown } | null)?.department;
  return session.perform(
    {
      action: 'loan.list',
      details: { department: typeof claimed === 'string' ? claimed : null },
      load: (): z.output<typeof listLoansSchema> => parseInput(listLoansSchema, raw ?? {}),
      target: (input) => (input.department === undefined ? {} : { copyDepartment: input.department }),
    },
    (ctx, input) => {
      const db = session.archive.db;
      const now = session.archive.clock.now();
      const at = now.toISOString();
      const where: string[] = [];
      const params: unknown[] = [];
      if (input.department === undefined) {
        where.push('l.borrower_id = ?');
        params.push(session.actor.id);
      } else {
        where.push('l.department = ?');
        params.push(input.department);
      }
      if (input.overdue) {
        where.push(`l.state = 'on-loan' AND l.due_at <= ?`);
        params.push(at);
      }
      const loans = repo.queryLoans(db, where.join(' AND '), params, input.overdue ? 'l.due_at, l.id' : undefined);
      ctx.addDetails({ overdue: input.overdue, count: loans.length });
      return loans.map((l) => repo.toView(db, l, now));
    },
  );
}

/** For the approver: the borrower's past loans, overdue count, incidents and marks (审核借阅资格). */
export async function borrowerHistory(session: Session, raw: unknown): Promise<BorrowerHistory> {
  return onCard(session, 'loan.history', cardRefSchema, raw, (_input, loan, ctx) => {
    const db = session.archive.db;
    const now = session.archive.clock.now();
    const all = repo.queryLoans(db, 'l.borrower_id = ?', [loan.borrowerId]);
    const marks = countMarks(db, loan.borrowerId);
    const history: BorrowerHistory = {
      borrower: loan.borrower,
      loans: all.filter((l) => l.startsAt !== null).length,
      overdueNow: all.filter((l) => repo.viewState(l, now) === 'overdue').length,
      returnedLate: all.filter((l) => l.state === 'returned-late').length,
      incidents: countIncidents(db, loan.borrowerId),
      integrityMarks: marks,
      flagged: marks >= FLAG_AT_MARKS,
      recent: all.slice(0, 20).map((l) => repo.toView(db, l, now)),
    };
    ctx.addDetails({ borrower: loan.borrower.login });
    return history;
  });
}

/** The person's notifications; overdue and due-soon notices are computed now, idempotently. */
export async function listNotifications(session: Session, raw: unknown = {}): Promise<NotificationView[]> {
  return session.perform({ action: 'loan.notifications', event: 'notification.list' }, (ctx) => {
    const unreadOnly = parseInput(z.object({ unreadOnly: z.boolean().default(false) }).strict(), raw ?? {}).unreadOnly;
    const db = session.archive.db;
    const now = session.archive.clock.now();
    return ctx.commit(() => {
      const added = computeNotices(db, session.actor, now);
      const list = listNotices(db, session.actor.id, unreadOnly);
      ctx.addDetails({ computed: added, count: list.length });
      return list;
    });
  });
}

export async function markNotificationRead(session: Session, raw: unknown): Promise<void> {
  await session.perform({ action: 'loan.notifications', event: 'notification.read' }, (ctx) => {
    const id = parseInput(notificationRefSchema, raw).id;
    ctx.setObject({ type: 'notification', id: String(id) });
    const db = session.archive.db;
    // Checked before the commit: a failure inside it would roll back the entry with the change.
    const mine = db.prepare('SELECT 1 FROM notifications WHERE id = ? AND recipient_id = ?').get(id, session.actor.id);
    if (!mine) throw new ArchiveError('notification.notFound');
    ctx.commit(() => markNoticeRead(db, session.actor.id, id, session.archive.clock.now().toISOString()));
  });
}

export async function listIncidents(session: Session): Promise<IncidentView[]> {
  return session.perform({ action: 'loan.incidents', event: 'incident.list' }, (ctx) => {
    const list = incidents(session.archive.db);
    ctx.addDetails({ count: list.length });
    return list;
  });
}

/** People with three or more integrity marks (诚信黑点累计达3个), for management. */
export async function flaggedPeople(session: Session): Promise<FlaggedPerson[]> {
  return session.perform({ action: 'loan.incidents', event: 'incident.flagged' }, (ctx) => {
    const list = flagged(session.archive.db);
    ctx.addDetails({ count: list.length });
    return list;
  });
}
