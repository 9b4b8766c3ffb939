/**
 * Issue 6, the auditors' UI: an auditor browses and filters the journal, verifies the chain,
 * exports CSV and XLSX (the progress bar is shown) and the exported files verify offline with the
 * core's verifier; the reports run and print; the auditor cannot open dossier content (refused by
 * the core and journaled); an administrator is not offered the journal and a direct export call
 * is refused and journaled.
 *
 * The archive (people, a filed dossier, 20,000 seeded entries) is prepared with the real core
 * beforehand, then opened in the built renderer with the real core behind the test bridge. The
 * bridge's save dialog answers with a file in the test's temp folder. Chromium only: in Electron
 * the save dialog is the native one, which a test cannot answer.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src-main/contract/messages';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import { verifyExport } from '../../src-main/core/journal/export/verify-export';
import { keyFingerprint } from '../../src-main/core/journal/signer';
import { addPerson } from '../../src-main/core/people/service';
import { initArchive } from '../../src-main/core/vault/init';
import { unlockArchive } from '../../src-main/core/vault/unlock';
import { journalText } from '../../src-main/contract/texts/journal';
import { RESOURCES } from '../../src-renderer/i18n/resources';
import { completeDossier, PEOPLE } from '../helpers/dossiers';
import { chromiumDriver, type AppUnderTest } from './support/drivers';
import { pickOption } from './support/select';
import { ROOT } from './support/renderer-build';
import { animationsSettled } from './support/dialogs';
import { openFolder } from './support/session-steps';
import { E2E_LOCALES, useDriver } from './support/driver-hooks';

const SHOTS = join(ROOT, 'out', 'e2e-screenshots');
const ADMIN = { login: 'admin', name: 'Admin Zhao 赵管理', password: 'admin-password-1' };
const AUDITOR = { login: 'shen.audit', name: 'Shen Auditor 沈审计', password: 'auditor-pass-1' };
const SEEDED = 20_000;

/** Every UI text key, so a key shown instead of its text is caught (event names like `journal.read` are data, not keys). */
function keyPaths(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (v && typeof v === 'object' ? keyPaths(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
const KEYS = new Set(keyPaths(RESOURCES.en));
const TEXT = { en: journalText.en, 'zh-CN': journalText.zhCN } as const;

async function shot(page: Page, locale: Locale, name: string): Promise<void> {
  await animationsSettled(page, 'body');
  const lines = (await page.evaluate(() => document.body.innerText)).split('\n').map((l) => l.trim());
  expect(
    lines.filter((l) => KEYS.has(l)),
    `untranslated keys on ${name}`,
  ).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `chromium-${locale}-journal-${name}.png`), fullPage: true });
}

/** An archive with an auditor, a filed dossier and a journal long enough for an export to take a while. */
async function prepareArchive(folder: string, stateDir: string): Promise<{ dossier: string; fingerprint: string }> {
  const options = { stateDir, kdfTargetMs: 1, workstation: 'e2e-setup' };
  const { session: admin } = await initArchive({ folder, adminLogin: ADMIN.login, adminName: ADMIN.name, adminPassword: ADMIN.password }, options);
  await addPerson(admin, { ...AUDITOR, department: 'audit', rank: 'staff', duties: ['auditor'] });
  for (const p of [PEOPLE.collector, PEOPLE.manager]) await addPerson(admin, { ...p, duties: [...(p.duties ?? [])] });
  // Exports are signed by the auditor who makes them (issue 12): their key, as the admin recorded it.
  const auditorKey = admin.archive.db
    .prepare('SELECT k.public_key FROM person_keys k JOIN people p ON p.id = k.person_id WHERE p.login = ?')
    .pluck()
    .get(AUDITOR.login) as Buffer;
  const fingerprint = keyFingerprint(auditorKey);
  const journal = admin.archive.journal;
  admin.archive.db.transaction(() => {
    for (let i = 0; i < SEEDED; i++) {
      journal.append({
        actor: { id: null, name: `Seeded reader ${i % 7}`, duty: null },
        event: i % 11 === 0 ? 'loan.read' : 'catalogue.search',
        object: i % 11 === 0 ? { type: 'dossier', id: `KH-2025-${String(i % 500).padStart(5, '0')}` } : null,
        outcome: i % 13 === 0 ? 'denied' : 'ok',
        reason: i % 13 === 0 ? 'denied.noContentAccess' : null,
        details: { note: `第${i}次查询, "quoted", =formula` },
      });
    }
  })();
  await admin.lock();
  const collector = await unlockArchive({ folder, login: PEOPLE.collector.login, password: PEOPLE.collector.password }, options);
  const draft = await createDossier(collector, completeDossier());
  await fileDossier(collector, { number: draft.number });
  await collector.lock();
  return { dossier: draft.number, fingerprint };
}

