/**
 * Issue 18, points 2–4 in the UI, in both languages: a department manager's dashboard shows the
 * review-compliance chart with its table; an analyst's page shows charts and no customer name; the
 * administrator changes the review period on the settings screen and the auditor finds the change,
 * with its old and new value, in the journal.
 *
 * The archive (people, 12 filed dossiers of the manager's department) is prepared with the real
 * core, then opened in the built renderer with the real core behind the test bridge.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src-main/contract/messages';
import { bulkCreateDossiers, type BulkDossier } from '../../src-main/core/dossiers/bulk';
import { addPerson } from '../../src-main/core/people/service';
import { initArchive } from '../../src-main/core/vault/init';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { completeDossier, PEOPLE } from '../helpers/dossiers';
import { chromiumDriver } from './support/drivers';
import { settledShot } from './support/shots';
import { openFolder, signIn } from './support/session-steps';
import { E2E_LOCALES, launchOnPrepared, useDriver } from './support/driver-hooks';

const ADMIN = { login: 'admin', name: 'Admin Zhao 赵管理', password: 'admin-password-1' };
const AUDITOR = { login: 'shen.audit', name: 'Shen Auditor 沈审计', password: 'auditor-pass-1' };
const ANALYST = { login: 'qian.fx', name: 'Qian Analyst 钱分析', password: 'analyst-pass-1' };
const NAMES = Array.from({ length: 12 }, (_, i) => `图表测试客户${i}号有限公司`);

async function prepareArchive(folder: string, stateDir: string): Promise<void> {
  const options = { stateDir, kdfTargetMs: 1, workstation: 'e2e-setup' };
  const { session: admin } = await initArchive({ folder, adminLogin: ADMIN.login, adminName: ADMIN.name, adminPassword: ADMIN.password }, options);
  await addPerson(admin, { ...AUDITOR, department: 'audit', rank: 'staff', duties: ['auditor'] });
  await addPerson(admin, { ...ANALYST, department: 'marketing', rank: 'staff', duties: ['analyst'] });
  for (const p of [PEOPLE.collector, PEOPLE.manager, PEOPLE.deptManager]) await addPerson(admin, { ...p, duties: [...(p.duties ?? [])] });
  await admin.lock();
  const now = Date.now();
  const items: BulkDossier[] = NAMES.map((name, i) => {
    const base = completeDossier({ customerName: name });
    return {
      content: { ...base, classification: { ...base.classification!, grade: i < 8 ? 'A' : 'B' } },
      createdAt: new Date(now - 400 * 86_400_000).toISOString(),
      file: true,
      // Four overdue for review (six months ago), eight on time.
      reviewedAt: new Date(now - (i % 3 === 0 ? 180 : 20) * 86_400_000).toISOString(),
    };
  });
  const collector = await unlockArchive({ folder, login: PEOPLE.collector.login, password: PEOPLE.collector.password }, options);
  await bulkCreateDossiers(collector, items);
  await collector.lock();
}

async function switchTo(page: Page, who: { login: string; password: string }): Promise<void> {
  await page.getByTestId('lock-button').click();
  await signIn(page, who);
}

const shot = (page: Page, locale: Locale, name: string): Promise<void> => settledShot(page, `chromium-${locale}-analytics-${name}.png`);

const driver = chromiumDriver();

describe.skipIf(driver.unavailable !== null)(
  `charts, the analyst's page and settings (chromium${driver.unavailable ? ` — skipped: ${driver.unavailable}` : ''})`,
  () => {
    useDriver(driver, 300_000);

    for (const locale of E2E_LOCALES) {
      it(`a manager's chart with its table, an analyst's charts without names, a settings change in the journal (${locale})`, async () => {
        const { root, folder, app, page } = await launchOnPrepared(driver, locale, 'triplicate-e2e-analytics-', prepareArchive);
        try {
          await openFolder(page, folder);

          // The department manager: the compliance chart and, beside it, its table with the same numbers.
          await signIn(page, PEOPLE.deptManager);
          const chart = page.getByTestId('chart-review-compliance');
          await chart.waitFor({ timeout: 30_000 });
          await page.getByTestId('chart-review-compliance-chart').locator('svg').first().waitFor({ timeout: 30_000 });
          const table = page.getByTestId('chart-review-compliance-table');
          const rows = await table.locator('tbody tr.ant-table-row').allInnerTexts();
          // Grade A: 5 on time, 3 overdue (i = 0, 3, 6); grade B: 3 on time, 1 overdue (i = 9).
          expect(rows.map((r) => r.split(/\s+/).slice(-2).join(' '))).toEqual(['5 3', '3 1', '0 0']);
          expect(await page.getByTestId('chart-contact-cadence-nodata').count()).toBe(1);
          expect(await page.getByTestId('chart-incidents-marks').count()).toBe(0);
          await shot(page, locale, '01-manager-dashboard');

          // The analyst: the Analysis page draws charts, and no customer name appears anywhere.
          await switchTo(page, ANALYST);
          await page.getByTestId('nav-analytics').click();
          await page.getByTestId('screen-analytics').waitFor();
          await page.getByTestId('analytics-dossiers-grade-chart').locator('svg').first().waitFor({ timeout: 30_000 });
          await page.getByTestId('analytics-loans-month').waitFor();
          expect(await page.locator('.chart-card svg').count()).toBeGreaterThanOrEqual(3);
          const analystText = await page.evaluate(() => document.body.innerText);
          for (const name of NAMES) expect(analystText).not.toContain(name);
          expect(analystText).not.toContain('021-5555-0101');
          await shot(page, locale, '02-analyst');

          // The administrator sets the review period to 6 months.
          await switchTo(page, ADMIN);
          await page.getByTestId('nav-settings').click();
          await page.getByTestId('screen-settings').waitFor();
          await page.getByTestId('settings-review-period').fill('6');
          await page.getByTestId('settings-save').click();
          await page.locator('.ant-message-success').waitFor();
          await shot(page, locale, '03-settings');

          // The auditor finds the change with its old and new value.
          await switchTo(page, AUDITOR);
          await page.getByTestId('nav-journal').click();
          await page.getByTestId('screen-journal').waitFor();
          await page.locator('[data-testid="journal-filter-event"] input, input[data-testid="journal-filter-event"]').first().fill('settings.update');
          await page.getByTestId('journal-filter-apply').click();
          await expect.poll(() => page.locator('.vlist__row').count(), { timeout: 20_000 }).toBe(1);
          await page.locator('.vlist__row').first().click();
          await page.getByTestId('journal-details').waitFor();
          const details = await page.getByTestId('journal-details-json').innerText();
          expect(details.replace(/\s+/g, '')).toContain('"changes":{"reviewPeriodMonths":{"new":6,"old":3}}');
          await shot(page, locale, '04-journal');
        } finally {
          await app.close();
          rmSync(root, { recursive: true, force: true });
        }
      }, 600_000);
    }
  },
);
