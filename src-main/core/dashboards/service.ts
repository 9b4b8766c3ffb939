/**
 * Dashboard charts (issue 18 point 3). The list names the charts the policy lets this viewer see;
 * each chart's data is one `dashboard.chart` operation, decided by the policy on the chart's
 * audience and the department it covers for this viewer, and journaled.
 */
import { chartRequestSchema, type ChartData } from '../../contract/analytics';
import { ArchiveError } from '../errors';
import { can } from '../policy';
import type { Session } from '../session';
import { readSettings } from '../settings/service';
import { parseInput } from '../validate';
import { CHARTS } from './registry';

export async function listCharts(session: Session): Promise<string[]> {
  return session.perform({ action: 'dashboard.list' }, (ctx) => {
    const actor = session.actor;
    const ids = CHARTS.filter((c) => can(actor, 'dashboard.chart', { chart: { audience: c.audience, department: c.scope(actor) } }).allowed).map((c) => c.id);
    ctx.addDetails({ charts: ids });
    return ids;
  });
}

export async function chartData(session: Session, raw: unknown): Promise<ChartData> {
  const asked = chartRequestSchema.safeParse(raw);
  return session.perform(
    {
      action: 'dashboard.chart',
      object: asked.success ? { type: 'chart', id: asked.data.id } : null,
      load: () => {
        const { id } = parseInput(chartRequestSchema, raw);
        const chart = CHARTS.find((c) => c.id === id);
        if (!chart) throw new ArchiveError('chart.unknown', { id });
        return { chart, department: chart.scope(session.actor) };
      },
      target: ({ chart, department }) => ({ chart: { audience: chart.audience, department } }),
    },
    (_ctx, { chart, department }) => {
      const db = session.archive.db;
      const body = chart.compute({ db, now: session.archive.clock.now(), settings: readSettings(db), department });
      return { ...body, id: chart.id, department };
    },
  );
}
