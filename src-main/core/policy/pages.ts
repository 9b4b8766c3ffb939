/**
 * Which pages of the unlocked app open for whom. Each page is tied to the action that opens it, so
 * the menu follows `can()`; the pages with no action of their own (several lists and forms, each
 * decided by its own action) are opened by `page.open`, whose rules are here. Hiding is a courtesy:
 * every request on a page is decided again.
 */
import { PAGES, type Page } from '../../contract/pages';
import type { Actor } from './actor';
import { allow, deny, type Decision } from './decision';
import { can, type Action, type PolicyTarget } from './index';

/** The action (and what it is about) whose decision opens each page. */
const OPENED_BY: Record<Page, { action: Action; target?: PolicyTarget }> = {
  dashboard: { action: 'dashboard.list' },
  dossiers: { action: 'page.open', target: { page: 'dossiers' } },
  loans: { action: 'loan.list' },
  journal: { action: 'journal.read' },
  people: { action: 'person.list' },
  settings: { action: 'settings.update' },
  records: { action: 'page.open', target: { page: 'records' } },
  visits: { action: 'page.open', target: { page: 'visits' } },
  plans: { action: 'page.open', target: { page: 'plans' } },
  relations: { action: 'page.open', target: { page: 'relations' } },
  // An empty question describes nobody, so only the duty decides.
  analytics: { action: 'analytics.query', target: { analytics: { fields: [], population: 0, differences: [], minGroupSize: 1 } } },
  leads: { action: 'lead.report' },
};

const isAdmin = (actor: Actor) => actor.duties.includes('admin');
const isAuditor = (actor: Actor) => actor.duties.includes('auditor');

/** `page.open` for the pages that gather several lists, each with its own decision inside. */
export function canOpenPage(actor: Actor, page: Page | undefined): Decision {
  switch (page) {
    // The catalogue, the dossier forms and the reviews: the page says what each person may do there.
    case 'dossiers':
      return allow();
    // Records lifecycle and customer relations are management's, custodians' and auditors', never the administrator's (三员分立).
    case 'records':
    case 'relations':
      return isAdmin(actor) ? deny('denied.pageNotForDuty') : allow();
    // Visit reports and plans are business work: the administrator and the auditor keep the machinery and the journal.
    case 'visits':
    case 'plans':
      return isAdmin(actor) || isAuditor(actor) ? deny('denied.pageNotForDuty') : allow();
    default:
      return deny('input.invalid');
  }
}

/** The pages this person sees, in menu order. */
export function pagesOf(actor: Actor): Page[] {
  return PAGES.filter((page) => can(actor, OPENED_BY[page].action, OPENED_BY[page].target).allowed);
}
