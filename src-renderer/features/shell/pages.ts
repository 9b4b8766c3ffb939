/** The pages of the unlocked app, and which are shown to whom (main enforces; hiding is courtesy). */
export const PAGES = ['dashboard', 'dossiers', 'loans', 'journal', 'people', 'settings'] as const;
export type Page = (typeof PAGES)[number];

const ADMIN_ONLY: readonly Page[] = ['people', 'settings'];

export function visiblePages(isAdmin: boolean): Page[] {
  return PAGES.filter((page) => isAdmin || !ADMIN_ONLY.includes(page));
}
