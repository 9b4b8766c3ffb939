/**
 * Legal holds (issue 16, point 3): per matter — name, reason, who set it, which dossiers or which
 * customer. While a hold covers a dossier nothing destroys it: every destruction path asks `heldBy`
 * through the policy (facts `held`). Set by management or custodians; released only by the setter
 * or the general manager; both journaled.
 */
import type { HoldView } from '../../contract/records';
import { holdIdSchema, newHoldSchema } from '../../contract/records';
import type { Db } from '../db/connection';
import { ArchiveError } from '../errors';
import type { Session } from '../session';
import { parseInput } from '../validate';

/** The active holds covering a dossier, by its id and customer name. */
export function heldBy(db: Db, dossierId: number): { id: number; name: string }[] {
  return db
    .prepare(
      `SELECT h.id, h.name FROM legal_holds h WHERE h.released_at IS NULL AND (
         EXISTS (SELECT 1 FROM legal_hold_dossiers x WHERE x.hold_id = h.id AND x.dossier_id = ?)
         OR h.customer = (SELECT customer_name FROM dossiers WHERE id = ?))
       ORDER BY h.id`,
    )
    .all(dossierId, dossierId) as { id: number; name: string }[];
}

export function isHeld(db: Db, dossierId: number): boolean {
  return heldBy(db, dossierId).length > 0;
}

interface HoldRow {
  id: number;
  name: string;
  reason: string;
  customer: string | null;
  set_at: string;
  set_login: string;
  set_name: string;
  released_at: string | null;
  rel_login: string | null;
  rel_name: string | null;
  numbers: string | null;
}

const SELECT_HOLDS = `
  SELECT h.id, h.name, h.reason, h.customer, h.set_at, s.login AS set_login, s.name AS set_name, h.released_at,
         r.login AS rel_login, r.name AS rel_name,
         (SELECT group_concat(d.archive_number, ',') FROM legal_hold_dossiers x JOIN dossiers d ON d.id = x.dossier_id WHERE x.hold_id = h.id) AS numbers
  FROM legal_holds h JOIN people s ON s.id = h.set_by LEFT JOIN people r ON r.id = h.released_by`;

function toView(r: HoldRow): HoldView {
  return {
    id: r.id,
    name: r.name,
    reason: r.reason,
    customer: r.customer,
    numbers: r.numbers ? r.numbers.split(',').sort() : [],
    setBy: { login: r.set_login, name: r.set_name },
    setAt: r.set_at,
    released: r.released_at && r.rel_login && r.rel_name ? { by: { login: r.rel_login, name: r.rel_name }, at: r.released_at } : null,
  };
}

function findHold(db: Db, id: number): HoldView | null {
  const row = db.prepare(`${SELECT_HOLDS} WHERE h.id = ?`).get(id) as HoldRow | undefined;
  return row ? toView(row) : null;
}

function holdSetterId(db: Db, id: number): string {
  const row = db.prepare('SELECT set_by FROM legal_holds WHERE id = ?').get(id) as { set_by: string } | undefined;
  if (!row) throw new ArchiveError('hold.notFound', { id });
  return row.set_by;
}

export async function setHold(session: Session, raw: unknown): Promise<HoldView> {
  return session.perform({ action: 'hold.set' }, (ctx) => {
    const input = parseInput(newHoldSchema, raw);
    const db = session.archive.db;
    const ids = input.numbers.map((number) => {
      const row = db.prepare('SELECT id FROM dossiers WHERE archive_number = ?').get(number) as { id: number } | undefined;
      if (!row) throw new ArchiveError('dossier.notFound', { number });
      return row.id;
    });
    const at = session.archive.clock.now().toISOString();
    const id = ctx.commit(
      () => {
        const holdId = Number(
          db
            .prepare('INSERT INTO legal_holds (name, reason, customer, set_by, set_at) VALUES (?, ?, ?, ?, ?)')
            .run(input.name, input.reason, input.customer ?? null, session.actor.id, at).lastInsertRowid,
        );
        const link = db.prepare('INSERT OR IGNORE INTO legal_hold_dossiers (hold_id, dossier_id) VALUES (?, ?)');
        for (const dossierId of ids) link.run(holdId, dossierId);
        ctx.setObject({ type: 'legalHold', id: String(holdId) });
        return holdId;
      },
      { name: input.name, numbers: input.numbers, customer: input.customer ?? null },
    );
    return findHold(db, id)!;
  });
}

export async function releaseHold(session: Session, raw: unknown): Promise<HoldView> {
  const db = session.archive.db;
  const claimed = (raw as { id?: unknown } | null)?.id;
  return session.perform(
    {
      action: 'hold.release',
      object: typeof claimed === 'number' ? { type: 'legalHold', id: String(claimed) } : null,
      target: () => ({ lifecycle: { holdSetterId: holdSetterId(db, parseInput(holdIdSchema, raw).id) } }),
    },
    (ctx) => {
      const { id } = parseInput(holdIdSchema, raw);
      const hold = findHold(db, id)!;
      if (hold.released) throw new ArchiveError('hold.released', { name: hold.name });
      const at = session.archive.clock.now().toISOString();
      ctx.commit(() => db.prepare('UPDATE legal_holds SET released_by = ?, released_at = ? WHERE id = ?').run(session.actor.id, at, id), {
        name: hold.name,
      });
      return findHold(db, id)!;
    },
  );
}

export async function listHolds(session: Session): Promise<HoldView[]> {
  return session.perform({ action: 'hold.list' }, () =>
    (session.archive.db.prepare(`${SELECT_HOLDS} ORDER BY h.released_at IS NOT NULL, h.id DESC LIMIT 1000`).all() as HoldRow[]).map(toView),
  );
}
