/** The general manager: incidents (lost copies, leaks) and integrity marks (诚信黑点) per month. */
import { alongMonths, lastMonths, type ChartDefinition } from '../chart';

export const incidentsMarks: ChartDefinition = {
  id: 'incidents-marks',
  audience: 'general-manager',
  scope: () => null,
  compute({ db, now }) {
    const months = lastMonths(now);
    const from = `${months[0]}-01`;
    const incidents = db.prepare(`SELECT substr(at, 1, 7) AS month, count(*) AS n FROM incidents WHERE at >= ? GROUP BY 1`).all(from) as {
      month: string;
      n: number;
    }[];
    const marks = db.prepare(`SELECT substr(at, 1, 7) AS month, count(*) AS n FROM integrity_marks WHERE at >= ? GROUP BY 1`).all(from) as {
      month: string;
      n: number;
    }[];
    return {
      kind: 'bar',
      categoryKind: 'month',
      categories: months,
      series: [
        { key: 'incidents', values: alongMonths(months, incidents) },
        { key: 'marks', values: alongMonths(months, marks) },
      ],
      noData: false,
    };
  },
};
