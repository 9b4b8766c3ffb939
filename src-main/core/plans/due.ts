/**
 * Plan work in the due list: the responsible account manager's customers without a filed plan for
 * this year (due 1 January, so overdue) and, from `planLeadDays` before the new year, for next year
 * (客户维护计划每年一次，定期制订); the marketing department manager's changes waiting for approval
 * (due `planApprovalDays` after they were proposed: 调整权由市场部经理掌握, seed 000 第十一条).
 */
import type { DueItem } from '../../contract/due';
import { capItems } from '../due/more';
import type { DueQuery, DueSource } from '../due/sources';
import { canApprovePlan } from '../policy/visits-plans';
import { readSettings } from '../settings/service';
import { fromWallTime, wallTime } from '../time-zone';
import * as repo from './repository';

export const plansDue: DueSource = ({ archive, actor, now, limit }: DueQuery) => {
  if (actor.rank === 'staff' || actor.duties.some((d) => d === 'admin' || d === 'custodian' || d === 'auditor')) return [];
  const { timeZone, planLeadDays } = readSettings(archive.db);
  const year = wallTime(now, timeZone).year;
  const startOf = (y: number): Date => fromWallTime({ year: y, month: 1, day: 1, hour: 0, minute: 0, second: 0, ms: 0 }, timeZone);
  const years = [year];
  if (startOf(year + 1).getTime() - now.getTime() <= planLeadDays * 86_400_000) years.push(year + 1);
  const items: DueItem[] = [];
  let total = 0;
  for (const y of years) {
    const dueAt = startOf(y);
    const customers = repo.customersWithoutPlan(archive.db, actor.id, y, limit);
    total += limit !== undefined && customers.length === limit ? repo.countWithoutPlan(archive.db, actor.id, y) : customers.length;
    for (const d of customers) {
      items.push({
        kind: 'plan',
        key: `plan:${d.number}:${y}`,
        dossierId: String(d.id),
        dossierNumber: d.number,
        customerName: d.customerName,
        subject: String(y),
        dueAt: dueAt.toISOString(),
        overdue: now.getTime() > dueAt.getTime(),
      });
    }
  }
  return limit === undefined ? items : capItems('plan', items, limit, total);
};

export const planApprovalsDue: DueSource = ({ archive, actor, now }: DueQuery) => {
  if (!canApprovePlan(actor).allowed) return [];
  const { planApprovalDays } = readSettings(archive.db);
  return repo.pendingPlans(archive.db).map((p) => {
    const dueAt = new Date(new Date(p.pendingAt!).getTime() + planApprovalDays * 86_400_000);
    return {
      kind: 'planApproval',
      key: `planApproval:${p.number}:${p.year}:${p.revision}`,
      dossierId: String(p.dossierId),
      dossierNumber: p.number,
      customerName: p.customerName,
      subject: String(p.year),
      dueAt: dueAt.toISOString(),
      overdue: now.getTime() > dueAt.getTime(),
    } satisfies DueItem;
  });
};
