/**
 * The information analyst's queries (信息分析员, issue 18 point 2). Each is one `analytics.query`
 * operation: the query is measured first (population, one-filter-looser differences), the policy
 * decides on those facts, and only then are the groups computed — folded so no group below the
 * archive's minimum size is ever shown. Allowed or refused, the query is in the journal.
 */
import { analyticsQuerySchema, ANALYTIC_DIMENSIONS, type AnalyticDimension, type AnalyticsResult } from '../../contract/analytics';
import { reviewCutoffs } from '../dossiers/catalogue';
import { foldSmallGroups, type AnalyticsFacts } from '../policy';
import type { Session } from '../session';
import { readSettings } from '../settings/service';
import { parseInput } from '../validate';
import { groups, populations, type Bindings } from './query';

const isDimension = (name: string): name is AnalyticDimension => (ANALYTIC_DIMENSIONS as readonly string[]).includes(name);

export async function runAnalytics(session: Session, raw: unknown): Promise<AnalyticsResult> {
  const db = session.archive.db;
  // What was asked goes into the entry whatever the outcome; bad input fails inside `perform` (journaled).
  const asked = analyticsQuerySchema.safeParse(raw);
  const details = asked.success ? { measure: asked.data.measure, dimension: asked.data.dimension, filters: asked.data.filters } : {};
  return session.perform(
    {
      action: 'analytics.query',
      details,
      load: () => {
        const query = parseInput(analyticsQuerySchema, raw);
        const settings = readSettings(db);
        const now = session.archive.clock.now();
        const bindings: Bindings = { now: now.toISOString(), cutoff: reviewCutoffs(now, settings.reviewPeriodMonths, 0, settings.timeZone).overdue };
        const filterNames = Object.keys(query.filters);
        const fields = [query.dimension, ...filterNames];
        const facts: AnalyticsFacts = { fields, population: null, differences: [], minGroupSize: settings.analystMinGroupSize };
        // A query naming anything but an aggregate field is never run, not even to be measured.
        if (!fields.every(isDimension) || !analystMayAsk(session)) return { facts, bindings, query };
        const filters = Object.entries(query.filters) as [AnalyticDimension, string][];
        const measured = populations(db, query.measure, filters, bindings);
        facts.population = measured.population;
        facts.differences = measured.differences;
        return { facts, bindings, query };
      },
      target: ({ facts }) => ({ analytics: facts }),
    },
    (ctx, { facts, bindings, query }) => {
      const filters = Object.entries(query.filters) as [AnalyticDimension, string][];
      const dimension = query.dimension as AnalyticDimension;
      const raw = groups(db, query.measure, dimension, filters, bindings);
      const { rows, folded } = foldSmallGroups(raw, facts.minGroupSize);
      ctx.addDetails({ population: facts.population, groups: rows.length, folded });
      return { measure: query.measure, dimension, rows, total: facts.population ?? 0, folded, minGroupSize: facts.minGroupSize };
    },
  );
}

/** Measuring costs full scans: only for someone who holds the duty (the policy decides again). */
function analystMayAsk(session: Session): boolean {
  return session.actor.duties.includes('analyst');
}
