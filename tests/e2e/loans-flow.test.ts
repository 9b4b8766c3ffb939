/**
 * Issue 5, the borrowing UI end to end: a borrow card filed → approved by the custodian → read
 * (watermark with the reader's name and card number, copying blocked, printing journaled) →
 * renewed → returned; a recall ends an open reading view at once, and so does the due time
 * (the core's clock is moved; main refuses the read at that moment and the view closes).
 *
 * The built renderer in Debian's Chromium with the real core behind the test bridge and a real
 * encrypted archive set up through the core; screenshots of every screen in both languages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src-main/contract/messages';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import * as loans from '../../src-main/core/loans/service';
import type { Session } from '../../src-main/core/session';
import { loansText } from '../../src-main/contract/texts/loans';
import { completeDossier, makeDossierArchive, PEOPLE } from '../helpers/dossiers';
import type { TestArchive } from '../helpers/archive';
import { clickInDialog, confirmDialog } from './support/dialogs';
import { CHROMIUM_PATH } from './support/drivers';
import { ROOT } from './support/renderer-build';
import { checkedShot } from './support/shots';
import { lock } from './support/session-steps';
import { openOnArchive, useChromiumAndRenderer } from './support/chromium-renderer';

const SHOTS = join(ROOT, 'out', 'e2e-screenshots');
const DAY = 24 * 60 * 60 * 1000;
const TEXT = { en: loansText.en, 'zh-CN': loansText.zhCN } as const;
const BORROWER = PEOPLE.manager;
const CUSTODIAN = PEOPLE.custodianS;

const shot = (page: Page, locale: Locale, name: string): Promise<void> => checkedShot(page, `loans-${locale}-${name}.png`, name);

async function unlock(page: Page, person: { login: string; password: string; name: string }): Promise<void> {
  await page.getByTestId('unlock-login').fill(person.login);
  await page.getByTestId('unlock-password').fill(person.password);
  await page.getByTestId('unlock-submit').click();
  await page.getByTestId('screen-main').waitFor({ timeout: 30_000 });
  await expect.poll(() => page.getByTestId('current-user').innerText()).toContain(person.name);
}

async function filedDossier(collector: Session, name: string): Promise<string> {
  const draft = await createDossier(collector, completeDossier({ customerName: name }));
  await fileDossier(collector, { number: draft.number });
  return draft.number;
}

const cardFor = (copyNumber: string) => ({
  copyNumber,
  purpose: '准备年度续约谈判',
  form: 'in-app' as const,
  periodDays: 3,
  readingPlace: '总部 12 楼档案阅览室',
  acknowledgeNoPublicReading: true as const,
});

const available = existsSync(CHROMIUM_PATH);

describe.skipIf(!available)('borrowing UI (chromium)', () => {
  const env = useChromiumAndRenderer(300_000);

  for (const locale of (process.env.TRIPLICATE_E2E_LOCALES?.split(',') ?? ['zh-CN', 'en']) as Locale[]) {
    it(`file → approve → read with watermark → renew → return; recall and the due time end an open reading view (${locale})`, async () => {
      const text = TEXT[locale];
      const archive: TestArchive = await makeDossierArchive();
      // The core's clock runs from now, so due times mean the same to the renderer's timer.
      archive.clock.set(new Date());
      const sessions: Session[] = [];
      const as = async (p: { login: string; password: string }) => {
        const s = await archive.unlock(p.login, p.password);
        sessions.push(s);
        return s;
      };
      const collector = await as(PEOPLE.collector);
      const custodian = await as(CUSTODIAN);
      const borrower = await as(BORROWER);
      const [first, second, third] = [
        await filedDossier(collector, '上海华为电子科技有限公司'),
        await filedDossier(collector, '北京京东方光电有限公司'),
        await filedDossier(collector, '深圳比亚迪汽车有限公司'),
      ];
      const { page, bridge, origin, context, stateDir } = await openOnArchive(env, { archive, locale, name: 'loans', height: 800 });
      try {
        await page.goto(`${origin}/index.html`);
        // The window opens on the unlock screen of the archive opened last.
        await page.getByTestId('screen-unlock').waitFor();
        expect(await page.getByTestId('unlock-folder').textContent()).toBe(archive.folder);
        // The login field takes the focus (after the first paint: components/useFocusAfterPaint.ts).
        await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('unlock-login');
        // "Switch archive" leads to the remembered list, and back.
        await page.getByTestId('unlock-switch').click();
        await page.getByTestId('screen-welcome').waitFor();
        await shot(page, locale, '00-remembered-archives');
        await page.getByTestId('recent-archive').click();
        await page.getByTestId('screen-unlock').waitFor();

        // 1. The borrower files a card from the loans page.
        await unlock(page, BORROWER);
        await page.getByTestId('nav-loans').click();
        await page.getByTestId('screen-loans').waitFor();
        await shot(page, locale, '01-my-loans');
        await page.getByTestId('card-new').click();
        await page.getByTestId('card-copy').click();
        await page.keyboard.type(first);
        const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: `${first}-S` });
        await option.first().click();
        await page.getByTestId('card-purpose').fill('准备年度续约谈判 / renewal talks');
        await page.getByTestId('card-place').fill('总部 12 楼档案阅览室');
        // Without the acknowledgement the form refuses.
        await page.getByTestId('card-submit').click();
        await page.getByText(text.card.acknowledgeRequired).waitFor();
        await page.getByTestId('card-acknowledge').check();
        await shot(page, locale, '02-borrow-card');
        await page.getByTestId('card-submit').click();
        const mine = await loans.listLoans(borrower, {});
        const card = mine.find((l) => l.copyNumber === `${first}-S`)!.card;
        await page.getByTestId(`loan-state-${card}`).waitFor();
        expect(await page.getByTestId(`loan-state-${card}`).innerText()).toBe(text.states.submitted);
        await shot(page, locale, '03-card-submitted');
        await lock(page);

        // 2. The custodian hears of it (bell) and approves it from the queue, with the borrower's history beside it.
        await unlock(page, CUSTODIAN);
        // The dashboard shows the card awaiting the custodian's approval.
        await expect.poll(() => page.getByTestId('dashboard-approvals').getAttribute('data-count'), { timeout: 15_000 }).toBe('1');
        expect(await page.getByTestId('dashboard-approvals-row').innerText()).toContain(BORROWER.name);
        await expect.poll(() => page.getByTestId('bell-count').innerText()).toMatch(/[1-9]/);
        await page.getByTestId('bell').click();
        await page.getByTestId('bell-item-card.submitted').first().waitFor();
        await shot(page, locale, '04-bell-custodian');
        await page.keyboard.press('Escape');
        await page.getByTestId('nav-loans').click();
        await page.getByTestId('tab-approvals').click();
        await page.getByTestId(`row-${card}`).click();
        await page.getByTestId('borrower-history').getByText(text.approvals.loans).waitFor();
        await shot(page, locale, '05-approvals');
        await page.getByTestId(`approve-${card}`).click();
        await expect.poll(() => page.getByTestId(`approve-${card}`).count()).toBe(0);
        await lock(page);

        // 3. The borrower reads: watermark with name and card; copying out blocked; printing journaled first.
        await unlock(page, BORROWER);
        await page.getByTestId('nav-loans').click();
        await page.getByTestId(`read-${card}`).click();
        await page.getByTestId('reading-watermark').waitFor();
        const mark = (await page.getByTestId('reading-watermark').getAttribute('data-text'))!;
        expect(mark).toContain(BORROWER.name);
        expect(mark).toContain(card);
        expect(mark).toContain(`${first}-S`);
        expect(await page.getByTestId('reading-content').innerText()).toContain('上海华为电子科技有限公司');
        await page.getByTestId('reading-tab-keyPersons').click();
        await page.getByTestId('reading-content').getByText('李明').waitFor();
        const prevented = await page.evaluate(() => {
          const el = document.querySelector('[data-testid="reading-content"]')!;
          return !el.dispatchEvent(new ClipboardEvent('copy', { bubbles: true, cancelable: true }));
        });
        expect(prevented).toBe(true);
        await page.getByTestId('reading-notice').waitFor();
        await page.evaluate(() => {
          (window as unknown as { __printed: number }).__printed = 0;
          window.print = () => {
            (window as unknown as { __printed: number }).__printed++;
          };
        });
        await page.getByTestId('reading-print').click();
        await expect.poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);
        await shot(page, locale, '06-reading-view');
        await page.getByTestId('reading-close').click();

        // 4. Renew (approved like a card), then return.
        await page.getByTestId(`renew-${card}`).click();
        await page.getByTestId('renew-days').fill('2');
        await clickInDialog(page.getByTestId('renew-ok'));
        await page.getByText(text.renewalAsked.replace('{{days}}', '2')).waitFor();
        await shot(page, locale, '07-renewal-asked');
        await loans.approveCard(custodian, { card });
        await page.getByTestId('mine-refresh').click();
        await expect.poll(() => page.getByText(text.renewalAsked.replace('{{days}}', '2')).count()).toBe(0);
        await page.getByTestId(`return-${card}`).click();
        await confirmDialog(page);
        await expect.poll(() => page.getByTestId(`loan-state-${card}`).innerText()).toBe(text.states.returned);
        await shot(page, locale, '08-returned');

        // 5. A recall ends an open reading view at once.
        const recalled = (await loans.fileCard(borrower, cardFor(`${second}-S`))).card;
        await loans.approveCard(custodian, { card: recalled });
        await page.getByTestId('mine-refresh').click();
        await page.getByTestId(`read-${recalled}`).click();
        await page.getByTestId('reading-watermark').waitFor();
        await loans.recallLoan(custodian, { card: recalled, reason: '客户要求收回' });
        await page.getByTestId('reading-ended').waitFor({ timeout: 20_000 });
        expect(await page.getByTestId('reading-view').count()).toBe(0);
        expect(await page.getByTestId('reading-ended').innerText()).toContain(text.reading.endedRecalled);
        await shot(page, locale, '09-recalled-view-closed');

        // 6. The due time ends an open reading view too; main refuses the read at that moment (rule 4).
        const due = (await loans.fileCard(borrower, cardFor(`${third}-S`))).card;
        await loans.approveCard(custodian, { card: due });
        await page.getByTestId('mine-refresh').click();
        await page.getByTestId(`read-${due}`).click();
        await page.getByTestId('reading-watermark').waitFor();
        archive.clock.advance(3 * DAY + 60_000);
        await page.getByTestId('reading-ended').waitFor({ timeout: 20_000 });
        expect(await page.getByTestId('reading-view').count()).toBe(0);
        expect(await page.evaluate((c) => (window as any).triplicate.loans.read({ card: c }), due)).toMatchObject({
          ok: false,
          error: { code: 'denied.noContentAccess' },
        });
        await page.getByTestId('bell').click();
        await page.getByTestId('bell-item-loan.recalled').first().waitFor();
        await shot(page, locale, '10-due-view-closed-bell');
        await page.keyboard.press('Escape');
        await lock(page);

        // 7. The custodian's desk (the overdue loan) and the register, exported as CSV through main.
        await unlock(page, CUSTODIAN);
        await expect.poll(() => page.getByTestId('dashboard-overdue-loans').getAttribute('data-count'), { timeout: 15_000 }).toBe('1');
        await shot(page, locale, '10b-dashboard-custodian-overdue');
        await page.getByTestId('nav-loans').click();
        await page.getByTestId('tab-desk').click();
        await page.getByTestId('desk-overdue').click();
        await page.getByTestId(`loan-state-${due}`).waitFor();
        expect(await page.getByTestId(`loan-state-${due}`).innerText()).toBe(text.states.overdue);
        await shot(page, locale, '11-custodian-desk-overdue');
        await page.getByTestId(`receive-${due}`).click();
        await confirmDialog(page);
        await expect.poll(() => page.getByTestId(`receive-${due}`).count()).toBe(0);
        await page.getByTestId('tab-register').click();
        await page.getByTestId(`row-${card}`).waitFor();
        await shot(page, locale, '12-register');
        await page.getByTestId('register-export').click();
        const exported = join(stateDir, '..', 'exports');
        await expect
          .poll(() => existsSync(exported) && readdirSync(exported).length > 0 && readFileSync(join(exported, readdirSync(exported)[0]!), 'utf8'))
          .toContain(card);

        // The journal: the read names its card and copy; the print was journaled.
        const rows = custodian.archive.db.prepare('SELECT event, outcome, details FROM journal ORDER BY seq').all() as {
          event: string;
          outcome: string;
          details: string;
        }[];
        expect(
          rows.some(
            (r) => r.event === 'dossier.open' && r.outcome === 'ok' && JSON.parse(r.details).card === card && JSON.parse(r.details).copyNumber === `${first}-S`,
          ),
        ).toBe(true);
        expect(rows.some((r) => r.event === 'loan.print' && r.outcome === 'ok' && r.details.includes(`${first}-S`))).toBe(true);
        expect(rows.some((r) => r.event === 'loan.copyOut')).toBe(false);
      } catch (error) {
        await page.screenshot({ path: join(SHOTS, `loans-${locale}-FAILED.png`), fullPage: true }).catch(() => undefined);
        throw error;
      } finally {
        await bridge.close();
        await context.close();
        for (const s of sessions) await s.lock();
        archive.cleanup();
      }
    }, 300_000);
  }
});
