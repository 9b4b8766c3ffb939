/** Custodians: borrow cards filed and loans returned late, per month, for their department's copy. */
import { alongMonths, lastMonths, type ChartDefinition } from '../chart';

export const loansByMonth: ChartDefinition = {
  id: 'loans-by-month',
  audience: 'custodian',
  scope: (actor) => actor.department,
  compute({ db, now, department }) {
    const months = lastMonths(now);
    const from = `${months[0]}-01`;
    const filed = db
      .prepare(`SELECT substr(submitted_at, 1, 7) AS month, count(*) AS n FROM loans WHERE department = ? AND submitted_at >= ? GROUP BY 1`)
      .all(department, from) as { month: string; n: number }[];
    const late = db
      .prepare(`SELECT substr(ended_at, 1, 7) AS month, count(*) AS n FROM loans WHERE department = ? AND state = 'returned-late' AND ended_at >= ? GROUP BY 1`)
      .all(department, from) as { month: string; n: number }[];
    return {
      kind: 'line',
      categoryKind: 'month',
      categories: months,
      series: [
        { key: 'filed', values: alongMonths(months, filed) },
        { key: 'returnedLate', values: alongMonths(months, late) },
      ],
      noData: false,
    };
  },
};
