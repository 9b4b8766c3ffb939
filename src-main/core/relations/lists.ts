/**
 * Reading the relationship records: a dossier's section (surveys, satisfaction, follow-ups,
 * complaints, grade history) and the complaints and follow-ups lists. Catalogue-level facts go to
 * whoever sees the catalogue; what was said only to those rule 3 lets read it (policy/relations.ts).
 */
import { relationsRefSchema, complaintListSchema, type DossierRelationsView, type FollowUpView, type ComplaintView } from '../../contract/relations';
import type { ArchiveSettings } from '../../contract/settings';
import { claimedNumber, factsFor } from '../dossiers/context';
import { findDossierById, type DossierRecord } from '../dossiers/repository';
import { can, maySeeRelationContent, type Actor } from '../policy';
import type { DossierFacts } from '../policy';
import type { Session } from '../session';
import { readSettings } from '../settings/service';
import { parseInput } from '../validate';
import { SELECT_COMPLAINTS, toComplaintView, type ComplaintRow } from './complaints';
import { halfYearOf, quarterOf } from './periods';
import { isTransacting, loadDossier, type Loaded } from './records';

interface FollowUpRow {
  id: number;
  survey_id: number;
  dossier_id: number;
  number: string;
  customer_name: string;
  question: string;
  score: number;
  action: string;
  owner_id: string;
  o_login: string;
  o_name: string;
  due_at: string;
  closed_at: string | null;
  c_login: string | null;
  c_name: string | null;
  result: string | null;
  recorded_by: string;
}

const SELECT_FOLLOW_UPS = `
  SELECT f.*, d.archive_number AS number, d.customer_name, i.question, i.score, o.login AS o_login, o.name AS o_name,
         c.login AS c_login, c.name AS c_name, s.recorded_by
  FROM follow_ups f JOIN dossiers d ON d.id = f.dossier_id
  JOIN satisfaction_items i ON i.survey_id = f.survey_id AND i.position = f.position
  JOIN satisfaction_surveys s ON s.id = f.survey_id
  JOIN people o ON o.id = f.owner_id LEFT JOIN people c ON c.id = f.closed_by`;

function followUpView(r: FollowUpRow, now: Date, showContent: boolean): FollowUpView {
  return {
    id: r.id,
    surveyId: r.survey_id,
    number: r.number,
    customerName: r.customer_name,
    question: r.question,
    score: r.score,
    action: showContent ? r.action : null,
    owner: { login: r.o_login, name: r.o_name },
    dueAt: r.due_at,
    closedAt: r.closed_at,
    closedBy: r.c_login && r.c_name ? { login: r.c_login, name: r.c_name } : null,
    result: showContent ? r.result : null,
    overdue: !r.closed_at && now.getTime() > new Date(r.due_at).getTime(),
  };
}

export async function dossierRelations(session: Session, raw: unknown): Promise<DossierRelationsView> {
  return session.perform<DossierRelationsView, Loaded>(
    {
      action: 'relations.read',
      object: claimedNumber(raw),
      load: () => loadDossier(session, parseInput(relationsRefSchema, raw).number),
    },
    (_ctx, { dossier, facts }) => buildView(session, dossier, facts),
  );
}

