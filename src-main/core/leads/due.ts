/**
 * Leads waiting for the key-account department's check are due work (两个工作日内反馈): each
 * pending lead is an item on the due list of everyone who may check it, due at the end of the
 * check period and overdue after it.
 */
import type { DueItem } from '../../contract/due';
import type { DueSource } from '../due/sources';
import { can } from '../policy';
import { readSettings } from '../settings/service';
import { checkDueAt } from './service';

export const leadDueSource: DueSource = ({ archive, actor, now }) => {
  if (!can(actor, 'lead.check').allowed) return [];
  const settings = readSettings(archive.db);
  const rows = archive.db
    .prepare(
      `SELECT l.id, l.customer_name, l.quantity, l.reported_at, p.name AS reporter
       FROM leads l JOIN people p ON p.id = l.reporter_id WHERE l.state = 'pending' ORDER BY l.reported_at LIMIT 1000`,
    )
    .all() as { id: number; customer_name: string; quantity: number; reported_at: string; reporter: string }[];
  return rows.map((r): DueItem => {
    const dueAt = checkDueAt(r.reported_at, settings);
    return {
      kind: 'lead',
      key: `lead:${r.id}`,
      dossierId: null,
      dossierNumber: null,
      customerName: r.customer_name,
      subject: `#${r.id} · ${r.quantity} · ${r.reporter}`,
      dueAt,
      overdue: now.toISOString() > dueAt,
    };
  });
};
