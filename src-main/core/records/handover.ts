/**
 * Departure handover (离职交接, issue 16 point 6): 员工调离公司时，不得带走大客户资料，其业务应会同
 * 大客户部主管接收、整理、归档.
 *
 * Started by the leaver's department manager (or the general manager), in one transaction: the
 * successor becomes responsible for every dossier of the leaver, the collector successor takes the
 * collector assignments, and the leaver's loans are recalled, offline packages revoked, cards and
 * queue places cancelled (loans/departing.ts, the same as disabling). The checklist of all of it is
 * kept with the handover; the successor and a custodian (or the key-account manager) co-sign it in
 * the app, and the second signature disables the account and deletes its key slot.
 */
import { rankAtLeast } from '../../contract/people';
import { handoverIdSchema, startHandoverSchema, type HandoverChecklist, type HandoverView, type OrphanedDossier } from '../../contract/lifecycle-people';
import type { Db } from '../db/connection';
import { ArchiveError } from '../errors';
import { insertRevision } from '../dossiers/repository';
import { releaseLoansOf } from '../loans/departing';
import { findPersonById, findPersonByLogin, markDisabled, type PersonRecord } from '../people/repository';
import type { Session } from '../session';
import { parseInput } from '../validate';

function requireActive(db: Db, login: string): PersonRecord {
  const person = findPersonByLogin(db, login);
  if (!person || person.disabled) throw new ArchiveError('person.notFound', { login });
  return person;
}

export async function startHandover(session: Session, raw: unknown): Promise<HandoverView> {
  const db = session.archive.db;
  const claimed = (raw as { leaver?: unknown } | null)?.leaver;
  return session.perform(
    {
      action: 'handover.start',
      object: typeof claimed === 'string' && claimed.length <= 64 ? { type: 'person', id: claimed } : null,
      load: () => {
        const input = parseInput(startHandoverSchema, raw);
        return { input, leaver: requireActive(db, input.leaver) };
      },
      target: ({ leaver }) => ({ lifecycle: { departments: [leaver.department], personId: leaver.id } }),
    },
    (ctx, { input, leaver: l }) => {
      ctx.setObject({ type: 'person', id: l.id });
      const successor = requireActive(db, input.successor);
      if (successor.id === l.id || !rankAtLeast(successor.rank, 'account-manager'))
        throw new ArchiveError('dossier.notResponsible', { login: input.successor });
      const collectorAssignments = (
        db.prepare('SELECT archive_number AS n FROM dossiers WHERE collector_id = ? ORDER BY archive_number').all(l.id) as { n: string }[]
      ).map((r) => r.n);
      let collector: PersonRecord | null = null;
      if (input.collectorSuccessor !== undefined) {
        collector = requireActive(db, input.collectorSuccessor);
        if (!collector.duties.includes('collector') || collector.id === l.id)
          throw new ArchiveError('dossier.notCollector', { login: input.collectorSuccessor });
      } else if (collectorAssignments.length > 0) {
        throw new ArchiveError('input.invalid', { detail: 'collectorSuccessor: the leaver has collector assignments' });
      }
      const dossiers = (
        db.prepare('SELECT archive_number AS n FROM dossiers WHERE responsible_id = ? ORDER BY archive_number').all(l.id) as { n: string }[]
      ).map((r) => r.n);
      const now = session.archive.clock.now();
      const at = now.toISOString();
      const id = ctx.commit(() => {
        // The responsible manager is also a field of the content: a revision per dossier records the change.
        const handed = db.prepare('SELECT id, revision FROM dossiers WHERE responsible_id = ?').all(l.id) as { id: number; revision: number }[];
        for (const d of handed) {
          db.prepare(`UPDATE dossier_content SET content = json_set(content, '$.classification.responsibleManager', ?) WHERE dossier_id = ?`).run(
            successor.login,
            d.id,
          );
          insertRevision(db, d.id, d.revision + 1, 'update', at, session.actor.id, [
            { field: 'classification.responsibleManager', old: l.login, new: successor.login },
          ]);
          db.prepare('UPDATE dossiers SET responsible_id = ?, department = ?, revision = ?, updated_at = ? WHERE id = ?').run(
            successor.id,
            successor.department,
            d.revision + 1,
            at,
            d.id,
          );
        }
        if (collector) db.prepare('UPDATE dossiers SET collector_id = ? WHERE collector_id = ?').run(collector.id, l.id);
        const departure = releaseLoansOf(db, l.id, session.actor.id, now);
        const checklist: HandoverChecklist = {
          dossiers,
          collectorAssignments,
          loansRecalled: departure.recalled,
          cardsCancelled: departure.cancelled,
          packagesRevoked: departure.packagesRevoked,
        };
        ctx.addDetails({ successor: successor.login, collectorSuccessor: collector?.login ?? null, ...checklist });
        return Number(
          db
            .prepare(`INSERT INTO handovers (leaver_id, started_by, started_at, successor_id, collector_successor_id, checklist) VALUES (?, ?, ?, ?, ?, ?)`)
            .run(l.id, session.actor.id, at, successor.id, collector?.id ?? null, JSON.stringify(checklist)).lastInsertRowid,
        );
      });
      return findHandover(db, id)!;
    },
  );
}

