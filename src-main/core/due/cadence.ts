/**
 * The contact cadence (seed 004 大客户信息档案管理办法及跟踪服务要求, 服务标准): 核心大客户主要负责人
 * 需要每周沟通1-2次, 主要负责人的影响者每月至少沟通2次, 非核心主要负责人每月沟通1-2次. The least
 * count is the rule (more contacts are never a fault); the numbers are the archive's settings.
 *
 * A key person's state is one date, `metUntil`: the day after the last period that had enough
 * contacts. A person seen for the first time starts as if the period before had been met, so a
 * new key person is due this period, not overdue.
 */
import type { ContactClass } from '../../contract/dossiers';
import type { ArchiveSettings } from '../../contract/settings';
import { addDays, monthStart, nextMonthStart, weekStart } from './calendar-dates';

export type CadenceRules = ArchiveSettings['contactCadence'];

export interface Period {
  /** first day */
  start: string;
  /** the day after the last */
  end: string;
}

export function periodOf(contactClass: ContactClass, date: string): Period {
  if (contactClass === 'core') {
    const start = weekStart(date);
    return { start, end: addDays(start, 7) };
  }
  return { start: monthStart(date), end: nextMonthStart(date) };
}

export function leastContacts(contactClass: ContactClass, rules: CadenceRules): number {
  switch (contactClass) {
    case 'core':
      return rules.corePerWeek;
    case 'influencer':
      return rules.influencerPerMonth;
    case 'nonCore':
      return rules.nonCorePerMonth;
  }
}

/** The day after the last period with at least the least count of contacts, never before the baseline. */
export function metUntil(contactClass: ContactClass, rules: CadenceRules, contactDates: readonly string[], firstSeen: string): string {
  const least = leastContacts(contactClass, rules);
  const counts = new Map<string, { end: string; n: number }>();
  for (const date of contactDates) {
    const p = periodOf(contactClass, date);
    const c = counts.get(p.start) ?? { end: p.end, n: 0 };
    c.n++;
    counts.set(p.start, c);
  }
  let met = periodOf(contactClass, firstSeen).start;
  for (const { end, n } of counts.values()) if (n >= least && end > met) met = end;
  return met;
}

export type CadenceState = { state: 'met' } | { state: 'due' | 'overdue'; period: Period };

/**
 * Met: this period has its contacts. Due: the period before was met, this one not yet (due by its
 * end). Overdue: a whole period went by without enough contacts (due since that period's end).
 */
export function cadenceState(contactClass: ContactClass, met: string, today: string): CadenceState {
  const current = periodOf(contactClass, today);
  if (met >= current.end) return { state: 'met' };
  if (met >= current.start) return { state: 'due', period: current };
  return { state: 'overdue', period: periodOf(contactClass, met) };
}
