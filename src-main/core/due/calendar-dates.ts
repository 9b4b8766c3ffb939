/**
 * Calendar dates as `YYYY-MM-DD` strings: contact records, birthdays and celebrations are dates on
 * the office wall, not instants, so the cadence and callback rules count days, weeks and months
 * of dates; only "today" and a due time need the archive's time zone.
 */
import { fromWallTime, wallTime } from '../time-zone';

const pad = (n: number) => String(n).padStart(2, '0');

function toDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(date: string, days: number): string {
  const d = toDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromDate(d);
}

/** The Monday of the date's week (weeks run Monday to Sunday, as on Chinese office calendars). */
export function weekStart(date: string): string {
  const d = toDate(date);
  return addDays(date, -((d.getUTCDay() + 6) % 7));
}

export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function nextMonthStart(date: string): string {
  const d = toDate(monthStart(date));
  d.setUTCMonth(d.getUTCMonth() + 1);
  return fromDate(d);
}

/** Today's date in the zone. */
export function dateIn(at: Date, timeZone: string): string {
  const w = wallTime(at, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

const starts = new Map<string, string>();

/** The instant a date begins in the zone (ISO 8601). Remembered: a due list asks for the same few dates thousands of times. */
export function startOfDate(date: string, timeZone: string): string {
  const key = `${timeZone} ${date}`;
  let start = starts.get(key);
  if (start === undefined) {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    start = fromWallTime({ year, month, day, hour: 0, minute: 0, second: 0, ms: 0 }, timeZone).toISOString();
    if (starts.size > 10_000) starts.clear();
    starts.set(key, start);
  }
  return start;
}

/** A yearly date (birthday, anniversary) in a given year; 29 February falls on the 28th in other years. */
export function inYear(monthDay: string, year: number): string {
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(day, last))}`;
}
