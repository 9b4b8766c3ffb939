/** The pages of the unlocked app, and which are shown to whom (main enforces; hiding is courtesy). */
export const PAGES = ['dashboard', 'dossiers', 'loans', 'journal', 'people', 'settings', 'records', 'leads'] as const;
export type Page = (typeof PAGES)[number];

const ADMIN_ONLY: readonly Page[] = ['people', 'settings'];
/** The journal is the auditors' alone; administrators cannot touch it (三员分立). */
const AUDITOR_ONLY: readonly Page[] = ['journal'];

/** Records lifecycle (holds, destruction, incidents) is management's, custodians' and auditors', never the administrator's. */
const NOT_ADMIN: readonly Page[] = ['records', 'leads'];
/** Lead intake is business work: auditors report nothing (policy/leads.ts). */
const NOT_AUDITOR: readonly Page[] = ['leads'];

export function visiblePages(isAdmin: boolean, isAuditor = false): Page[] {
  return PAGES.filter(
    (page) => (isAdmin || !ADMIN_ONLY.includes(page)) && (isAuditor || !AUDITOR_ONLY.includes(page)) && !(isAdmin && NOT_ADMIN.includes(page)) && !(isAuditor && NOT_AUDITOR.includes(page)),
  );
}
