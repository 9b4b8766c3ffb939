/**
 * Retention (issue 16, point 1). Each filed dossier is kept for the archive's retention period for
 * its grade (settings.retentionYears), counted from its last interaction (a save, a review, a loan)
 * — or, for a lost customer, from the end of the relationship (the save that marked it lost). The
 * due list for a department manager holds the dossiers at the end of retention and those with no
 * interaction for three years (三年未互动的客户信息需进行分类处理（归档或删除）). For each the manager
 * keeps it (a new date), archives it, or asks for its destruction (path retention / three-year,
 * which a legal hold refuses like every other path).
 */
import { retentionDecisionSchema, type RetentionDueRow } from '../../contract/records';
import { ArchiveError } from '../errors';
import type { Session } from '../session';
import { readSettings } from '../settings/service';
import { parseInput } from '../validate';
import { requestDestruction } from './destruction';
import { isHeld } from './holds';

const YEAR_MS = 365.25 * 86_400_000;
const THREE_YEARS_MS = 3 * YEAR_MS;

function addYears(iso: string, years: number): Date {
  const d = new Date(iso);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

export async function retentionDue(session: Session): Promise<RetentionDueRow[]> {
  const db = session.archive.db;
  const all = session.actor.rank === 'general-manager';
  return session.perform({ action: 'retention.list', target: { lifecycle: { departments: [session.actor.department] } } }, (ctx) => {
    const now = session.archive.clock.now();
    const years = readSettings(db).retentionYears;
    const rows = db
      .prepare(
        `SELECT d.id, d.archive_number, d.customer_name, d.grade, d.lifecycle, d.department, d.updated_at,
                max(d.updated_at, coalesce(d.last_reviewed_at, ''), coalesce((SELECT max(l.starts_at) FROM loans l WHERE l.dossier_id = d.id), '')) AS last
         FROM dossiers d LEFT JOIN dossier_retention r ON r.dossier_id = d.id
         WHERE d.status = 'filed' AND r.archived_at IS NULL AND (r.keep_until IS NULL OR r.keep_until <= ?)
           AND NOT EXISTS (SELECT 1 FROM dossier_destructions x WHERE x.dossier_id = d.id)
           ${all ? '' : 'AND d.department = ?'}`,
      )
      .all(...(all ? [now.toISOString()] : [now.toISOString(), session.actor.department])) as {
      id: number;
      archive_number: string;
      customer_name: string;
      grade: 'A' | 'B' | 'C';
      lifecycle: string;
      department: string | null;
      updated_at: string;
      last: string;
    }[];
    const due: RetentionDueRow[] = [];
    for (const r of rows) {
      const ends = addYears(r.lifecycle === 'lost' ? r.updated_at : r.last, years[r.grade]);
      const reason = ends <= now ? 'retention' : now.getTime() - Date.parse(r.last) >= THREE_YEARS_MS ? 'three-year' : null;
      if (!reason) continue;
      due.push({
        number: r.archive_number,
        customerName: r.customer_name,
        grade: r.grade,
        lifecycle: r.lifecycle,
        department: r.department,
        lastInteraction: r.last,
        retentionEnds: ends.toISOString(),
        reason,
        held: isHeld(db, r.id),
      });
    }
    due.sort((a, b) => a.retentionEnds.localeCompare(b.retentionEnds));
    ctx.addDetails({ count: due.length });
    return due;
  });
}

/** keep (with a new date) or archive; destroy becomes a destruction request of path retention / three-year. */
export async function decideRetention(session: Session, raw: unknown): Promise<{ number: string; decision: string; requestId?: number }> {
  const input = parseInput(retentionDecisionSchema, raw);
  const db = session.archive.db;
  if (input.decision === 'destroy') {
    const row = db.prepare('SELECT last_reviewed_at, updated_at FROM dossiers WHERE archive_number = ?').get(input.number) as
      { last_reviewed_at: string | null; updated_at: string } | undefined;
    const last = row ? [row.updated_at, row.last_reviewed_at ?? ''].sort().at(-1)! : '';
    const path = row && session.archive.clock.now().getTime() - Date.parse(last) >= THREE_YEARS_MS ? 'three-year' : 'retention';
    const request = await requestDestruction(
      session,
      { number: input.number, reason: input.reason || (path === 'three-year' ? '三年未互动' : '保管期满') },
      path,
    );
    return { number: input.number, decision: 'destroy', requestId: request.id };
  }
  const dossier = db.prepare('SELECT id, department FROM dossiers WHERE archive_number = ?').get(input.number) as
    { id: number; department: string | null } | undefined;
  return session.perform(
    {
      action: 'retention.decide',
      object: { type: 'dossier', id: input.number },
      details: { decision: input.decision, until: input.until ?? null },
      target: () => {
        if (!dossier) throw new ArchiveError('dossier.notFound', { number: input.number });
        return { lifecycle: { departments: dossier.department ? [dossier.department] : [] } };
      },
    },
    (ctx) => {
      const at = session.archive.clock.now().toISOString();
      if (input.decision === 'keep') {
        const until = new Date(input.until!);
        if (Number.isNaN(until.getTime()) || until.toISOString() <= at) throw new ArchiveError('input.invalid', { detail: 'until: a date in the future' });
        ctx.commit(() =>
          db
            .prepare(
              `INSERT INTO dossier_retention (dossier_id, keep_until, decided_by, decided_at) VALUES (?, ?, ?, ?)
               ON CONFLICT (dossier_id) DO UPDATE SET keep_until = excluded.keep_until, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
            )
            .run(dossier!.id, until.toISOString(), session.actor.id, at),
        );
      } else {
        ctx.commit(() =>
          db
            .prepare(
              `INSERT INTO dossier_retention (dossier_id, archived_at, decided_by, decided_at) VALUES (?, ?, ?, ?)
               ON CONFLICT (dossier_id) DO UPDATE SET archived_at = excluded.archived_at, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
            )
            .run(dossier!.id, at, session.actor.id, at),
        );
      }
      return { number: input.number, decision: input.decision };
    },
  );
}
