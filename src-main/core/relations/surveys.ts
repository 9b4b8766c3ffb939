/**
 * 一年两次定期调查交易往来客户 (seed 004 第8条): every transacting customer is surveyed once in each
 * half-year; "如果有变化，应在交易往来客户名册及交易往来客户一览表中记录和修正" — what changed is
 * written on the survey (the register shows the latest), and a changed grade or lifecycle stage
 * becomes a revision of the dossier, so the catalogue shows it too.
 */
import { periodicSurveySchema, type RegisterRow } from '../../contract/relations';
import { ArchiveError } from '../errors';
import type { Session } from '../session';
import { readSettings } from '../settings/service';
import { parseInput } from '../validate';
import { halfYearOf } from './periods';
import { claimedNumber } from '../dossiers/context';
import { isTransacting, loadDossier, requireFiled, TRANSACTING_STAGE } from './records';
import { reviseClassification } from './revise';

export async function recordPeriodicSurvey(session: Session, raw: unknown): Promise<{ id: number; period: string; revision: number | null }> {
  return session.perform(
    {
      action: 'survey.record',
      object: claimedNumber(raw),
      load: () => {
        const input = parseInput(periodicSurveySchema, raw);
        return { input, ...loadDossier(session, input.number) };
      },
      target: ({ facts }) => ({ relation: { dossier: facts } }),
    },
    (ctx, { input, dossier }) => {
      const db = session.archive.db;
      requireFiled(dossier);
      if (!isTransacting(dossier)) throw new ArchiveError('relations.notTransacting', { number: dossier.number });
      const now = session.archive.clock.now();
      const period = halfYearOf(now, readSettings(db).timeZone).key;
      const done = db.prepare('SELECT 1 FROM customer_surveys WHERE dossier_id = ? AND period = ?').get(dossier.id, period);
      if (done) throw new ArchiveError('relations.alreadySurveyed', { number: dossier.number, period });
      const at = now.toISOString();
      const gradeAfter = input.grade ?? dossier.grade;
      const lifecycleAfter = input.lifecycle ?? dossier.lifecycle;
      return ctx.commit(
        () => {
          const revision = reviseClassification(db, dossier, { grade: gradeAfter, lifecycle: lifecycleAfter }, at, session.actor.id);
          const id = Number(
            db
              .prepare(
                `INSERT INTO customer_surveys (dossier_id, period, conducted_at, recorded_by, changes, grade_before, grade_after, lifecycle_before, lifecycle_after, revision)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
              )
              .run(dossier.id, period, at, session.actor.id, input.changes, dossier.grade, gradeAfter, dossier.lifecycle, lifecycleAfter, revision)
              .lastInsertRowid,
          );
          ctx.setObject({ type: 'dossier', id: dossier.number });
          return { id, period, revision };
        },
        // What was said is content (rule 3): the entry names the period and the catalogue facts only.
        { period, grade: [dossier.grade, gradeAfter], lifecycle: [dossier.lifecycle, lifecycleAfter] },
      );
    },
  );
}

interface RegisterSqlRow {
  number: string;
  customer_name: string;
  grade: RegisterRow['grade'];
  lifecycle: RegisterRow['lifecycle'];
  industry: string;
  r_login: string | null;
  r_name: string | null;
  period: string | null;
  conducted_at: string | null;
  s_login: string | null;
  s_name: string | null;
}

/**
 * 交易往来客户名册: every transacting customer with its latest survey, and whether this
 * half-year's is still to do. Catalogue-level facts only, so whoever sees the catalogue sees it.
 */
export async function transactingRegister(session: Session): Promise<RegisterRow[]> {
  return session.perform({ action: 'relations.register' }, () => {
    const db = session.archive.db;
    const current = halfYearOf(session.archive.clock.now(), readSettings(db).timeZone).key;
    const rows = db
      .prepare(
        `SELECT d.archive_number AS number, d.customer_name, d.grade, d.lifecycle, d.industry,
                r.login AS r_login, r.name AS r_name, s.period, s.conducted_at, p.login AS s_login, p.name AS s_name
         FROM dossiers d
         LEFT JOIN people r ON r.id = d.responsible_id
         LEFT JOIN customer_surveys s ON s.id = (SELECT id FROM customer_surveys WHERE dossier_id = d.id ORDER BY conducted_at DESC, id DESC LIMIT 1)
         LEFT JOIN people p ON p.id = s.recorded_by
         WHERE d.status = 'filed' AND d.lifecycle = ?
         ORDER BY d.archive_number LIMIT 100000`,
      )
      .all(TRANSACTING_STAGE) as RegisterSqlRow[];
    return rows.map((r) => ({
      number: r.number,
      customerName: r.customer_name,
      grade: r.grade,
      lifecycle: r.lifecycle,
      industry: r.industry,
      responsible: r.r_login && r.r_name ? { login: r.r_login, name: r.r_name } : null,
      lastSurvey:
        r.period && r.conducted_at && r.s_login && r.s_name
          ? { period: r.period, conductedAt: r.conducted_at, by: { login: r.s_login, name: r.s_name } }
          : null,
      surveyDue: r.period !== current,
    }));
  });
}
