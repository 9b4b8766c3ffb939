/**
 * Issue 3, "done when": first run → archive created → recovery key shown → a custodian and an
 * account manager added → lock → unlock as the account manager → administration refused (in the
 * UI and through a direct API call, journaled) → idle lock leaves nothing on screen.
 * Plus the renderer's isolation: no Node, no ipcRenderer, forged identities refused and journaled.
 *
 * Runs the built renderer with the real core and a real encrypted archive in a temp folder, in
 * both languages, and saves a screenshot of every screen to out/e2e-screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_CHANNELS, API_EVENTS } from '../../src-main/contract/ipc';
import type { Locale } from '../../src-main/contract/messages';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { en } from '../../src-main/contract/texts/shell-en';
import { zhCN } from '../../src-main/contract/texts/shell-zh-CN';
import { pickOption } from './support/select';
import { chromiumDriver, electronDriver, type AppUnderTest, type Driver } from './support/drivers';
import { ROOT } from './support/renderer-build';
import { animationsSettled } from './support/dialogs';

const SHOTS = join(ROOT, 'out', 'e2e-screenshots');
const LABELS = { en, 'zh-CN': zhCN } as const;
const ADMIN = { login: 'admin', name: 'Admin Zhao 赵管理', password: 'admin-password-1' };
const CUSTODIAN = { login: 'li.custodian', name: 'Li Custodian 李保管', password: 'custodian-pass-1' };
const MANAGER = { login: 'wang.am', name: 'Wang Manager 王经理', password: 'manager-pass-1' };
const UNTRANSLATED_KEY = /^[a-z]+(\.[a-zA-Z_-]+)+$/;

async function visibleTextLines(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

async function shot(page: Page, driver: string, locale: Locale, name: string): Promise<void> {
  // The picture shows the screen, not an animation frame.
  await animationsSettled(page, 'body');
  const untranslated = (await visibleTextLines(page)).filter((line) => UNTRANSLATED_KEY.test(line));
  expect(untranslated, `untranslated keys on ${name}`).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${driver}-${locale}-${name}.png`), fullPage: true });
}

async function addPerson(
  page: Page,
  locale: Locale,
  person: { login: string; name: string; password: string },
  department: string,
  rank: keyof (typeof en)['ranks'],
  duties: (keyof (typeof en)['duties'])[],
): Promise<void> {
  const labels = LABELS[locale];
  await page.getByTestId('people-add').click();
  await page.getByTestId('person-login').fill(person.login);
  await page.getByTestId('person-name').fill(person.name);
  await pickOption(page, 'person-department', department);
  await pickOption(page, 'person-rank', labels.ranks[rank]);
  for (const duty of duties) await pickOption(page, 'person-duties', labels.duties[duty]);
  // The duties list stays open after a pick; Escape closes it (with nothing open it would close the dialog).
  if (duties.length) await page.keyboard.press('Escape');
  await page.getByTestId('person-password').fill(person.password);
  const confirm = page.getByTestId('person-password-confirm');
  if (await confirm.count()) await confirm.fill(person.password);
  await page.getByTestId('person-submit').click();
  await page.getByTestId('people-table').getByText(person.login, { exact: true }).waitFor();
}

function journalRows(folder: string, stateDir: string) {
  return unlockArchive({ folder, login: ADMIN.login, password: ADMIN.password }, { stateDir, kdfTargetMs: 1 }).then((session) => {
    const rows = session.archive.db.prepare('SELECT event, outcome, reason, actor_name AS actorName, details FROM journal ORDER BY seq').all() as {
      event: string;
      outcome: string;
      reason: string | null;
      actorName: string | null;
      details: string;
    }[];
    return session.lock().then(() => rows);
  });
}

const drivers: Driver[] = [chromiumDriver(), electronDriver()];

for (const driver of drivers) {
  // The reason is in `unavailable`: "Electron binary not installed on this machine" here.
  describe.skipIf(driver.unavailable !== null)(`desktop shell (${driver.name}${driver.unavailable ? ` — skipped: ${driver.unavailable}` : ''})`, () => {
    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      await driver.setup();
    });
    afterAll(() => driver.teardown());

    for (const locale of (process.env.TRIPLICATE_E2E_LOCALES?.split(',') ?? ['zh-CN', 'en']) as Locale[]) {
      it(`first run to idle lock, with administration refused to an account manager and journaled (${locale})`, async () => {
        const root = mkdtempSync(join(tmpdir(), 'triplicate-e2e-'));
        const folder = join(root, 'archive');
        const stateDir = join(root, 'state');
        const sales = locale === 'en' ? 'Sales' : '销售部';
        let app: AppUnderTest | null = await driver.launch(stateDir, locale);
        const page = app.page;
        const consoleErrors: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') consoleErrors.push(m.text());
        });
        try {
          // First run.
          await page.getByTestId('screen-welcome').waitFor();
          await shot(page, driver.name, locale, '01-welcome');

          // The renderer has no Node and no raw IPC (Electron security checklist #2, #3, #20).
          expect(await page.evaluate(() => [typeof (window as any).process, typeof (window as any).require, typeof (window as any).ipcRenderer])).toEqual([
            'undefined',
            'undefined',
            'undefined',
          ]);
          // Exactly the contract's named domains (features add theirs through the contract tables).
          expect(await page.evaluate(() => Object.keys((window as any).triplicate).sort())).toEqual(
            [...new Set([...Object.keys(API_CHANNELS), ...Object.keys(API_EVENTS)])].sort(),
          );

          // The CSP is in force: no inline script runs and nothing remote is fetched (checklist #7).
          expect(consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
          const injected = await page.evaluate(() => {
            const script = document.createElement('script');
            script.textContent = 'window.__injected = true';
            document.body.appendChild(script);
            script.remove();
            return (window as any).__injected === true;
          });
          expect(injected).toBe(false);
          expect(
            await page.evaluate(() =>
              fetch('https://example.com/').then(
                () => 'fetched',
                () => 'blocked',
              ),
            ),
          ).toBe('blocked');
          await expect.poll(() => consoleErrors.filter((e) => /Content Security Policy/i.test(e)).length).toBeGreaterThanOrEqual(2);
          consoleErrors.length = 0;

          await page.getByTestId('welcome-create').click();
          await page.getByTestId('screen-create').waitFor();
          await shot(page, driver.name, locale, '02-create');
          await page.getByTestId('create-folder').fill(folder);
          await page.getByTestId('create-admin-login').fill(ADMIN.login);
          await page.getByTestId('create-admin-name').fill(ADMIN.name);
          await page.getByTestId('create-password').fill(ADMIN.password);
          await page.getByTestId('create-password-confirm').fill(ADMIN.password);
          await page.getByTestId('create-submit').click();

          // The recovery key, shown once.
          await page.getByTestId('screen-recovery-key').waitFor({ timeout: 30_000 });
          expect((await page.getByTestId('recovery-key').innerText()).replace(/[\s-]/g, '').length).toBeGreaterThanOrEqual(20);
          await shot(page, driver.name, locale, '03-recovery-key');
          await page.getByTestId('recovery-saved').check();
          await page.getByTestId('recovery-continue').click();

          // The administrator adds a custodian (sales) and an account manager.
          await page.getByTestId('screen-main').waitFor();
          await expect.poll(() => page.getByTestId('current-user').innerText()).toContain(ADMIN.name);
          await shot(page, driver.name, locale, '04-dashboard-admin');
          await page.getByTestId('language-switch').click();
          const other = locale === 'en' ? 'zh-CN' : 'en';
          await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(other);
          await shot(page, driver.name, other, '04b-dashboard-after-switch');
          await page.getByTestId('language-switch').click();
          await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);

          await page.getByTestId('nav-people').click();
          await page.getByTestId('screen-people').waitFor();
          await addPerson(page, locale, CUSTODIAN, sales, 'staff', ['custodian']);
          await addPerson(page, locale, MANAGER, sales, 'account-manager', []);
          await shot(page, driver.name, locale, '05-people');

          await page.getByTestId('nav-settings').click();
          await page.getByTestId('screen-settings').waitFor();
          await shot(page, driver.name, locale, '06-settings');
          await page.getByTestId('settings-idle-minutes').fill('10');
          await page.getByTestId('settings-save').click();
          await expect.poll(() => page.evaluate(() => (window as any).triplicate.settings.get())).toMatchObject({ ok: true, value: { idleLockMinutes: 10 } });

          // Lock: Ctrl/Cmd+L in the app menu, the lock button here.
          await page.getByTestId('lock-button').click();
          await page.getByTestId('screen-unlock').waitFor();
          expect(await page.getByText(ADMIN.name).count()).toBe(0);
          await shot(page, driver.name, locale, '07-unlock');

          // A wrong password is refused with a translated message.
          await page.getByTestId('unlock-login').fill(MANAGER.login);
          await page.getByTestId('unlock-password').fill('not-the-password');
          await page.getByTestId('unlock-submit').click();
          await page.getByTestId('unlock-error').waitFor();
          expect(await page.getByTestId('unlock-error').innerText()).toContain(locale === 'en' ? 'Wrong login or password.' : '登录名或密码错误。');
          await shot(page, driver.name, locale, '08-unlock-error');

          // Unlock as the account manager.
          await page.getByTestId('unlock-password').fill(MANAGER.password);
          await page.getByTestId('unlock-submit').click();
          await page.getByTestId('screen-main').waitFor();
          await expect.poll(() => page.getByTestId('current-user').innerText()).toContain(MANAGER.name);
          await shot(page, driver.name, locale, '09-dashboard-account-manager');

          // Administration is refused: not offered in the UI, and refused by main when asked directly.
          expect(await page.getByTestId('nav-people').count()).toBe(0);
          expect(await page.getByTestId('nav-settings').count()).toBe(0);
          const refused = await page.evaluate(() => (window as any).triplicate.people.list());
          expect(refused).toMatchObject({
            ok: false,
            error: { code: 'denied.notAdmin', message: locale === 'en' ? 'Only an administrator may do this.' : '只有系统管理员可以执行此操作。' },
          });

          // Forged identities: an extra `login` or an `actorId` is refused (and journaled, checked below).
          const forgedPassword = await page.evaluate(
            (login) => (window as any).triplicate.people.changeOwnPassword({ password: 'forged-password-1', login }),
            ADMIN.login,
          );
          expect(forgedPassword).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
          const forgedCurrent = await page.evaluate(() => (window as any).triplicate.session.current({ actorId: 'someone-else' }));
          expect(forgedCurrent).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
          expect(await page.evaluate(() => (window as any).triplicate.session.current())).toMatchObject({
            ok: true,
            value: { login: MANAGER.login },
          });

          // Idle lock: nothing of the archive stays in the DOM.
          const shortened = app.shortenIdleLock(2);
          if (!shortened) {
            // Electron reads the system idle time, which synthetic test input does not reset (under
            // Xvfb it counts from the X server's start), so a short timeout cannot be set mid-flow
            // there; that driver locks with the keyboard shortcut instead and checks the same aftermath.
            await page.keyboard.press(process.platform === 'darwin' ? 'Meta+L' : 'Control+L');
          }
          await page.getByTestId('screen-unlock').waitFor({ timeout: 20_000 });
          const html = await page.content();
          for (const name of [ADMIN.name, CUSTODIAN.name, MANAGER.name]) expect(html).not.toContain(name);
          expect(await page.locator('table').count()).toBe(0);
          expect(await page.getByTestId('screen-main').count()).toBe(0);
          await shot(page, driver.name, locale, '10-after-idle-lock');
          expect(await page.evaluate(() => (window as any).triplicate.people.list())).toMatchObject({ ok: false, error: { code: 'vault.locked' } });

          await app.close();
          app = null;

          // The journal, read from the archive afterwards.
          const rows = await journalRows(folder, stateDir);
          expect(rows).toContainEqual(expect.objectContaining({ event: 'person.list', outcome: 'denied', reason: 'denied.notAdmin', actorName: MANAGER.name }));
          const refusals = rows.filter((r) => r.event === 'ipc.refused' && r.actorName === MANAGER.name);
          expect(refusals.map((r) => JSON.parse(r.details).channel).sort()).toEqual(['people:changeOwnPassword', 'session:current']);
          expect(refusals.every((r) => r.outcome === 'denied' && r.reason === 'input.invalid')).toBe(true);
          expect(rows.some((r) => r.details.includes('forged-password-1'))).toBe(false);
          expect(rows).toContainEqual(expect.objectContaining({ event: 'session.lock', details: JSON.stringify({ reason: shortened ? 'idle' : 'user' }) }));
          expect(rows).toContainEqual(expect.objectContaining({ event: 'settings.update', outcome: 'ok', actorName: ADMIN.name }));
          expect(rows.filter((r) => r.event === 'person.add' && r.outcome === 'ok')).toHaveLength(2);
          // The page only ever talks to the app itself: no CSP violations, no blocked requests.
          expect(consoleErrors.filter((e) => /Content Security Policy|net::ERR/i.test(e))).toEqual([]);
        } catch (error) {
          await page.screenshot({ path: join(SHOTS, `${driver.name}-${locale}-FAILED.png`), fullPage: true }).catch(() => undefined);
          throw error;
        } finally {
          await app?.close();
          rmSync(root, { recursive: true, force: true });
        }
      }, 240_000);
    }
  });
}
