/**
 * Auditors: refused operations and content reads outside working hours (09:00–18:00 on weekdays,
 * the workstation's local time as recorded with the entry, like the outside-hours report), per month.
 */
import { alongMonths, lastMonths, type ChartDefinition } from '../chart';

/** Content reads: a dossier opened, a loan read (the reading view). */
const READS = `('dossier.open', 'loan.read')`;

export const refusalsAfterHours: ChartDefinition = {
  id: 'refusals-after-hours',
  audience: 'auditor',
  scope: () => null,
  compute({ db, now }) {
    const months = lastMonths(now);
    const from = `${months[0]}-01`;
    const refusals = db.prepare(`SELECT substr(at, 1, 7) AS month, count(*) AS n FROM journal WHERE outcome = 'denied' AND at >= ? GROUP BY 1`).all(from) as {
      month: string;
      n: number;
    }[];
    const local = `datetime(at, tz_offset || ' minutes')`;
    const afterHours = db
      .prepare(
        `SELECT substr(at, 1, 7) AS month, count(*) AS n FROM journal
         WHERE event IN ${READS} AND outcome = 'ok' AND actor_id IS NOT NULL AND at >= ?
           AND (strftime('%w', ${local}) IN ('0', '6') OR strftime('%H:%M', ${local}) < '09:00' OR strftime('%H:%M', ${local}) >= '18:00')
         GROUP BY 1`,
      )
      .all(from) as { month: string; n: number }[];
    return {
      kind: 'line',
      categoryKind: 'month',
      categories: months,
      series: [
        { key: 'refusals', values: alongMonths(months, refusals) },
        { key: 'afterHoursReads', values: alongMonths(months, afterHours) },
      ],
      noData: false,
    };
  },
};
