/** The pages of the unlocked app, and which are shown to whom (main enforces; hiding is courtesy). */
export const PAGES = ['dashboard', 'dossiers', 'loans', 'journal', 'people', 'settings', 'records', 'visits', 'plans', 'relations', 'analytics'] as const;
export type Page = (typeof PAGES)[number];

const ADMIN_ONLY: readonly Page[] = ['people', 'settings'];
/** The journal is the auditors' alone; administrators cannot touch it (三员分立). */
const AUDITOR_ONLY: readonly Page[] = ['journal'];

/** Records lifecycle (holds, destruction, incidents) is management's, custodians' and auditors', never the administrator's. */
const NOT_ADMIN: readonly Page[] = ['records', 'visits', 'plans', 'relations'];

/** The analyst's aggregates (issue 18): for information analysts only. */
const ANALYST_ONLY: readonly Page[] = ['analytics'];

export function visiblePages(isAdmin: boolean, isAuditor = false, isAnalyst = false): Page[] {
  return PAGES.filter(
    (page) =>
      (isAdmin || !ADMIN_ONLY.includes(page)) &&
      (isAuditor || !AUDITOR_ONLY.includes(page)) &&
      !(isAdmin && NOT_ADMIN.includes(page)) &&
      (isAnalyst || !ANALYST_ONLY.includes(page)),
  );
}