function buildView(session: Session, dossier: DossierRecord, facts: DossierFacts): DossierRelationsView {
  const db = session.archive.db;
  const actor = session.actor;
  const settings = readSettings(db);
  const now = session.archive.clock.now();
  const half = halfYearOf(now, settings.timeZone).key;
  const quarter = quarterOf(now, settings.timeZone).key;
  const sees = (recordedById: string | null, ownerId: string | null = null) => maySeeRelationContent(actor, { dossier: facts, recordedById, ownerId });
  const people = new Map<string, { login: string; name: string }>();
  const ref = (id: string) => {
    let p = people.get(id);
    if (!p) {
      p = db.prepare('SELECT login, name FROM people WHERE id = ?').get(id) as { login: string; name: string };
      people.set(id, p);
    }
    return p;
  };

  const surveys = (
    db.prepare('SELECT * FROM customer_surveys WHERE dossier_id = ? ORDER BY conducted_at DESC, id DESC LIMIT 100').all(dossier.id) as {
      id: number;
      period: string;
      conducted_at: string;
      recorded_by: string;
      changes: string;
      grade_before: string;
      grade_after: string;
      lifecycle_before: string;
      lifecycle_after: string;
      revision: number | null;
    }[]
  ).map((s) => ({
    id: s.id,
    period: s.period,
    conductedAt: s.conducted_at,
    recordedBy: ref(s.recorded_by),
    changes: sees(s.recorded_by) ? s.changes : null,
    gradeBefore: s.grade_before as DossierRecord['grade'],
    gradeAfter: s.grade_after as DossierRecord['grade'],
    lifecycleBefore: s.lifecycle_before as DossierRecord['lifecycle'],
    lifecycleAfter: s.lifecycle_after as DossierRecord['lifecycle'],
    revision: s.revision,
  }));

  const satisfaction = (
    db.prepare('SELECT * FROM satisfaction_surveys WHERE dossier_id = ? ORDER BY conducted_at DESC, id DESC LIMIT 100').all(dossier.id) as {
      id: number;
      conducted_at: string;
      recorded_by: string;
      threshold: number;
    }[]
  ).map((s) => {
    const show = sees(s.recorded_by);
    const items = db.prepare('SELECT position, question, score, comment FROM satisfaction_items WHERE survey_id = ? ORDER BY position').all(s.id) as {
      position: number;
      question: string;
      score: number;
      comment: string;
    }[];
    return {
      id: s.id,
      conductedAt: s.conducted_at,
      recordedBy: ref(s.recorded_by),
      threshold: s.threshold,
      items: items.map((i) => ({
        position: i.position,
        question: i.question,
        score: i.score,
        comment: show ? i.comment : null,
        unsatisfied: i.score < s.threshold,
      })),
    };
  });

  const followUps = (
    db.prepare(`${SELECT_FOLLOW_UPS} WHERE f.dossier_id = ? ORDER BY f.closed_at IS NOT NULL, f.due_at LIMIT 500`).all(dossier.id) as FollowUpRow[]
  ).map((r) => followUpView(r, now, sees(r.recorded_by, r.owner_id)));
  const complaints = (db.prepare(`${SELECT_COMPLAINTS} WHERE c.dossier_id = ? ORDER BY c.received_at DESC LIMIT 500`).all(dossier.id) as ComplaintRow[]).map(
    (c) => toComplaintView(c, settings, now, sees(c.received_by, c.owner_id)),
  );
  const grades = (
    db.prepare('SELECT * FROM grade_reviews WHERE dossier_id = ? ORDER BY reviewed_at DESC, id DESC LIMIT 200').all(dossier.id) as {
      id: number;
      quarter: string;
      value_score: number;
      potential_score: number;
      stability_score: number;
      grade_before: string;
      grade_after: string;
      note: string;
      reviewed_at: string;
      reviewed_by: string;
    }[]
  ).map((g) => ({
    id: g.id,
    quarter: g.quarter,
    value: g.value_score,
    potential: g.potential_score,
    stability: g.stability_score,
    gradeBefore: g.grade_before as DossierRecord['grade'],
    gradeAfter: g.grade_after as DossierRecord['grade'],
    note: sees(g.reviewed_by) ? g.note : null,
    reviewedAt: g.reviewed_at,
    reviewedBy: ref(g.reviewed_by),
  }));

  const relation = { relation: { dossier: facts } };
  return {
    number: dossier.number,
    transacting: isTransacting(dossier),
    currentHalf: half,
    currentQuarter: quarter,
    surveyDue: isTransacting(dossier) && !surveys.some((s) => s.period === half),
    regradeDue: dossier.status === 'filed' && dossier.lifecycle !== 'lost' && !grades.some((g) => g.quarter === quarter),
    mayWrite: dossier.status === 'filed' && can(actor, 'complaint.record', relation).allowed,
    mayRegrade: dossier.status === 'filed' && can(actor, 'regrade.record', relation).allowed,
    surveys,
    satisfaction,
    followUps,
    complaints,
    grades,
  };
}

/**
 * Which complaints and follow-ups a person's list holds: the ones they own or recorded, their
 * customers' (responsible or collector), their department's for a department manager, all for the
 * general manager.
 */
function scope(actor: Actor, alias: string, recorder: string): { sql: string; params: string[] } {
  if (actor.rank === 'general-manager') return { sql: '1', params: [] };
  const mine = `(${alias}.owner_id = ? OR ${recorder} = ? OR d.responsible_id = ? OR d.collector_id = ?)`;
  const params = [actor.id, actor.id, actor.id, actor.id];
  if (actor.rank === 'department-manager') return { sql: `(${mine} OR d.department = ?)`, params: [...params, actor.department] };
  return { sql: mine, params };
}

function contentFacts(session: Session, dossierId: number, cache: Map<number, DossierFacts>): DossierFacts {
  let facts = cache.get(dossierId);
  if (!facts) {
    facts = factsFor(session, findDossierById(session.archive.db, dossierId)!, true);
    cache.set(dossierId, facts);
  }
  return facts;
}

export async function listComplaints(session: Session, raw: unknown = {}): Promise<ComplaintView[]> {
  return session.perform({ action: 'complaint.list' }, () => {
    const { open } = parseInput(complaintListSchema, raw ?? {});
    const db = session.archive.db;
    const settings: ArchiveSettings = readSettings(db);
    const now = session.archive.clock.now();
    const where = scope(session.actor, 'c', 'c.received_by');
    const rows = db
      .prepare(
        `${SELECT_COMPLAINTS} WHERE ${where.sql} ${open ? 'AND c.closed_at IS NULL' : ''} ORDER BY c.closed_at IS NOT NULL, c.received_at DESC LIMIT 1000`,
      )
      .all(...where.params) as ComplaintRow[];
    const cache = new Map<number, DossierFacts>();
    return rows.map((c) =>
      toComplaintView(
        c,
        settings,
        now,
        maySeeRelationContent(session.actor, { dossier: contentFacts(session, c.dossier_id, cache), ownerId: c.owner_id, recordedById: c.received_by }),
      ),
    );
  });
}

export async function listFollowUps(session: Session, raw: unknown = {}): Promise<FollowUpView[]> {
  return session.perform({ action: 'complaint.list', event: 'followUp.list' }, () => {
    const { open } = parseInput(complaintListSchema, raw ?? {});
    const db = session.archive.db;
    const now = session.archive.clock.now();
    const where = scope(session.actor, 'f', 's.recorded_by');
    const rows = db
      .prepare(`${SELECT_FOLLOW_UPS} WHERE ${where.sql} ${open ? 'AND f.closed_at IS NULL' : ''} ORDER BY f.closed_at IS NOT NULL, f.due_at LIMIT 1000`)
      .all(...where.params) as FollowUpRow[];
    const cache = new Map<number, DossierFacts>();
    return rows.map((r) =>
      followUpView(
        r,
        now,
        maySeeRelationContent(session.actor, { dossier: contentFacts(session, r.dossier_id, cache), ownerId: r.owner_id, recordedById: r.recorded_by }),
      ),
    );
  });
}
