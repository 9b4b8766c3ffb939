/**
 * BUILD TIME ONLY (electron.vite.config.ts runs it in Node after the renderer build): the unlock
 * screen of the real components, rendered to HTML in each language, with FOLDER_SLOT where the
 * archive folder goes. Main serves it inside index.html; the renderer hydrates it (main.tsx).
 *
 * Ant Design's styles are CSS-in-JS: generated while rendering. They are collected here
 * (@ant-design/cssinjs's cache) and go into index.html as <style> elements, so the served screen is
 * styled before any script runs. Those elements end with antd's map of which styles they hold, and
 * the renderer's antd reads that map and reuses them instead of generating and injecting them again.
 * The welcome screen is rendered too, only for its styles: the other first screen.
 */
import { createCache, extractStyle } from '@ant-design/cssinjs';
import hash from '@emotion/hash';
import { iconStyles } from '@ant-design/icons/es/utils';
import { renderToString } from 'react-dom/server';
import type { FirstScreens } from '../../src-main/contract/first-screen';
import { FOLDER_SLOT } from '../../src-main/contract/first-screen';
import type { AppInfo } from '../../src-main/contract/ipc';
import { initI18n, LOCALES } from '../i18n';
import { Root } from '../Root';
import { ANTD_CSS_VAR_KEY } from '../theme';

export interface Prerendered {
  screens: FirstScreens;
  /** antd's <style> elements for the first screens, for the page's <head>. */
  styles: string;
}

export async function prerenderFirstScreens(): Promise<Prerendered> {
  const styleCache = createCache();
  const screens: FirstScreens = {};
  for (const locale of LOCALES) {
    // What app:info answers when the archive opened last is FOLDER_SLOT and nothing is unlocked.
    const info: AppInfo = { version: '', locale, recentArchives: [{ folder: FOLDER_SLOT, lastOpenedAt: '' }], unlocked: false };
    await initI18n(locale);
    const html = renderToString(<Root info={info} styleCache={styleCache} />);
    if (!html.includes('data-testid="screen-unlock"') || !html.includes(FOLDER_SLOT)) throw new Error(`prerender: no unlock screen for ${locale}`);
    screens[locale] = html;
    const welcome = renderToString(<Root info={{ ...info, recentArchives: [] }} styleCache={styleCache} />);
    if (!welcome.includes('data-testid="screen-welcome"')) throw new Error(`prerender: no welcome screen for ${locale}`);
  }
  const styles = iconStyleElement() + clientTokenId(extractStyle(styleCache));
  // Each element closes once: no CSS text can end its <style> early and put markup in the page.
  if (styles.split(/<\/style/i).length !== styles.split(/<style[\s>]/i).length) throw new Error('prerender: a style contains </style');
  return { screens, styles };
}

/**
 * The theme's CSS variables as the renderer names them: extractStyle marks that element with the
 * token's key, while the renderer's antd looks for hash(`css-var-<cssVar key>`) and, not finding
 * it, would inject the same variables a second time.
 */
function clientTokenId(styles: string): string {
  const root = new RegExp(`(<style[^>]*data-token-hash="${ANTD_CSS_VAR_KEY}"[^>]*data-css-hash=")[^"]*("[^>]*>\\.${ANTD_CSS_VAR_KEY}\\{)`);
  if (!root.test(styles)) throw new Error("prerender: no element with the theme's CSS variables");
  return styles.replace(root, (_, before: string, after: string) => `${before}${hash(`css-var-${ANTD_CSS_VAR_KEY}`)}${after}`);
}

/** @ant-design/icons' own stylesheet, marked as the icons mark it when they add it on first use. */
function iconStyleElement(): string {
  return `<style data-rc-order="prepend" rc-util-key="@ant-design-icons">${iconStyles}</style>`;
}
