/**
 * Who writes and reads the relationship records of issue 17 points 5–7 (surveys, satisfaction,
 * complaints, re-grading). Only people with a business duty for the customer write: its assigned
 * collector (customer service records complaints and surveys) and its responsible account manager,
 * the dossier's writers. The grade is a management judgement: the responsible account manager,
 * a department manager over the customer's department, or the general manager re-grade.
 * A follow-up's or complaint's owner works on that record as well.
 */
import { rankAtLeast } from '../../contract/people';
import type { Actor } from './actor';
import { allow, deny, type Decision } from './decision';
import { canReadContent, canSeeCatalogue, canWriteDossier, type DossierFacts } from './dossiers';

export interface RelationFacts {
  dossier: DossierFacts;
  /** The person who owns the follow-up or complaint acted on. */
  ownerId?: string | null;
  /** The person who recorded it. */
  recordedById?: string | null;
}

function keepsOutOfContent(actor: Actor): boolean {
  return actor.duties.some((d) => d === 'admin' || d === 'custodian' || d === 'auditor');
}

/** Recording a survey, a satisfaction survey or a complaint: the dossier's writers. */
export function canRecordRelation(actor: Actor, f: RelationFacts | undefined): Decision {
  if (!f) return deny('denied.notWriter');
  return canWriteDossier(actor, { ...f.dossier, replacesLists: false });
}

/** Working on a follow-up or a complaint: its owner, or the dossier's writers. */
export function canWorkOnRelation(actor: Actor, f: RelationFacts | undefined): Decision {
  if (!f || keepsOutOfContent(actor)) return deny('denied.notWriter');
  if (f.ownerId && f.ownerId === actor.id) return allow();
  return canRecordRelation(actor, f);
}

/** 每季度评估客户等级: the responsible account manager or management over the customer's department. */
export function canRegrade(actor: Actor, f: RelationFacts | undefined): Decision {
  if (!f || keepsOutOfContent(actor)) return deny('denied.notWriter');
  const d = f.dossier;
  if (d.responsibleId === actor.id && rankAtLeast(actor.rank, 'account-manager')) return allow();
  if (actor.rank === 'general-manager') return allow();
  if (actor.rank === 'department-manager' && d.department === actor.department) return allow();
  return deny('denied.notWriter');
}

/** The lists (records of a dossier, the register, complaints): whoever may see the catalogue. */
export function canSeeRelations(actor: Actor): Decision {
  return canSeeCatalogue(actor);
}

/**
 * Rule 3 for the records' content: people who may read the dossier's content, and the people the
 * record names (who recorded it, who owns it), who were told it to do their work.
 */
export function maySeeRelationContent(actor: Actor, f: RelationFacts): boolean {
  if (actor.duties.includes('admin') || actor.duties.includes('auditor')) return false;
  if ((f.ownerId && f.ownerId === actor.id) || (f.recordedById && f.recordedById === actor.id)) return true;
  return canReadContent(actor, f.dossier).allowed;
}
