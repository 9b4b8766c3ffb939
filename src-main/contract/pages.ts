/**
 * The pages of the unlocked app, in menu order. Which of them a person sees is the core's decision
 * (core/policy/pages.ts), sent as `ActorView.pages`; main still decides every request on a page.
 */
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
