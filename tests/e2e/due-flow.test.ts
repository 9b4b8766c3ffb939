/**
 * Issue 17 in the UI: an account manager finds a due contact and a due birthday callback for the
 * same key person under "My due work" on the dashboard (seed 004: 核心大客户主要负责人每周沟通1-2次;
 * 生日或寿辰的前10天回访), records the contact from the list, and both leave it. Their department
 * manager sees the cadence per account manager. Built renderer, real core, real encrypted archive,
 * the system clock; screenshots in both languages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src-main/contract/messages';
import { dateIn } from '../../src-main/core/due/calendar-dates';
import { createDossier } from '../../src-main/core/dossiers/service';
import { addPerson } from '../../src-main/core/people/service';
import { initArchive } from '../../src-main/core/vault/init';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { completeDossier, PEOPLE } from '../helpers/dossiers';
import { chromiumDriver, type AppUnderTest } from './support/drivers';
import { checkedShot } from './support/shots';
import { openFolder, signIn } from './support/session-steps';
import { E2E_LOCALES, useDriver } from './support/driver-hooks';

const ADMIN = { login: 'admin', name: '系统管理员', password: 'admin-password-1' };
const DAY = 86_400_000;

const shot = (page: Page, locale: Locale, name: string): Promise<void> => checkedShot(page, `chromium-${locale}-due-${name}.png`, name);

/** The people, and a customer of the account manager whose core principal's birthday is 15 days away. */
async function makeArchive(folder: string, stateDir: string): Promise<void> {
  const options = { stateDir, kdfTargetMs: 1, workstation: 'e2e-setup' };
  const { session } = await initArchive({ folder, adminLogin: ADMIN.login, adminName: ADMIN.name, adminPassword: ADMIN.password }, options);
  for (const p of Object.values(PEOPLE)) await addPerson(session, { ...p, duties: [...(p.duties ?? [])] });
  await session.lock();
  const manager = await unlockArchive({ folder, login: PEOPLE.manager.login, password: PEOPLE.manager.password }, options);
  const birthday = dateIn(new Date(Date.now() + 15 * DAY), 'Asia/Shanghai');
  const dossier = completeDossier();
  dossier.keyPersons = [
    { name: '李明', title: '总经理', contactClass: 'core', birthday: `1972-${birthday.slice(5)}` },
    { name: '王芳', title: '前台' },
  ];
  await createDossier(manager, dossier);
  await manager.lock();
}

const driver = chromiumDriver();

describe.skipIf(driver.unavailable !== null)(`due list (chromium${driver.unavailable ? ` — skipped: ${driver.unavailable}` : ''})`, () => {
  useDriver(driver, 300_000);

  for (const locale of E2E_LOCALES) {
    it(`an account manager records the contact a due contact and a due birthday callback ask for; both leave the list (${locale})`, async () => {
      const en = locale === 'en';
      const root = mkdtempSync(join(tmpdir(), 'triplicate-e2e-due-'));
      const folder = join(root, 'archive');
      await makeArchive(folder, join(root, 'setup-state'));
      const app: AppUnderTest | null = await driver.launch(join(root, 'state'), locale);
      const page = app.page;
      try {
        await openFolder(page, folder);

        await signIn(page, PEOPLE.manager);
        const card = page.getByTestId('dashboard-due');
        // The manager's other due work (this year's plan, surveys: other sources) stays out of this test.
        const mine = card.locator('[data-testid="dashboard-due-row"][data-kind="callback"], [data-testid="dashboard-due-row"][data-kind="contact"]');
        await expect.poll(() => mine.count(), { timeout: 30_000 }).toBe(2);
        expect((await mine.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).sort()).toEqual(['callback', 'contact']);
        const kinds = await mine.getByTestId('dashboard-due-kind').allInnerTexts();
        expect(kinds.sort()).toEqual(en ? ['Callback', 'Contact'] : ['回访', '客户沟通'].sort());
        expect(await mine.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('李明')]));
        expect(await card.innerText()).not.toContain('王芳');
        await shot(page, locale, '01-dashboard');

        // Record the birthday callback's contact from the list.
        await card.locator('[data-kind="callback"]').getByTestId('dashboard-due-record').click();
        await page.getByTestId('due-record-form').waitFor();
        await page.getByTestId('due-record-date').fill(dateIn(new Date(), 'Asia/Shanghai'));
        await page.getByTestId('due-record-topic').fill(en ? 'Birthday greetings' : '生日问候');
        await page.getByTestId('due-record-result').fill(en ? 'Invited to the spring meeting' : '邀请参加春季交流会');
        await shot(page, locale, '02-record');
        await page.getByTestId('due-record-save').click();
        await page.getByTestId('due-record-form').waitFor({ state: 'detached', timeout: 30_000 });
        await expect.poll(() => mine.count(), { timeout: 30_000 }).toBe(0);
        expect(await card.innerText()).not.toContain('李明');
        await shot(page, locale, '03-done');

        // The department manager: the cadence of their account managers.
        await page.getByTestId('lock-button').click();
        await signIn(page, PEOPLE.deptManager);
        const compliance = page.getByTestId('dashboard-compliance');
        await compliance.waitFor({ timeout: 30_000 });
        await expect.poll(() => compliance.innerText(), { timeout: 30_000 }).toContain(PEOPLE.manager.name);
        expect(await compliance.innerText()).toContain(en ? 'Core principal' : '核心主要负责人');
        await shot(page, locale, '04-compliance');
      } finally {
        await app?.close();
        rmSync(root, { recursive: true, force: true });
      }
    }, 300_000);
  }
});
