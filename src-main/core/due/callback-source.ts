/**
 * Birthday and celebration callbacks due (issue 17 point 2) for the customers the person is the
 * responsible account manager of. A callback is done when a contact record of the same dossier
 * names its key in `answers`.
 */
import type { CelebrationKind } from '../../contract/dossiers';
import type { DueItem } from '../../contract/due';
import type { Db } from '../db/connection';
import { stmt } from '../dossiers/statements';
import { readSettings } from '../settings/service';
import { addDays, dateIn, startOfDate } from './calendar-dates';
import { monthDayRange, onceWindow, yearlyWindow, type CallbackWindow } from './callback-rules';
import { capItems } from './more';
import { contentReader, type DossierRow } from './readable';
import type { DueSource } from './sources';

const DOSSIER_COLUMNS = 'd.id, d.status, d.collector_id, d.responsible_id, d.department, d.archive_number, d.customer_name';

interface Row extends DossierRow {
  archive_number: string;
  customer_name: string;
}

/** Month-day in [from, to], wrapping over the new year. */
function monthDayClause(column: string, range: { from: string; to: string }): { sql: string; params: string[] } {
  return range.from <= range.to
    ? { sql: `${column} BETWEEN ? AND ?`, params: [range.from, range.to] }
    : { sql: `(${column} >= ? OR ${column} <= ?)`, params: [range.from, range.to] };
}

function answered(db: Db, dossierId: number, key: string): boolean {
  return stmt(db, 'SELECT 1 FROM due_contacts WHERE answers = ? AND dossier_id = ? LIMIT 1').get(key, dossierId) !== undefined;
}

export const callbackDueSource: DueSource = (query) => {
  const db = query.archive.db;
  const settings = readSettings(db);
  const { birthday: birthdayDays, celebration: celebrationDays } = settings.callbackDaysBefore;
  const lead = settings.callbackLeadDays;
  const today = dateIn(query.now, settings.timeZone);
  const mayRead = contentReader(query);
  const items: DueItem[] = [];
  const push = (r: Row, key: string, window: CallbackWindow, subject: string | null) => {
    if (answered(db, r.id, key)) return;
    const dueAt = startOfDate(addDays(window.dueDate, 1), settings.timeZone);
    items.push({
      kind: 'callback',
      key,
      dossierId: String(r.id),
      dossierNumber: r.archive_number,
      customerName: r.customer_name,
      subject,
      dueAt,
      overdue: query.now.toISOString() >= dueAt,
    });
  };

  // Read in the order they fall due (month-day from tomorrow, a second range over the new year),
  // down the birthday index, and only until the list has enough: the rest are counted on the index,
  // each as due (an answer given ahead of time to one of those is not looked up).
  const limit = query.limit ?? Number.MAX_SAFE_INTEGER;
  const range = monthDayRange(today, birthdayDays, lead);
  const ranges =
    range.from <= range.to
      ? [range]
      : [
          { from: range.from, to: '12-31' },
          { from: '01-01', to: range.to },
        ];
  const inRange = stmt(
    db,
    `SELECT ${DOSSIER_COLUMNS}, k.name, k.token, k.birthday_md FROM due_key_persons k JOIN dossiers d ON d.id = k.dossier_id
     WHERE k.responsible_id = ? AND k.birthday_md BETWEEN ? AND ? ORDER BY k.birthday_md, k.dossier_id, k.name`,
  );
  let birthdaysRead = 0;
  let birthdaysShown = 0;
  for (const r of ranges) {
    for (const p of inRange.iterate(query.actor.id, r.from, r.to) as IterableIterator<Row & { name: string; token: string; birthday_md: string }>) {
      if (birthdaysShown >= limit) break;
      birthdaysRead++;
      const window = yearlyWindow(p.birthday_md, today, birthdayDays, lead);
      const before = items.length;
      if (window) push(p, `birthday:${p.archive_number}:${p.token}:${window.occurrence}`, window, mayRead(p) ? p.name : null);
      birthdaysShown += items.length - before;
    }
  }
  let unread = 0;
  if (birthdaysShown >= limit) {
    const count = stmt(db, 'SELECT count(*) AS n FROM due_key_persons WHERE responsible_id = ? AND birthday_md BETWEEN ? AND ?');
    unread = ranges.reduce((n, r) => n + (count.get(query.actor.id, r.from, r.to) as { n: number }).n, 0) - birthdaysRead;
  }

  // Only celebrations whose window may hold today: anniversaries by month-day, the others by date.
  const yearly = monthDayClause('c.md', monthDayRange(today, celebrationDays, lead));
  const celebrations = stmt(
    db,
    `SELECT ${DOSSIER_COLUMNS}, c.position, c.celebration_id, c.date, c.md, c.kind, c.title FROM due_celebrations c JOIN dossiers d ON d.id = c.dossier_id
     WHERE c.responsible_id = ? AND ((c.kind = 'anniversary' AND ${yearly.sql}) OR (c.kind <> 'anniversary' AND c.date > ? AND c.date <= ?))`,
  ).all(query.actor.id, ...yearly.params, today, addDays(today, celebrationDays + lead)) as (Row & {
    position: number;
    celebration_id: string | null;
    date: string;
    md: string;
    kind: CelebrationKind;
    title: string;
  })[];
  for (const c of celebrations) {
    const window = c.kind === 'anniversary' ? yearlyWindow(c.md, today, celebrationDays, lead) : onceWindow(c.date, today, celebrationDays, lead);
    if (window)
      push(c, `celebration:${c.archive_number}:${c.celebration_id ?? c.position + 1}:${window.occurrence}`, window, mayRead(c) && c.title ? c.title : null);
  }
  return query.limit === undefined ? items : capItems('callback', items, query.limit, items.length + unread);
};
