/**
 * Destruction requests (issue 16, point 2): a custodian asks, the department manager of every
 * holding department approves (the general manager may approve for all), and the last approval
 * destroys the dossier in the same transaction as its journal entry (destroy.ts). A legal hold
 * refuses every step through the policy (facts `held`), journaled like any refusal.
 *
 * Paths: `manual` (one dossier) and `bulk` (a list, one operation and one entry per dossier).
 * Retention, departure and the archive server are to call `requestDestruction` with their path.
 */
import {
  bulkDestructionSchema,
  destructionDecisionSchema,
  destructionRequestSchema,
  type DestructionRecordLine,
  type DestructionRequestView,
  type DestructionState,
} from '../../contract/records';
import type { Db } from '../db/connection';
import { ArchiveError, toArchiveError } from '../errors';
import type { Session } from '../session';
import { parseInput } from '../validate';
import { destroyDossier, settleDestruction } from './destroy';
import { isHeld } from './holds';

export type DestructionPath = 'manual' | 'bulk' | 'retention' | 'three-year' | 'departure' | 'server';

interface DossierStub {
  id: number;
  number: string;
  customerName: string;
  department: string | null;
}

function requireStub(db: Db, number: string): DossierStub {
  const row = db
    .prepare('SELECT id, archive_number AS number, customer_name AS customerName, department FROM dossiers WHERE archive_number = ?')
    .get(number) as DossierStub | undefined;
  if (!row) throw new ArchiveError('dossier.notFound', { number });
  return row;
}

function isDestroyed(db: Db, dossierId: number): boolean {
  return db.prepare('SELECT 1 FROM dossier_destructions WHERE dossier_id = ?').get(dossierId) !== undefined;
}

/** Copies on loan and offline packages still out: an approval waits for them (policy `copiesOut`). */
function copiesOut(db: Db, dossierId: number): number {
  const row = db
    .prepare(
      `SELECT (SELECT count(*) FROM loans WHERE dossier_id = ? AND state = 'on-loan')
            + (SELECT count(*) FROM offline_packages o JOIN loans l ON l.id = o.loan_id WHERE l.dossier_id = ? AND o.state = 'issued') AS n`,
    )
    .get(dossierId, dossierId) as { n: number };
  return row.n;
}

/** The departments whose managers decide: those holding a copy, else the dossier's own. */
function decidingDepartments(db: Db, dossier: DossierStub): string[] {
  const held = (
    db.prepare(`SELECT DISTINCT department FROM dossier_copies WHERE dossier_id = ? ORDER BY department`).all(dossier.id) as { department: string }[]
  ).map((r) => r.department);
  if (held.length > 0) return held;
  return dossier.department ? [dossier.department] : [];
}

export async function requestDestruction(session: Session, raw: unknown, path: DestructionPath = 'manual'): Promise<DestructionRequestView> {
  const db = session.archive.db;
  const claimed = (raw as { number?: unknown } | null)?.number;
  return session.perform(
    {
      action: 'destruction.request',
      object: typeof claimed === 'string' && claimed.length <= 40 ? { type: 'dossier', id: claimed } : null,
      details: { path },
      load: () => {
        const input = parseInput(destructionRequestSchema, raw);
        return { input, dossier: requireStub(db, input.number) };
      },
      target: ({ dossier }) => {
        const fromRetention = path === 'retention' || path === 'three-year';
        return { lifecycle: { held: isHeld(db, dossier.id), fromRetention, departments: dossier.department ? [dossier.department] : [] } };
      },
    },
    (ctx, { input, dossier: d }) => {
      if (isDestroyed(db, d.id)) throw new ArchiveError('destruction.alreadyDestroyed', { number: d.number });
      if (db.prepare(`SELECT 1 FROM destruction_requests WHERE dossier_id = ? AND state = 'pending'`).get(d.id)) {
        throw new ArchiveError('destruction.alreadyRequested', { number: d.number });
      }
      const departments = decidingDepartments(db, d);
      const at = session.archive.clock.now().toISOString();
      const id = ctx.commit(
        () =>
          Number(
            db
              .prepare(
                `INSERT INTO destruction_requests (dossier_id, path, reason, requested_by, requested_at, departments, state)
                 VALUES (?, ?, ?, ?, ?, ?, 'pending')`,
              )
              .run(d.id, path, input.reason, session.actor.id, at, JSON.stringify(departments)).lastInsertRowid,
          ),
        { departments },
      );
      return findRequest(db, id)!;
    },
  );
}

