/**
 * The due list's counts of what it does not show, read from `due_tallies` (migration 0330), which
 * triggers keep current on every write: a sum over a few rows per person instead of a count over
 * every customer they are responsible for.
 */
import type { Db } from '../db/connection';
import { stmt } from '../dossiers/statements';
import { addDays } from './calendar-dates';

/** Key persons of a cadence class whose `met_until` is before `end`: due or overdue by then. */
export function contactsBefore(db: Db, responsibleId: string, contactClass: string, end: string): number {
  return sum(db, `tally = ? AND since = '' AND bucket < ?`, [responsibleId, `contact:${contactClass}`, end]);
}

/** Key persons whose birthday (month-day) is in [from, to]. */
export function birthdaysBetween(db: Db, responsibleId: string, from: string, to: string): number {
  return sum(db, `tally = 'birthday' AND since = '' AND bucket BETWEEN ? AND ?`, [responsibleId, from, to]);
}

/** Which customers: every lifecycle stage but one, or one stage. */
export type Stage = { not: string } | { is: string };

/**
 * Filed customers of the person in the stage (tally `customer`), or those with a period's work
 * done (`regrade:<quarter>`, `survey:<half-year>`, `plan:<year>`); with `filedBefore`, only
 * customers filed before that instant: all of them less those filed after it, which are the days
 * after the instant's (a few recent rows) and, read from the dossiers exactly, the rest of its own
 * day (`done` says how a dossier has the work, as SQL over `d` with its parameters).
 */
export function customers(
  db: Db,
  responsibleId: string,
  tally: string,
  stage: Stage,
  filedBefore?: { at: Date; done?: { sql: string; params: unknown[] } },
): number {
  const [stageSql, stageParams] = 'not' in stage ? ['bucket <> ?', [stage.not]] : ['bucket = ?', [stage.is]];
  const all = sum(db, `tally = ? AND since = '' AND ${stageSql}`, [responsibleId, tally, ...stageParams]);
  if (!filedBefore) return all;
  const at = filedBefore.at.toISOString();
  const day = at.slice(0, 10);
  const later = sum(db, `tally = ? AND since > ? AND ${stageSql}`, [responsibleId, tally, day, ...stageParams]);
  const [dStage, dParams] = 'not' in stage ? ['d.lifecycle <> ?', [stage.not]] : ['d.lifecycle = ?', [stage.is]];
  const restOfDay = stmt(
    db,
    `SELECT count(*) AS n FROM dossiers d WHERE d.responsible_id = ? AND d.status = 'filed' AND d.filed_at >= ? AND d.filed_at < ? AND ${dStage}
     ${filedBefore.done ? `AND ${filedBefore.done.sql}` : ''}`,
  ).get(responsibleId, at, addDays(day, 1), ...dParams, ...(filedBefore.done?.params ?? [])) as { n: number };
  return all - later - restOfDay.n;
}

function sum(db: Db, where: string, params: unknown[]): number {
  const row = stmt(db, `SELECT coalesce(sum(n), 0) AS n FROM due_tallies WHERE responsible_id = ? AND ${where}`).get(...params) as { n: number };
  return row.n;
}
