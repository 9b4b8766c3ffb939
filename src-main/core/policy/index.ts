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
import {
  canApproveDestruction,
  canManageDepartments,
  canRequestDestruction,
  canSeeHandovers,
  canSignHandover,
  canRecordIncident,
  canReleaseHold,
  canSeeIncidentRegister,
  canSeeRecords,
  canSetHold,
  type LifecycleFacts,
} from './lifecycle';
import { canApproveReset, canRequestReset, type ResetFacts } from './resets';
import { canSeeCompliance } from './due';
import {
  canApprovePlan,
  canCommentVisitReport,
  canFileVisitReport,
  canListPlans,
  canListVisitReports,
  canReadPlans,
  canReadVisitReport,
  canSpotCheck,
  canWritePlan,
  type PlanFacts,
  type VisitReportFacts,
} from './visits-plans';
import { canRecordRelation, canRegrade, canSeeRelations, canWorkOnRelation, type RelationFacts } from './relations';
import { canQueryAnalytics, canSeeChart, type AnalyticsFacts, type ChartFacts } from './analytics';
import { canCheckLead, canReportLead, canSeeLeads, canSeePublication, type LeadFacts } from './leads';
import { canSeeAssignedReviews, canSeeFlagged } from './dashboard-lists';
import { canOpenPage } from './pages';
import type { Page } from '../../contract/pages';

export type { Actor } from './actor';
export type { Decision } from './decision';
export type { DossierFacts } from './dossiers';
export type { LoanFacts } from './borrowing';
export type { LifecycleFacts } from './lifecycle';
export { hasActiveLoan, activeLoanDossierIds } from './loans';
export { mayApproveResetOf, type ResetFacts } from './resets';
export type { PlanFacts, VisitReportFacts } from './visits-plans';
export { maySeeRelationContent, type RelationFacts } from './relations';
export { foldSmallGroups, type AnalyticsFacts, type ChartFacts } from './analytics';
export type { LeadFacts } from './leads';

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
  // Records lifecycle (policy/lifecycle.ts)
  'vault.backup',
  'vault.restore',
  'vault.backupStatus',
  'hold.set',
  'hold.release',
  'hold.list',
  'destruction.request',
  'destruction.approve',
  'destruction.reject',
  'destruction.list',
  'person.suspend',
  'person.unsuspend',
  'incident.record',
  'incident.list',
  'person.change',
  // Password resets that need a second person (policy/resets.ts)
  'person.resetRequest',
  'person.resetApprove',
  'person.resetPending',
  // The archive server (ipc/remote): who may hold the archive open for the workstations
  'archive.serve',
  // Opening the archive with the recovery key (vault/recover.ts)
  'vault.recover',
  'handover.start',
  'handover.sign',
  'handover.list',
  'retention.list',
  'retention.decide',
  // The one due list and contact-cadence compliance (policy/due.ts, issue 17)
  'due.list',
  'due.compliance',
  // Daily visit reports and yearly maintenance plans (policy/visits-plans.ts)
  'visitReport.file',
  'visitReport.comment',
  'visitReport.spotCheck',
  'visitReport.read',
  'visitReport.list',
  'plan.write',
  'plan.approve',
  'plan.reject',
  'plan.read',
  'plan.list',
  // Surveys, complaints and re-grading (issue 17 points 5–7, policy/relations.ts)
  'survey.record',
  'satisfaction.record',
  'followUp.close',
  'complaint.record',
  'complaint.step',
  'regrade.record',
  'relations.read',
  'relations.register',
  'complaint.list',
  // The information analyst and the dashboards' charts (policy/analytics.ts)
  'analytics.query',
  'dashboard.list',
  'dashboard.chart',
  // Lead intake (policy/leads.ts)
  'lead.report',
  'lead.list',
  'lead.check',
  'lead.merge',
  'lead.project',
  'lead.deliver',
  'lead.dossier',
  'lead.publication',
  'lead.conversion',
  // Dashboard work lists (issue 13 point 2): whom each list is for.
  'incident.flagged',
  'review.assigned',
  // The pages of the unlocked app that no single action opens (policy/pages.ts)
  'page.open',
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
  /** Records lifecycle: departments concerned, a hold's setter, the person acted on. */
  lifecycle?: LifecycleFacts;
  /** The password reset acted on. */
  reset?: ResetFacts;
  /** The department whose due work is asked about (compliance). */
  dueDepartment?: string;
  /** The visit report acted on; the list's scope. */
  visitReport?: VisitReportFacts;
  visitScope?: 'mine' | 'toComment' | 'all';
  /** The maintenance plan (or the customer) acted on; the list's scope. */
  plan?: PlanFacts;
  planScope?: 'pending' | 'filed' | 'mine';
  /** A survey, follow-up, complaint or re-grading and its dossier (issue 17). */
  relation?: RelationFacts;
  /** An analyst's query, measured before the decision (fields named, population, differences). */
  analytics?: AnalyticsFacts;
  /** A dashboard chart: whom it is for and the department it covers. */
  chart?: ChartFacts;
  /** The lead acted on (issue 18). */
  lead?: LeadFacts;
  /** The page of the unlocked app asked about (policy/pages.ts). */
  page?: Page;
}

