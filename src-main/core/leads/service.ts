/**
 * Lead intake (大客户信息提报, issue 18 point 1; seed 004 §5–§6). Every function goes through
 * `session.perform`: the policy decides, the journal records. Journal details carry the lead's id,
 * state and quantity, never the third party's contact details.
 */
import { leadCheckSchema, leadDeliverySchema, leadIdSchema, leadListSchema, leadMergeSchema, leadReportSchema, type LeadView } from '../../contract/leads';
import type { ArchiveSettings } from '../../contract/settings';
import { createDossier } from '../dossiers/service';
import { ArchiveError } from '../errors';
import { can } from '../policy';
import type { Session } from '../session';
import { readSettings } from '../settings/service';
import { parseInput } from '../validate';
import { checkDay, dayIn, workingDaysAfter } from './calendar';
import { firstReportOf, LEAD_SELECT, nameKey, requireLead, shownState, toLeadView, type LeadRow } from './repository';

interface Today {
  settings: ArchiveSettings;
  now: Date;
  today: string;
}

function today(session: Session): Today {
  const settings = readSettings(session.archive.db);
  const now = session.archive.clock.now();
  return { settings, now, today: dayIn(now, settings.timeZone) };
}

export function checkDueAt(reportedAt: string, settings: ArchiveSettings): string {
  return workingDaysAfter(new Date(reportedAt), settings.leadCheckWorkingDays, settings.timeZone).toISOString();
}

function view(session: Session, row: LeadRow, t: Today): LeadView {
  return toLeadView(row, t.today, checkDueAt(row.reported_at, t.settings), can(session.actor, 'lead.check').allowed);
}
const claimedId = (raw: unknown) => {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? { type: 'lead', id: String(id) } : null;
};

/**
 * Reports a lead on the one template. Without the third party's contact person and details it is
 * not accepted (不予接收). A later report of a lead someone already reported is received as a
 * duplicate that never counts; one below the minimum quantity is received as invalid (视为无效).
 */
