/**
 * Records lifecycle (issue 16): backups, legal holds, destruction, suspension, incidents and people
 * changes. Pure decisions over facts the services gather at the moment of the request.
 */
import type { Actor } from './actor';
import { allow, deny, type Decision } from './decision';

/** What a lifecycle decision depends on. */
export interface LifecycleFacts {
  /** Departments whose managers decide (the copies' holding departments; the person's department). */
  departments?: readonly string[];
  /** Who set the legal hold being released. */
  holdSetterId?: string;
  /** The person acted on (suspension): nobody suspends themselves. */
  personId?: string;
  /** The dossier is covered by a legal hold at this moment: nothing destroys it, on any path. */
  held?: boolean;
  /** The successor named in a handover: they co-sign it. */
  successorId?: string;
  /** A destruction asked for from the retention list (path retention or three-year). */
  fromRetention?: boolean;
  /** Copies of the dossier on loan plus its offline packages still out (issued, neither returned nor revoked). */
  copiesOut?: number;
}

const isGm = (actor: Actor) => actor.rank === 'general-manager';
const isManagerOf = (actor: Actor, departments: readonly string[] | undefined) =>
  actor.rank === 'department-manager' && (departments ?? []).includes(actor.department);

/** Legal holds are set by those who answer for the records: management and custodians. */
export function canSetHold(actor: Actor): Decision {
  if (isGm(actor) || actor.rank === 'department-manager') return allow();
  if (actor.duties.includes('custodian')) return allow('custodian');
  return deny('denied.notLegalHolder');
}

/** Only the setter, or the general manager, releases a hold (issue 16, point 3). */
export function canReleaseHold(actor: Actor, facts: LifecycleFacts | undefined): Decision {
  if (isGm(actor)) return allow();
  if (facts?.holdSetterId !== undefined && facts.holdSetterId === actor.id) return actor.duties.includes('custodian') ? allow('custodian') : allow();
  return deny('denied.notHoldSetter');
}

/** Holds, destruction requests and the destruction record (销毁清册): management, custodians, auditors. */
export function canSeeRecords(actor: Actor): Decision {
  if (actor.duties.includes('auditor')) return allow('auditor');
  if (actor.duties.includes('custodian')) return allow('custodian');
  if (isGm(actor) || actor.rank === 'department-manager') return allow();
  return deny('denied.notManagement');
}

/** A department manager of the departments concerned, or the general manager. */
export function canManageDepartments(actor: Actor, facts: LifecycleFacts | undefined): Decision {
  if (facts?.personId !== undefined && facts.personId === actor.id) return deny('person.self');
  if (isGm(actor) || isManagerOf(actor, facts?.departments)) return allow();
  return deny('denied.notDepartmentManager');
}

/** Incidents are recorded by hand by custodians and department managers (issue 16, point 7). */
export function canRecordIncident(actor: Actor): Decision {
  if (actor.duties.includes('custodian')) return allow('custodian');
  if (isGm(actor) || actor.rank === 'department-manager') return allow();
  return deny('denied.notManagement');
}

/** The incident register: department managers, the general manager and auditors. */
export function canSeeIncidentRegister(actor: Actor): Decision {
  if (actor.duties.includes('auditor')) return allow('auditor');
  if (isGm(actor) || actor.rank === 'department-manager') return allow();
  return deny('denied.notManagement');
}

/** Destruction is requested by a custodian (issue 16, point 2), never while a hold covers the dossier. */
export function canRequestDestruction(actor: Actor, facts: LifecycleFacts | undefined): Decision {
  if (facts?.held) return deny('denied.legalHold');
  if (actor.duties.includes('custodian')) return allow('custodian');
  // From the retention list, the department manager deciding asks for destruction themselves.
  if (facts?.fromRetention && (isGm(actor) || isManagerOf(actor, facts.departments))) return allow();
  return deny('denied.notCustodian');
}

/** The holding departments' managers approve; a hold set meanwhile still stops it. */
export function canApproveDestruction(actor: Actor, facts: LifecycleFacts | undefined): Decision {
  if (facts?.held) return deny('denied.legalHold');
  // Destroying what a borrower still holds would leave a readable copy outside the record: the
  // approval waits until the copies are back (recall) and the packages returned or revoked.
  if ((facts?.copiesOut ?? 0) > 0) return deny('denied.copiesOut');
  return canManageDepartments(actor, facts);
}

/**
 * A handover's checklist is co-signed by the successor and a custodian, or the key-account manager
 * (大客户部主管, 会同接收、整理、归档).
 */
export function canSignHandover(actor: Actor, facts: LifecycleFacts | undefined): Decision {
  if (facts?.successorId !== undefined && facts.successorId === actor.id) return allow();
  if (actor.duties.includes('custodian')) return allow('custodian');
  if (actor.department === 'key-accounts' && (actor.rank === 'department-manager' || isGm(actor))) return allow();
  return deny('denied.notManagement');
}

/** Handovers: management and custodians see all; an account manager sees those naming them successor. */
export function canSeeHandovers(actor: Actor): Decision {
  if (actor.duties.includes('custodian')) return allow('custodian');
  if (isGm(actor) || actor.rank === 'department-manager' || actor.rank === 'account-manager') return allow();
  return deny('denied.notManagement');
}
