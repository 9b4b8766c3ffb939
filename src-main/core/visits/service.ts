/**
 * Daily visit reports (每日客户拜访表, seed 004): a salesperson files the day's visits before the end of
 * the working day; their supervisor comments by 09:15 of the next working day; the sales department
 * manager spot-checks. Deadlines come from the archive's working calendar (core/calendar) and are
 * fixed when the report is filed, so whether something was late never changes afterwards.
 * Every write is a revision and one journal entry; the journal names dates and counts, never visits.
 */
import {
  commentVisitReportSchema,
  fileVisitReportSchema,
  spotCheckSchema,
  visitReportListSchema,
  visitReportRefSchema,
  type VisitReportSummary,
  type VisitReportView,
} from '../../contract/visits-plans';
import { addDays, commentDueAt, dayOf, reportDueAt } from '../calendar/working-days';
import type { Db } from '../db/connection';
import { findDossierByNumber } from '../dossiers/repository';
import { ArchiveError } from '../errors';
import { findPersonById } from '../people/repository';
import { isReportSupervisor } from '../policy/visits-plans';
import { readSettings } from '../settings/service';
import type { Session } from '../session';
import { parseInput } from '../validate';
import * as repo from './repository';

function refOf(raw: unknown): { type: string; id: string } | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) ? { type: 'visitReport', id: String(id) } : null;
}

function requireReport(db: Db, id: number): repo.VisitReportRecord {
  const report = repo.findReport(db, id);
  if (!report) throw new ArchiveError('visitReport.notFound', { id });
  return report;
}

/** 大客户主管: the person's own supervisor when set (people.manager), else any key-account department manager. */
function supervisorOf(db: Db, authorId: string): string | null {
  const author = findPersonById(db, authorId);
  const manager = author?.managerId ? findPersonById(db, author.managerId) : null;
  return manager && !manager.disabled ? manager.id : null;
}

export async function fileVisitReport(session: Session, raw: unknown): Promise<VisitReportSummary> {
  return session.perform({ action: 'visitReport.file' }, (ctx) => {
    const input = parseInput(fileVisitReportSchema, raw);
    const db = session.archive.db;
    const settings = readSettings(db);
    const now = session.archive.clock.now();
    const today = dayOf(now, settings.timeZone);
    const date = input.date ?? today;
    if (date > today) throw new ArchiveError('visitReport.future', { date });
    for (const visit of input.visits) {
      if (visit.dossierNumber !== undefined && !findDossierByNumber(db, visit.dossierNumber)) {
        throw new ArchiveError('dossier.notFound', { number: visit.dossierNumber });
      }
    }
    const at = now.toISOString();
    const existing = repo.findReportOf(db, session.actor.id, date);
    ctx.addDetails({ date, visits: input.visits.length });
    if (existing) {
      ctx.setObject({ type: 'visitReport', id: String(existing.id) });
      if (existing.commentedAt !== null) throw new ArchiveError('visitReport.commented', { date });
      const revision = existing.revision + 1;
      ctx.commit(
        () => {
          repo.amendReport(db, existing.id, input.visits, revision);
          repo.insertReportRevision(db, existing.id, revision, 'amend', at, session.actor.id, { visits: { old: existing.visits, new: input.visits } });
        },
        { revision, amended: true, late: existing.late },
      );
      return summaryOf(db, requireReport(db, existing.id), now);
    }
    const dueAt = reportDueAt(date, settings.workingCalendar, settings.timeZone);
    const late = now.getTime() > dueAt.getTime();
    const id = ctx.commit(
      () => {
        const newId = repo.insertReport(db, {
          authorId: session.actor.id,
          date,
          visits: input.visits,
          supervisorId: supervisorOf(db, session.actor.id),
          filedAt: at,
          dueAt: dueAt.toISOString(),
          late,
          commentDueAt: commentDueAt(date, now, settings.workingCalendar, settings.timeZone).toISOString(),
        });
        ctx.setObject({ type: 'visitReport', id: String(newId) });
        repo.insertReportRevision(db, newId, 1, 'file', at, session.actor.id, { visits: { old: null, new: input.visits } });
        return newId;
      },
      { revision: 1, late, dueAt: dueAt.toISOString() },
    );
    return summaryOf(db, requireReport(db, id), now);
  });
}

