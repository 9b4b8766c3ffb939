/**
 * Issue 18 point 1 in the UI, in both languages: a salesperson reports a lead on the one template
 * (大客户信息记录表) — refused first without the third party's contact (不予接收) — a colleague's
 * later report of the same credit code counts for the first reporter only, the key-account
 * department checks the lead valid, the published list shows both reporters' tallies, and the lead
 * becomes a project and then a dossier through the ordinary dossier creation.
 *
 * The archive (people only) is prepared with the real core, then opened in the built renderer with
 * the real core behind the test bridge; the dossier is checked afterwards with the core.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { errorMessages, type Locale } from '../../src-main/contract/messages';
import { addDays, dayIn, publicationPeriod } from '../../src-main/core/leads/calendar';
import { addPerson } from '../../src-main/core/people/service';
import { initArchive } from '../../src-main/core/vault/init';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { leadsText } from '../../src-main/contract/texts/leads';
import { PEOPLE } from '../helpers/dossiers';
import { clickInDialog, dialogsSettled } from './support/dialogs';
import { chromiumDriver } from './support/drivers';
import { settledShot } from './support/shots';
import { openFolder, signIn } from './support/session-steps';
import { E2E_LOCALES, launchOnPrepared, useDriver } from './support/driver-hooks';

const ADMIN = { login: 'admin', name: 'Admin Zhao 赵管理', password: 'admin-password-1' };
/** The salesperson who reports first, a colleague who reports the same customer later, and the key-account checker. */
const FIRST = PEOPLE.staff;
const LATER = PEOPLE.otherManager;
const CHECKER = PEOPLE.manager;
const CREDIT_CODE = '91340100MA2N0XYZ7K';
const CUSTOMER = '合肥恒通出租汽车有限公司';

async function prepareArchive(folder: string, stateDir: string): Promise<void> {
  const options = { stateDir, kdfTargetMs: 1, workstation: 'e2e-setup' };
  const { session: admin } = await initArchive({ folder, adminLogin: ADMIN.login, adminName: ADMIN.name, adminPassword: ADMIN.password }, options);
  for (const p of Object.values(PEOPLE)) await addPerson(admin, { ...p, duties: [...(p.duties ?? [])] });
  await admin.lock();
}

/** The publication (10th, 20th or 30th) whose period holds today in the archive's zone. */
function nextPublication(): string {
  let day = dayIn(new Date(), 'Asia/Shanghai');
  while (publicationPeriod(day).publishedOn !== day) day = addDays(day, 1);
  return day;
}

async function switchTo(page: Page, who: { login: string; password: string }): Promise<void> {
  await page.getByTestId('lock-button').click();
  await signIn(page, who);
}

async function openLeads(page: Page): Promise<void> {
  await page.getByTestId('nav-leads').click();
  await page.getByTestId('screen-leads').waitFor();
}

/** Fills the template; the contact is left out when `contact` is false. */
async function fillLead(page: Page, lead: { customer: string; quantity: number; contact: boolean }): Promise<void> {
  await clickInDialog(page.getByTestId('lead-customer'));
  await page.getByTestId('lead-customer').fill(lead.customer);
  await page.getByTestId('lead-credit-code').fill(CREDIT_CODE.toLowerCase());
  await page.getByTestId('lead-need').fill('出租车更新换代，采购新能源车');
  await page.getByTestId('lead-quantity').fill(String(lead.quantity));
  if (lead.contact) {
    await page.getByTestId('lead-contact').fill('周联系');
    await page.getByTestId('lead-contact-details').fill('0551-6555-0101');
  }
}

async function submitLead(page: Page): Promise<void> {
  await clickInDialog(page.getByTestId('lead-submit'));
}

/** The state tag of the only row of `table` whose text contains `customer`. */
function stateOf(page: Page, table: string, customer: string) {
  return page.getByTestId(table).locator('tbody tr.ant-table-row', { hasText: customer }).getByTestId('lead-state');
}

const shot = (page: Page, locale: Locale, name: string): Promise<void> => settledShot(page, `chromium-${locale}-leads-${name}.png`);

const driver = chromiumDriver();