/** The successor's or the witness's signature; the second one completes the handover and disables the account. */
export async function signHandover(session: Session, raw: unknown): Promise<HandoverView> {
  const db = session.archive.db;
  const claimed = (raw as { id?: unknown } | null)?.id;
  type HandoverRow = {
    id: number;
    leaver_id: string;
    successor_id: string;
    successor_signed_at: string | null;
    witness_signed_at: string | null;
    completed_at: string | null;
  };
  return session.perform(
    {
      action: 'handover.sign',
      object: typeof claimed === 'number' ? { type: 'handover', id: String(claimed) } : null,
      load: () => {
        const { id } = parseInput(handoverIdSchema, raw);
        const row = db
          .prepare('SELECT id, leaver_id, successor_id, successor_signed_at, witness_signed_at, completed_at FROM handovers WHERE id = ?')
          .get(id) as HandoverRow | undefined;
        if (!row) throw new ArchiveError('input.invalid', { detail: `no handover ${id}` });
        return row;
      },
      target: (row) => ({ lifecycle: { successorId: row.successor_id } }),
    },
    (ctx, h) => {
      if (h.completed_at) throw new ArchiveError('destruction.wrongState', { state: 'completed' });
      const archive = session.archive;
      const at = archive.clock.now().toISOString();
      const asSuccessor = session.actor.id === h.successor_id;
      if (asSuccessor ? h.successor_signed_at : h.witness_signed_at) throw new ArchiveError('destruction.wrongState', { state: 'signed' });
      const completes = asSuccessor ? h.witness_signed_at !== null : h.successor_signed_at !== null;
      const leaver = findPersonById(db, h.leaver_id)!;
      ctx.commit(
        () => {
          if (asSuccessor) db.prepare('UPDATE handovers SET successor_signed_at = ? WHERE id = ?').run(at, h.id);
          else db.prepare('UPDATE handovers SET witness_id = ?, witness_signed_at = ? WHERE id = ?').run(session.actor.id, at, h.id);
          if (completes) {
            db.prepare('UPDATE handovers SET completed_at = ? WHERE id = ?').run(at, h.id);
            if (!leaver.disabled) markDisabled(db, leaver.id, at);
          }
        },
        { as: asSuccessor ? 'successor' : 'witness', completed: completes, leaver: leaver.login },
      );
      // As disabling does: the slot goes, so the leaver's password opens nothing from now on.
      if (completes && leaver.slotId && archive.keyring.slots.some((s) => s.id === leaver.slotId)) {
        archive.saveKeyring({ ...archive.keyring, slots: archive.keyring.slots.filter((s) => s.id !== leaver.slotId) });
      }
      return findHandover(db, h.id)!;
    },
  );
}

