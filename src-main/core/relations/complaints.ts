/**
 * 投诉处理 (seed 003 三(二)3): "建立24小时投诉响应机制，首小时响应，24小时内提供解决方案".
 * A complaint goes received → responded → solved (→ closed), each step written once. The first
 * response is due an hour after it was received and the solution 24 hours after (both in the
 * archive's settings); a complaint past the deadline of its current step is flagged overdue, and a
 * step taken late stays marked late.
 */
import { complaintStepSchema, newComplaintSchema, type ComplaintState, type ComplaintView } from '../../contract/relations';
import type { ArchiveSettings } from '../../contract/settings';
import { claimedNumber, factsFor } from '../dossiers/context';
import { findDossierById } from '../dossiers/repository';
import { ArchiveError } from '../errors';
import type { RelationFacts } from '../policy';
import type { Session } from '../session';
import { readSettings } from '../settings/service';
import { parseInput } from '../validate';
import { claimedId, loadDossier, requireFiled, resolveOwner } from './records';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

export interface ComplaintRow {
  id: number;
  dossier_id: number;
  number: string;
  customer_name: string;
  subject: string;
  content: string;
  owner_id: string;
  o_login: string;
  o_name: string;
  received_at: string;
  received_by: string;
  r_login: string;
  r_name: string;
  responded_at: string | null;
  response: string | null;
  solved_at: string | null;
  solution: string | null;
  closed_at: string | null;
}

export const SELECT_COMPLAINTS = `
  SELECT c.*, d.archive_number AS number, d.customer_name, o.login AS o_login, o.name AS o_name, r.login AS r_login, r.name AS r_name
  FROM complaints c JOIN dossiers d ON d.id = c.dossier_id JOIN people o ON o.id = c.owner_id JOIN people r ON r.id = c.received_by`;

export function complaintState(c: Pick<ComplaintRow, 'responded_at' | 'solved_at' | 'closed_at'>): ComplaintState {
  if (c.closed_at) return 'closed';
  if (c.solved_at) return 'solved';
  if (c.responded_at) return 'responded';
  return 'received';
}

/** The two deadlines, counted from receipt: 首小时响应, 24小时内提供解决方案. */
export function complaintDeadlines(
  receivedAt: string,
  settings: Pick<ArchiveSettings, 'complaintResponseMinutes' | 'complaintSolutionHours'>,
): { respondBy: Date; solveBy: Date } {
  const received = new Date(receivedAt).getTime();
  return {
    respondBy: new Date(received + settings.complaintResponseMinutes * MINUTE_MS),
    solveBy: new Date(received + settings.complaintSolutionHours * HOUR_MS),
  };
}

/** The deadline of the step a complaint waits for, or null once solved. */
export function nextDeadline(c: ComplaintRow, settings: ArchiveSettings): Date | null {
  if (c.solved_at || c.closed_at) return null;
  const { respondBy, solveBy } = complaintDeadlines(c.received_at, settings);
  return c.responded_at ? solveBy : respondBy;
}

export function toComplaintView(c: ComplaintRow, settings: ArchiveSettings, now: Date, showContent: boolean): ComplaintView {
  const { respondBy, solveBy } = complaintDeadlines(c.received_at, settings);
  const late = (doneAt: string | null, by: Date) => (doneAt ? new Date(doneAt).getTime() > by.getTime() : now.getTime() > by.getTime());
  const next = nextDeadline(c, settings);
  return {
    id: c.id,
    number: c.number,
    customerName: c.customer_name,
    state: complaintState(c),
    subject: showContent ? c.subject : null,
    content: showContent ? c.content : null,
    owner: { login: c.o_login, name: c.o_name },
    receivedAt: c.received_at,
    receivedBy: { login: c.r_login, name: c.r_name },
    respondBy: respondBy.toISOString(),
    respondedAt: c.responded_at,
    response: showContent ? c.response : null,
    solveBy: solveBy.toISOString(),
    solvedAt: c.solved_at,
    solution: showContent ? c.solution : null,
    closedAt: c.closed_at,
    responseLate: late(c.responded_at, respondBy),
    solutionLate: late(c.solved_at, solveBy),
    overdue: next !== null && now.getTime() > next.getTime(),
  };
}

