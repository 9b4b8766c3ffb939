/**
 * 每季度评估客户等级，根据行为变化调整 (seed 003 三(三)3): each quarter the grade (A/B/C, 重要/潜力/
 * 普通) is evaluated against recorded criteria — value, potential, stability, 1–5 each — and the
 * grade they lead to is kept in the grade history; a changed grade is a revision of the dossier.
 */
import { regradeSchema } from '../../contract/relations';
import type { Grade } from '../../contract/dossiers';
import { claimedNumber } from '../dossiers/context';
import type { Session } from '../session';
import { readSettings } from '../settings/service';
import { parseInput } from '../validate';
import { quarterOf } from './periods';
import { loadDossier, requireFiled } from './records';
import { reviseClassification } from './revise';

/** What the criteria suggest (shown beside the choice; the person decides): mean ≥ 4 重要, ≥ 2.5 潜力. */
export function suggestedGrade(value: number, potential: number, stability: number): Grade {
  const mean = (value + potential + stability) / 3;
  return mean >= 4 ? 'A' : mean >= 2.5 ? 'B' : 'C';
}

export async function recordRegrade(
  session: Session,
  raw: unknown,
): Promise<{ id: number; quarter: string; gradeBefore: Grade; gradeAfter: Grade; revision: number | null }> {
  return session.perform(
    {
      action: 'regrade.record',
      object: claimedNumber(raw),
      load: () => {
        const input = parseInput(regradeSchema, raw);
        return { input, ...loadDossier(session, input.number) };
      },
      target: ({ facts }) => ({ relation: { dossier: facts } }),
    },
    (ctx, { input, dossier }) => {
      const db = session.archive.db;
      requireFiled(dossier);
      const now = session.archive.clock.now();
      const at = now.toISOString();
      const quarter = quarterOf(now, readSettings(db).timeZone).key;
      const criteria = { value: input.value, potential: input.potential, stability: input.stability };
      return ctx.commit(
        () => {
          const revision = reviseClassification(db, dossier, { grade: input.grade }, at, session.actor.id);
          const id = Number(
            db
              .prepare(
                `INSERT INTO grade_reviews (dossier_id, quarter, value_score, potential_score, stability_score, grade_before, grade_after, note, reviewed_at, reviewed_by, revision)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
              )
              .run(
                dossier.id,
                quarter,
                input.value,
                input.potential,
                input.stability,
                dossier.grade,
                input.grade,
                input.note ?? '',
                at,
                session.actor.id,
                revision,
              ).lastInsertRowid,
          );
          return { id, quarter, gradeBefore: dossier.grade, gradeAfter: input.grade, revision };
        },
        { quarter, ...criteria, grade: [dossier.grade, input.grade], suggested: suggestedGrade(input.value, input.potential, input.stability) },
      );
    },
  );
}
