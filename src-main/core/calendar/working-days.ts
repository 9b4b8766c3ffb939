/**
 * The archive's working calendar (settings.workingCalendar): which days are working days and when a
 * day's deadlines fall, in the archive's time zone. Pure functions over the setting, so every part of
 * the archive (visit reports, callbacks, complaints…) counts working days the same way.
 *
 * A day is a working day when it is a make-up working day (调休上班), or else when it is neither a
 * public holiday nor a weekend day. Days are plain `YYYY-MM-DD` strings on the office calendar.
 */
import type { WorkingCalendar } from '../../contract/settings';
import { fromWallTime, wallTime } from '../time-zone';

/** The calendar day an instant falls on in the zone. */
export function dayOf(at: Date, timeZone: string): string {
  const w = wallTime(at, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

export function isWorkingDay(day: string, calendar: WorkingCalendar): boolean {
  if (calendar.workdays.includes(day)) return true;
  if (calendar.holidays.includes(day)) return false;
  return !calendar.weekendDays.includes(weekday(day));
}

/** The first working day after `day`. A calendar with no working days at all is refused by the cap. */
export function nextWorkingDay(day: string, calendar: WorkingCalendar): string {
  let next = addDays(day, 1);
  // Two years of days off in a row is no calendar; stop rather than loop forever.
  for (let i = 0; i < 730 && !isWorkingDay(next, calendar); i++) next = addDays(next, 1);
  return next;
}

/** The last working day before `day`. */
export function previousWorkingDay(day: string, calendar: WorkingCalendar): string {
  let prev = addDays(day, -1);
  for (let i = 0; i < 730 && !isWorkingDay(prev, calendar); i++) prev = addDays(prev, -1);
  return prev;
}

/** `day` itself when it is a working day, else the next one. */
export function workingDayFrom(day: string, calendar: WorkingCalendar): string {
  return isWorkingDay(day, calendar) ? day : nextWorkingDay(day, calendar);
}

/** The instant `HH:MM` on `day` in the zone. */
export function at(day: string, time: string, timeZone: string): Date {
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return fromWallTime({ year, month, day: dayOfMonth, hour, minute, second: 0, ms: 0 }, timeZone);
}

/**
 * When the visit report for `day` is due: the end of that working day (每日结束工作前上交); visits on a
 * day off are reported by the end of the next working day.
 */
export function reportDueAt(day: string, calendar: WorkingCalendar, timeZone: string): Date {
  return at(workingDayFrom(day, calendar), calendar.reportDueTime, timeZone);
}

/**
 * When the supervisor's comment is due: 09:15 (the setting) of the next working day after the report's
 * day, or after the day it was filed when it came in later (次一工作日上午9:15前做出批示).
 */
export function commentDueAt(reportDay: string, filedAt: Date, calendar: WorkingCalendar, timeZone: string): Date {
  const filedDay = dayOf(filedAt, timeZone);
  const base = filedDay > reportDay ? filedDay : reportDay;
  return at(nextWorkingDay(base, calendar), calendar.commentDueTime, timeZone);
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

function weekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
