/**
 * What a person may do, as booleans for the renderer: each is `can()` itself, so the screens offer
 * what the core would accept and restate no rule. The core still decides every request.
 */
import type { ActorPermissions } from '../../contract/people';
import type { Actor } from './actor';
import { can, type Action } from './index';

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
  };
}