export interface BulkResult {
  number: string;
  ok: boolean;
  id?: number;
  error?: { code: string; params: Record<string, string | number> };
}

/** Bulk: each dossier is its own operation (own policy decision, own journal entry); holds refuse theirs. */
export async function requestBulkDestruction(session: Session, raw: unknown): Promise<BulkResult[]> {
  const input = parseInput(bulkDestructionSchema, raw);
  const results: BulkResult[] = [];
  for (const number of input.numbers) {
    try {
      const request = await requestDestruction(session, { number, reason: input.reason }, 'bulk');
      results.push({ number, ok: true, id: request.id });
    } catch (error) {
      const failure = toArchiveError(error);
      results.push({ number, ok: false, error: { code: failure.code, params: failure.params } });
    }
  }
  return results;
}

interface RequestFacts {
  id: number;
  dossierId: number;
  number: string;
  state: DestructionState;
  departments: string[];
  decided: Set<string>;
  requestedBy: string;
}

function requestFacts(db: Db, id: number): RequestFacts {
  const row = db
    .prepare(
      `SELECT r.id, r.dossier_id, d.archive_number, r.state, r.departments, p.name AS requested_by FROM destruction_requests r
       JOIN dossiers d ON d.id = r.dossier_id JOIN people p ON p.id = r.requested_by WHERE r.id = ?`,
    )
    .get(id) as { id: number; dossier_id: number; archive_number: string; state: DestructionState; departments: string; requested_by: string } | undefined;
  if (!row) throw new ArchiveError('destruction.notFound', { id });
  const decided = new Set(
    (db.prepare('SELECT department FROM destruction_decisions WHERE request_id = ?').all(id) as { department: string }[]).map((r) => r.department),
  );
  return {
    id: row.id,
    dossierId: row.dossier_id,
    number: row.archive_number,
    state: row.state,
    departments: JSON.parse(row.departments) as string[],
    decided,
    requestedBy: row.requested_by,
  };
}

/** One approval; the last one destroys the dossier in the same transaction as its entry. */
export async function approveDestruction(session: Session, raw: unknown): Promise<DestructionRequestView> {
  return decide(session, raw, 'approve');
}

export async function rejectDestruction(session: Session, raw: unknown): Promise<DestructionRequestView> {
  return decide(session, raw, 'reject');
}

async function decide(session: Session, raw: unknown, decision: 'approve' | 'reject'): Promise<DestructionRequestView> {
  const db = session.archive.db;
  const claimed = (raw as { id?: unknown } | null)?.id;
  return session.perform(
    {
      action: decision === 'approve' ? 'destruction.approve' : 'destruction.reject',
      object: typeof claimed === 'number' ? { type: 'destruction', id: String(claimed) } : null,
      load: () => {
        const input = parseInput(destructionDecisionSchema, raw);
        return { input, facts: requestFacts(db, input.id) };
      },
      target: ({ facts }) => {
        const open = facts.departments.filter((d) => !facts.decided.has(d));
        return { lifecycle: { departments: open, held: isHeld(db, facts.dossierId), copiesOut: copiesOut(db, facts.dossierId) } };
      },
    },
    (ctx, { input, facts: f }) => {
      ctx.addDetails({ number: f.number });
      if (f.state !== 'pending') throw new ArchiveError('destruction.wrongState', { state: f.state });
      const open = f.departments.filter((d) => !f.decided.has(d));
      // A department manager decides for their department; the general manager for every one still open.
      const mine = session.actor.rank === 'general-manager' ? open : open.filter((d) => d === session.actor.department);
      const at = session.archive.clock.now().toISOString();
      const insert = db.prepare('INSERT INTO destruction_decisions (request_id, department, approver_id, decision, note, at) VALUES (?, ?, ?, ?, ?, ?)');
      if (decision === 'reject') {
        ctx.commit(
          () => {
            for (const d of mine) insert.run(f.id, d, session.actor.id, 'reject', input.note, at);
            db.prepare(`UPDATE destruction_requests SET state = 'rejected', decided_at = ? WHERE id = ?`).run(at, f.id);
          },
          { departments: mine },
        );
        return findRequest(db, f.id)!;
      }
      const last = open.length === mine.length;
      if (!last) {
        ctx.commit(
          () => {
            for (const d of mine) insert.run(f.id, d, session.actor.id, 'approve', input.note, at);
          },
          { departments: mine, destroyed: false },
        );
        return findRequest(db, f.id)!;
      }
      // Every archive connection already runs with secure_delete on; said again where it matters.
      db.pragma('secure_delete=ON');
      ctx.commit(() => {
        for (const d of mine) insert.run(f.id, d, session.actor.id, 'approve', input.note, at);
        const approvers = (
          db
            .prepare('SELECT DISTINCT p.name FROM destruction_decisions x JOIN people p ON p.id = x.approver_id WHERE x.request_id = ? ORDER BY p.name')
            .all(f.id) as {
            name: string;
          }[]
        ).map((r) => r.name);
        const destroyed = destroyDossier(db, {
          requestId: f.id,
          dossierId: f.dossierId,
          requestedBy: f.requestedBy,
          approvers,
          destroyedBy: { id: session.actor.id, name: session.actor.name },
          at,
        });
        ctx.addDetails({ departments: mine, destroyed: true, recordId: destroyed.recordId, contentSha256: destroyed.contentSha256 });
        return destroyed;
      });
      settleDestruction(db);
      return findRequest(db, f.id)!;
    },
  );
}

