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
import { birthdaysBetween } from './tallies';

const DOSSIER_COLUMNS = 'd.id, d.status, d.collector_id, d.responsible_id, d.department, d.archive_number, d.customer_name';

interface Row extends DossierRow {
  archive_number: string;
  customer_name: string;
}

interface CelebrationRow extends Row {
  position: number;
  celebration_id: string | null;
  date: string;
  md: string;
  kind: CelebrationKind;
  title: string;
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

  // Each kind is read in the order it falls due (month-day from tomorrow, a second range over the
  // new year; one-time celebrations by date), down its own index, and only until the list has
  // enough of it: the rest are counted, each as due (an answer given ahead of time to one of those
  // is not looked up).
  const limit = query.limit ?? Number.MAX_SAFE_INTEGER;
  let unread = 0;
  /** Reads rows until `limit` of them made items; the count of the rest (`total` of all rows when it stopped early). */
  const readUntilFull = <T>(rows: Iterable<T>, item: (row: T) => void, total: () => number): void => {
    let read = 0;
    let shown = 0;
    for (const row of rows) {
      if (shown >= limit) break;
      read++;
      const before = items.length;
      item(row);
      shown += items.length - before;
    }
    if (shown >= limit) unread += total() - read;
  };

  const birthdayRanges = wrapped(monthDayRange(today, birthdayDays, lead));
  const birthdays = stmt(
    db,
    `SELECT ${DOSSIER_COLUMNS}, k.name, k.token, k.birthday_md FROM due_key_persons k JOIN dossiers d ON d.id = k.dossier_id
     WHERE k.responsible_id = ? AND k.birthday_md BETWEEN ? AND ? ORDER BY k.birthday_md, k.dossier_id, k.name`,
  );
  readUntilFull(
    inRanges(
      birthdayRanges,
      (r) => birthdays.iterate(query.actor.id, r.from, r.to) as IterableIterator<Row & { name: string; token: string; birthday_md: string }>,
    ),
    (p) => {
      const window = yearlyWindow(p.birthday_md, today, birthdayDays, lead);
      if (window) push(p, `birthday:${p.archive_number}:${p.token}:${window.occurrence}`, window, mayRead(p) ? p.name : null);
    },
    () => birthdayRanges.reduce((n, r) => n + birthdaysBetween(db, query.actor.id, r.from, r.to), 0),
  );

  // Only celebrations whose window may hold today: anniversaries by month-day, the others by date.
  const celebration = (c: CelebrationRow) => {
    const window = c.kind === 'anniversary' ? yearlyWindow(c.md, today, celebrationDays, lead) : onceWindow(c.date, today, celebrationDays, lead);
    if (window)
      push(c, `celebration:${c.archive_number}:${c.celebration_id ?? c.position + 1}:${window.occurrence}`, window, mayRead(c) && c.title ? c.title : null);
  };
  const columns = `SELECT ${DOSSIER_COLUMNS}, c.position, c.celebration_id, c.date, c.md, c.kind, c.title FROM due_celebrations c JOIN dossiers d ON d.id = c.dossier_id`;
  const yearlyWhere = `c.responsible_id = ? AND c.kind = 'anniversary' AND c.md BETWEEN ? AND ?`;
  const yearlyRanges = wrapped(monthDayRange(today, celebrationDays, lead));
  const yearly = stmt(db, `${columns} WHERE ${yearlyWhere} ORDER BY c.md, c.dossier_id, c.position`);
  const countYearly = stmt(db, `SELECT count(*) AS n FROM due_celebrations c WHERE ${yearlyWhere}`);
  readUntilFull(
    inRanges(yearlyRanges, (r) => yearly.iterate(query.actor.id, r.from, r.to) as IterableIterator<CelebrationRow>),
    celebration,
    () => yearlyRanges.reduce((n, r) => n + (countYearly.get(query.actor.id, r.from, r.to) as { n: number }).n, 0),
  );
  const onceWhere = `c.responsible_id = ? AND c.kind <> 'anniversary' AND c.date > ? AND c.date <= ?`;
  const onceParams = [query.actor.id, today, addDays(today, celebrationDays + lead)];
  readUntilFull(
    stmt(db, `${columns} WHERE ${onceWhere} ORDER BY c.date, c.dossier_id, c.position`).iterate(...onceParams) as IterableIterator<CelebrationRow>,
    celebration,
    () => (stmt(db, `SELECT count(*) AS n FROM due_celebrations c WHERE ${onceWhere}`).get(...onceParams) as { n: number }).n,
  );
  return query.limit === undefined ? items : capItems('callback', items, query.limit, items.length + unread);
};

/** A month-day range as one or two ranges that do not wrap over the new year, in due order. */
function wrapped(range: { from: string; to: string }): { from: string; to: string }[] {
  return range.from <= range.to
    ? [range]
    : [
        { from: range.from, to: '12-31' },
        { from: '01-01', to: range.to },
      ];
}

function* inRanges<T>(ranges: { from: string; to: string }[], rows: (range: { from: string; to: string }) => Iterable<T>): Generator<T> {
  for (const range of ranges) yield* rows(range);
}