export async function recordComplaint(session: Session, raw: unknown): Promise<{ id: number; respondBy: string; solveBy: string }> {
  return session.perform(
    {
      action: 'complaint.record',
      object: claimedNumber(raw),
      load: () => {
        const input = parseInput(newComplaintSchema, raw);
        return { input, ...loadDossier(session, input.number) };
      },
      target: ({ facts }) => ({ relation: { dossier: facts } }),
    },
    (ctx, { input, dossier }) => {
      const db = session.archive.db;
      requireFiled(dossier);
      const owner = resolveOwner(db, input.ownerLogin, dossier);
      const at = session.archive.clock.now().toISOString();
      const { respondBy, solveBy } = complaintDeadlines(at, readSettings(db));
      const id = ctx.commit(
        () =>
          Number(
            db
              .prepare('INSERT INTO complaints (dossier_id, subject, content, owner_id, received_at, received_by) VALUES (?, ?, ?, ?, ?, ?)')
              .run(dossier.id, input.subject, input.content, owner, at, session.actor.id).lastInsertRowid,
          ),
        // The complaint's words are content (rule 3): the entry names the dossier, owner and deadlines.
        { number: dossier.number, ownerId: owner, respondBy: respondBy.toISOString(), solveBy: solveBy.toISOString() },
      );
      return { id, respondBy: respondBy.toISOString(), solveBy: solveBy.toISOString() };
    },
  );
}

function loadComplaint(session: Session, id: number): { complaint: ComplaintRow; facts: RelationFacts } {
  const db = session.archive.db;
  const complaint = db.prepare(`${SELECT_COMPLAINTS} WHERE c.id = ?`).get(id) as ComplaintRow | undefined;
  if (!complaint) throw new ArchiveError('relations.complaintNotFound', { id });
  const dossier = findDossierById(db, complaint.dossier_id)!;
  return { complaint, facts: { dossier: factsFor(session, dossier), ownerId: complaint.owner_id, recordedById: complaint.received_by } };
}

const NEXT_STEP: Record<ComplaintState, 'respond' | 'solve' | 'close' | null> = {
  received: 'respond',
  responded: 'solve',
  solved: 'close',
  closed: null,
};

/** One step forward: respond (with the response), solve (with the solution), close. */
export async function complaintStep(session: Session, raw: unknown): Promise<ComplaintView> {
  return session.perform(
    {
      action: 'complaint.step',
      object: claimedId(raw, 'complaint'),
      load: () => {
        const input = parseInput(complaintStepSchema, raw);
        return { input, ...loadComplaint(session, input.id) };
      },
      target: ({ facts }) => ({ relation: facts }),
      details: { step: (raw as { step?: unknown } | null)?.step ?? null },
    },
    (ctx, { input, complaint }) => {
      const db = session.archive.db;
      const state = complaintState(complaint);
      if (NEXT_STEP[state] !== input.step) throw new ArchiveError('relations.complaintStep', { id: complaint.id });
      if (input.step !== 'close' && !input.text) throw new ArchiveError('relations.textRequired');
      const settings = readSettings(db);
      const now = session.archive.clock.now();
      const at = now.toISOString();
      const { respondBy, solveBy } = complaintDeadlines(complaint.received_at, settings);
      const late = input.step === 'respond' ? now > respondBy : input.step === 'solve' ? now > solveBy : false;
      ctx.commit(
        () => {
          const me = session.actor.id;
          if (input.step === 'respond')
            db.prepare('UPDATE complaints SET responded_at = ?, responded_by = ?, response = ? WHERE id = ?').run(at, me, input.text, complaint.id);
          else if (input.step === 'solve')
            db.prepare('UPDATE complaints SET solved_at = ?, solved_by = ?, solution = ? WHERE id = ?').run(at, me, input.text, complaint.id);
          else db.prepare('UPDATE complaints SET closed_at = ?, closed_by = ? WHERE id = ?').run(at, me, complaint.id);
        },
        { number: complaint.number, from: state, late },
      );
      const after = db.prepare(`${SELECT_COMPLAINTS} WHERE c.id = ?`).get(complaint.id) as ComplaintRow;
      return toComplaintView(after, settings, now, true);
    },
  );
}
