/**
 * Contacts due and overdue (issue 17 point 1, seed 004 服务标准) for the key persons of the
 * customers the person is the responsible account manager of.
 */
import { CONTACT_CLASSES, type ContactClass } from '../../contract/dossiers';
import type { DueItem } from '../../contract/due';
import { stmt } from '../dossiers/statements';
import { readSettings } from '../settings/service';
import { dateIn, startOfDate } from './calendar-dates';
import { cadenceState, periodOf } from './cadence';
import { capItems } from './more';
import { contactsBefore } from './tallies';
import { contentReader, type DossierRow } from './readable';
import type { DueQuery, DueSource } from './sources';

/** A list someone can act on; a manager with more is told by the count, not by a longer list. */
const MOST = 5000;

interface Row extends DossierRow {
  archive_number: string;
  customer_name: string;
  name: string;
  token: string;
  met_until: string;
}

function dueOfClass(
  query: DueQuery,
  contactClass: ContactClass,
  today: string,
  timeZone: string,
  mayRead: (r: DossierRow) => boolean,
): { items: DueItem[]; total: number } {
  const current = periodOf(contactClass, today);
  const limit = query.limit ?? MOST;
  const rows = stmt(
    query.archive.db,
    `SELECT d.id, d.status, d.collector_id, d.responsible_id, d.department, d.archive_number, d.customer_name, k.name, k.token, k.met_until
     FROM due_key_persons k JOIN dossiers d ON d.id = k.dossier_id
     WHERE k.responsible_id = ? AND k.contact_class = ? AND k.met_until < ?
     ORDER BY k.met_until LIMIT ?`,
  ).all(query.actor.id, contactClass, current.end, limit) as Row[];
  // More than the list shows: counted on the kept tallies, without reading a key person.
  const total = rows.length < limit ? rows.length : contactsBefore(query.archive.db, query.actor.id, contactClass, current.end);
  const items: DueItem[] = [];
  for (const r of rows) {
    const state = cadenceState(contactClass, r.met_until, today);
    if (state.state === 'met') continue;
    items.push({
      kind: 'contact',
      key: `contact:${r.archive_number}:${r.token}:${state.period.start}`,
      dossierId: String(r.id),
      dossierNumber: r.archive_number,
      customerName: r.customer_name,
      subject: mayRead(r) ? r.name : null,
      dueAt: startOfDate(state.period.end, timeZone),
      overdue: state.state === 'overdue',
    });
  }
  return { items, total: total - (rows.length - items.length) };
}

export const contactDueSource: DueSource = (query) => {
  const { timeZone } = readSettings(query.archive.db);
  const today = dateIn(query.now, timeZone);
  const mayRead = contentReader(query);
  const classes = CONTACT_CLASSES.map((c) => dueOfClass(query, c, today, timeZone, mayRead));
  const items = classes.flatMap((c) => c.items);
  return capItems(
    'contact',
    items,
    query.limit ?? MOST,
    classes.reduce((n, c) => n + c.total, 0),
  );
};
