/**
 * What a person may do, as booleans for the renderer: each is `can()` itself, so the screens offer
 * what the core would accept and restate no rule. The core still decides every request.
 */
import type { ActorPermissions } from '../../contract/people';
import type { Actor } from './actor';
import { can, type Action, type ResetFacts } from './index';

export function permissionsOf(actor: Actor): ActorPermissions {
  const may = (action: Action) => can(actor, action).allowed;
  return {
    createDossiers: may('dossier.create'),
    fileCards: may('loan.file'),
    seeCatalogue: may('catalogue.search'),
    readJournal: may('journal.read'),
    administer: may('person.list'),
    fileVisitReports: may('visitReport.file'),
    spotCheckVisitReports: may('visitReport.spotCheck'),
    approvePlans: may('plan.approve'),
    keepPlans: can(actor, 'plan.list', { planScope: 'filed' }).allowed,
    seeRegister: can(actor, 'loan.register', { copyDepartment: actor.department }).allowed,
    keepCopies: can(actor, 'copy.reissue', { copyDepartment: actor.department }).allowed,
    seeRecords: may('destruction.list'),
    requestDestruction: may('destruction.request'),
    manageDepartment: can(actor, 'retention.list', { lifecycle: { departments: [actor.department] } }).allowed,
    setHolds: may('hold.set'),
    recordIncidents: may('incident.record'),
    seeIncidentRegister: may('incident.list'),
    seeHandovers: may('handover.list'),
    backUp: may('vault.backup'),
    seeCompliance: can(actor, 'due.compliance', { dueDepartment: actor.department }).allowed,
    checkLeads: may('lead.check'),
    seeAssignedReviews: may('review.assigned'),
    approveResets: resetSubjects(actor).some((reset) => can(actor, 'person.resetApprove', { reset }).allowed),
    seeFlagged: may('incident.flagged'),
    // An empty question describes nobody, so only the duty decides.
    queryAnalytics: can(actor, 'analytics.query', { analytics: { fields: [], population: 0, differences: [], minGroupSize: 1 } }).allowed,
  };
}

/**
 * The kinds of person whose reset could wait for this actor's approval: someone of their own
 * department, and an auditor. The pending list holds only those `can()` allows; this only says
 * whether the dashboard offers it.
 */
function resetSubjects(actor: Actor): ResetFacts[] {
  const someone = { id: '', rank: 'staff' as const, disabled: false };
  return [{ person: { ...someone, department: actor.department, duties: [] } }, { person: { ...someone, department: '', duties: ['auditor'] } }];
}
