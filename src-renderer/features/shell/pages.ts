/** The pages of the unlocked app, and which are shown to whom (main enforces; hiding is courtesy). */
export const PAGES = [
  'dashboard',
  'dossiers',
  'loans',
  'journal',
  'people',
  'settings',
  'records',
  'visits',
  'plans',
  'relations',
  'analytics',
  'leads',
] as const;
export type Page = (typeof PAGES)[number];

const ADMIN_ONLY: readonly Page[] = ['people', 'settings'];
/** The journal is the auditors' alone; administrators cannot touch it (三员分立). */
const AUDITOR_ONLY: readonly Page[] = ['journal'];

/** Records lifecycle (holds, destruction, incidents) is management's, custodians' and auditors', never the administrator's. */
const NOT_ADMIN: readonly Page[] = ['records', 'visits', 'plans', 'relations', 'leads'];
/** Lead intake, visit reports and plans are business work: the core refuses auditors (policy/leads.ts, policy/visits-plans.ts). */
const NOT_AUDITOR: readonly Page[] = ['leads', 'visits', 'plans'];

/** The analyst's aggregates (issue 18): for information analysts only. */
const ANALYST_ONLY: readonly Page[] = ['analytics'];

export function visiblePages(isAdmin: boolean, isAuditor = false, isAnalyst = false): Page[] {
  return PAGES.filter(
    (page) =>
      (isAdmin || !ADMIN_ONLY.includes(page)) &&
      (isAuditor || !AUDITOR_ONLY.includes(page)) &&
      !(isAdmin && NOT_ADMIN.includes(page)) &&
      !(isAuditor && NOT_AUDITOR.includes(page)) &&
      (isAnalyst || !ANALYST_ONLY.includes(page)),
  );
}
