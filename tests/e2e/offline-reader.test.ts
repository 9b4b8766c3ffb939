/**
 * Issue 15, the reader in the app end to end: a laptop with no archive opens an offline package
 * from the welcome screen — wrong passphrase refused with the file byte-identical; right
 * passphrase → the watermarked content (reader, card, copy); section views and a print in the
 * package's reading log; copying blocked; the view closes at the due time (the reader's clock is
 * moved; main closes the package and tells the window).
 *
 * The built renderer in Debian's Chromium, the reader's main process (app/reader-host.ts) behind
 * the test bridge, a real encrypted archive to issue the package from; both languages.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { APP_STATE_FILE } from '../../src-main/app/app-state';
import { errorMessages, type Locale } from '../../src-main/contract/messages';
import * as offline from '../../src-main/core/offline';
import { readerText } from '../../src-main/contract/texts/reader';
import { makeDossierArchive, PEOPLE } from '../helpers/dossiers';
import { issuePackage } from '../helpers/offline-packages';
import { installBridge } from './support/bridge';
import { CHROMIUM_PATH } from './support/drivers';
import { reportPageTrouble } from './support/page-trouble';
import { checkedShot } from './support/shots';
import { useChromiumAndRenderer } from './support/chromium-renderer';

const PASSPHRASE = 'laptop passphrase 2026';
const CUSTOMER = '杭州西湖茶叶贸易有限公司';
const TEXT = { en: readerText.en, 'zh-CN': readerText.zhCN } as const;

const shot = (page: Page, locale: Locale, name: string): Promise<void> => checkedShot(page, `offline-reader-${locale}-${name}.png`, name);

interface LogLine {
  action?: string;
  outcome: string;
  sections: string[];
  reason: string | null;
}
const logOf = (file: string): LogLine[] =>
  existsSync(offline.logPathFor(file))
    ? readFileSync(offline.logPathFor(file), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as LogLine)
    : [];

const available = existsSync(CHROMIUM_PATH);

describe.skipIf(!available)('the offline reader in the app (chromium)', () => {
  const env = useChromiumAndRenderer(300_000);

  for (const locale of (process.env.TRIPLICATE_E2E_LOCALES?.split(',') ?? ['zh-CN', 'en']) as Locale[]) {
    it(`opens a package with no archive: passphrase, watermark, logged views and print, copy blocked, closed at the due time (${locale})`, async () => {
      const text = TEXT[locale];
      // The archive issues the package; the "laptop" below never sees the archive.
      const archive = await makeDossierArchive();
      archive.clock.set(new Date());
      const laptop = mkdtempSync(join(tmpdir(), 'triplicate-e2e-laptop-'));
      const issued = await issuePackage(archive, {
        passphrase: PASSPHRASE,
        out: (card) => join(laptop, `${card}.tpkg`),
        basic: { customerName: CUSTOMER, phone: '0571-8888-1234' },
      });
      const { file } = issued;

      // A laptop with no archive remembered: the window opens on the welcome screen.
      const stateDir = join(laptop, 'state');
      mkdirSync(stateDir, { recursive: true });
      writeFileSync(join(stateDir, APP_STATE_FILE), JSON.stringify({ locale, recentArchives: [] }));
      const origin = env.server().origin;
      const context = await env.browser().newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
      await context.route('**/*', (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort('blockedbyclient')));
      const page = await context.newPage();
      reportPageTrouble(page, `offline reader ${locale}`);
      const bridge = await installBridge(page, { origin, stateDir, locale, clock: archive.clock, openFile: () => file });
      env.server().useFirstScreenInfo(bridge.firstScreenInfo);
      try {
        await page.goto(`${origin}/index.html`);
        await page.getByTestId('screen-welcome').waitFor();
        await shot(page, locale, 'welcome');
        await page.getByTestId('welcome-open-package').click();
        await page.getByTestId('screen-reader').waitFor();
        await expect.poll(() => page.getByTestId('reader-package').textContent()).toContain(issued.number);
        expect(await page.getByTestId('reader-copies').textContent()).toBe(text.copies);
        await shot(page, locale, 'passphrase');

        // Wrong passphrase: refused in the person's language, the package and its log untouched.
        const before = readFileSync(file);
        await page.getByTestId('reader-passphrase').fill('not the passphrase at all');
        await page.getByTestId('reader-open').click();
        await expect
          .poll(() => page.getByTestId('error-message').textContent(), { timeout: 30_000 })
          .toContain(errorMessages[locale]['offline.wrongPassphrase']);
        expect(readFileSync(file).equals(before)).toBe(true);
        expect(existsSync(offline.logPathFor(file))).toBe(false);
        await shot(page, locale, 'wrong-passphrase');

        // Right passphrase: the reading view, watermarked with reader, card and copy.
        await page.getByTestId('reader-passphrase').fill(PASSPHRASE);
        await page.getByTestId('reader-open').click();
        await page.getByTestId('reading-view').waitFor({ timeout: 30_000 });
        await expect.poll(() => page.getByTestId('reading-content').innerText()).toContain(CUSTOMER);
        expect(await page.getByTestId('reading-content').innerText()).toContain('0571-8888-1234');
        const mark = (await page.getByTestId('reading-watermark').getAttribute('data-text'))!;
        expect(mark).toContain(PEOPLE.manager.name);
        expect(mark).toContain(issued.card);
        expect(mark).toContain(`${issued.number}-S`);
        expect(await page.getByTestId('reading-title').textContent()).toContain(CUSTOMER);
        await shot(page, locale, 'reading');

        await page.getByTestId('reading-tab-keyPersons').click();
        await expect.poll(() => page.getByTestId('reading-content').innerText()).toContain('李明');

        // Copying is blocked, with the sentence in the person's language.
        const prevented = await page
          .getByTestId('reading-content')
          .evaluate((el) => !el.dispatchEvent(new ClipboardEvent('copy', { bubbles: true, cancelable: true })));
        expect(prevented).toBe(true);
        await expect.poll(() => page.getByTestId('reading-notice').textContent()).toBe(text.copyBlocked);

        // Printing goes through main first (logged), then the print dialog.
        await page.evaluate(() => {
          (window as unknown as { __printed: number }).__printed = 0;
          window.print = () => {
            (window as unknown as { __printed: number }).__printed++;
          };
        });
        await page.getByTestId('reading-print').click();
        await expect.poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);

        const lines = logOf(file);
        expect(lines.map((l) => [l.action, l.outcome, l.sections])).toEqual([
          ['open', 'ok', []],
          ['view', 'ok', ['basic']],
          ['view', 'ok', ['keyPersons']],
          ['print', 'ok', ['keyPersons']],
        ]);
        // Nothing decrypted was written anywhere beside the package.
        expect(readFileSync(offline.logPathFor(file), 'utf8')).not.toContain('李明');
        expect(readFileSync(file).equals(before)).toBe(true);

        // The due time passes on the reader's clock: main closes the package, the view goes.
        archive.clock.set(new Date(new Date(issued.dueAt).getTime() + 60_000));
        await page.getByTestId('reader-closed').waitFor({ timeout: 15_000 });
        expect(await page.getByTestId('reader-closed').textContent()).toBe(text.closed.due);
        expect(await page.getByTestId('reading-view').count()).toBe(0);
        expect(bridge.reader.isOpen).toBe(false);
        await shot(page, locale, 'closed-due');

        // Opening again after the due time is refused, and the refusal is in the log.
        await page.getByTestId('reader-passphrase').fill(PASSPHRASE);
        await page.getByTestId('reader-open').click();
        await expect
          .poll(() => page.getByTestId('error-message').textContent(), { timeout: 30_000 })
          .toContain(errorMessages[locale]['offline.expired'].slice(0, 8));
        expect(logOf(file).at(-1)).toMatchObject({ action: 'open', outcome: 'denied', reason: 'offline.expired' });
      } finally {
        await bridge.close();
        await context.close();
        archive.cleanup();
      }
    }, 300_000);
  }
});
