/**
 * Issue 17 point 4 end to end, in both languages (seed 000 第十条、第十一条): the responsible account
 * manager writes this year's maintenance plan in its five parts on the dossier's Plans tab and
 * files it; a change to the filed plan waits for the marketing department manager (调整权由市场部
 * 经理掌握), who approves it on the Plans page; marketing's information keeper (交市场部信息管理员
 * 归档) then sees the filed plan with the change in it.
 *
 * The built renderer in Debian's Chromium with the real core behind the test bridge and a real
 * encrypted archive; screenshots in both languages.
 */
import { existsSync } from 'node:fs';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src-main/contract/messages';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import type { TestPerson } from '../helpers/archive';
import { completeDossier, makeDossierArchive, PEOPLE } from '../helpers/dossiers';
import { CHROMIUM_PATH } from './support/drivers';
import { checkedShot } from './support/shots';
import { lock, signIn } from './support/session-steps';
import { openOnArchive, useChromiumAndRenderer } from './support/chromium-renderer';

const MARKETING_MANAGER: TestPerson = {
  login: 'gao.sc',
  name: '高市场经理',
  department: 'marketing',
  rank: 'department-manager',
  password: 'gao.sc-password-1',
};
const PARTS = {
  summary: '巩固合作，扩大份额',
  profile: '电子制造龙头；关键人物李明（采购总监）；优势：规模，劣势：账期长',
  competition: '对手甲报价低，服务弱',
  assessment: '合作三年，关系稳定',
  actions: '每季度拜访一次，年底前签订续约',
} as const;
const CHANGED_ACTIONS = '每月拜访一次，九月前签订续约';

const shot = (page: Page, locale: Locale, name: string): Promise<void> => checkedShot(page, `plans-${locale}-${name}.png`, name);

const available = existsSync(CHROMIUM_PATH);

describe.skipIf(!available)('yearly maintenance plans UI (chromium)', () => {
  const env = useChromiumAndRenderer(600_000);

  for (const locale of (process.env.TRIPLICATE_E2E_LOCALES?.split(',') ?? ['zh-CN', 'en']) as Locale[]) {
    it(`the account manager files a plan, its change waits for the marketing manager, marketing's keeper sees it (${locale})`, async () => {
      const archive = await makeDossierArchive();
      await archive.addPerson(MARKETING_MANAGER);
      archive.clock.set(new Date());
      const year = new Date().getFullYear();
      const collector = await archive.unlock(PEOPLE.collector.login, PEOPLE.collector.password);
      const { number } = await createDossier(collector, completeDossier({ customerName: '苏州精工机械有限公司' }));
      await fileDossier(collector, { number });
      await collector.lock();
      const { page, bridge, origin, context } = await openOnArchive(env, { archive, locale, name: 'plans', height: 900 });
      const panel = page.getByTestId('plans-panel');
      try {
        await page.goto(`${origin}/index.html`);
        // 1. The responsible account manager writes the five parts on the dossier's Plans tab and files.
        await signIn(page, PEOPLE.manager);
        await page.getByTestId('nav-dossiers').click();
        await page.getByTestId('screen-catalogue').waitFor();
        await page.getByTestId('catalogue-search').fill(number);
        await expect.poll(() => page.getByTestId('catalogue-row').count(), { timeout: 15_000 }).toBe(1);
        await page.getByTestId('catalogue-row').first().click();
        await page.getByTestId('detail-tab-plans').click();
        await page.getByTestId(`plan-editor-${year}`).waitFor({ timeout: 15_000 });
        for (const [part, text] of Object.entries(PARTS)) await page.getByTestId(`plan-part-${part}`).fill(text);
        await shot(page, locale, '01-written');
        await page.getByTestId('plan-file').click();

        // 2. The filed plan (opened if the list shows it folded); a change is proposed, not applied.
        const propose = page.getByTestId('plan-propose');
        await expect.poll(() => panel.innerText(), { timeout: 15_000 }).toContain(String(year));
        if (!(await propose.isVisible())) await panel.locator('.ant-collapse-header').first().click();
        await propose.waitFor({ timeout: 15_000 });
        await page.getByTestId('plan-part-actions').fill(CHANGED_ACTIONS);
        await propose.click();
        // The change shows as pending beside the filed text; the manager may not approve it.
        await expect.poll(() => panel.innerText(), { timeout: 15_000 }).toContain(CHANGED_ACTIONS);
        expect(await panel.innerText()).toContain(PARTS.actions);
        expect(await page.getByTestId('plan-approve').count()).toBe(0);
        await shot(page, locale, '02-change-pending');
        await lock(page);

        // 3. The marketing department manager approves it from the Plans page.
        await signIn(page, MARKETING_MANAGER);
        await page.getByTestId('nav-plans').click();
        await page.getByTestId('screen-plans').waitFor();
        const open = page.getByTestId(`plan-open-${number}-${year}`);
        await open.waitFor({ timeout: 15_000 });
        expect(await page.getByTestId('plan-table-pending').innerText()).toContain('苏州精工机械有限公司');
        await open.click();
        await page.getByTestId('plan-approve').waitFor({ timeout: 15_000 });
        await shot(page, locale, '03-to-approve');
        await page.getByTestId('plan-approve').click();
        await page.getByTestId('plan-approve').waitFor({ state: 'detached', timeout: 15_000 });
        await expect.poll(() => panel.innerText(), { timeout: 15_000 }).toContain(CHANGED_ACTIONS);
        expect(await panel.innerText()).not.toContain(PARTS.actions);
        // The drawer closes before the header's lock button can be reached.
        await page.locator('.ant-drawer-close').click();
        await panel.waitFor({ state: 'detached', timeout: 15_000 });
        await lock(page);

        // 4. Marketing's information keeper sees the filed plan, with the approved change.
        await signIn(page, PEOPLE.custodianM);
        await page.getByTestId('nav-plans').click();
        await page.getByTestId('screen-plans').waitFor();
        await page.getByTestId(`plan-open-${number}-${year}`).waitFor({ timeout: 15_000 });
        await page.getByTestId(`plan-open-${number}-${year}`).click();
        await expect.poll(() => panel.innerText(), { timeout: 15_000 }).toContain(CHANGED_ACTIONS);
        expect(await panel.innerText()).toContain(PARTS.summary);
        expect(await page.getByTestId('plan-propose').count()).toBe(0);
        expect(await page.getByTestId('plan-approve').count()).toBe(0);
        await shot(page, locale, '04-keeper-sees-filed');
      } finally {
        await bridge.close();
        await context.close();
        archive.cleanup();
      }
    }, 600_000);
  }
});
