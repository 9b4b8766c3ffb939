/** The pages of the unlocked app, and which are shown to whom (main enforces; hiding is courtesy). */
export const PAGES = ['dashboard', 'dossiers', 'loans', 'journal', 'people', 'settings'] as const;
export type Page = (typeof PAGES)[number];

const ADMIN_ONLY: readonly Page[] = ['people', 'settings'];
/** The journal is the auditors' alone; administrators cannot touch it (三员分立). */
const AUDITOR_ONLY: readonly Page[] = ['journal'];

export function visiblePages(isAdmin: boolean, isAuditor = false): Page[] {
  return PAGES.filter((page) => (isAdmin || !ADMIN_ONLY.includes(page)) && (isAuditor || !AUDITOR_ONLY.includes(page)));
}
