/**
 * catalogue_first_render_ms: median time from opening the catalogue page (clicking "Dossiers" in the
 * menu) to its first rows painted, for the BUILT renderer in Chromium with the real core behind the
 * e2e bridge, over a 100,000-dossier demo archive (cli/demo/build.ts, the core's bulk path). Each
 * sample goes back to the dashboard first, so the page mounts afresh and fetches its first page anew.
 *
 *   node -r tsx/cjs tests/bench/catalogue-first-render.bench.ts
 *
 * stdout: exactly one JSON line; progress on stderr. CATALOGUE_BENCH_N for a smaller archive.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildDemoArchive } from '../../src-main/cli/demo/build';
import { installBridge } from '../e2e/support/bridge';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/drivers';
import { buildRenderer } from '../e2e/support/renderer-build';
import { serveStatic } from '../e2e/support/static-server';
import { median, report } from './report';

const N = Number(process.env.CATALOGUE_BENCH_N ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const WARMUP = 2;
const TARGET_MS = 500;

/** Clicks the menu item and resolves with the ms until a catalogue row is in the DOM and painted. */
const OPEN_AND_TIME = `new Promise((resolve) => {
  const start = performance.now();
  const painted = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-testid="catalogue-row"]')) { observer.disconnect(); painted(); }
  });
  observer.observe(document.body, { childList: true, subtree: true });
  document.querySelector('[data-testid="nav-dossiers"]').click();
})`;

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const root = mkdtempSync(join(tmpdir(), 'triplicate-bench-catalogue-'));
  const folder = join(root, 'archive');
  const stateDir = join(root, 'state');
  try {
    const started = performance.now();
    const demo = await buildDemoArchive({ folder, dossiers: N, archiveOptions: { stateDir, kdfTargetMs: 1 }, progress: log });
    log(`demo archive of ${N} dossiers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const collector = demo.logins.find((l) => l.login === 'col1')!;

    const server = await serveStatic(await buildRenderer(log));
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    const samples: number[] = [];
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      const bridge = await installBridge(page, { origin: server.origin, stateDir, locale: 'zh-CN' });
      await page.goto(`${server.origin}/index.html`);
      await page.getByTestId('welcome-open-folder').fill(folder);
      await page.getByTestId('welcome-open-submit').click();
      await page.getByTestId('unlock-login').fill(collector.login);
      await page.getByTestId('unlock-password').fill(collector.password);
      await page.getByTestId('unlock-submit').click();
      await page.getByTestId('screen-main').waitFor({ timeout: 60_000 });
      for (let i = 0; i < WARMUP + RUNS; i++) {
        await page.getByTestId('nav-dashboard').click();
        await page.getByTestId('screen-dashboard').waitFor();
        const ms = (await page.evaluate(OPEN_AND_TIME)) as number;
        const total = await page.getByTestId('catalogue-total').innerText();
        if (i === 0) log(`catalogue says: ${total}`);
        if (i >= WARMUP) samples.push(ms);
      }
      await bridge.close();
      await context.close();
    } finally {
      await browser.close();
      await server.close();
    }
    log(`samples ${samples.map((s) => s.toFixed(0)).join(', ')} ms`);
    report('catalogue_first_render_ms', median(samples), 'ms', TARGET_MS);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
