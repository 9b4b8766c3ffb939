/**
 * Issue 14, points 2 and 4: one archive server on 127.0.0.1 and two workstations, each a page of
 * the built renderer in Chromium with its own main (the test bridge, in workstation mode) and its
 * own state folder. An account manager (Chinese) files a borrow card on one; the custodian of the
 * sales copies (English) sees it on the other and approves it; the account manager then reads the
 * dossier with the watermark. Everything goes main → server through the same router and core;
 * the server's journal names each workstation. Then a lock on one page ends only that session, and
 * the server stopping clears the other page with a message.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_STATE_FILE } from '../../src-main/app/app-state';
import type { Locale } from '../../src-main/contract/messages';
import type { OpenArchive } from '../../src-main/core/vault/open-archive';
import { loansText } from '../../src-main/contract/texts/loans';
import { en } from '../../src-main/contract/texts/shell-en';
import { zhCN } from '../../src-main/contract/texts/shell-zh-CN';
import type { TestArchive } from '../helpers/archive';
import { makeDossierArchive, PEOPLE } from '../helpers/dossiers';
import { serveArchive, type TestServer } from '../helpers/server';
import { fileDossiers } from '../helpers/server-flow';
import { installBridge, type Bridge } from './support/bridge';
import { animationsSettled } from './support/dialogs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/drivers';
import { reportPageTrouble } from './support/page-trouble';
import { buildRenderer, ROOT } from './support/renderer-build';
import { serveStatic, type StaticServer } from './support/static-server';

const SHOTS = join(ROOT, 'out', 'e2e-screenshots');
const UNTRANSLATED_KEY = /^[a-z]+(\.[a-zA-Z_-]+)+$/;
const BORROWER = PEOPLE.manager;
const CUSTODIAN = PEOPLE.custodianS;
const SERVER_TEXT = { en: en.server, 'zh-CN': zhCN.server } as const;
const LOAN_TEXT = { en: loansText.en, 'zh-CN': loansText.zhCN } as const;

interface Workstation {
  page: Page;
  context: BrowserContext;
  bridge: Bridge;
  locale: Locale;
}

async function shot(w: Workstation, name: string): Promise<void> {
  await animationsSettled(w.page, 'body');
  const text = await w.page.evaluate(() => document.body.innerText);
  const untranslated = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => UNTRANSLATED_KEY.test(l));
  expect(untranslated, `untranslated keys on ${name}`).toEqual([]);
  await w.page.screenshot({ path: join(SHOTS, `server-${w.locale}-${name}.png`), fullPage: true });
}

const available = existsSync(CHROMIUM_PATH);

describe.skipIf(!available)('two workstations on one archive server (chromium)', () => {
  let staticServer: StaticServer;
  let browser: Browser;
  let archive: TestArchive;
  let served: TestServer;
  let number: string;
  const stations: Workstation[] = [];
  const serverArchive = (): OpenArchive => served.archive;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    archive = await makeDossierArchive();
    // The server's clock runs from now, so a loan's due time means the same to the pages' timers.
    archive.clock.set(new Date());
    [number] = (await fileDossiers(archive, ['secret'])) as [string];
    served = await serveArchive(archive);
    staticServer = await serveStatic(await buildRenderer((l) => process.stderr.write(`[e2e] ${l}\n`)));
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  }, 300_000);

  afterAll(async () => {
    for (const w of stations) await w.bridge.close().catch(() => undefined);
    await browser?.close();
    await staticServer?.close();
    await served?.stop().catch(() => undefined);
    archive?.cleanup();
  });

  async function workstation(locale: Locale, name: string): Promise<Workstation> {
    const stateDir = join(mkdtempSync(join(tmpdir(), `triplicate-e2e-${name}-`)), 'state');
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(join(stateDir, APP_STATE_FILE), JSON.stringify({ locale, recentArchives: [] }));
    const origin = staticServer.origin;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block', reducedMotion: 'reduce' });
    // The page reaches nothing but its own files: the server is reached by main only.
    await context.route('**/*', (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort('blockedbyclient')));
    const page = await context.newPage();
    reportPageTrouble(page, `server ${name}`);
    const bridge = await installBridge(page, { origin, stateDir, locale, workstation: name });
    await page.goto(`${origin}/index.html`);
    const w = { page, context, bridge, locale };
    stations.push(w);
    return w;
  }

  async function signIn(w: Workstation, person: { login: string; password: string; name: string }, fingerprint: string): Promise<void> {
    const { page } = w;
    if (!(await page.getByTestId('screen-server').isVisible())) {
      await page.getByTestId('screen-welcome').waitFor();
      await page.getByTestId('welcome-connect-server').click();
    }
    await page.getByTestId('screen-server').waitFor();
    await page.getByTestId('server-address').fill(`127.0.0.1:${served.port}`);
    await page.getByTestId('server-fingerprint').fill(fingerprint);
    await page.getByTestId('server-login').fill(person.login);
    await page.getByTestId('server-password').fill(person.password);
    await page.getByTestId('server-submit').click();
  }

  async function signedIn(w: Workstation, person: { login: string; password: string; name: string }): Promise<void> {
    await signIn(w, person, served.fingerprint);
    await w.page.getByTestId('screen-main').waitFor({ timeout: 30_000 });
    await expect.poll(() => w.page.getByTestId('current-user').innerText()).toContain(person.name);
  }

  it('an account manager files a card on one page, the custodian approves it on the other, the account manager reads', async () => {
    const sales = await workstation('zh-CN', 'ws-sales');
    const desk = await workstation('en', 'ws-custody');

    // A fingerprint other than the server's is refused, in the page's language; nothing is signed in.
    await desk.page.getByTestId('screen-welcome').waitFor();
    await shot(desk, '00-welcome');
    const wrong = served.fingerprint.replace(/^../, served.fingerprint.startsWith('00') ? '11' : '00');
    await signIn(desk, CUSTODIAN, wrong);
    await desk.page.getByTestId('server-error').waitFor();
    expect(await desk.page.getByTestId('server-error').innerText()).toContain(served.fingerprint);
    await shot(desk, '01-fingerprint-refused');
    expect(desk.bridge.link.actor).toBeNull();

    await signedIn(sales, BORROWER);
    await signedIn(desk, CUSTODIAN);

    // 1. The account manager files a card for the sales copy.
    const page = sales.page;
    await page.getByTestId('nav-loans').click();
    await page.getByTestId('screen-loans').waitFor();
    await page.getByTestId('card-new').click();
    await page.getByTestId('card-copy').click();
    await page.keyboard.type(number);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: `${number}-S` })
      .first()
      .click();
    await page.getByTestId('card-purpose').fill('准备年度续约谈判');
    await page.getByTestId('card-place').fill('总部 12 楼档案阅览室');
    await page.getByTestId('card-acknowledge').check();
    await shot(sales, '02-borrow-card');
    await page.getByTestId('card-submit').click();
    const row = () => serverArchive().db.prepare('SELECT card_number AS card FROM loans ORDER BY id DESC LIMIT 1').get() as { card: string } | undefined;
    await expect.poll(() => row()?.card, { timeout: 15_000 }).toBeTruthy();
    const card = row()!.card;
    await page.getByTestId(`loan-state-${card}`).waitFor();
    expect(await page.getByTestId(`loan-state-${card}`).innerText()).toBe(LOAN_TEXT['zh-CN'].states.submitted);
    await shot(sales, '03-card-submitted');

    // 2. The custodian, signed in all along on the other workstation, finds it in the approvals and approves.
    await desk.page.getByTestId('nav-loans').click();
    await desk.page.getByTestId('tab-approvals').click();
    await desk.page.getByTestId(`row-${card}`).click();
    await shot(desk, '02-approvals');
    await desk.page.getByTestId(`approve-${card}`).click();
    await expect.poll(() => desk.page.getByTestId(`approve-${card}`).count()).toBe(0);

    // 3. The account manager reads: the same reading view as locally, watermark with name and card.
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('nav-loans').click();
    await page.getByTestId(`read-${card}`).click();
    await page.getByTestId('reading-watermark').waitFor();
    const mark = (await page.getByTestId('reading-watermark').getAttribute('data-text'))!;
    expect(mark).toContain(BORROWER.name);
    expect(mark).toContain(card);
    expect(await page.getByTestId('reading-content').innerText()).toContain('上海华为电子科技有限公司');
    await shot(sales, '04-reading');

    // The server's journal: each operation once, in the name of who signed in, from the workstation it reported.
    const entries = serverArchive()
      .db.prepare("SELECT event, actor_id, details FROM journal WHERE event IN ('loan.file', 'loan.approve', 'dossier.open') AND outcome = 'ok'")
      .all() as {
      event: string;
      details: string;
    }[];
    const from = (event: string) => entries.filter((e) => e.event === event).map((e) => JSON.parse(e.details).remote?.reported);
    expect(from('loan.file')).toEqual(['ws-sales']);
    expect(from('loan.approve')).toEqual(['ws-custody']);
    expect(from('dossier.open').length).toBeGreaterThan(0);
    expect(new Set(from('dossier.open'))).toEqual(new Set(['ws-sales']));

    // 4. A lock on the sales page ends only that session: back to the server's sign-in screen.
    await page.keyboard.press('Escape');
    await page.getByTestId('lock-button').click();
    await page.getByTestId('screen-server').waitFor();
    await shot(sales, '05-locked');
    expect(await page.getByTestId('screen-server').innerText()).toContain(SERVER_TEXT['zh-CN'].lockedReason);
    expect(desk.bridge.link.actor).not.toBeNull();

    // 5. The server stops: the custodian's page is cleared at once and says why.
    await served.stop();
    await desk.page.getByTestId('server-lost').waitFor({ timeout: 15_000 });
    expect(await desk.page.getByTestId('server-lost').innerText()).toContain(SERVER_TEXT.en.lost_stopped);
    expect(await desk.page.getByTestId('screen-main').count()).toBe(0);
    await shot(desk, '03-server-stopped');
  }, 300_000);
});