interface RequestRow {
  id: number;
  archive_number: string;
  customer_name: string;
  dossier_id: number;
  path: string;
  reason: string;
  req_login: string;
  req_name: string;
  requested_at: string;
  state: DestructionState;
  departments: string;
}

const SELECT_REQUESTS = `
  SELECT r.id, d.archive_number, d.customer_name, r.dossier_id, r.path, r.reason, p.login AS req_login, p.name AS req_name,
         r.requested_at, r.state, r.departments
  FROM destruction_requests r JOIN dossiers d ON d.id = r.dossier_id JOIN people p ON p.id = r.requested_by`;

function toView(db: Db, r: RequestRow): DestructionRequestView {
  const decisions = db
    .prepare(
      `SELECT x.department, p.login, p.name, x.decision, x.note, x.at FROM destruction_decisions x JOIN people p ON p.id = x.approver_id
       WHERE x.request_id = ? ORDER BY x.at, x.department`,
    )
    .all(r.id) as { department: string; login: string; name: string; decision: 'approve' | 'reject'; note: string; at: string }[];
  return {
    id: r.id,
    number: r.archive_number,
    customerName: r.customer_name,
    path: r.path,
    reason: r.reason,
    requestedBy: { login: r.req_login, name: r.req_name },
    requestedAt: r.requested_at,
    state: r.state,
    departments: JSON.parse(r.departments) as string[],
    decisions: decisions.map((x) => ({ department: x.department, approver: { login: x.login, name: x.name }, decision: x.decision, note: x.note, at: x.at })),
    held: r.state === 'pending' && isHeld(db, r.dossier_id),
  };
}

function findRequest(db: Db, id: number): DestructionRequestView | null {
  const row = db.prepare(`${SELECT_REQUESTS} WHERE r.id = ?`).get(id) as RequestRow | undefined;
  return row ? toView(db, row) : null;
}

export async function listDestructionRequests(session: Session, state?: DestructionState): Promise<DestructionRequestView[]> {
  return session.perform({ action: 'destruction.list', details: { state: state ?? null } }, () => {
    const db = session.archive.db;
    const rows = (
      state
        ? db.prepare(`${SELECT_REQUESTS} WHERE r.state = ? ORDER BY r.id DESC LIMIT 1000`).all(state)
        : db.prepare(`${SELECT_REQUESTS} ORDER BY r.state <> 'pending', r.id DESC LIMIT 1000`).all()
    ) as RequestRow[];
    return rows.map((r) => toView(db, r));
  });
}

export function readDestructionRecord(db: Db): DestructionRecordLine[] {
  const rows = db.prepare('SELECT * FROM destruction_record ORDER BY id').all() as {
    id: number;
    archive_number: string;
    customer_name: string;
    copies: string;
    revisions: number;
    content_sha256: string;
    requested_by: string;
    approvers: string;
    destroyed_by: string;
    destroyed_at: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    number: r.archive_number,
    customerName: r.customer_name,
    copies: JSON.parse(r.copies) as string[],
    revisions: r.revisions,
    contentSha256: r.content_sha256,
    requestedBy: r.requested_by,
    approvers: JSON.parse(r.approvers) as string[],
    destroyedBy: r.destroyed_by,
    destroyedAt: r.destroyed_at,
  }));
}

/** The destruction record (销毁清册), read for auditors and managers; the read is journaled. */
export async function destructionRecord(session: Session): Promise<DestructionRecordLine[]> {
  return session.perform({ action: 'destruction.list', event: 'destruction.record' }, (ctx) => {
    const lines = readDestructionRecord(session.archive.db);
    ctx.addDetails({ lines: lines.length });
    return lines;
  });
}
