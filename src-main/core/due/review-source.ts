/**
 * Reviews due (三个月增补或调整一次), by the same cut-offs as the review list: a department
 * manager's department, a collector's assigned customers, an account manager's own customers.
 */
import { rankAtLeast } from '../../contract/people';
import type { DueItem } from '../../contract/due';
import { addMonths, reviewCutoffs } from '../dossiers/catalogue';
import { stmt } from '../dossiers/statements';
import { readSettings } from '../settings/service';
import { capItems } from './more';
import type { DueSource } from './sources';

/** The review list's window: due within a month, or overdue. */
const WITHIN_DAYS = 30;
const MOST = 5000;

interface Row {
  id: number;
  archive_number: string;
  customer_name: string;
  last_reviewed_at: string;
}

export const reviewDueSource: DueSource = (query) => {
  const db = query.archive.db;
  const { actor } = query;
  const { reviewPeriodMonths: months, timeZone } = readSettings(db);
  const cut = reviewCutoffs(query.now, months, WITHIN_DAYS, timeZone);
  const scopes: [string, string][] = [];
  if (rankAtLeast(actor.rank, 'account-manager')) scopes.push(['responsible_id', actor.id]);
  if (actor.rank === 'department-manager') scopes.push(['department', actor.department]);
  if (actor.duties.includes('collector')) scopes.push(['collector_id', actor.id]);
  const seen = new Set<number>();
  const items: DueItem[] = [];
  const limit = query.limit ?? MOST;
  let full = false;
  for (const [column, key] of scopes) {
    const rows = stmt(
      db,
      `SELECT id, archive_number, customer_name, last_reviewed_at FROM dossiers
       WHERE ${column} = ? AND status = 'filed' AND last_reviewed_at <= ? ORDER BY last_reviewed_at LIMIT ?`,
    ).all(key, cut.due, limit) as Row[];
    full ||= rows.length === limit;
    for (const r of rows) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      items.push({
        kind: 'review',
        key: `review:${r.archive_number}:${r.last_reviewed_at}`,
        dossierId: String(r.id),
        dossierNumber: r.archive_number,
        customerName: r.customer_name,
        subject: null,
        dueAt: addMonths(r.last_reviewed_at, months, timeZone).toISOString(),
        overdue: r.last_reviewed_at <= cut.overdue,
      });
    }
  }
  if (!full) return items;
  // Only when a scope had more than the list shows: how many in all, one range of an index each.
  const where = scopes.map(([column]) => `${column} = ?`).join(' OR ');
  const total = (
    stmt(db, `SELECT count(*) AS n FROM dossiers WHERE status = 'filed' AND last_reviewed_at <= ? AND (${where})`).get(
      cut.due,
      ...scopes.map(([, key]) => key),
    ) as { n: number }
  ).n;
  return capItems('review', items, limit, total);
};