describe.skipIf(driver.unavailable !== null)(
  `lead intake, first reporter, check, publication, project and dossier (chromium${driver.unavailable ? ` — skipped: ${driver.unavailable}` : ''})`,
  () => {
    useDriver(driver, 300_000);

    for (const locale of E2E_LOCALES) {
      it(`a salesperson's lead is checked valid, published, and becomes a project and a dossier; a later report of it does not count (${locale})`, async () => {
        const text = leadsText[locale === 'en' ? 'en' : 'zhCN'];
        const { root, folder, app, page } = await launchOnPrepared(driver, locale, 'triplicate-e2e-leads-', prepareArchive);
        try {
          await openFolder(page, folder);

          // The salesperson's report without the third party's contact is not accepted (不予接收).
          await signIn(page, FIRST);
          await openLeads(page);
          await page.getByTestId('lead-report').click();
          await fillLead(page, { customer: CUSTOMER, quantity: 12, contact: false });
          await submitLead(page);
          await expect
            .poll(() => page.locator('.ant-modal').getByTestId('error-message').innerText(), { timeout: 20_000 })
            .toContain(errorMessages[locale]['lead.contactMissing']);
          await shot(page, locale, '01-contact-missing');
          // With the contact it is received and waits for the key-account department's check.
          await page.getByTestId('lead-contact').fill('周联系');
          await page.getByTestId('lead-contact-details').fill('0551-6555-0101');
          await submitLead(page);
          await page.locator('.ant-modal').waitFor({ state: 'detached', timeout: 20_000 });
          await expect.poll(() => stateOf(page, 'leads-mine', CUSTOMER).innerText(), { timeout: 20_000 }).toBe(text.state.pending);
          await expect.poll(() => page.getByTestId('leads-mine').locator('tbody tr.ant-table-row').count()).toBe(1);
          await shot(page, locale, '02-reported');

          // A colleague reports the same customer later (same credit code, another spelling): first reporter wins.
          await switchTo(page, LATER);
          await openLeads(page);
          await page.getByTestId('lead-report').click();
          await fillLead(page, { customer: `${CUSTOMER}（城区）`, quantity: 30, contact: true });
          await submitLead(page);
          await page.locator('.ant-modal').waitFor({ state: 'detached', timeout: 20_000 });
          await expect.poll(() => stateOf(page, 'leads-mine', `${CUSTOMER}（城区）`).innerText(), { timeout: 20_000 }).toBe(text.state.duplicate);
          await shot(page, locale, '03-duplicate');

          // The key-account department checks the first report valid (the expiry date defaults from the settings).
          await switchTo(page, CHECKER);
          await openLeads(page);
          await expect.poll(() => page.getByTestId('leads-table').locator('tbody tr.ant-table-row').count(), { timeout: 20_000 }).toBe(2);
          const firstRow = page.getByTestId('leads-table').locator('tbody tr.ant-table-row', { hasText: FIRST.login });
          await firstRow.getByTestId('lead-valid').click();
          await dialogsSettled(page);
          await clickInDialog(page.locator('.ant-modal .ant-btn-primary').last());
          await expect.poll(() => stateOf(page, 'leads-table', FIRST.login).innerText(), { timeout: 20_000 }).toBe(text.state.valid);
          await shot(page, locale, '04-checked');

          // The published list of the period holding today: the first reporter's lead counts, the later one is not counted.
          await page.getByRole('tab', { name: text.tabs.publication, exact: true }).click();
          const picker = page.getByTestId('screen-leads').locator('.ant-picker input');
          await picker.click();
          await picker.fill(nextPublication());
          await picker.press('Enter');
          const publication = page.getByTestId('lead-publication');
          const cells = async (who: string) =>
            (
              await publication
                .locator('tbody tr', { hasText: `(${who})` })
                .locator('td')
                .allInnerTexts()
            )
              .slice(1)
              .map((c) => c.trim());
          // department, reported, not counted, waiting, valid, invalid
          await expect.poll(() => cells(FIRST.login), { timeout: 20_000 }).toEqual(['sales', '1', '0', '0', '1', '0']);
          expect(await cells(LATER.login)).toEqual(['sales', '1', '1', '0', '0', '0']);
          await shot(page, locale, '05-publication');

          // The valid lead becomes a project, then (intent to cooperate) a dossier.
          await page.getByRole('tab', { name: text.tabs.list, exact: true }).click();
          const row = page.getByTestId('leads-table').locator('tbody tr.ant-table-row', { hasText: FIRST.login });
          await row.getByTestId('lead-project').click();
          await expect.poll(() => stateOf(page, 'leads-table', FIRST.login).innerText(), { timeout: 20_000 }).toBe(text.state.project);
          await row.getByTestId('lead-dossier').click();
          await expect.poll(() => stateOf(page, 'leads-table', FIRST.login).innerText(), { timeout: 20_000 }).toBe(text.state.dossier);
          await shot(page, locale, '06-dossier');
        } finally {
          await app.close();
        }
        try {
          // The dossier exists, made by the checker through dossier.create, and the lead links it.
          const core = await unlockArchive(
            { folder, login: CHECKER.login, password: CHECKER.password },
            { stateDir: join(root, 'check-state'), kdfTargetMs: 1 },
          );
          try {
            const db = core.archive.db;
            const lead = db.prepare(`SELECT state, dossier_number AS number FROM leads WHERE customer_name = ?`).get(CUSTOMER) as {
              state: string;
              number: string;
            };
            expect(lead.state).toBe('dossier');
            const dossier = db.prepare(`SELECT customer_name AS name FROM dossiers WHERE archive_number = ?`).get(lead.number) as { name: string } | undefined;
            expect(dossier?.name).toBe(CUSTOMER);
            const later = db.prepare(`SELECT state FROM leads WHERE customer_name = ?`).get(`${CUSTOMER}（城区）`) as { state: string };
            expect(later.state).toBe('duplicate');
          } finally {
            await core.lock();
          }
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      }, 600_000);
    }
  },
);
