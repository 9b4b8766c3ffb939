/**
 * The lead rules' calendar, in the archive's time zone: working days for the two-day check
 * (两个工作日内反馈), the publication dates (每月10、20、30日) and quarters. Working days are
 * Monday to Friday here; `isWorkingDay` is the one function to swap for the archive's working
 * calendar (holidays and make-up days) when that lands.
 */
import { ArchiveError } from '../errors';
import { fromWallTime, wallTime } from '../time-zone';

/** A calendar day as YYYY-MM-DD. */
export type Day = string;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dayOf = (y: number, m: number, d: number): Day => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function parts(day: Day): { y: number; m: number; d: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

/** A real calendar date, or `lead.badDate`. */
export function checkDay(day: string): Day {
  const { y, m, d } = parts(day);
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    throw new ArchiveError('lead.badDate', { date: day.slice(0, 20) });
  }
  return day;
}

/** The day an instant falls on in the zone. */
export function dayIn(at: Date, timeZone: string): Day {
  const w = wallTime(at, timeZone);
  return dayOf(w.year, w.month, w.day);
}

export function addDays(day: Day, n: number): Day {
  const { y, m, d } = parts(day);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return dayOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The first instant of a day in the zone. */
export function startOfDay(day: Day, timeZone: string): Date {
  const { y, m, d } = parts(day);
  return fromWallTime({ year: y, month: m, day: d, hour: 0, minute: 0, second: 0, ms: 0 }, timeZone);
}

/** Monday to Friday. Swap this for the archive's working calendar (holidays, make-up days). */
export function isWorkingDay(day: Day): boolean {
  const { y, m, d } = parts(day);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * When a check is due: the end of the `n`th working day after the day of `at` (a lead reported on
 * Friday with two working days is due at the end of Tuesday).
 */
export function workingDaysAfter(at: Date, n: number, timeZone: string): Date {
  let day = dayIn(at, timeZone);
  for (let left = n; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return new Date(startOfDay(addDays(day, 1), timeZone).getTime() - 1);
}

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The publication days of a month: the 10th, 20th and 30th (February's last day for its 30th). */
function publicationDays(y: number, m: number): Day[] {
  return [10, 20, Math.min(30, lastDayOfMonth(y, m))].map((d) => dayOf(y, m, d));
}

/** The latest publication day on or before `day`, and the one before it. */
export function publicationPeriod(day: Day): { publishedOn: Day; previous: Day } {
  const { y, m } = parts(day);
  const prevMonth = m === 1 ? { y: y - 1, m: 12 } : { y, m: m - 1 };
  const days = [...publicationDays(prevMonth.y, prevMonth.m), ...publicationDays(y, m)];
  const index = days.findLastIndex((p) => p <= day);
  return { publishedOn: days[index]!, previous: days[index - 1]! };
}

/** A quarter's first and last day, from `YYYY-Qn`. */
export function quarterDays(quarter: string): { from: Day; to: Day } {
  const y = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const first = (q - 1) * 3 + 1;
  return { from: dayOf(y, first, 1), to: dayOf(y, first + 2, lastDayOfMonth(y, first + 2)) };
}

export function quarterOf(day: Day): string {
  const { y, m } = parts(day);
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}
