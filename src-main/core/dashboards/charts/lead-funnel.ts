/**
 * The key-account department: the lead funnel of issue 18 point 1 — leads counted (a later report of
 * the same customer never counts), then valid, made projects, and become dossiers. Every lead is
 * this department's to check, whoever reported it, so the funnel covers them all.
 */
import { type ChartDefinition, ownDepartment } from '../chart';

const STAGES = ['leadsCounted', 'leadsValid', 'leadsProject', 'leadsDossier'] as const;

export const leadFunnel: ChartDefinition = {
  id: 'lead-funnel',
  audience: 'key-account',
  scope: ownDepartment,
  compute({ db }) {
    const c = db
      .prepare(
        `SELECT coalesce(sum(state != 'duplicate'), 0) AS counted,
                coalesce(sum(state IN ('valid', 'project', 'dossier')), 0) AS valid,
                coalesce(sum(state IN ('project', 'dossier')), 0) AS project,
                coalesce(sum(state = 'dossier'), 0) AS dossier
         FROM leads`,
      )
      .get() as { counted: number; valid: number; project: number; dossier: number };
    return {
      kind: 'bar',
      categoryKind: 'code',
      categories: [...STAGES],
      series: [{ key: 'leads', values: [c.counted, c.valid, c.project, c.dossier] }],
      noData: c.counted === 0,
    };
  },
};
