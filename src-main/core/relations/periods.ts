/**
 * The calendar periods of issue 17: half-years for the survey of transacting customers
 * (一年两次定期调查) and quarters for re-grading (每季度评估客户等级), in the archive's time zone,
 * so a survey on 30 June evening in Beijing counts for the first half although it is 30 June UTC
 * too late or early elsewhere.
 */
import { fromWallTime, wallTime } from '../time-zone';

export interface Period {
  /** `2026-H1`, `2026-Q3`. */
  key: string;
  start: Date;
  /** The first instant of the next period: the work is due before it. */
  end: Date;
}

function period(year: number, firstMonth: number, months: number, key: string, timeZone: string): Period {
  const at = (y: number, m: number) => fromWallTime({ year: y, month: m, day: 1, hour: 0, minute: 0, second: 0, ms: 0 }, timeZone);
  const next = firstMonth + months;
  return { key, start: at(year, firstMonth), end: next > 12 ? at(year + 1, next - 12) : at(year, next) };
}

export function halfYearOf(at: Date, timeZone: string): Period {
  const { year, month } = wallTime(at, timeZone);
  const half = month <= 6 ? 1 : 2;
  return period(year, half === 1 ? 1 : 7, 6, `${year}-H${half}`, timeZone);
}

export function quarterOf(at: Date, timeZone: string): Period {
  const { year, month } = wallTime(at, timeZone);
  const q = Math.ceil(month / 3);
  return period(year, (q - 1) * 3 + 1, 3, `${year}-Q${q}`, timeZone);
}

/** The period just before `p` (one millisecond before its start falls in it). */
export function previous(p: Period, of: (at: Date, timeZone: string) => Period, timeZone: string): Period {
  return of(new Date(p.start.getTime() - 1), timeZone);
}
