/**
 * Who may do what: the single source of every permission decision (architecture.md).
 * Every core operation asks `can` before it touches anything; a refusal carries the reason code
 * that ends up both in the journal entry and, translated, in front of the person.
 */
import { assertNever } from '../assert';
import type { Actor } from './actor';
import { allow, deny, requireDuty, type Decision } from './decision';
import {
  canAssignCollector,
  canCreateDossier,
  canKeepCopy,
  canReadContent,
  canReviewDossier,
  canSeeCatalogue,
  canWriteDossier,
  type DossierFacts,
} from './dossiers';
import {
  canActAsBorrower,
  canDecideCard,
  canFileCard,
  canKeepLoan,
  canReturnLoan,
  canSeeIncidents,
  canSeeRegister,
  canUseContent,
  type LoanFacts,
} from './borrowing';
import { canExportRevocations, canIssuePackage, canReceivePackage, canRevokePackage } from './offline';

export type { Actor } from './actor';
export type { Decision } from './decision';
export type { DossierFacts } from './dossiers';
export type { LoanFacts } from './borrowing';
export { hasActiveLoan, activeLoanDossierIds } from './loans';

export const ACTIONS = [
  'session.unlock',
  'session.lock',
  'person.add',
  'person.list',
  'person.disable',
  'person.setDuties',
  'person.resetPassword',
  'person.changeOwnPassword',
  'department.add',
  'department.list',
  'vault.rekey',
  'settings.read',
  'settings.update',
  'journal.verify',
  'journal.read',
  'journal.export',
  // Dossiers, the catalogue and the three copies (policy/dossiers.ts)
  'dossier.create',
  'dossier.bulkCreate',
  'dossier.update',
  'dossier.file',
  'dossier.open',
  'dossier.revision',
  'dossier.review',
  'dossier.assign',
  'catalogue.search',
  'review.list',
  'copy.list',
  'copy.reissue',
  'copy.lost',
  'copy.sheet',
  // Borrow cards and loans (policy/borrowing.ts)
  'loan.file',
  'loan.approve',
  'loan.reject',
  'loan.cancel',
  'loan.renew',
  'loan.recall',
  'loan.return',
  'loan.lost',
  'loan.read',
  'loan.print',
  'loan.copyOut',
  'loan.list',
  'loan.history',
  'loan.register',
  'loan.notifications',
  'loan.incidents',
  // Offline packages for laptops (policy/offline.ts)
  'offline.issue',
  'offline.return',
  'offline.revoke',
  'offline.revocations',
  // Opening the archive with the recovery key (vault/recover.ts)
  'vault.recover',
] as const;
export type Action = (typeof ACTIONS)[number];

/** What an action is about, when the decision depends on it. */
export interface PolicyTarget {
  personId?: string;
  dossier?: DossierFacts;
  /** The department holding the copy acted on. */
  copyDepartment?: string;
  /** The borrow card acted on. */
  loan?: LoanFacts;
}

export function can(actor: Actor, action: Action, target: PolicyTarget = {}): Decision {
  if (actor.disabled) return deny('denied.disabled');
  switch (action) {
    case 'session.unlock':
    case 'session.lock':
    case 'department.list':
    case 'settings.read':
      return allow();
    // The administrator runs the archive's machinery and nothing else (三员分立).
    case 'person.add':
    case 'person.list':
    case 'person.disable':
    case 'person.setDuties':
    case 'person.resetPassword':
    case 'department.add':
    case 'vault.rekey':
    case 'settings.update':
      return requireDuty(actor, 'admin', 'denied.notAdmin');
    case 'person.changeOwnPassword':
      return target.personId === actor.id ? allow() : deny('denied.notSelf');
    // The journal is the auditors'; the administrator cannot touch it (domain.md, The people).
    case 'journal.verify':
    case 'journal.read':
    case 'journal.export':
      return requireDuty(actor, 'auditor', 'denied.notAuditor');
    case 'dossier.create':
    case 'dossier.bulkCreate':
      return canCreateDossier(actor);
    case 'dossier.update':
    case 'dossier.file':
      return canWriteDossier(actor, target.dossier);
    case 'dossier.review':
      return canReviewDossier(actor, target.dossier);
    case 'dossier.assign':
      return canAssignCollector(actor, target.dossier);
    // A revision's diff shows old and new values: that is content.
    case 'dossier.open':
    case 'dossier.revision':
      return canReadContent(actor, target.dossier);
    case 'catalogue.search':
    case 'review.list':
    case 'copy.list':
      return canSeeCatalogue(actor);
    case 'copy.reissue':
    case 'copy.lost':
    case 'copy.sheet':
      return canKeepCopy(actor, target.copyDepartment);
    case 'loan.file':
      return canFileCard(actor);
    case 'loan.approve':
    case 'loan.reject':
      return canDecideCard(actor, target.loan);
    case 'loan.cancel':
    case 'loan.renew':
    case 'loan.read':
      return canActAsBorrower(actor, target.loan);
    case 'loan.recall':
    case 'loan.lost':
    case 'loan.history':
      return canKeepLoan(actor, target.loan);
    case 'loan.return':
      return canReturnLoan(actor, target.loan);
    case 'loan.print':
      return canUseContent(actor, target.loan, false);
    case 'loan.copyOut':
      return canUseContent(actor, target.loan, true);
    // Without a department a person lists their own cards; a department's loans are its register.
    case 'loan.list':
      return target.copyDepartment === undefined ? allow() : canSeeRegister(actor, target.copyDepartment);
    case 'loan.register':
      return canSeeRegister(actor, target.copyDepartment);
    case 'loan.notifications':
      return allow();
    case 'loan.incidents':
      return canSeeIncidents(actor);
    case 'offline.issue':
      return canIssuePackage(actor, target.loan);
    case 'offline.return':
      return canReceivePackage(actor, target.loan);
    case 'offline.revoke':
      return canRevokePackage(actor, target.loan);
    case 'offline.revocations':
      return canExportRevocations(actor);
    // The recovery key sets a new password for an administrator only (the key opens no session of its own).
    case 'vault.recover':
      return requireDuty(actor, 'admin', 'denied.notAdmin');
    default:
      return assertNever(action, 'action');
  }
}
