/**
 * The one due list (issue 17 point 8): every source's items for the signed-in person, sorted by
 * when they are due, in one journaled read. And contact-cadence compliance per account manager
 * (point 1) for a department manager.
 */
import { CONTACT_CLASSES, type ContactClass } from '../../contract/dossiers';
import type { DueItem } from '../../contract/due';
import { complianceQuerySchema, DUE_REQUESTS, type CadenceCompliance, type CadenceComplianceRow } from '../../contract/ipc-due';
import { stmt } from '../dossiers/statements';
import type { Session } from '../session';
import { readSettings } from '../settings/service';
import { parseInput } from '../validate';
import { dateIn } from './calendar-dates';
import { periodOf } from './cadence';
import { capPerKind, DUE_LIMIT_PER_KIND } from './more';
import { DUE_SOURCES } from './sources';

export { byDueAt } from './more';

export async function listDue(session: Session, raw: unknown = {}): Promise<DueItem[]> {
  return session.perform({ action: 'due.list' }, (ctx) => {
    parseInput(DUE_REQUESTS['due:list'], raw ?? {});
    const query = { archive: session.archive, actor: session.actor, now: session.archive.clock.now(), limit: DUE_LIMIT_PER_KIND };
    const items = capPerKind(
      DUE_SOURCES.flatMap((source) => source(query)),
      DUE_LIMIT_PER_KIND,
    );
    const counts: Record<string, number> = {};
    for (const item of items) counts[item.kind] = (counts[item.kind] ?? 0) + (item.more ?? 1);
    ctx.addDetails({
      items: items.filter((i) => i.more === undefined).length,
      overdue: items.filter((i) => i.overdue && i.more === undefined).length,
      kinds: counts,
    });
    return items;
  });
}

export async function cadenceCompliance(session: Session, raw: unknown = {}): Promise<CadenceCompliance> {
  return session.perform(
    {
      action: 'due.compliance',
      load: () => parseInput(complianceQuerySchema, raw ?? {}).department ?? session.actor.department,
      target: (department) => ({ dueDepartment: department }),
    },
    (ctx, department) => {
      const db = session.archive.db;
      const now = session.archive.clock.now();
      const today = dateIn(now, readSettings(db).timeZone);
      const rows: CadenceComplianceRow[] = [];
      for (const contactClass of CONTACT_CLASSES) rows.push(...classRows(session, department!, contactClass, today));
      rows.sort((a, b) => a.manager.login.localeCompare(b.manager.login) || CONTACT_CLASSES.indexOf(a.contactClass) - CONTACT_CLASSES.indexOf(b.contactClass));
      ctx.addDetails({ department, managers: new Set(rows.map((r) => r.manager.login)).size });
      return { department: department ?? null, at: now.toISOString(), rows };
    },
  );
}

/** met_until ≥ this period's end: met; ≥ its start: due; else overdue (cadence.ts, cadenceState). */
function classRows(session: Session, department: string, contactClass: ContactClass, today: string): CadenceComplianceRow[] {
  const period = periodOf(contactClass, today);
  const found = stmt(
    session.archive.db,
    `SELECT p.login, p.name, p.department,
            count(*) AS total,
            sum(k.met_until >= ?) AS met,
            sum(k.met_until >= ? AND k.met_until < ?) AS due,
            sum(k.met_until < ?) AS overdue
     FROM people p JOIN due_key_persons k ON k.responsible_id = p.id AND k.contact_class = ?
     WHERE p.department = ?
     GROUP BY p.id ORDER BY p.login`,
  ).all(period.end, period.start, period.end, period.start, contactClass, department) as {
    login: string;
    name: string;
    department: string;
    total: number;
    met: number;
    due: number;
    overdue: number;
  }[];
  return found.map((r) => ({
    manager: { login: r.login, name: r.name },
    department: r.department,
    contactClass,
    keyPersons: r.total,
    met: r.met,
    due: r.due,
    overdue: r.overdue,
    rate: r.total ? (r.total - r.overdue) / r.total : 1,
  }));
}
