/**
 * Puts the build-time unlock screen into index.html as main serves it (the app:// protocol, and the
 * e2e server, which stands in for it). The window then paints the unlock screen of the archive
 * opened last straight from HTML, in the person's language, without waiting for React DOM (about
 * two thirds of the first screen's script) to load and run; the renderer hydrates it when it has.
 *
 * The choice mirrors the renderer's `firstScreen` (src-renderer/features/router/screens.ts): the
 * unlock screen of the latest archive, unless a session is unlocked or none is remembered. The
 * renderer checks the marks on #root against its own choice and renders afresh if they differ, so
 * a disagreement costs the head start, never a wrong screen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIRST_SCREEN_FILE, FOLDER_SLOT, type FirstScreens } from '../contract/first-screen';
import type { AppInfo } from '../contract/ipc';
import type { Locale } from '../contract/messages';
import type { AppState } from './app-state';
import type { SessionManager } from './session-manager';

export type FirstScreenInfo = Pick<AppInfo, 'locale' | 'recentArchives' | 'unlocked'>;

/** What app:info will answer (ipc/handlers/app.ts), read at the moment the page is served. */
export function firstScreenInfoOf(state: AppState, manager: SessionManager): FirstScreenInfo {
  return { locale: state.locale, recentArchives: state.recentArchives, unlocked: manager.current !== null };
}

const EMPTY_ROOT = '<div id="root"></div>';
const HTML_LANG = /<html lang="[^"]*">/;

/** Text and attribute values alike: the folder is the person's data, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function withFirstScreen(indexHtml: string, screens: FirstScreens | null, info: FirstScreenInfo | null): string {
  if (!info) return indexHtml;
  const html = indexHtml.replace(HTML_LANG, `<html lang="${info.locale}">`);
  const folder = info.recentArchives[0]?.folder;
  const screen = screens?.[info.locale];
  if (info.unlocked || !folder || !screen || !html.includes(EMPTY_ROOT)) return html;
  const safeFolder = escapeHtml(folder);
  const marks = `data-first-screen="unlock" data-locale="${info.locale}" data-folder="${safeFolder}"`;
  return html.replace(EMPTY_ROOT, () => `<div id="root" ${marks}>${screen.split(FOLDER_SLOT).join(safeFolder)}</div>`);
}

/**
 * The build's rendered screens, or null when there are none or they are unreadable: the page then
 * starts as it always could, rendering in the renderer.
 */
export function readFirstScreens(rendererDir: string): FirstScreens | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(rendererDir, FIRST_SCREEN_FILE), 'utf8'));
    if (!parsed || typeof parsed !== 'object') return null;
    const screens: FirstScreens = {};
    for (const locale of ['zh-CN', 'en'] satisfies Locale[]) {
      const html = (parsed as Record<string, unknown>)[locale];
      if (typeof html === 'string') screens[locale] = html;
    }
    return screens;
  } catch {
    return null;
  }
}

/** Is this request path the page itself (where the first screen goes)? */
export function isIndexPath(pathname: string): boolean {
  return pathname === '/' || pathname === '' || pathname === '/index.html';
}