interface HandoverRow {
  id: number;
  l_login: string;
  l_name: string;
  l_department: string;
  s_login: string;
  s_name: string;
  started_at: string;
  n_login: string;
  n_name: string;
  c_login: string | null;
  c_name: string | null;
  checklist: string;
  successor_signed_at: string | null;
  w_login: string | null;
  w_name: string | null;
  witness_signed_at: string | null;
  completed_at: string | null;
}

const SELECT_HANDOVERS = `
  SELECT h.id, l.login AS l_login, l.name AS l_name, l.department AS l_department, s.login AS s_login, s.name AS s_name, h.started_at,
         n.login AS n_login, n.name AS n_name, c.login AS c_login, c.name AS c_name, h.checklist, h.successor_signed_at,
         w.login AS w_login, w.name AS w_name, h.witness_signed_at, h.completed_at
  FROM handovers h JOIN people l ON l.id = h.leaver_id JOIN people s ON s.id = h.started_by JOIN people n ON n.id = h.successor_id
  LEFT JOIN people c ON c.id = h.collector_successor_id LEFT JOIN people w ON w.id = h.witness_id`;

function toView(r: HandoverRow): HandoverView {
  return {
    id: r.id,
    leaver: { login: r.l_login, name: r.l_name, department: r.l_department },
    startedBy: { login: r.s_login, name: r.s_name },
    startedAt: r.started_at,
    successor: { login: r.n_login, name: r.n_name },
    collectorSuccessor: r.c_login && r.c_name ? { login: r.c_login, name: r.c_name } : null,
    checklist: JSON.parse(r.checklist) as HandoverChecklist,
    successorSignedAt: r.successor_signed_at,
    witness: r.w_login && r.w_name && r.witness_signed_at ? { login: r.w_login, name: r.w_name, at: r.witness_signed_at } : null,
    completedAt: r.completed_at,
  };
}

function findHandover(db: Db, id: number): HandoverView | null {
  const row = db.prepare(`${SELECT_HANDOVERS} WHERE h.id = ?`).get(id) as HandoverRow | undefined;
  return row ? toView(row) : null;
}

export async function listHandovers(session: Session): Promise<HandoverView[]> {
  return session.perform({ action: 'handover.list' }, () => {
    const a = session.actor;
    const all = a.duties.includes('custodian') || a.rank === 'department-manager' || a.rank === 'general-manager';
    const rows = all
      ? session.archive.db.prepare(`${SELECT_HANDOVERS} ORDER BY h.completed_at IS NOT NULL, h.id DESC LIMIT 500`).all()
      : session.archive.db.prepare(`${SELECT_HANDOVERS} WHERE h.successor_id = ? ORDER BY h.completed_at IS NOT NULL, h.id DESC LIMIT 500`).all(a.id);
    return (rows as HandoverRow[]).map(toView);
  });
}

/** Dossiers whose responsible manager is disabled: the department's (all, for the general manager). */
export async function orphanedDossiers(session: Session): Promise<OrphanedDossier[]> {
  return session.perform({ action: 'handover.list', event: 'handover.orphans' }, () => {
    const all = session.actor.rank === 'general-manager' || session.actor.duties.includes('custodian');
    return (
      session.archive.db
        .prepare(
          `SELECT d.archive_number, d.customer_name, p.login, p.name, d.department FROM dossiers d JOIN people p ON p.id = d.responsible_id
           WHERE p.disabled_at IS NOT NULL ${all ? '' : 'AND (d.department = ? OR p.department = ?)'}
           AND NOT EXISTS (SELECT 1 FROM dossier_destructions x WHERE x.dossier_id = d.id)
           ORDER BY d.archive_number LIMIT 1000`,
        )
        .all(...(all ? [] : [session.actor.department, session.actor.department])) as {
        archive_number: string;
        customer_name: string;
        login: string;
        name: string;
        department: string | null;
      }[]
    ).map((r) => ({ number: r.archive_number, customerName: r.customer_name, responsible: { login: r.login, name: r.name }, department: r.department }));
  });
}
