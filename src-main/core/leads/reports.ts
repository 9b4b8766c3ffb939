/**
 * The lead lists published on the 10th, 20th and 30th (每月10、20、30日分次将所提报信息总量、有效信息、
 * 无效信息等情况…予以公布) and the quarterly conversion rate per reporter (季度项目转化率 =
 * 季度实际提车量 / 标的总量). Both are counts over catalogue-level facts: no contact details.
 */
import {
  leadConversionSchema,
  leadPublicationSchema,
  type LeadConversion,
  type LeadConversionRow,
  type LeadPublication,
  type LeadTally,
} from '../../contract/leads';
import { can } from '../policy';
import type { Session } from '../session';
import { readSettings } from '../settings/service';
import { parseInput } from '../validate';
import { addDays, checkDay, dayIn, publicationPeriod, quarterDays, quarterOf, startOfDay } from './calendar';

interface TallyRow {
  login: string;
  name: string;
  department: string;
  state: string;
  n: number;
}

const emptyTally = (): LeadTally => ({ reported: 0, duplicates: 0, pending: 0, valid: 0, invalid: 0 });

function add(tally: LeadTally, state: string, n: number): void {
  tally.reported += n;
  if (state === 'duplicate') tally.duplicates += n;
  else if (state === 'pending') tally.pending += n;
  else if (state === 'invalid') tally.invalid += n;
  // Valid, project and dossier were all found valid; an expired lead was valid information too.
  else tally.valid += n;
}

/**
 * One publication: leads reported after the previous publication day up to this one (days in the
 * archive's time zone), each counted in the state it has now, per person and per department.
 */
export async function leadPublication(session: Session, raw: unknown = {}): Promise<LeadPublication> {
  const input = parseInput(leadPublicationSchema, raw ?? {});
  return session.perform({ action: 'lead.publication', details: input.date ? { date: input.date } : {} }, (ctx) => {
    const { timeZone } = readSettings(session.archive.db);
    const asked = input.date ? checkDay(input.date) : dayIn(session.archive.clock.now(), timeZone);
    const { publishedOn, previous } = publicationPeriod(asked);
    const from = startOfDay(addDays(previous, 1), timeZone).toISOString();
    const to = startOfDay(addDays(publishedOn, 1), timeZone).toISOString();
    const rows = session.archive.db
      .prepare(
        `SELECT p.login, p.name, l.department, l.state, count(*) AS n
         FROM leads l JOIN people p ON p.id = l.reporter_id
         WHERE l.reported_at >= ? AND l.reported_at < ?
         GROUP BY p.login, l.department, l.state ORDER BY l.department, p.login`,
      )
      .all(from, to) as TallyRow[];
    const people = new Map<string, LeadPublication['people'][number]>();
    const departments = new Map<string, LeadPublication['departments'][number]>();
    const totals = emptyTally();
    for (const r of rows) {
      const person = people.get(`${r.login}\u0000${r.department}`) ?? { login: r.login, name: r.name, department: r.department, ...emptyTally() };
      people.set(`${r.login}\u0000${r.department}`, person);
      const department = departments.get(r.department) ?? { department: r.department, ...emptyTally() };
      departments.set(r.department, department);
      add(person, r.state, r.n);
      add(department, r.state, r.n);
      add(totals, r.state, r.n);
    }
    ctx.addDetails({ publishedOn, reported: totals.reported });
    return { publishedOn, from: addDays(previous, 1), to: publishedOn, people: [...people.values()], departments: [...departments.values()], totals };
  });
}

interface ConversionRow {
  login: string;
  name: string;
  department: string;
  projects: number;
  target: number;
  delivered: number;
}

/**
 * The quarter's conversion rate per reporter: the projects opened (立项) in the quarter from their
 * leads, their target quantity, and what was delivered on them up to the quarter's last day.
 * The key-account department sees everyone; a reporter sees their own row.
 */
export async function leadConversion(session: Session, raw: unknown = {}): Promise<LeadConversion> {
  const input = parseInput(leadConversionSchema, raw ?? {});
  const all = can(session.actor, 'lead.check').allowed;
  return session.perform({ action: 'lead.conversion', target: { lead: all ? {} : { reporterId: session.actor.id } }, details: { all } }, (ctx) => {
    const { timeZone } = readSettings(session.archive.db);
    const quarter = input.quarter ?? quarterOf(dayIn(session.archive.clock.now(), timeZone));
    const { from, to } = quarterDays(quarter);
    const start = startOfDay(from, timeZone).toISOString();
    const end = startOfDay(addDays(to, 1), timeZone).toISOString();
    const rows = session.archive.db
      .prepare(
        `SELECT p.login, p.name, p.department, count(*) AS projects, sum(l.quantity) AS target,
                coalesce(sum((SELECT sum(d.quantity) FROM lead_deliveries d WHERE d.lead_id = l.id AND d.delivered_on <= ?)), 0) AS delivered
         FROM leads l JOIN people p ON p.id = l.reporter_id
         WHERE l.state IN ('project', 'dossier') AND l.project_at >= ? AND l.project_at < ? ${all ? '' : 'AND l.reporter_id = ?'}
         GROUP BY p.id ORDER BY p.department, p.login`,
      )
      .all(to, start, end, ...(all ? [] : [session.actor.id])) as ConversionRow[];
    const out: LeadConversionRow[] = rows.map((r) => ({ ...r, rate: r.target > 0 ? r.delivered / r.target : null }));
    ctx.addDetails({ quarter, rows: out.length });
    return { quarter, from, to, rows: out };
  });
}
