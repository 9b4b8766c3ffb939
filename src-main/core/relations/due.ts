/**
 * The due list's sources for issue 17 points 5–7 (contract/due.ts): half-yearly surveys of the
 * transacting customers a person is responsible for, open follow-ups and complaints they own,
 * and quarterly re-gradings of their customers. The period just ended is listed as overdue when
 * its work was not done; earlier periods are history, not work.
 */
import type { DueItem } from '../../contract/due';
import { capItems } from '../due/more';
import { customers, type Stage } from '../due/tallies';
import type { DueQuery } from '../due/sources';
import { readSettings } from '../settings/service';
import { nextDeadline, SELECT_COMPLAINTS, type ComplaintRow } from './complaints';
import { halfYearOf, previous, quarterOf, type Period } from './periods';
import { TRANSACTING_STAGE } from './records';

interface DossierLine {
  id: number;
  number: string;
  customer_name: string;
  filed_at: string;
  done_now: number;
  done_before: number;
}

function periodItems(kind: 'survey' | 'regrade', rows: DossierLine[], current: Period, before: Period, now: Date): DueItem[] {
  const items: DueItem[] = [];
  for (const r of rows) {
    const base = { kind, dossierId: String(r.id), dossierNumber: r.number, customerName: r.customer_name };
    // Filed before the last period ended: that period's work was due for it.
    if (!r.done_before && r.filed_at < before.end.toISOString()) {
      items.push({ ...base, key: `${kind}:${r.id}:${before.key}`, subject: before.key, dueAt: before.end.toISOString(), overdue: true });
    }
    if (!r.done_now) {
      items.push({ ...base, key: `${kind}:${r.id}:${current.key}`, subject: current.key, dueAt: current.end.toISOString(), overdue: now >= current.end });
    }
  }
  return items;
}

/** What each period's work is: its period, the table recording it, which customers owe it. */
const PERIOD_WORK = {
  survey: { periodOf: halfYearOf, table: 'customer_surveys', column: 'period', stage: { is: TRANSACTING_STAGE } },
  regrade: { periodOf: quarterOf, table: 'grade_reviews', column: 'quarter', stage: { not: 'lost' } },
} as const satisfies Record<string, { periodOf: typeof quarterOf; table: string; column: string; stage: Stage }>;
type PeriodWork = keyof typeof PERIOD_WORK;

/** 一年两次定期调查交易往来客户: one survey per half-year for each transacting customer one is responsible for. */
export function surveysDue(query: DueQuery): DueItem[] {
  return periodWorkDue('survey', query);
}

/** 每季度评估客户等级: one re-grading per quarter for each filed customer one is responsible for. */
export function regradesDue(query: DueQuery): DueItem[] {
  return periodWorkDue('regrade', query);
}

function periodWorkDue(work: PeriodWork, { archive, actor, now, limit }: DueQuery): DueItem[] {
  const { periodOf, table, column, stage } = PERIOD_WORK[work];
  const db = archive.db;
  const zone = readSettings(db).timeZone;
  const current = periodOf(now, zone);
  const before = previous(current, periodOf, zone);
  const [stageSql, stageParam] = 'not' in stage ? ['d.lifecycle <> ?', stage.not] : ['d.lifecycle = ?', stage.is];
  const rows = db
    .prepare(
      `SELECT d.id, d.archive_number AS number, d.customer_name, d.filed_at,
              EXISTS (SELECT 1 FROM ${table} w WHERE w.dossier_id = d.id AND w.${column} = ?) AS done_now,
              EXISTS (SELECT 1 FROM ${table} w WHERE w.dossier_id = d.id AND w.${column} = ?) AS done_before
       FROM dossiers d WHERE d.responsible_id = ? AND d.status = 'filed' AND ${stageSql}
       ORDER BY d.archive_number LIMIT ?`,
    )
    .all(current.key, before.key, actor.id, stageParam, limit ?? -1) as DossierLine[];
  const items = periodItems(work, rows, current, before, now);
  if (limit === undefined || rows.length < limit) return items;
  return capItems(work, items, limit, periodTotal(db, work, stage, actor.id, current, before));
}

/**
 * How many period items a person has in all, when the list read only the first customers: this
 * period's for every customer without the work, the last period's for those filed before it ended
 * without it. Customers less customers with the work done, each read from the kept tallies.
 */
function periodTotal(db: DueQuery['archive']['db'], work: PeriodWork, stage: Stage, actorId: string, current: Period, before: Period): number {
  const { table, column } = PERIOD_WORK[work];
  const doneBefore = { sql: `EXISTS (SELECT 1 FROM ${table} w WHERE w.dossier_id = d.id AND w.${column} = ?)`, params: [before.key] };
  const all = customers(db, actorId, 'customer', stage);
  const earlier = customers(db, actorId, 'customer', stage, { at: before.end });
  const doneNow = customers(db, actorId, `${work}:${current.key}`, stage);
  const doneEarlier = customers(db, actorId, `${work}:${before.key}`, stage, { at: before.end, done: doneBefore });
  return all - doneNow + earlier - doneEarlier;
}

/** Open follow-ups of unsatisfied items the person owns. */
export function followUpsDue({ archive, actor, now }: DueQuery): DueItem[] {
  const rows = archive.db
    .prepare(
      `SELECT f.id, f.due_at, f.dossier_id, d.archive_number AS number, d.customer_name
       FROM follow_ups f JOIN dossiers d ON d.id = f.dossier_id WHERE f.owner_id = ? AND f.closed_at IS NULL`,
    )
    .all(actor.id) as { id: number; due_at: string; dossier_id: number; number: string; customer_name: string }[];
  return rows.map((r) => ({
    kind: 'satisfactionFollowUp',
    key: `satisfactionFollowUp:${r.id}`,
    dossierId: String(r.dossier_id),
    dossierNumber: r.number,
    customerName: r.customer_name,
    subject: `#${r.id}`,
    dueAt: r.due_at,
    overdue: now.getTime() > new Date(r.due_at).getTime(),
  }));
}

/** Complaints the person owns that still wait for a response or a solution. */
export function complaintsDue({ archive, actor, now }: DueQuery): DueItem[] {
  const settings = readSettings(archive.db);
  const rows = archive.db.prepare(`${SELECT_COMPLAINTS} WHERE c.owner_id = ? AND c.solved_at IS NULL AND c.closed_at IS NULL`).all(actor.id) as ComplaintRow[];
  return rows.map((c) => {
    const due = nextDeadline(c, settings)!;
    return {
      kind: 'complaint',
      key: `complaint:${c.id}:${c.responded_at ? 'solve' : 'respond'}`,
      dossierId: String(c.dossier_id),
      dossierNumber: c.number,
      customerName: c.customer_name,
      subject: `#${c.id}`,
      dueAt: due.toISOString(),
      overdue: now.getTime() > due.getTime(),
    };
  });
}
