/**
 * The unlock screen, rendered at build time (src-renderer/first-screen/prerender.tsx) and put into
 * index.html by main when it serves the page (src-main/app/first-screen-html.ts), so the window
 * paints the unlock screen from HTML, before React DOM has loaded; React then hydrates it.
 * Shared by both sides: the file name, the slot for the folder, and the marks on #root that tell the
 * renderer what main put there.
 */
import type { Locale } from './messages';

/** Written beside index.html by the renderer build: `{ "zh-CN": html, "en": html }`. */
export const FIRST_SCREEN_FILE = 'first-screen.json';

/** Stands for the archive folder in the build-time HTML; main puts the escaped folder in its place. */
export const FOLDER_SLOT = 'TRIPLICATE_FIRST_SCREEN_FOLDER';

export type FirstScreens = Partial<Record<Locale, string>>;

/** data-* marks on #root when main served a rendered unlock screen. */
export interface FirstScreenMarks {
  firstScreen?: string;
  locale?: string;
  folder?: string;
}
