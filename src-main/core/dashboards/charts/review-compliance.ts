/** Department managers (the general manager: every department): filed dossiers reviewed on time or overdue, by grade. */
import { GRADES } from '../../../contract/dossiers';
import { reviewCutoffs } from '../../dossiers/catalogue';
import { ownDepartment, type ChartDefinition } from '../chart';

export const reviewCompliance: ChartDefinition = {
  id: 'review-compliance',
  audience: 'department-manager',
  scope: ownDepartment,
  compute({ db, now, settings, department }) {
    const cutoff = reviewCutoffs(now, settings.reviewPeriodMonths, 0, settings.timeZone).overdue;
    const rows = db
      .prepare(
        `SELECT grade, sum(last_reviewed_at > :cutoff) AS onTime, sum(last_reviewed_at <= :cutoff) AS overdue
         FROM dossiers WHERE status = 'filed' AND (:department IS NULL OR department = :department) GROUP BY grade`,
      )
      .all({ cutoff, department }) as { grade: string; onTime: number; overdue: number }[];
    const byGrade = new Map(rows.map((r) => [r.grade, r]));
    return {
      kind: 'bar',
      categoryKind: 'grade',
      categories: [...GRADES],
      series: [
        { key: 'onTime', values: GRADES.map((g) => byGrade.get(g)?.onTime ?? 0) },
        { key: 'overdue', values: GRADES.map((g) => byGrade.get(g)?.overdue ?? 0) },
      ],
      noData: false,
    };
  },
};
