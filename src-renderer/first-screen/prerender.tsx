/**
 * BUILD TIME ONLY (electron.vite.config.ts runs it in Node after the renderer build): the unlock
 * screen of the real components, rendered to HTML in each language, with FOLDER_SLOT where the
 * archive folder goes. Main serves it inside index.html; the renderer hydrates it (main.tsx).
 */
import { renderToString } from 'react-dom/server';
import type { FirstScreens } from '../../src-main/contract/first-screen';
import { FOLDER_SLOT } from '../../src-main/contract/first-screen';
import type { AppInfo } from '../../src-main/contract/ipc';
import { initI18n, LOCALES } from '../i18n';
import { Root } from '../Root';

export async function prerenderUnlockScreens(): Promise<FirstScreens> {
  const screens: FirstScreens = {};
  for (const locale of LOCALES) {
    // What app:info answers when the archive opened last is FOLDER_SLOT and nothing is unlocked.
    const info: AppInfo = { version: '', locale, recentArchives: [{ folder: FOLDER_SLOT, lastOpenedAt: '' }], unlocked: false };
    await initI18n(locale);
    const html = renderToString(<Root info={info} />);
    if (!html.includes('data-testid="screen-unlock"') || !html.includes(FOLDER_SLOT)) throw new Error(`prerender: no unlock screen for ${locale}`);
    screens[locale] = html;
  }
  return screens;
}
