/**
 * 客户满意度管理 (seed 001 3.3.3): "定期开展客户满意度调查…针对不满意项制定改进措施并跟踪落实".
 * A survey records questions, scores (1–5) and comments; every item scored below the archive's
 * threshold gets a follow-up with an owner and a due date, open until its owner (or a writer of
 * the dossier) closes it with what was done.
 */
import { closeFollowUpSchema, satisfactionSurveySchema } from '../../contract/relations';
import { claimedNumber } from '../dossiers/context';
import { findDossierById } from '../dossiers/repository';
import { ArchiveError } from '../errors';
import { factsFor } from '../dossiers/context';
import type { Session } from '../session';
import { readSettings } from '../settings/service';
import { parseInput } from '../validate';
import { claimedId, loadDossier, requireFiled, resolveOwner } from './records';
import type { RelationFacts } from '../policy';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function recordSatisfactionSurvey(session: Session, raw: unknown): Promise<{ id: number; followUps: number[] }> {
  return session.perform(
    {
      action: 'satisfaction.record',
      object: claimedNumber(raw),
      load: () => {
        const input = parseInput(satisfactionSurveySchema, raw);
        return { input, ...loadDossier(session, input.number) };
      },
      target: ({ facts }) => ({ relation: { dossier: facts } }),
    },
    (ctx, { input, dossier }) => {
      const db = session.archive.db;
      requireFiled(dossier);
      const settings = readSettings(db);
      const now = session.archive.clock.now();
      const at = now.toISOString();
      const dueAt = input.followUpDueAt ? new Date(input.followUpDueAt) : new Date(now.getTime() + settings.followUpDays * DAY_MS);
      if (dueAt.getTime() <= now.getTime()) throw new ArchiveError('input.invalid', { detail: 'followUpDueAt: must be in the future' });
      const threshold = settings.satisfactionThreshold;
      const owners = input.items.map((item) => (item.score < threshold ? resolveOwner(db, item.ownerLogin, dossier) : null));
      const scores = input.items.map((i) => i.score);
      return ctx.commit(
        () => {
          const id = Number(
            db
              .prepare('INSERT INTO satisfaction_surveys (dossier_id, conducted_at, recorded_by, threshold) VALUES (?, ?, ?, ?)')
              .run(dossier.id, at, session.actor.id, threshold).lastInsertRowid,
          );
          const item = db.prepare('INSERT INTO satisfaction_items (survey_id, position, question, score, comment) VALUES (?, ?, ?, ?, ?)');
          const followUp = db.prepare(
            'INSERT INTO follow_ups (survey_id, position, dossier_id, action, owner_id, due_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          );
          const followUps: number[] = [];
          input.items.forEach((it, position) => {
            item.run(id, position, it.question, it.score, it.comment ?? '');
            const owner = owners[position];
            if (owner) followUps.push(Number(followUp.run(id, position, dossier.id, it.action ?? '', owner, dueAt.toISOString(), at).lastInsertRowid));
          });
          ctx.setObject({ type: 'dossier', id: dossier.number });
          return { id, followUps };
        },
        // Scores are numbers, not what was said; comments stay out of the journal (rule 3).
        { scores, threshold, followUps: owners.filter(Boolean).length, followUpDueAt: dueAt.toISOString() },
      );
    },
  );
}

interface FollowUpFacts {
  id: number;
  dossierId: number;
  ownerId: string;
  closedAt: string | null;
}

function loadFollowUp(session: Session, id: number): { followUp: FollowUpFacts; facts: RelationFacts } {
  const db = session.archive.db;
  const row = db.prepare('SELECT id, dossier_id AS dossierId, owner_id AS ownerId, closed_at AS closedAt FROM follow_ups WHERE id = ?').get(id) as
    FollowUpFacts | undefined;
  if (!row) throw new ArchiveError('relations.followUpNotFound', { id });
  const dossier = findDossierById(db, row.dossierId)!;
  return { followUp: row, facts: { dossier: factsFor(session, dossier), ownerId: row.ownerId } };
}

/** 跟踪落实: the follow-up is closed with what was done; a closed one stays closed. */
export async function closeFollowUp(session: Session, raw: unknown): Promise<{ id: number; closedAt: string }> {
  return session.perform(
    {
      action: 'followUp.close',
      object: claimedId(raw, 'followUp'),
      load: () => {
        const input = parseInput(closeFollowUpSchema, raw);
        return { input, ...loadFollowUp(session, input.id) };
      },
      target: ({ facts }) => ({ relation: facts }),
    },
    (ctx, { input, followUp }) => {
      if (followUp.closedAt) throw new ArchiveError('relations.followUpClosed', { id: followUp.id });
      const at = session.archive.clock.now().toISOString();
      ctx.commit(() =>
        session.archive.db
          .prepare('UPDATE follow_ups SET closed_at = ?, closed_by = ?, result = ? WHERE id = ?')
          .run(at, session.actor.id, input.result, followUp.id),
      );
      return { id: followUp.id, closedAt: at };
    },
  );
}