export async function reportLead(session: Session, raw: unknown): Promise<LeadView> {
  return session.perform({ action: 'lead.report', load: () => parseInput(leadReportSchema, raw) }, (ctx, input) => {
    if (!input.contactPerson || !input.contactDetails) throw new ArchiveError('lead.contactMissing');
    const db = session.archive.db;
    const t = today(session);
    const key = nameKey(input.customerName);
    const at = t.now.toISOString();
    const id = ctx.commit(() => {
      const first = firstReportOf(db, input.creditCode ?? null, key, t.today);
      const below = input.quantity < t.settings.leadMinQuantity;
      const state = first ? 'duplicate' : below ? 'invalid' : 'pending';
      const reason = state === 'invalid' ? `标的量低于 ${t.settings.leadMinQuantity} 台 (quantity below ${t.settings.leadMinQuantity})` : null;
      const result = db
        .prepare(
          `INSERT INTO leads (reported_at, reporter_id, department, customer_name, name_key, credit_code, sector, need, quantity,
                              contact_person, contact_details, notes, state, duplicate_of, checked_at, invalid_reason)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          at,
          session.actor.id,
          session.actor.department,
          input.customerName,
          key,
          input.creditCode ?? null,
          input.sector,
          input.need,
          input.quantity,
          input.contactPerson!,
          input.contactDetails!,
          input.notes,
          state,
          first?.id ?? null,
          state === 'invalid' ? at : null,
          reason,
        );
      const leadId = Number(result.lastInsertRowid);
      ctx.setObject({ type: 'lead', id: String(leadId) });
      ctx.addDetails({ state, quantity: input.quantity, ...(first ? { duplicateOf: first.id } : {}) });
      return leadId;
    });
    return view(session, requireLead(db, id), t);
  });
}

/** The key-account department's check: valid with an expiry date (有效信息要注明到期日期) or invalid with a reason. */
export async function checkLead(session: Session, raw: unknown): Promise<LeadView> {
  return session.perform({ action: 'lead.check', object: claimedId(raw), load: () => parseInput(leadCheckSchema, raw) }, (ctx, input) => {
    const db = session.archive.db;
    const t = today(session);
    const lead = requireLead(db, input.id);
    if (lead.state !== 'pending') throw new ArchiveError('lead.notPending', { id: lead.id, state: shownState(lead, t.today) });
    if (input.verdict === 'valid') {
      const expiresOn = checkDay(input.expiresOn);
      if (lead.quantity < t.settings.leadMinQuantity)
        throw new ArchiveError('lead.belowMinimum', { quantity: lead.quantity, minimum: t.settings.leadMinQuantity });
      if (expiresOn <= t.today) throw new ArchiveError('lead.expiryNotFuture', { expiresOn, today: t.today });
    }
    const at = t.now.toISOString();
    ctx.commit(
      () =>
        db
          .prepare('UPDATE leads SET state = ?, checked_by = ?, checked_at = ?, expires_on = ?, invalid_reason = ? WHERE id = ?')
          .run(
            input.verdict,
            session.actor.id,
            at,
            input.verdict === 'valid' ? input.expiresOn : null,
            input.verdict === 'invalid' ? input.reason : null,
            lead.id,
          ),
      {
        verdict: input.verdict,
        ...(input.verdict === 'valid' ? { expiresOn: input.expiresOn } : {}),
        late: at > checkDueAt(lead.reported_at, t.settings),
      },
    );
    return view(session, requireLead(db, lead.id), t);
  });
}

/**
 * Manual merge of two reports of the same lead (a name written two ways, a code missing on one):
 * whichever was reported first counts, the other becomes its duplicate, whatever the order given.
 */
export async function mergeLeads(session: Session, raw: unknown): Promise<LeadView> {
  return session.perform({ action: 'lead.merge', object: claimedId(raw), load: () => parseInput(leadMergeSchema, raw) }, (ctx, input) => {
    if (input.id === input.with) throw new ArchiveError('lead.mergeSelf');
    const db = session.archive.db;
    const t = today(session);
    const [first, later] = [requireLead(db, input.id), requireLead(db, input.with)].sort((a, b) =>
      a.reported_at === b.reported_at ? a.id - b.id : a.reported_at < b.reported_at ? -1 : 1,
    ) as [LeadRow, LeadRow];
    if (first.state === 'duplicate') throw new ArchiveError('lead.mergeSettled', { id: first.id });
    if (!['pending', 'valid', 'invalid'].includes(later.state)) throw new ArchiveError('lead.mergeSettled', { id: later.id });
    ctx.commit(() => db.prepare("UPDATE leads SET state = 'duplicate', duplicate_of = ? WHERE id = ?").run(first.id, later.id), {
      first: first.id,
      duplicate: later.id,
      was: later.state,
    });
    return view(session, requireLead(db, later.id), t);
  });
}

/** A valid lead becomes a project (立项), listed in the development plan. */
export async function openProject(session: Session, raw: unknown): Promise<LeadView> {
  return session.perform({ action: 'lead.project', object: claimedId(raw), load: () => parseInput(leadIdSchema, raw) }, (ctx, input) => {
    const db = session.archive.db;
    const t = today(session);
    const lead = requireLead(db, input.id);
    const state = shownState(lead, t.today);
    if (state === 'expired') throw new ArchiveError('lead.expired', { id: lead.id, expiresOn: lead.expires_on ?? '' });
    if (state !== 'valid') throw new ArchiveError('lead.notValid', { id: lead.id, state });
    ctx.commit(
      () => db.prepare("UPDATE leads SET state = 'project', project_by = ?, project_at = ? WHERE id = ?").run(session.actor.id, t.now.toISOString(), lead.id),
      {
        quantity: lead.quantity,
      },
    );
    return view(session, requireLead(db, lead.id), t);
  });
}

/** A delivery on a project (合同登记): what the quarterly conversion rate counts. */
export async function recordDelivery(session: Session, raw: unknown): Promise<LeadView> {
  return session.perform({ action: 'lead.deliver', object: claimedId(raw), load: () => parseInput(leadDeliverySchema, raw) }, (ctx, input) => {
    const db = session.archive.db;
    const t = today(session);
    const lead = requireLead(db, input.id);
    if (lead.state !== 'project' && lead.state !== 'dossier') throw new ArchiveError('lead.notProject', { id: lead.id, state: shownState(lead, t.today) });
    const deliveredOn = checkDay(input.deliveredOn);
    ctx.commit(
      () =>
        db
          .prepare('INSERT INTO lead_deliveries (lead_id, quantity, delivered_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)')
          .run(lead.id, input.quantity, deliveredOn, session.actor.id, t.now.toISOString()),
      { quantity: input.quantity, deliveredOn },
    );
    return view(session, requireLead(db, lead.id), t);
  });
}

/**
 * The customer shows intent to cooperate: the project gets a dossier (在大客户主要负责人有合作意向时
 * 建立大客户档案) through the ordinary dossier creation, with its own rules and journal entry; this
 * operation's entry links the two.
 */
export async function leadToDossier(session: Session, raw: unknown): Promise<LeadView> {
  return session.perform({ action: 'lead.dossier', object: claimedId(raw), load: () => parseInput(leadIdSchema, raw) }, async (ctx, input) => {
    const db = session.archive.db;
    const t = today(session);
    const lead = requireLead(db, input.id);
    if (lead.state !== 'project') throw new ArchiveError('lead.notProject', { id: lead.id, state: shownState(lead, t.today) });
    const dossier = await createDossier(session, {
      basic: { customerName: lead.customer_name, ...(lead.credit_code ? { creditCode: lead.credit_code } : {}) },
    });
    ctx.commit(
      () => db.prepare("UPDATE leads SET state = 'dossier', dossier_number = ?, dossier_at = ? WHERE id = ?").run(dossier.number, t.now.toISOString(), lead.id),
      {
        number: dossier.number,
      },
    );
    return view(session, requireLead(db, lead.id), t);
  });
}

/**
 * Leads, newest first: every lead for the key-account department, one's own reports for anyone
 * else (`mine`). The state filter takes `expired` as what the list shows.
 */
export async function listLeads(session: Session, raw: unknown = {}): Promise<LeadView[]> {
  const input = parseInput(leadListSchema, raw ?? {});
  const mine = input.mine === true || !can(session.actor, 'lead.check').allowed;
  return session.perform(
    { action: 'lead.list', target: { lead: mine ? { reporterId: session.actor.id } : {} }, details: { mine, ...(input.state ? { state: input.state } : {}) } },
    () => {
      const t = today(session);
      const rows = session.archive.db
        .prepare(`${LEAD_SELECT} ${mine ? 'WHERE l.reporter_id = ?' : ''} ORDER BY l.reported_at DESC, l.id DESC LIMIT 5000`)
        .all(...(mine ? [session.actor.id] : [])) as LeadRow[];
      return rows.map((r) => view(session, r, t)).filter((v) => !input.state || v.state === input.state);
    },
  );
}
