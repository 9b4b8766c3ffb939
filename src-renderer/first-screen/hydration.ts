/**
 * Whether the unlock screen main put into the page (src-main/app/first-screen-html.ts) is the one
 * this renderer would show: same screen, same archive folder, same language. Only then does React
 * hydrate it; otherwise the page is rendered afresh and the served screen is dropped unseen by React.
 */
import type { FirstScreenMarks } from '../../src-main/contract/first-screen';
import type { AppInfo } from '../../src-main/contract/ipc';
import type { Locale } from '../../src-main/contract/messages';
import { firstScreen } from '../features/router/screens';

export function canHydrate(marks: FirstScreenMarks, info: AppInfo | null, locale: Locale): boolean {
  const screen = firstScreen(info);
  return marks.firstScreen === 'unlock' && screen.name === 'unlock' && marks.locale === locale && marks.folder === screen.folder;
}
