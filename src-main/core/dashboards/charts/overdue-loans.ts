/** Custodians: loans of their department's copy past their due time now, by how long (rule 4: computed now). */
import type { ChartDefinition } from '../chart';

const BUCKETS = ['upTo1Day', 'upTo7Days', 'upTo30Days', 'over30Days'] as const;

export const overdueLoans: ChartDefinition = {
  id: 'overdue-loans',
  audience: 'custodian',
  scope: (actor) => actor.department,
  compute({ db, now, department }) {
    const rows = db
      .prepare(`SELECT due_at AS dueAt FROM loans WHERE department = ? AND state = 'on-loan' AND due_at <= ?`)
      .all(department, now.toISOString()) as { dueAt: string }[];
    const counts = [0, 0, 0, 0];
    for (const { dueAt } of rows) {
      const days = (now.getTime() - Date.parse(dueAt)) / 86_400_000;
      counts[days <= 1 ? 0 : days <= 7 ? 1 : days <= 30 ? 2 : 3]! += 1;
    }
    return { kind: 'bar', categoryKind: 'code', categories: [...BUCKETS], series: [{ key: 'overdue', values: counts }], noData: false };
  },
};
