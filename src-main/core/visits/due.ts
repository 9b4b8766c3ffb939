/**
 * Visit-report work in the due list: the salesperson's report for today (and for the last working
 * day when it was never filed), the supervisor's comments, and the sales department manager's spot
 * check (不定期抽查: one a week at least, due `spotCheckDays` after the last one).
 */
import type { DueItem } from '../../contract/due';
import { dayOf, isWorkingDay, previousWorkingDay, reportDueAt } from '../calendar/working-days';
import type { DueQuery, DueSource } from '../due/sources';
import { isReportSupervisor, isSalesperson, isSpotChecker } from '../policy/visits-plans';
import { readSettings } from '../settings/service';
import * as repo from './repository';

const item = (kind: DueItem['kind'], key: string, subject: string | null, dueAt: Date, now: Date): DueItem => ({
  kind,
  key,
  dossierId: null,
  dossierNumber: null,
  customerName: null,
  subject,
  dueAt: dueAt.toISOString(),
  overdue: now.getTime() > dueAt.getTime(),
});

export const visitReportsDue: DueSource = ({ archive, actor, now }: DueQuery) => {
  if (!isSalesperson(actor)) return [];
  const { workingCalendar: calendar, timeZone } = readSettings(archive.db);
  const today = dayOf(now, timeZone);
  const days = [previousWorkingDay(today, calendar)];
  if (isWorkingDay(today, calendar)) days.push(today);
  return days
    .filter((day) => !repo.findReportOf(archive.db, actor.id, day))
    .map((day) => item('visitReport', `visitReport:${day}`, day, reportDueAt(day, calendar, timeZone), now));
};

export const reportCommentsDue: DueSource = ({ archive, actor, now }: DueQuery) => {
  // Anyone can be named someone's supervisor, so everyone is asked; the index makes it one lookup.
  const orUnassigned = isReportSupervisor(actor, { supervisorId: null });
  return repo
    .uncommentedFor(archive.db, actor.id, orUnassigned)
    .filter((r) => isReportSupervisor(actor, r))
    .map((r) => item('reportComment', `reportComment:${r.id}`, `${r.date} ${authorName(archive.db, r.authorId)}`, new Date(r.commentDueAt), now));
};

export const spotChecksDue: DueSource = ({ archive, actor, now }: DueQuery) => {
  if (!isSpotChecker(actor)) return [];
  const last = repo.lastCheckBy(archive.db, actor.id);
  const { spotCheckDays } = readSettings(archive.db);
  const dueAt = last ? new Date(new Date(last).getTime() + spotCheckDays * 86_400_000) : now;
  return [item('spotCheck', `spotCheck:${dueAt.toISOString().slice(0, 10)}`, null, dueAt, now)];
};

function authorName(db: DueQuery['archive']['db'], id: string): string {
  const row = db.prepare('SELECT name FROM people WHERE id = ?').get(id) as { name: string } | undefined;
  return row?.name ?? '';
}
