/**
 * Issue 17 point 6 end to end, in both languages: a collector records a complaint from the
 * dossier's Surveys & complaints tab; an hour later (the core's clock is moved past 首小时响应)
 * the owner sees it flagged overdue on the Customer care page, responds, and the flag goes.
 *
 * The built renderer in Debian's Chromium with the real core behind the test bridge and a real
 * encrypted archive; screenshots in both languages.
 */
import { existsSync } from 'node:fs';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src-main/contract/messages';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import { relationsText } from '../../src-main/contract/texts/relations';
import { completeDossier, makeDossierArchive, PEOPLE } from '../helpers/dossiers';
import { CHROMIUM_PATH } from './support/drivers';
import { checkedShot } from './support/shots';
import { signIn } from './support/session-steps';
import { openOnArchive, useChromiumAndRenderer } from './support/chromium-renderer';

const TEXT = { en: relationsText.en, 'zh-CN': relationsText.zhCN } as const;

const shot = (page: Page, locale: Locale, name: string): Promise<void> => checkedShot(page, `relations-${locale}-${name}.png`, name);

const available = existsSync(CHROMIUM_PATH);

describe.skipIf(!available)('complaints UI (chromium)', () => {
  const env = useChromiumAndRenderer(300_000);

  for (const locale of (process.env.TRIPLICATE_E2E_LOCALES?.split(',') ?? ['zh-CN', 'en']) as Locale[]) {
    it(`a complaint recorded on a dossier is flagged overdue after its first hour, and the flag goes once answered (${locale})`, async () => {
      const text = TEXT[locale];
      const archive = await makeDossierArchive();
      archive.clock.set(new Date());
      const collector = await archive.unlock(PEOPLE.collector.login, PEOPLE.collector.password);
      const { number } = await createDossier(collector, completeDossier({ customerName: '上海华为电子科技有限公司' }));
      await fileDossier(collector, { number });
      await collector.lock();
      const { page, bridge, origin, context } = await openOnArchive(env, { archive, locale, name: 'relations', height: 900 });
      try {
        await page.goto(`${origin}/index.html`);
        // 1. The collector (customer service) records the complaint on the dossier.
        await signIn(page, PEOPLE.collector);
        await page.getByTestId('nav-dossiers').click();
        await page.getByTestId('screen-catalogue').waitFor();
        await page.getByTestId('catalogue-search').fill(number);
        await expect.poll(() => page.getByTestId('catalogue-row').count(), { timeout: 15_000 }).toBe(1);
        await page.getByTestId('catalogue-row').first().click();
        await page.getByTestId('detail-tab-relations').click();
        await page.getByTestId('dossier-relations').waitFor();
        await page.getByTestId('relations-record-complaint').click();
        await page.getByTestId('complaint-subject').fill('交货延迟');
        await page.getByTestId('complaint-content').fill('第三批货物晚到五天，客户要求说明原因。');
        await page.getByTestId('relation-form-ok').click();
        await expect.poll(() => page.getByTestId('complaints-table').innerText(), { timeout: 15_000 }).toContain('交货延迟');
        expect(await page.getByTestId('complaint-overdue').count()).toBe(0);
        expect(await page.getByTestId('complaints-table').innerText()).toContain(text.states.received);
        await shot(page, locale, '01-complaint-recorded');
        await page.getByTestId('lock-button').click();

        // 2. An hour and a minute later the owner (the responsible account manager) sees it overdue.
        archive.clock.advance(61 * 60_000);
        await signIn(page, PEOPLE.manager);
        await page.getByTestId('nav-relations').click();
        await page.getByTestId('screen-relations').waitFor();
        await page.getByTestId('complaint-overdue').waitFor({ timeout: 15_000 });
        expect(await page.getByTestId('complaint-overdue').innerText()).toBe(text.overdue);
        expect(await page.getByTestId('complaints-table').innerText()).toContain(number);
        await shot(page, locale, '02-complaint-overdue');

        // 3. The response clears the flag; the late first response stays marked late.
        await page.locator('[data-testid^="complaint-respond-"]').first().click();
        await page.getByTestId('complaint-step-text').fill('已致电客户说明情况。');
        await page.getByTestId('complaint-step-ok').click();
        await expect.poll(() => page.getByTestId('complaints-table').innerText(), { timeout: 15_000 }).toContain(text.states.responded);
        expect(await page.getByTestId('complaint-overdue').count()).toBe(0);
        expect(await page.getByTestId('complaints-table').innerText()).toContain(text.late);
        await shot(page, locale, '03-complaint-responded');
      } finally {
        await bridge.close();
        await context.close();
        archive.cleanup();
      }
    }, 300_000);
  }
});
