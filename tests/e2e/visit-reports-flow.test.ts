/**
 * Issue 17 point 3 in the UI (seed 004 每日客户拜访表): a salesperson files the day's visits on the
 * Visit reports page; the supervisor (the key-account department manager) opens it under "To
 * comment", comments, and the report shows as commented for both. Built renderer, real core, real
 * encrypted archive; screenshots in both languages.
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
import { lock, openFolder, signIn } from './support/session-steps';
import { E2E_LOCALES, useDriver } from './support/driver-hooks';

const ADMIN = { login: 'admin', name: 'Admin Zhao 赵管理', password: 'admin-password-1' };
const SALES = { login: 'ma.yw', name: 'Ma Sales 马业务', password: 'sales-password-1' };
const SUPERVISOR = { login: 'wu.bz', name: 'Wu Head 吴部长', password: 'head-password-1' };

const shot = (page: Page, locale: Locale, name: string): Promise<void> => settledShot(page, `chromium-${locale}-visits-${name}.png`);

const driver = chromiumDriver();

describe.skipIf(driver.unavailable !== null)(`daily visit reports (chromium${driver.unavailable ? ` — skipped: ${driver.unavailable}` : ''})`, () => {
  useDriver(driver, 300_000);

  for (const locale of E2E_LOCALES) {
    it(`a salesperson files the day's visits and the supervisor comments on them (${locale})`, async () => {
      const root = mkdtempSync(join(tmpdir(), 'triplicate-e2e-visits-'));
      const folder = join(root, 'archive');
      const options = { stateDir: join(root, 'setup-state'), kdfTargetMs: 1, workstation: 'e2e-setup' };
      const { session } = await initArchive({ folder, adminLogin: ADMIN.login, adminName: ADMIN.name, adminPassword: ADMIN.password }, options);
      await addPerson(session, { ...SALES, department: 'key-accounts', rank: 'staff', duties: [] });
      await addPerson(session, { ...SUPERVISOR, department: 'key-accounts', rank: 'department-manager', duties: [] });
      await session.lock();
      const app: AppUnderTest | null = await driver.launch(join(root, 'state'), locale);
      const page = app.page;
      try {
        await openFolder(page, folder);

        // The salesperson files two visits.
        await signIn(page, SALES);
        await page.getByTestId('nav-visits').click();
        await page.getByTestId('visit-report-form').waitFor();
        await page.getByTestId('visit-0-customer').fill('上海华为电子科技有限公司');
        await page.getByTestId('visit-0-person').fill('李明');
        await page.getByTestId('visit-0-purpose').fill('续约洽谈');
        await page.getByTestId('visit-0-result').fill('同意下周报价');
        await page.getByTestId('visit-0-next').fill('周一发报价单');
        await page.getByTestId('visit-add').click();
        await page.getByTestId('visit-1-customer').fill('北京小米通讯技术有限公司');
        await page.getByTestId('visit-1-purpose').fill('新品介绍');
        await shot(page, locale, '01-form');
        await page.getByTestId('visit-file').click();
        const mine = page.getByTestId('visit-table-mine');
        await mine.locator('[data-testid^="visit-status-"]').first().waitFor({ timeout: 30_000 });
        const awaiting = locale === 'en' ? 'Awaiting comment' : '待批示';
        expect(await mine.locator('[data-testid^="visit-status-"]').first().innerText()).toContain(awaiting);
        await shot(page, locale, '02-filed');
        await lock(page);

        // The supervisor comments.
        await signIn(page, SUPERVISOR);
        await page.getByTestId('nav-visits').click();
        const toComment = page.getByTestId('visit-table-toComment');
        const open = toComment.locator('[data-testid^="visit-open-"]').first();
        await open.waitFor({ timeout: 30_000 });
        await open.click();
        await page.getByTestId('visit-report-modal').getByText('北京小米通讯技术有限公司', { exact: false }).waitFor();
        await page.getByTestId('visit-report-text').fill('报价前先确认库存，周三前给我看。');
        await shot(page, locale, '03-comment');
        await page.getByTestId('visit-report-save').click();
        await page.getByTestId('visit-report-modal').waitFor({ state: 'detached' });
        const commented = locale === 'en' ? 'Commented' : '已批示';
        await toComment.getByText(commented, { exact: false }).first().waitFor({ timeout: 30_000 });
        await shot(page, locale, '04-commented');
        await lock(page);

        // The salesperson sees the comment.
        await signIn(page, SALES);
        await page.getByTestId('nav-visits').click();
        await page.getByTestId('visit-table-mine').getByText(commented, { exact: false }).first().waitFor({ timeout: 30_000 });
        await page.getByTestId('visit-table-mine').locator('[data-testid^="visit-open-"]').first().click();
        await page.getByTestId('visit-report-comment').waitFor();
        expect(await page.getByTestId('visit-report-comment').innerText()).toContain('报价前先确认库存');
        await shot(page, locale, '05-seen');
      } finally {
        await app?.close();
        rmSync(root, { recursive: true, force: true });
      }
    }, 300_000);
  }
});
