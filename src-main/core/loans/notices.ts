/**
 * Notifications kept in the archive, per recipient. Stored notices (new card, approved, rejected,
 * recalled, hold available) are written with the change that causes them; computed ones (overdue,
 * due within a day) are derived when someone asks — no timers — and deduplicated so asking
 * twice never notifies twice. A renewal moves the due time, and so earns fresh notices.
 */
import type { NotificationKind, NotificationView } from '../../contract/loans';
import type { Db } from '../db/connection';
import type { Actor } from '../policy';

const DAY_MS = 24 * 60 * 60 * 1000;

export function notify(db: Db, recipientId: string, kind: NotificationKind, loanId: number | null, dedupe: string, at: string): void {
  db.prepare(`INSERT OR IGNORE INTO notifications (recipient_id, kind, loan_id, dedupe, created_at) VALUES (?, ?, ?, ?, ?)`).run(
    recipientId,
    kind,
    loanId,
    dedupe,
    at,
  );
}

/** Overdue loans of a custodian's department, and the person's own loans due within a day. */
export function computeNotices(db: Db, actor: Actor, now: Date): number {
  const at = now.toISOString();
  const soon = new Date(now.getTime() + DAY_MS).toISOString();
  let added = 0;
  const add = (kind: NotificationKind, rows: { id: number; due_at: string }[]) => {
    for (const r of rows) {
      const result = db
        .prepare(`INSERT OR IGNORE INTO notifications (recipient_id, kind, loan_id, dedupe, created_at) VALUES (?, ?, ?, ?, ?)`)
        .run(actor.id, kind, r.id, `${kind}:${r.id}:${r.due_at}`, at);
      added += result.changes;
    }
  };
  if (actor.duties.includes('custodian')) {
    add(
      'loan.overdue',
      db.prepare(`SELECT id, due_at FROM loans WHERE department = ? AND state = 'on-loan' AND due_at <= ?`).all(actor.department, at) as never,
    );
  }
  add(
    'loan.dueSoon',
    db.prepare(`SELECT id, due_at FROM loans WHERE borrower_id = ? AND state = 'on-loan' AND due_at > ? AND due_at <= ?`).all(actor.id, at, soon) as never,
  );
  return added;
}

export function listNotices(db: Db, recipientId: string, unreadOnly: boolean): NotificationView[] {
  const rows = db
    .prepare(
      `SELECT n.id, n.kind, n.created_at, n.read_at, l.card_number, coalesce(d.archive_number, di.archive_number) AS archive_number
       FROM notifications n LEFT JOIN loans l ON l.id = n.loan_id LEFT JOIN dossiers d ON d.id = l.dossier_id
       LEFT JOIN incidents i ON i.id = n.incident_id LEFT JOIN dossiers di ON di.id = i.dossier_id
       WHERE n.recipient_id = ? ${unreadOnly ? 'AND n.read_at IS NULL' : ''} ORDER BY n.id DESC LIMIT 500`,
    )
    .all(recipientId) as {
    id: number;
    kind: NotificationKind;
    created_at: string;
    read_at: string | null;
    card_number: string | null;
    archive_number: string | null;
  }[];
  return rows.map((r) => ({ id: r.id, kind: r.kind, card: r.card_number, number: r.archive_number, createdAt: r.created_at, read: r.read_at !== null }));
}

/** Marks one of the recipient's own notices read; false when it is not theirs or does not exist. */
export function markNoticeRead(db: Db, recipientId: string, id: number, at: string): boolean {
  const found = db.prepare('SELECT read_at FROM notifications WHERE id = ? AND recipient_id = ?').get(id, recipientId) as
    { read_at: string | null } | undefined;
  if (!found) return false;
  if (found.read_at === null) db.prepare('UPDATE notifications SET read_at = ? WHERE id = ?').run(at, id);
  return true;
}
