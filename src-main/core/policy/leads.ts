/**
 * Who reports, checks and converts leads (issue 18 point 1; seed 004 §4, §6). Reporting is
 * business work open to anyone with a business duty (各部门随时提报); the administrator and the
 * auditor keep the machinery and the journal (三员分立) and report nothing. The key-account
 * department (大客户部, account managers and above) checks, merges and converts; the general
 * manager may too.
 */
import { rankAtLeast } from '../../contract/people';
import type { Actor } from './actor';
import { allow, deny, type Decision } from './decision';

export const KEY_ACCOUNTS_DEPARTMENT = 'key-accounts';

export interface LeadFacts {
  /** The lead's reporter (a reporter may read their own leads). */
  reporterId?: string;
}

function keepsMachinery(actor: Actor): boolean {
  return actor.duties.includes('admin') || actor.duties.includes('auditor');
}

export function canReportLead(actor: Actor): Decision {
  return keepsMachinery(actor) ? deny('denied.notLeadReporter') : allow();
}

export function canCheckLead(actor: Actor): Decision {
  if (keepsMachinery(actor)) return deny('denied.notLeadChecker');
  if (actor.rank === 'general-manager') return allow();
  return actor.department === KEY_ACCOUNTS_DEPARTMENT && rankAtLeast(actor.rank, 'account-manager') ? allow() : deny('denied.notLeadChecker');
}

/** Every lead to the checkers; a reporter's own (`reporterId` is the actor) to the reporter. */
export function canSeeLeads(actor: Actor, facts: LeadFacts | undefined): Decision {
  if (facts?.reporterId === actor.id) return canReportLead(actor);
  return canCheckLead(actor);
}

/** The lists are published to the company (在销售公司内网上予以公布): every reporter reads the tallies. */
export function canSeePublication(actor: Actor): Decision {
  return canReportLead(actor);
}
