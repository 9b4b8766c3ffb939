/**
 * Issue 15, point 4 end to end: the reader on a laptop fetches the revocation list from the
 * archive server with its own button. A package is open in the reader; the custodian revokes it at
 * a real `triplicate serve` on 127.0.0.1; the reader's "Update revocations from the archive server"
 * (address and fingerprint prefilled from the servers the laptop remembers) first meets a wrong
 * fingerprint — refused with the sentence that says so, nothing sent, the package still open — then
 * the right one: the list is kept, the open package closes, and it never opens again.
 *
 * The built renderer in Debian's Chromium, the reader's main process behind the test bridge, a
 * real encrypted archive served by the CLI; both languages.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { APP_STATE_FILE } from '../../src-main/app/app-state';
import { errorMessages, formatError, type Locale } from '../../src-main/contract/messages';
import * as offline from '../../src-main/core/offline';
import { RemoteClient } from '../../src-main/ipc/remote/client';
import { normaliseFingerprint } from '../../src-main/ipc/remote/protocol';
import { readerText } from '../../src-main/contract/texts/reader';
import { ADMIN } from '../helpers/archive';
import { makeDossierArchive, PEOPLE } from '../helpers/dossiers';
import { issuePackage } from '../helpers/offline-packages';
import { startServe, type ServeProcess } from '../helpers/serve-process';
import { installBridge } from './support/bridge';
import { CHROMIUM_PATH } from './support/drivers';
import { reportPageTrouble } from './support/page-trouble';
import { checkedShot } from './support/shots';
import { useChromiumAndRenderer } from './support/chromium-renderer';

const PASSPHRASE = 'laptop passphrase 2026';
const CUSTOMER = '苏州金鸡湖精密仪器有限公司';
const TEXT = { en: readerText.en, 'zh-CN': readerText.zhCN } as const;
const WRONG_FINGERPRINT = 'AB:'.repeat(31) + 'AB';

const shot = (page: Page, locale: Locale, name: string): Promise<void> => checkedShot(page, `reader-revocation-fetch-${locale}-${name}.png`, name);

/** The custodian at the office: signs in to the server and revokes the package's card there. */
async function revokeAtServer(serve: ServeProcess, card: string): Promise<void> {
  const client = await RemoteClient.connect({
    host: '127.0.0.1',
    port: serve.port,
    fingerprint: serve.fingerprint,
    locale: 'en',
    connectTimeoutMs: 10_000,
    callTimeoutMs: 60_000,
  });
  try {
    const signed = await client.signIn(PEOPLE.custodianS.login, PEOPLE.custodianS.password, 'office-desk');
    expect(signed.ok).toBe(true);
    const revoked = await client.call('offline:revoke', { card, reason: '借阅人笔记本电脑遗失' });
    expect(revoked).toMatchObject({ ok: true });
  } finally {
    await client.signOut().catch(() => undefined);
    await client.close();
  }
}

const available = existsSync(CHROMIUM_PATH);