export function can(actor: Actor, action: Action, target: PolicyTarget = {}): Decision {
  if (actor.disabled) return deny('denied.disabled');
  // Suspension (发现信息滥用行为，立即暂停相关员工权限): every operation refused until lifted.
  if (actor.suspended && action !== 'session.lock') return deny('denied.suspended');
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
    case 'department.add':
    case 'vault.rekey':
    case 'settings.update':
      return requireDuty(actor, 'admin', 'denied.notAdmin');
    case 'person.changeOwnPassword':
      return target.personId === actor.id ? allow() : deny('denied.notSelf');
    // Setting someone else's password directly would let the administrator act as them.
    case 'person.resetPassword':
      return target.personId === actor.id ? allow() : deny('denied.resetNeedsApproval');
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
    case 'vault.backup':
    case 'vault.restore':
    case 'vault.backupStatus':
    case 'person.change':
      return requireDuty(actor, 'admin', 'denied.notAdmin');
    case 'hold.set':
      return canSetHold(actor);
    case 'hold.release':
      return canReleaseHold(actor, target.lifecycle);
    case 'hold.list':
    case 'destruction.list':
      return canSeeRecords(actor);
    case 'destruction.request':
      return canRequestDestruction(actor, target.lifecycle);
    case 'destruction.approve':
      return canApproveDestruction(actor, target.lifecycle);
    case 'destruction.reject':
    case 'person.suspend':
    case 'person.unsuspend':
      return canManageDepartments(actor, target.lifecycle);
    case 'incident.record':
      return canRecordIncident(actor);
    case 'incident.list':
      return canSeeIncidentRegister(actor);
    case 'person.resetRequest':
      return canRequestReset(actor, target.reset);
    case 'person.resetApprove':
      return canApproveReset(actor, target.reset);
    // Anyone may ask which resets wait for them; the list holds only those they may approve.
    case 'person.resetPending':
      return allow();
    // Serving holds the database key for every workstation: the administrator's machinery (三员分立).
    case 'archive.serve':
      return requireDuty(actor, 'admin', 'denied.notAdmin');
    // The recovery key sets a new password for an administrator only (the key opens no session of its own).
    case 'vault.recover':
      return requireDuty(actor, 'admin', 'denied.notAdmin');
    case 'handover.start':
      return canManageDepartments(actor, target.lifecycle);
    case 'handover.sign':
      return canSignHandover(actor, target.lifecycle);
    case 'handover.list':
      return canSeeHandovers(actor);
    case 'retention.list':
    case 'retention.decide':
      return canManageDepartments(actor, target.lifecycle);
    // Each due source reads only the asker's own work.
    case 'due.list':
      return allow();
    case 'due.compliance':
      return canSeeCompliance(actor, target.dueDepartment);
    case 'visitReport.file':
      return canFileVisitReport(actor);
    case 'visitReport.comment':
      return canCommentVisitReport(actor, target.visitReport);
    case 'visitReport.spotCheck':
      return canSpotCheck(actor);
    case 'visitReport.read':
      return canReadVisitReport(actor, target.visitReport);
    case 'visitReport.list':
      return canListVisitReports(actor, target.visitScope);
    case 'plan.write':
      return canWritePlan(actor, target.plan);
    case 'plan.approve':
    case 'plan.reject':
      return canApprovePlan(actor);
    case 'plan.read':
      return canReadPlans(actor, target.plan);
    case 'plan.list':
      return canListPlans(actor, target.planScope);
    case 'survey.record':
    case 'satisfaction.record':
    case 'complaint.record':
      return canRecordRelation(actor, target.relation);
    case 'followUp.close':
    case 'complaint.step':
      return canWorkOnRelation(actor, target.relation);
    case 'regrade.record':
      return canRegrade(actor, target.relation);
    case 'relations.read':
    case 'relations.register':
    case 'complaint.list':
      return canSeeRelations(actor);
    case 'analytics.query':
      return canQueryAnalytics(actor, target.analytics);
    // The list holds only the charts `dashboard.chart` would allow (asked per chart).
    case 'dashboard.list':
      return allow();
    case 'dashboard.chart':
      return canSeeChart(actor, target.chart);
    case 'lead.report':
      return canReportLead(actor);
    case 'lead.list':
    case 'lead.conversion':
      return canSeeLeads(actor, target.lead);
    case 'lead.check':
    case 'lead.merge':
    case 'lead.project':
    case 'lead.deliver':
    case 'lead.dossier':
      return canCheckLead(actor);
    case 'lead.publication':
      return canSeePublication(actor);
    case 'incident.flagged':
      return canSeeFlagged(actor);
    case 'review.assigned':
      return canSeeAssignedReviews(actor);
    case 'page.open':
      return canOpenPage(actor, target.page);
    default:
      return assertNever(action, 'action');
  }
}