export async function commentVisitReport(session: Session, raw: unknown): Promise<VisitReportSummary> {
  const db = session.archive.db;
  return session.perform(
    {
      action: 'visitReport.comment',
      object: refOf(raw),
      load: () => {
        const input = parseInput(commentVisitReportSchema, raw);
        return { input, report: requireReport(db, input.id) };
      },
      target: ({ report }) => ({ visitReport: { authorId: report.authorId, supervisorId: report.supervisorId } }),
    },
    (ctx, { input, report }) => {
      if (report.commentedAt !== null) throw new ArchiveError('visitReport.commented', { date: report.date });
      const now = session.archive.clock.now();
      const at = now.toISOString();
      const late = now.getTime() > new Date(report.commentDueAt).getTime();
      const revision = report.revision + 1;
      ctx.commit(
        () => {
          repo.commentReport(db, report.id, input.comment, at, session.actor.id, late, revision);
          repo.insertReportRevision(db, report.id, revision, 'comment', at, session.actor.id, { comment: { old: null, new: input.comment } });
        },
        { date: report.date, revision, late, dueAt: report.commentDueAt },
      );
      return summaryOf(db, requireReport(db, report.id), now);
    },
  );
}

export async function spotCheckVisitReport(session: Session, raw: unknown): Promise<VisitReportView> {
  const db = session.archive.db;
  return session.perform(
    {
      action: 'visitReport.spotCheck',
      object: refOf(raw),
      load: () => {
        const input = parseInput(spotCheckSchema, raw);
        return { input, report: requireReport(db, input.id) };
      },
    },
    (ctx, { input, report }) => {
      const now = session.archive.clock.now();
      const at = now.toISOString();
      const revision = report.revision + 1;
      ctx.commit(
        () => {
          repo.insertCheck(db, report.id, session.actor.id, at, input.findings, revision);
          repo.insertReportRevision(db, report.id, revision, 'spotCheck', at, session.actor.id, { findings: { old: null, new: input.findings } });
        },
        { date: report.date, revision },
      );
      return viewOf(db, requireReport(db, report.id), now);
    },
  );
}

/** Opening a report reads its visits: content, so the read is an entry of its own. */
export async function openVisitReport(session: Session, raw: unknown): Promise<VisitReportView> {
  const db = session.archive.db;
  return session.perform(
    {
      action: 'visitReport.read',
      object: refOf(raw),
      load: () => requireReport(db, parseInput(visitReportRefSchema, raw).id),
      target: (report) => ({ visitReport: { authorId: report.authorId, supervisorId: report.supervisorId } }),
    },
    (_ctx, report) => viewOf(db, report, session.archive.clock.now()),
  );
}

/** The last 60 days unless a range is given. */
export async function listVisitReports(session: Session, raw: unknown): Promise<VisitReportSummary[]> {
  const claimed = (raw as { scope?: unknown } | null)?.scope;
  const scope = claimed === 'mine' || claimed === 'toComment' || claimed === 'all' ? claimed : undefined;
  return session.perform({ action: 'visitReport.list', target: { visitScope: scope }, details: { scope: scope ?? null } }, () => {
    const input = parseInput(visitReportListSchema, raw);
    const db = session.archive.db;
    const settings = readSettings(db);
    const now = session.archive.clock.now();
    const to = input.to ?? dayOf(now, settings.timeZone);
    const from = input.from ?? addDays(to, -60);
    const actor = session.actor;
    const records =
      input.scope === 'mine'
        ? repo.reportsOf(db, actor.id, from, to)
        : input.scope === 'toComment'
          ? repo.reportsSupervisedBy(db, actor.id, isReportSupervisor(actor, { supervisorId: null }), from, to)
          : repo.allReports(db, from, to);
    return records.map((r) => summaryOf(db, r, now));
  });
}

function personRef(db: Db, id: string | null): { login: string; name: string } | null {
  const p = id ? findPersonById(db, id) : null;
  return p ? { login: p.login, name: p.name } : null;
}

function summaryOf(db: Db, r: repo.VisitReportRecord, now: Date): VisitReportSummary {
  return {
    id: r.id,
    date: r.date,
    author: personRef(db, r.authorId) ?? { login: '?', name: '?' },
    supervisor: personRef(db, r.supervisorId),
    visitCount: r.visits.length,
    filedAt: r.filedAt,
    dueAt: r.dueAt,
    late: r.late,
    commentDueAt: r.commentDueAt,
    commentedAt: r.commentedAt,
    commentLate: r.commentLate,
    commentOverdue: r.commentedAt === null && now.getTime() > new Date(r.commentDueAt).getTime(),
    spotChecks: r.spotChecks,
    revision: r.revision,
  };
}

function viewOf(db: Db, r: repo.VisitReportRecord, now: Date): VisitReportView {
  return {
    ...summaryOf(db, r, now),
    visits: r.visits,
    comment: r.comment,
    commentedBy: personRef(db, r.commentedBy),
    checks: repo.checksOf(db, r.id).map((c) => ({ by: personRef(db, c.checkerId) ?? { login: '?', name: '?' }, at: c.at, findings: c.findings })),
  };
}
