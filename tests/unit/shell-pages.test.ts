/**
 * The menu's pages are the core's decision (core/policy/pages.ts, sent as ActorView.pages). Before,
 * the renderer mapped roles to pages itself (features/shell/pages.ts); for every role of the demo's
 * seed people the core now shows exactly the pages that mapping showed.
 */
import { describe, expect, it } from 'vitest';
import { PAGES, type Page } from '../../src-main/contract/pages';
import type { Duty, Rank } from '../../src-main/contract/people';
import type { Actor } from '../../src-main/core/policy/actor';
import { can } from '../../src-main/core/policy';
import { pagesOf } from '../../src-main/core/policy/pages';
import { permissionsOf } from '../../src-main/core/policy/permissions';

/** The renderer's former mapping, kept here verbatim as the reference. */
function formerVisiblePages(isAdmin: boolean, isAuditor = false, isAnalyst = false): Page[] {
  const ADMIN_ONLY: readonly Page[] = ['people', 'settings'];
  const AUDITOR_ONLY: readonly Page[] = ['journal'];
  const NOT_ADMIN: readonly Page[] = ['records', 'visits', 'plans', 'relations', 'leads'];
  const NOT_AUDITOR: readonly Page[] = ['leads', 'visits', 'plans'];
  const ANALYST_ONLY: readonly Page[] = ['analytics'];
  return PAGES.filter(
    (page) =>
      (isAdmin || !ADMIN_ONLY.includes(page)) &&
      (isAuditor || !AUDITOR_ONLY.includes(page)) &&
      !(isAdmin && NOT_ADMIN.includes(page)) &&
      !(isAuditor && NOT_AUDITOR.includes(page)) &&
      (isAnalyst || !ANALYST_ONLY.includes(page)),
  );
}

/** The former inputs, as MainLayout passed them. */
function formerPages(actor: Actor): Page[] {
  const may = permissionsOf(actor);
  return formerVisiblePages(may.administer, may.readJournal, may.queryAnalytics);
}

const person = (login: string, department: string, rank: Rank, duties: Duty[] = []): Actor => ({
  id: login,
  login,
  name: login,
  department,
  rank,
  duties,
  disabled: false,
});

/** `triplicate demo`'s people (cli/demo/build.ts), one per role and department, and its administrator. */
const SEED: Actor[] = [
  person('admin', 'it', 'staff', ['admin']),
  person('gm', 'key-accounts', 'general-manager'),
  person('dm.keyacc', 'key-accounts', 'department-manager'),
  person('dm.sales', 'sales', 'department-manager'),
  person('dm.market', 'marketing', 'department-manager'),
  person('am1', 'key-accounts', 'account-manager'),
  person('am3', 'sales', 'account-manager'),
  person('am4', 'marketing', 'account-manager'),
  person('col1', 'customer-service', 'staff', ['collector']),
  person('cust.c', 'customer-service', 'staff', ['custodian']),
  person('cust.s', 'sales', 'staff', ['custodian']),
  person('cust.m', 'marketing', 'staff', ['custodian']),
  person('auditor', 'audit', 'staff', ['auditor']),
  person('staff1', 'sales', 'staff'),
  person('analyst', 'marketing', 'staff', ['analyst']),
];

describe('the pages of the unlocked app', () => {
  it.each(SEED.map((actor) => [actor.login, actor] as const))('%s sees the same pages as before', (_login, actor) => {
    expect(pagesOf(actor)).toEqual(formerPages(actor));
  });

  it('differ by role as the rules say', () => {
    const of = (login: string) => pagesOf(SEED.find((a) => a.login === login)!);
    expect(of('admin')).toEqual(['dashboard', 'dossiers', 'loans', 'people', 'settings']);
    expect(of('auditor')).toEqual(['dashboard', 'dossiers', 'loans', 'journal', 'records', 'relations']);
    expect(of('analyst')).toContain('analytics');
    expect(of('am1')).toEqual(['dashboard', 'dossiers', 'loans', 'records', 'visits', 'plans', 'relations', 'leads']);
  });

  it('a page no action opens is refused with a reason, and a suspended person sees none', () => {
    const admin = SEED[0]!;
    expect(can(admin, 'page.open', { page: 'records' })).toEqual({ allowed: false, reason: 'denied.pageNotForDuty' });
    expect(can(admin, 'page.open', {})).toEqual({ allowed: false, reason: 'input.invalid' });
    expect(pagesOf({ ...SEED[5]!, suspended: true })).toEqual([]);
  });
});
