/**
 * Who may write, read and keep dossiers (rule 3 and The people in domain.md). Pure decisions over
 * facts the caller gathers first (the dossier's writers, whether a loan is active right now, the
 * standing-access setting), so each decision is a function of what is true at that moment.
 */
import { rankAtLeast, type Duty } from '../../contract/people';
import type { Actor } from './actor';
import { allow, deny, type Decision } from './decision';

/** What a dossier decision depends on; gathered by the service at the moment of the request. */
export interface DossierFacts {
  status: 'draft' | 'filed';
  collectorId: string | null;
  responsibleId: string | null;
  department: string | null;
  /** The actor holds an active loan for this dossier now (hasActiveLoan). */
  activeLoan?: boolean;
  /** The archive setting `standingAccess`. */
  standingAccess?: boolean;
  /** A save replaces a list group (key persons, contact records) whole. */
  replacesLists?: boolean;
  /** Archived by retention (issue 16): read-only, still borrowable, out of the working lists. */
  archived?: boolean;
}

/**
 * Administrators, custodians and auditors keep the machinery, the copies and the journal; none of
 * them writes content (三员分立), whatever their rank.
 */
function keepsOutOfContent(actor: Actor): boolean {
  return actor.duties.some((d) => d === 'admin' || d === 'custodian' || d === 'auditor');
}

/** Business duties that need the catalogue (一览表) for their work. */
const CATALOGUE_DUTIES: readonly Duty[] = ['collector', 'custodian'];

export function canSeeCatalogue(actor: Actor): Decision {
  const duty = actor.duties.find((d) => CATALOGUE_DUTIES.includes(d));
  if (duty) return allow(duty);
  return rankAtLeast(actor.rank, 'account-manager') ? allow() : deny('denied.notCatalogue');
}

/** Collectors create dossiers for the customers they take on; account managers for their own. */
export function canCreateDossier(actor: Actor): Decision {
  if (keepsOutOfContent(actor)) return deny('denied.notWriter');
  if (actor.duties.includes('collector')) return allow('collector');
  return rankAtLeast(actor.rank, 'account-manager') ? allow() : deny('denied.notWriter');
}

/** The assigned collector and the responsible account manager write a dossier; nobody else. */
function writerOf(actor: Actor, d: DossierFacts | undefined): Decision {
  if (!d || keepsOutOfContent(actor)) return deny('denied.notWriter');
  if (actor.duties.includes('collector') && d.collectorId === actor.id) return allow('collector');
  if (d.responsibleId === actor.id && rankAtLeast(actor.rank, 'account-manager')) return allow();
  return deny('denied.notWriter');
}

/**
 * Writers record updates without reading (domain.md: collectors record updates for their
 * customers, rule 3 keeps filed content from them); but replacing a list group whole would
 * overwrite entries the writer cannot see, so that needs the right to read as well.
 */
export function canWriteDossier(actor: Actor, d: DossierFacts | undefined): Decision {
  if (d?.archived) return deny('denied.dossierArchived');
  const writer = writerOf(actor, d);
  if (!writer.allowed || !d?.replacesLists) return writer;
  const reader = canReadContent(actor, d);
  return reader.allowed ? writer : reader;
}

/** "Reviewed, no change": the writers, or a manager of the department whose list it is on. */
export function canReviewDossier(actor: Actor, d: DossierFacts | undefined): Decision {
  // An archived dossier is out of the review cycle: reviewing it would put it back on the lists.
  if (d?.archived) return deny('denied.dossierArchived');
  const writer = canWriteDossier(actor, d);
  if (writer.allowed || !d || keepsOutOfContent(actor)) return writer;
  if (actor.rank === 'general-manager') return allow();
  if (actor.rank === 'department-manager' && d.department === actor.department) return allow();
  return writer;
}

/** Who a customer's collector is: its responsible account manager, or a manager over its department. */
export function canAssignCollector(actor: Actor, d: DossierFacts | undefined): Decision {
  if (!d || keepsOutOfContent(actor)) return deny('denied.notWriter');
  if (d.responsibleId === actor.id && rankAtLeast(actor.rank, 'account-manager')) return allow();
  if (actor.rank === 'general-manager') return allow();
  if (actor.rank === 'department-manager' && d.department === actor.department) return allow();
  return deny('denied.notWriter');
}

/**
 * Rule 3: content only to the holder of an active loan, to the responsible account manager when
 * standing access is on, and to its writers while it is a draft they are writing.
 */
export function canReadContent(actor: Actor, d: DossierFacts | undefined): Decision {
  if (!d || actor.duties.includes('admin') || actor.duties.includes('auditor')) return deny('denied.noContentAccess');
  if (d.activeLoan) return allow();
  if (d.standingAccess && d.responsibleId === actor.id && rankAtLeast(actor.rank, 'account-manager')) return allow();
  if (d.status === 'draft' && writerOf(actor, d).allowed) return writerOf(actor, d);
  return deny('denied.noContentAccess');
}

/** A copy is kept by the custodians of the department that holds it. */
export function canKeepCopy(actor: Actor, copyDepartment: string | undefined): Decision {
  if (!actor.duties.includes('custodian')) return deny('denied.notCustodian');
  return copyDepartment !== undefined && copyDepartment === actor.department ? allow('custodian') : deny('denied.notCopyCustodian');
}
