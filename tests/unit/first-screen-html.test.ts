/**
 * The unlock screen main puts into the page it serves (src-main/app/first-screen-html.ts), and the
 * renderer's check before it hydrates it (src-renderer/first-screen/hydration.ts). The folder is the
 * person's data: it must arrive as text, never as markup.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { escapeHtml, isIndexPath, readFirstScreens, withFirstScreen, type FirstScreenInfo } from '../../src-main/app/first-screen-html';
import { FIRST_SCREEN_FILE, FOLDER_SLOT } from '../../src-main/contract/first-screen';
import type { AppInfo } from '../../src-main/contract/ipc';
import { canHydrate } from '../../src-renderer/first-screen/hydration';

const INDEX =
  '<!doctype html>\n<html lang="zh-CN">\n<head><title>Triplicate</title></head>\n<body>\n<div id="root"></div>\n<script type="module" src="./assets/index.js"></script>\n</body>\n</html>';
const SCREENS = {
  'zh-CN': `<div data-testid="screen-unlock">解锁 <code title="${FOLDER_SLOT}">${FOLDER_SLOT}</code></div>`,
  en: `<div data-testid="screen-unlock">Unlock <code title="${FOLDER_SLOT}">${FOLDER_SLOT}</code></div>`,
};
const HOSTILE = `C:\\档案\\<script>alert(1)</script> & "quoted" 'single'`;

const info = (over: Partial<FirstScreenInfo> = {}): FirstScreenInfo => ({
  locale: 'zh-CN',
  recentArchives: [
    { folder: '/archives/sales', lastOpenedAt: '2026-11-20T09:00:00.000Z' },
    { folder: '/archives/old', lastOpenedAt: '2026-10-01T09:00:00.000Z' },
  ],
  unlocked: false,
  ...over,
});

describe('withFirstScreen', () => {
  it("puts the unlock screen of the archive opened last, in the person's language, into #root with its marks", () => {
    const html = withFirstScreen(INDEX, SCREENS, info({ locale: 'en' }));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(
      '<div id="root" data-first-screen="unlock" data-locale="en" data-folder="/archives/sales"><div data-testid="screen-unlock">Unlock <code title="/archives/sales">/archives/sales</code></div></div>',
    );
    expect(html).not.toContain(FOLDER_SLOT);
    expect(html).toContain('<script type="module" src="./assets/index.js"></script>');
  });

  it('escapes the folder everywhere it goes: text, attribute and mark', () => {
    const html = withFirstScreen(INDEX, SCREENS, info({ recentArchives: [{ folder: HOSTILE, lastOpenedAt: '2026-11-20T09:00:00.000Z' }] }));
    const escaped = 'C:\\档案\\&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;quoted&#34; &#39;single&#39;';
    expect(escapeHtml(HOSTILE)).toBe(escaped);
    expect(html).not.toContain('<script>alert');
    expect(html.split(escaped)).toHaveLength(4); // data-folder, title and text
    // Only the page's own module script remains.
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('serves the page as built, only in the right language, when there is no screen to put in', () => {
    const lang = (html: string) => /<html lang="([^"]+)">/.exec(html)?.[1];
    // A session is unlocked (a reload): the renderer resumes it instead.
    const unlocked = withFirstScreen(INDEX, SCREENS, info({ unlocked: true, locale: 'en' }));
    expect(unlocked).toContain('<div id="root"></div>');
    expect(lang(unlocked)).toBe('en');
    // No archive remembered: the welcome screen, rendered by the renderer.
    expect(withFirstScreen(INDEX, SCREENS, info({ recentArchives: [] }))).toContain('<div id="root"></div>');
    // No build-time screens (or none in this language).
    expect(withFirstScreen(INDEX, null, info())).toContain('<div id="root"></div>');
    expect(withFirstScreen(INDEX, { en: SCREENS.en }, info())).toContain('<div id="root"></div>');
    // Main has no info: the page exactly as built.
    expect(withFirstScreen(INDEX, SCREENS, null)).toBe(INDEX);
    // A page without an empty #root is left alone rather than patched somewhere else.
    const other = INDEX.replace('<div id="root"></div>', '<div id="app"></div>');
    expect(withFirstScreen(other, SCREENS, info())).not.toContain('screen-unlock');
  });
});

describe('readFirstScreens', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reads the build's screens, and takes a missing, corrupt or foreign file as none", () => {
    dir = mkdtempSync(join(tmpdir(), 'triplicate-first-screen-'));
    expect(readFirstScreens(dir)).toBeNull();
    writeFileSync(join(dir, FIRST_SCREEN_FILE), '{"zh-CN": "<div>');
    expect(readFirstScreens(dir)).toBeNull();
    writeFileSync(join(dir, FIRST_SCREEN_FILE), '"just a string"');
    expect(readFirstScreens(dir)).toBeNull();
    writeFileSync(join(dir, FIRST_SCREEN_FILE), JSON.stringify({ ...SCREENS, fr: '<div>', en: 42 }));
    expect(readFirstScreens(dir)).toEqual({ 'zh-CN': SCREENS['zh-CN'] });
  });
});

describe('isIndexPath', () => {
  it('is the page itself only', () => {
    expect(['/', '', '/index.html'].map(isIndexPath)).toEqual([true, true, true]);
    expect(['/assets/index.js', '/index.html/x', '/first-screen.json'].map(isIndexPath)).toEqual([false, false, false]);
  });
});

describe('canHydrate', () => {
  const appInfo = (over: Partial<AppInfo> = {}): AppInfo => ({ version: '1.0.0', ...info(), ...over });
  const marks = { firstScreen: 'unlock', locale: 'zh-CN', folder: '/archives/sales' };

  it('hydrates the served screen when it is the one this renderer would show', () => {
    expect(canHydrate(marks, appInfo(), 'zh-CN')).toBe(true);
  });

  it('renders afresh when anything differs: folder, language, a session, no info or no screen served', () => {
    expect(canHydrate({ ...marks, folder: '/archives/old' }, appInfo(), 'zh-CN')).toBe(false);
    expect(canHydrate(marks, appInfo(), 'en')).toBe(false);
    expect(canHydrate(marks, appInfo({ unlocked: true }), 'zh-CN')).toBe(false);
    expect(canHydrate(marks, null, 'zh-CN')).toBe(false);
    expect(canHydrate({}, appInfo(), 'zh-CN')).toBe(false);
  });
});