async function openAndUnlock(page: Page, folder: string, who: { login: string; password: string }): Promise<void> {
  await openFolder(page, folder);
  await signIn(page, who);
}

async function signIn(page: Page, who: { login: string; password: string }): Promise<void> {
  await page.getByTestId('screen-unlock').waitFor();
  await page.getByTestId('unlock-login').fill(who.login);
  await page.getByTestId('unlock-password').fill(who.password);
  await page.getByTestId('unlock-submit').click();
  await page.getByTestId('screen-main').waitFor({ timeout: 30_000 });
}

/** Exports in the given format and returns the file; records whether the progress bar ever appeared. */
async function exportAs(page: Page, locale: Locale, format: 'csv' | 'xlsx'): Promise<{ file: string; progressSeen: boolean }> {
  await page.getByTestId('journal-export').click();
  await page.getByTestId('export-dialog').waitFor();
  // Click until the choice shows as selected: on a loaded machine a click during the dialog's
  // opening animation can miss, and the export would silently run in the default format.
  const label = TEXT[locale].export.formats[format];
  await expect
    .poll(async () => {
      await page.getByTestId('export-format').getByText(label, { exact: true }).click();
      return page.getByTestId('export-format').locator('.ant-radio-button-wrapper-checked').innerText();
    })
    .toContain(label);
  if (format === 'csv') await shot(page, locale, '04-export-dialog');
  // The export can finish between two polls, so watch the DOM for the bar instead of polling for it.
  await page.evaluate(() => {
    (window as any).__progressSeen = false;
    const seen = () => document.querySelector('[data-testid="export-progress"] .ant-progress') !== null;
    const observer = new MutationObserver(() => {
      if (seen()) {
        (window as any).__progressSeen = true;
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
  await page.getByTestId('export-start').click();
  await page.getByTestId('export-done').waitFor({ timeout: 120_000 });
  if (format === 'csv') await shot(page, locale, '05-export-done');
  const file = await page.getByTestId('export-file').innerText();
  const progressSeen = (await page.evaluate(() => (window as any).__progressSeen)) as boolean;
  await page.getByTestId('export-close').click();
  await page.getByTestId('export-dialog').waitFor({ state: 'detached' });
  return { file, progressSeen };
}

const driver = chromiumDriver();

describe.skipIf(driver.unavailable !== null)(`auditors' journal UI (chromium${driver.unavailable ? ` — skipped: ${driver.unavailable}` : ''})`, () => {
  useDriver(driver, 300_000);

  for (const locale of E2E_LOCALES) {
    it(`an auditor exports CSV and XLSX that verify offline; dossier content and exports by an administrator are refused and journaled (${locale})`, async () => {
      const root = mkdtempSync(join(tmpdir(), 'triplicate-e2e-journal-'));
      const folder = join(root, 'archive');
      const stateDir = join(root, 'state');
      const { dossier, fingerprint } = await prepareArchive(folder, join(root, 'setup-state'));
      let app: AppUnderTest | null = await driver.launch(stateDir, locale);
      const page = app.page;
      try {
        await openAndUnlock(page, folder, AUDITOR);
        await page.getByTestId('nav-journal').click();
        await page.getByTestId('screen-journal').waitFor();
        // The first page arrives; only pages near the screen are ever asked for.
        await expect.poll(() => page.locator('.vlist__row').first().innerText(), { timeout: 20_000 }).toContain('1');
        await expect.poll(() => page.locator('.vlist__row .jcell--seq').first().innerText()).toBe('1');
        expect(await page.locator('.vlist__row').count()).toBeLessThan(80);
        await shot(page, locale, '01-viewer');

        // Scrolling far down fetches more pages on demand, still rendering only the rows on screen.
        const lastSeq = async () =>
          Number(
            await page
              .locator('.vlist__row .jcell--seq')
              .last()
              .innerText()
              .catch(() => '0'),
          );
        for (let i = 0; i < 3; i++) {
          const before = await lastSeq();
          await page.locator('.vlist__scroller').evaluate((el) => (el.scrollTop = el.scrollHeight));
          // The next page has arrived and is on screen.
          await expect.poll(lastSeq).toBeGreaterThan(before);
        }
        await expect
          .poll(async () =>
            Number(
              await page
                .locator('.vlist__row .jcell--seq')
                .last()
                .innerText()
                .catch(() => '0'),
            ),
          )
          .toBeGreaterThan(600);
        expect(await page.locator('.vlist__row').count()).toBeLessThan(80);
        await page.getByTestId('journal-jump-seq').fill('15000');
        await page.getByTestId('journal-jump').click();
        await expect.poll(() => page.locator('.vlist__row .jcell--seq').first().innerText()).toBe('15000');

        // The details pane shows every field of the selected entry.
        await page.locator('.vlist__row').first().click();
        await page.getByTestId('journal-details').waitFor();
        expect(await page.getByTestId('journal-details').innerText()).toContain('15000');
        expect(await page.getByTestId('journal-details-json').innerText()).toContain('"note"');
        await shot(page, locale, '02-details');
        await page.locator('.ant-drawer-close').click();
        await page.getByTestId('journal-details').waitFor({ state: 'hidden' });

        // Verify now: the chain is intact.
        await page.getByTestId('tab-chain').click();
        await page.getByTestId('chain-verify').click();
        await page.getByTestId('chain-ok').waitFor({ timeout: 60_000 });
        await shot(page, locale, '03-verified');
        await page.getByTestId('tab-journal').click();

        // Filter: refused attempts only.
        await pickOption(page, 'journal-filter-outcome', TEXT[locale].outcome.denied);
        await page.getByTestId('journal-filter-apply').click();
        await expect.poll(() => page.locator('.vlist__row .jcell--outcome').first().innerText()).toBe(TEXT[locale].outcome.denied);
        const outcomes = await page.locator('.vlist__row .jcell--outcome').allInnerTexts();
        expect(new Set(outcomes)).toEqual(new Set([TEXT[locale].outcome.denied]));
        await shot(page, locale, '03b-filtered');

        // Exports of the filtered view: CSV, then XLSX, each with the progress bar shown.
        const csv = await exportAs(page, locale, 'csv');
        const xlsx = await exportAs(page, locale, 'xlsx');
        expect(csv.progressSeen).toBe(true);
        expect(xlsx.progressSeen).toBe(true);
        expect(csv.file).toMatch(/\.csv$/);
        expect(xlsx.file).toMatch(/\.xlsx$/);
        expect(csv.file.startsWith(root)).toBe(true);
        for (const file of [csv.file, xlsx.file]) {
          const verdict = await verifyExport(file, { keyFingerprint: fingerprint });
          expect(verdict, file).toMatchObject({ ok: true, fingerprint });
          expect(verdict.count).toBe(Math.ceil(SEEDED / 13));
        }

        // Reports: refused attempts, and the overdue loans (none here), each printable.
        await page.getByTestId('tab-reports').click();
        await page.getByTestId('reports-panel').waitFor();
        await page.getByTestId('report-refused').click();
        await page.getByTestId('report-run').click();
        await page.getByTestId('report-table').waitFor();
        await shot(page, locale, '06-report-refused');
        await page.emulateMedia({ media: 'print' });
        await page.screenshot({ path: join(SHOTS, `chromium-${locale}-journal-06b-report-print.png`), fullPage: true });
        await page.emulateMedia({ media: 'screen' });
        // Saved as PDF: Chromium renders the page on A4 (Electron's printToPDF in the app).
        await page.getByTestId('report-pdf').click();
        await page.locator('.ant-message-success', { hasText: 'PDF' }).waitFor();
        const pdfs = readdirSync(join(root, 'exports')).filter((f) => f.endsWith('.pdf'));
        expect(pdfs).toEqual([expect.stringMatching(/^report-\d{8}\.pdf$/)]);
        const pdf = readFileSync(join(root, 'exports', pdfs[0]!));
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pdf.length).toBeGreaterThan(2000);
        await page.getByTestId('report-overdueLoans').click();
        await page.getByTestId('report-run').click();
        await page.getByTestId('report-table').waitFor();
        await shot(page, locale, '07-report-overdue');
        await page.getByTestId('report-whoOpened').click();
        await page.getByTestId('report-param-dossierId').fill(dossier);
        await page.getByTestId('report-run').click();
        await page.getByTestId('report-table').waitFor();
        await shot(page, locale, '08-report-who-opened');

        // The auditor reads no dossier content: main refuses (and journals) a direct request.
        const opened = await page.evaluate((number) => (window as any).triplicate.dossiers.open({ number }), dossier);
        expect(opened).toMatchObject({ ok: false });

        // An administrator is not offered the journal, and a direct export call is refused.
        await page.getByTestId('lock-button').click();
        await signIn(page, ADMIN);
        expect(await page.getByTestId('nav-journal').count()).toBe(0);
        await shot(page, locale, '09-admin-no-journal');
        const refused = await page.evaluate(() => (window as any).triplicate.journal.export({ format: 'csv', filters: {} }));
        expect(refused).toMatchObject({ ok: false, error: { code: 'denied.notAuditor' } });

        await app.close();
        app = null;

        const session = await unlockArchive({ folder, login: AUDITOR.login, password: AUDITOR.password }, { stateDir, kdfTargetMs: 1 });
        const rows = session.archive.db
          .prepare(`SELECT event, outcome, reason, actor_name AS actorName, details FROM journal WHERE seq > ? ORDER BY seq`)
          .all(SEEDED) as { event: string; outcome: string; reason: string | null; actorName: string | null; details: string }[];
        await session.lock();
        const exports = rows.filter((r) => r.event === 'journal.export');
        expect(exports.filter((r) => r.outcome === 'ok' && r.actorName === AUDITOR.name).map((r) => JSON.parse(r.details).format)).toEqual(['csv', 'xlsx']);
        expect(exports).toContainEqual(expect.objectContaining({ outcome: 'denied', reason: 'denied.notAuditor', actorName: ADMIN.name }));
        expect(rows).toContainEqual(expect.objectContaining({ event: 'dossier.open', outcome: 'denied', actorName: AUDITOR.name }));
        expect(rows).toContainEqual(expect.objectContaining({ event: 'journal.verify', outcome: 'ok', actorName: AUDITOR.name }));
      } catch (error) {
        await page.screenshot({ path: join(SHOTS, `chromium-${locale}-journal-FAILED.png`), fullPage: true }).catch(() => undefined);
        throw error;
      } finally {
        await app?.close();
        rmSync(root, { recursive: true, force: true });
      }
    }, 400_000);
  }
});
