/**
 * Issue 11, point 5 in the UI: the administrator requests a reset on the people screen (no
 * password in it), the general manager approves it on the dashboard and sees the one-time code
 * once, and the auditor unlocks with it, sets a new password on the unlock screen and is told who
 * reset it. Built renderer, real core, real encrypted archive; screenshots in both languages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src-main/contract/messages';
import { addPerson } from '../../src-main/core/people/service';
import { initArchive } from '../../src-main/core/vault/init';
import { chromiumDriver, type AppUnderTest } from './support/drivers';
import { settledShot } from './support/shots';
import { lock, openFolder } from './support/session-steps';
import { E2E_LOCALES, useDriver } from './support/driver-hooks';

const ADMIN = { login: 'admin', name: 'Admin Zhao 赵管理', password: 'admin-password-1' };
const AUDITOR = { login: 'shen.audit', name: 'Shen Auditor 沈审计', password: 'auditor-pass-1' };
const GM = { login: 'sun.gm', name: 'Sun GM 孙总', password: 'general-pass-1' };

const shot = (page: Page, locale: Locale, name: string): Promise<void> => settledShot(page, `chromium-${locale}-reset-${name}.png`);

/** Submits the unlock form; the caller waits for what follows (the main screen, or the new-password step). */
async function signIn(page: Page, who: { login: string; password: string }): Promise<void> {
  await page.getByTestId('screen-unlock').waitFor();
  await page.getByTestId('unlock-login').fill(who.login);
  await page.getByTestId('unlock-password').fill(who.password);
  await page.getByTestId('unlock-submit').click();
}

const driver = chromiumDriver();

describe.skipIf(driver.unavailable !== null)(
  `password reset with a second person (chromium${driver.unavailable ? ` — skipped: ${driver.unavailable}` : ''})`,
  () => {
    useDriver(driver, 300_000);

    for (const locale of E2E_LOCALES) {
      it(`request, approval with the code shown once, and the owner's new password at unlock (${locale})`, async () => {
        const root = mkdtempSync(join(tmpdir(), 'triplicate-e2e-reset-'));
        const folder = join(root, 'archive');
        const options = { stateDir: join(root, 'setup-state'), kdfTargetMs: 1, workstation: 'e2e-setup' };
        const { session } = await initArchive({ folder, adminLogin: ADMIN.login, adminName: ADMIN.name, adminPassword: ADMIN.password }, options);
        await addPerson(session, { ...AUDITOR, department: 'audit', rank: 'staff', duties: ['auditor'] });
        await addPerson(session, { ...GM, department: 'key-accounts', rank: 'general-manager', duties: [] });
        await session.lock();
        const app: AppUnderTest | null = await driver.launch(join(root, 'state'), locale);
        const page = app.page;
        try {
          await openFolder(page, folder);

          // The administrator asks; the dialog holds no password field and names who may approve.
          await signIn(page, ADMIN);
          await page.getByTestId('screen-main').waitFor({ timeout: 30_000 });
          await page.getByTestId('nav-people').click();
          await page.getByTestId(`person-reset-${AUDITOR.login}`).click();
          expect(await page.getByTestId('person-password').count()).toBe(0);
          await shot(page, locale, '01-request');
          await page.getByTestId('person-submit').click();
          await page.getByTestId('reset-requested').waitFor();
          expect(await page.getByTestId('reset-requested').innerText()).toContain(GM.name);
          await shot(page, locale, '02-requested');
          await page.getByTestId('person-submit').click();
          await lock(page);

          // The general manager approves on the dashboard and sees the code once.
          await signIn(page, GM);
          await page.getByTestId('pending-resets').waitFor({ timeout: 30_000 });
          await page.getByTestId(`reset-approve-${AUDITOR.login}`).click();
          await page.getByTestId('confirm-ok').click();
          await page.getByTestId('reset-code').waitFor();
          const code = (await page.getByTestId('reset-code').innerText()).trim();
          expect(code).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
          await shot(page, locale, '03-code');
          await page.getByTestId('reset-code-close').click();
          await page.getByTestId('reset-code').waitFor({ state: 'detached' });
          await lock(page);

          // The auditor: the code alone opens nothing; the new password does, with the notice.
          await signIn(page, { login: AUDITOR.login, password: code });
          await page.getByTestId('unlock-new-password').waitFor({ timeout: 30_000 });
          await shot(page, locale, '04-new-password');
          await page.getByTestId('unlock-new-password').fill('auditor-own-new-1');
          await page.getByTestId('unlock-new-password-confirm').fill('auditor-own-new-1');
          await page.getByTestId('unlock-reset-submit').click();
          await page.getByTestId('unlock-reset-notice').waitFor({ timeout: 30_000 });
          const notice = await page.getByTestId('unlock-reset-notice').innerText();
          expect(notice).toContain(ADMIN.name);
          expect(notice).toContain(GM.name);
          await shot(page, locale, '05-notice');
          await page.getByTestId('unlock-reset-continue').click();
          await page.getByTestId('screen-main').waitFor({ timeout: 30_000 });
          await lock(page);
          await signIn(page, { login: AUDITOR.login, password: 'auditor-own-new-1' });
          await page.getByTestId('screen-main').waitFor({ timeout: 30_000 });
        } finally {
          await app?.close();
          rmSync(root, { recursive: true, force: true });
        }
      }, 300_000);
    }
  },
);