describe.skipIf(!available)('the reader fetches the revocation list from the archive server (chromium)', () => {
  const env = useChromiumAndRenderer(300_000);

  for (const locale of (process.env.TRIPLICATE_E2E_LOCALES?.split(',') ?? ['zh-CN', 'en']) as Locale[]) {
    it(`an open package is revoked at the server, the reader's button fetches the list, the package closes and never opens again (${locale})`, async () => {
      const text = TEXT[locale];
      const archive = await makeDossierArchive();
      // The served archive runs on real time; the package is issued and read on it too.
      archive.clock.set(new Date());
      const laptop = mkdtempSync(join(tmpdir(), 'triplicate-e2e-fetch-laptop-'));
      const issued = await issuePackage(archive, { passphrase: PASSPHRASE, out: (card) => join(laptop, `${card}.tpkg`), basic: { customerName: CUSTOMER } });
      const { file } = issued;

      const serve = await startServe(archive.folder, ADMIN.login, ADMIN.password, { TRIPLICATE_STATE_DIR: archive.stateDir });
      const address = `127.0.0.1:${serve.port}`;
      // The laptop signed in to this server before (as a workstation): it remembers the address and the pin.
      const stateDir = join(laptop, 'state');
      mkdirSync(stateDir, { recursive: true });
      writeFileSync(
        join(stateDir, APP_STATE_FILE),
        JSON.stringify({ locale, recentArchives: [], recentServers: [{ address, fingerprint: serve.fingerprint, lastUsedAt: new Date().toISOString() }] }),
      );
      const origin = env.server().origin;
      const context = await env.browser().newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
      await context.route('**/*', (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort('blockedbyclient')));
      const page = await context.newPage();
      reportPageTrouble(page, `reader revocation fetch ${locale}`);
      const bridge = await installBridge(page, { origin, stateDir, locale, clock: archive.clock, openFile: () => file });
      env.server().useFirstScreenInfo(bridge.firstScreenInfo);
      try {
        await page.goto(`${origin}/index.html`);
        await page.getByTestId('welcome-open-package').click();
        await page.getByTestId('screen-reader').waitFor();
        await expect.poll(() => page.getByTestId('reader-package').textContent()).toContain(issued.number);
        await page.getByTestId('reader-passphrase').fill(PASSPHRASE);
        await page.getByTestId('reader-open').click();
        await page.getByTestId('reading-view').waitFor({ timeout: 30_000 });
        await expect.poll(() => page.getByTestId('reading-content').innerText()).toContain(CUSTOMER);

        // At the office, the custodian revokes the package; the laptop has not heard yet.
        await revokeAtServer(serve, issued.card);
        expect(bridge.reader.isOpen).toBe(true);

        // The button in the reading view; address and fingerprint come from the remembered server.
        await page.getByTestId('reading-fetch-revocations').click();
        await page.getByTestId('reader-fetch-server').waitFor();
        await expect.poll(() => page.getByTestId('reader-fetch-server').inputValue()).toBe(address);
        expect(await page.getByTestId('reader-fetch-fingerprint').inputValue()).toBe(serve.fingerprint);
        await shot(page, locale, 'form');

        // A wrong fingerprint: refused before anything is sent, in the person's language; still reading.
        await page.getByTestId('reader-fetch-fingerprint').fill(WRONG_FINGERPRINT);
        await page.getByTestId('reader-fetch-login').fill(PEOPLE.manager.login);
        await page.getByTestId('reader-fetch-password').fill(PEOPLE.manager.password);
        await page.getByTestId('reader-fetch-submit').click();
        const refused = formatError(
          { code: 'remote.certificateChanged', params: { address, actual: serve.fingerprint, expected: normaliseFingerprint(WRONG_FINGERPRINT) } },
          locale,
        );
        await expect.poll(() => page.getByTestId('reader-fetch-error').textContent(), { timeout: 30_000 }).toBe(refused);
        expect(await page.getByTestId('reader-fetch-password').inputValue()).toBe('');
        expect(bridge.reader.isOpen).toBe(true);
        expect(bridge.reader.lists()).toEqual([]);
        await shot(page, locale, 'wrong-fingerprint');

        // The right fingerprint: the list is kept, the open package closes, and the screen says why.
        await page.getByTestId('reader-fetch-fingerprint').fill(serve.fingerprint);
        await page.getByTestId('reader-fetch-password').fill(PEOPLE.manager.password);
        await page.getByTestId('reader-fetch-submit').click();
        await page.getByTestId('reader-closed').waitFor({ timeout: 30_000 });
        expect(await page.getByTestId('reader-closed').textContent()).toBe(text.closed.revoked);
        await expect.poll(() => page.getByTestId('reader-notice').textContent()).toBe(text.revocationsClosed);
        expect(await page.getByTestId('reading-view').count()).toBe(0);
        expect(await page.getByTestId('reader-fetch-server').count()).toBe(0);
        expect(bridge.reader.isOpen).toBe(false);
        expect(bridge.reader.lists()).toHaveLength(1);
        expect(bridge.reader.lists()[0]!.packages).toBeGreaterThanOrEqual(1);
        await expect.poll(() => page.getByTestId('reader-lists').textContent()).not.toBe(text.listsNone);
        // The package's own log says why it was closed; its key in the file is gone.
        const log = readFileSync(offline.logPathFor(file), 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as { outcome: string; reason: string | null });
        expect(log.at(-1)).toMatchObject({ outcome: 'denied', reason: 'offline.revoked' });
        expect(offline.describePackageFile(file).destroyed).toBe(true);
        await shot(page, locale, 'closed-revoked');

        // It never opens again, whatever the passphrase.
        await page.getByTestId('reader-passphrase').fill(PASSPHRASE);
        await page.getByTestId('reader-open').click();
        await expect.poll(() => page.getByTestId('error-message').textContent(), { timeout: 30_000 }).toBe(errorMessages[locale]['offline.destroyed']);
        expect(bridge.reader.isOpen).toBe(false);
      } finally {
        await bridge.close();
        await context.close();
        if (serve.child.exitCode === null) {
          serve.child.kill('SIGTERM');
          await serve.exited;
        }
        rmSync(laptop, { recursive: true, force: true });
        archive.cleanup();
      }
    }, 300_000);
  }
});
