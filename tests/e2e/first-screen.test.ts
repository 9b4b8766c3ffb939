/**
 * Issue 3's first paint: the page comes with the unlock screen already in it
 * (src-main/app/first-screen-html.ts; the e2e server serves it as main does), so the window paints
 * it before React DOM has loaded; React then hydrates that very markup (src-renderer/main.tsx).
 * The built renderer in Debian's Chromium with the real core behind the test bridge and a real
 * encrypted archive.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_STATE_FILE } from '../../src-main/app/app-state';
import type { FirstScreenInfo } from '../../src-main/app/first-screen-html';
import type { Locale } from '../../src-main/contract/messages';
import { ADMIN, makeArchive, type TestArchive } from '../helpers/archive';
import { installBridge, type Bridge } from './support/bridge';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/drivers';
import { reportPageTrouble } from './support/page-trouble';
import { buildRenderer } from './support/renderer-build';
import { serveStatic, type StaticServer } from './support/static-server';

const TITLE: Record<Locale, string> = { 'zh-CN': '解锁档案库', en: 'Unlock the archive' };
/** A folder name that is markup if anyone forgets to escape it. */
const HOSTILE_FOLDER = `/srv/档案/<img src=x onerror="document.title='pwned'">&amp;"'`;

/** Keeps the login field the parser made (readyState 'interactive' comes before any module script runs). */
const KEEP_SERVED_FIELD = `document.addEventListener('readystatechange', () => {
  if (document.readyState === 'interactive') window.__servedLogin = document.querySelector('[data-testid="unlock-login"]');
});`;

interface Opened {
  page: Page;
  bridge: Bridge;
  trouble: string[];
  close(): Promise<void>;
}

const available = existsSync(CHROMIUM_PATH);

describe.skipIf(!available)('the unlock screen served in the page (chromium)', () => {
  let server: StaticServer;
  let browser: Browser;
  let archive: TestArchive;
  beforeAll(async () => {
    server = await serveStatic(await buildRenderer((l) => process.stderr.write(`[e2e] ${l}\n`)));
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    archive = await makeArchive();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    archive?.cleanup();
  });

  async function open(
    locale: Locale,
    folder: string,
    options: { blockScripts?: boolean; served?: (real: FirstScreenInfo) => FirstScreenInfo } = {},
  ): Promise<Opened> {
    const stateDir = mkdtempSync(join(tmpdir(), 'triplicate-e2e-first-screen-'));
    writeFileSync(join(stateDir, APP_STATE_FILE), JSON.stringify({ locale, recentArchives: [{ folder, lastOpenedAt: new Date().toISOString() }] }));
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const origin = server.origin;
    await context.route('**/*', (route) => {
      const url = route.request().url();
      const blocked = !url.startsWith(`${origin}/`) || (options.blockScripts && url.endsWith('.js'));
      return blocked ? route.abort('blockedbyclient') : route.continue();
    });
    const page = await context.newPage();
    reportPageTrouble(page, `first-screen ${locale}`);
    const trouble: string[] = [];
    page.on('pageerror', (error) => trouble.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') trouble.push(`console: ${message.text()}`);
    });
    const bridge = await installBridge(page, { origin, stateDir, locale });
    const served = options.served;
    server.useFirstScreenInfo(served ? () => served(bridge.firstScreenInfo()) : bridge.firstScreenInfo);
    await page.addInitScript({ content: KEEP_SERVED_FIELD });
    await page.goto(`${origin}/index.html`);
    return {
      page,
      bridge,
      trouble,
      close: async () => {
        await bridge.close();
        await context.close();
        rmSync(stateDir, { recursive: true, force: true });
      },
    };
  }

  for (const locale of ['zh-CN', 'en'] as Locale[]) {
    it(`the page paints the unlock screen with no script at all: language, folder as text, fields read-only (${locale})`, async () => {
      const opened = await open(locale, HOSTILE_FOLDER, { blockScripts: true });
      try {
        const { page } = opened;
        await page.getByTestId('screen-unlock').waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
        expect(await page.locator('.lt-card__title').innerText()).toBe(TITLE[locale]);
        // The folder is text: no element came out of it, and nothing ran.
        expect(await page.getByTestId('unlock-folder').textContent()).toBe(HOSTILE_FOLDER);
        expect(await page.locator('#root img').count()).toBe(0);
        expect(await page.title()).toBe('Triplicate');
        // Nobody types into fields React does not own yet.
        expect(await page.getByTestId('unlock-login').getAttribute('readonly')).toBe('');
        expect(await page.getByTestId('unlock-password').getAttribute('readonly')).toBe('');
        // React never ran: no app:info was asked from the page's code (only the bridge's early question).
        expect(opened.bridge.calls).toEqual(['app:info']);
      } finally {
        await opened.close();
      }
    });

    it(`React hydrates the served screen: the same elements, no error, the login field editable and focused, and unlocking works (${locale})`, async () => {
      const opened = await open(locale, archive.folder);
      try {
        const { page } = opened;
        await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('unlock-login');
        expect(
          await page.evaluate(() => (window as unknown as { __servedLogin: Element }).__servedLogin === document.querySelector('[data-testid="unlock-login"]')),
        ).toBe(true);
        expect(await page.getByTestId('unlock-login').getAttribute('readonly')).toBeNull();
        expect(await page.getByTestId('unlock-folder').textContent()).toBe(archive.folder);
        // The hydrated screen works: the language switch and the unlock itself.
        await page.getByTestId('language-switch').click();
        await expect.poll(() => page.locator('.lt-card__title').innerText()).toBe(TITLE[locale === 'en' ? 'zh-CN' : 'en']);
        await page.getByTestId('unlock-login').fill(ADMIN.login);
        await page.getByTestId('unlock-password').fill(ADMIN.password);
        await page.getByTestId('unlock-submit').click();
        await page.getByTestId('screen-main').waitFor({ timeout: 30_000 });
        expect(opened.trouble).toEqual([]);
      } finally {
        await opened.close();
      }
    });
  }

  it('renders afresh when the served screen is not the one the renderer would show (another folder)', async () => {
    const opened = await open('en', archive.folder, {
      served: (real) => ({ ...real, recentArchives: [{ folder: '/archives/elsewhere', lastOpenedAt: '2026-11-01T00:00:00.000Z' }] }),
    });
    try {
      const { page } = opened;
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('unlock-login');
      expect(await page.getByTestId('unlock-folder').textContent()).toBe(archive.folder);
      // The served elements were dropped, not patched: the renderer drew its own.
      expect(await page.evaluate(() => (window as unknown as { __servedLogin: Element }).__servedLogin?.isConnected)).toBe(false);
      expect(opened.trouble).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
