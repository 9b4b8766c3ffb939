/** Lead rows and their views; SQL only, no decisions (those are in policy/leads.ts and service.ts). */
import type { LeadShownState, LeadState, LeadView } from '../../contract/leads';
import type { Db } from '../db/connection';
import { ArchiveError } from '../errors';

export interface LeadRow {
  id: number;
  reported_at: string;
  reporter_id: string;
  reporter_login: string;
  reporter_name: string;
  department: string;
  customer_name: string;
  name_key: string;
  credit_code: string | null;
  sector: string;
  need: string;
  quantity: number;
  contact_person: string;
  contact_details: string;
  notes: string;
  state: LeadState;
  duplicate_of: number | null;
  checked_by_login: string | null;
  checked_at: string | null;
  expires_on: string | null;
  invalid_reason: string | null;
  project_at: string | null;
  dossier_number: string | null;
  delivered: number;
}

export const LEAD_SELECT = `
  SELECT l.*, r.login AS reporter_login, r.name AS reporter_name, c.login AS checked_by_login,
         (SELECT coalesce(sum(quantity), 0) FROM lead_deliveries d WHERE d.lead_id = l.id) AS delivered
  FROM leads l JOIN people r ON r.id = l.reporter_id LEFT JOIN people c ON c.id = l.checked_by`;

/**
 * Customer names compared as people write them: full-width and half-width alike (NFKC), case,
 * spaces and punctuation ignored, so "上海 华为（电子）" and "上海华为(电子)" are one customer.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

export function findLead(db: Db, id: number): LeadRow | null {
  return (db.prepare(`${LEAD_SELECT} WHERE l.id = ?`).get(id) as LeadRow | undefined) ?? null;
}

export function requireLead(db: Db, id: number): LeadRow {
  const row = findLead(db, id);
  if (!row) throw new ArchiveError('lead.notFound', { id });
  return row;
}

/** A valid lead past its expiry date, with no project yet, reads `expired`. */
export function shownState(row: Pick<LeadRow, 'state' | 'expires_on'>, today: string): LeadShownState {
  return row.state === 'valid' && row.expires_on !== null && row.expires_on < today ? 'expired' : row.state;
}

/**
 * The first report of the same lead that still counts: same credit code when the new report has
 * one, else the same normalised name. Invalid, duplicate and expired leads no longer hold it.
 */
export function firstReportOf(db: Db, creditCode: string | null, key: string, today: string): LeadRow | null {
  const live = `l.state IN ('pending', 'project', 'dossier') OR (l.state = 'valid' AND l.expires_on >= ?)`;
  const byCode = creditCode
    ? (db.prepare(`${LEAD_SELECT} WHERE l.credit_code = ? AND (${live}) ORDER BY l.reported_at, l.id LIMIT 1`).get(creditCode, today) as LeadRow | undefined)
    : undefined;
  if (byCode) return byCode;
  return (db.prepare(`${LEAD_SELECT} WHERE l.name_key = ? AND (${live}) ORDER BY l.reported_at, l.id LIMIT 1`).get(key, today) as LeadRow | undefined) ?? null;
}

export function toLeadView(row: LeadRow, today: string, checkDueAt: string, mayAct: boolean): LeadView {
  return {
    id: row.id,
    reportedAt: row.reported_at,
    reporter: { login: row.reporter_login, name: row.reporter_name },
    department: row.department,
    customerName: row.customer_name,
    creditCode: row.credit_code,
    sector: row.sector,
    need: row.need,
    quantity: row.quantity,
    contactPerson: row.contact_person,
    contactDetails: row.contact_details,
    notes: row.notes,
    state: shownState(row, today),
    duplicateOf: row.duplicate_of,
    checkDueAt,
    checkedBy: row.checked_by_login,
    checkedAt: row.checked_at,
    expiresOn: row.expires_on,
    invalidReason: row.invalid_reason,
    projectAt: row.project_at,
    dossierNumber: row.dossier_number,
    delivered: row.delivered,
    mayAct,
  };
}
