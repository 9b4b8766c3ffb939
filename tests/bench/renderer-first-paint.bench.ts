/**
 * renderer_first_paint_ms: median time from navigation start to the unlock screen being painted,
 * for the BUILT renderer in Chromium, with the real main-side router behind the e2e bridge answering
 * `app.info`. The app state remembers one real archive, so the window opens on its unlock screen, as
 * it does every working day. Each run uses a fresh browser context (cold cache).
 *
 * Two corrections keep the instrument out of what it measures:
 * - The page announces its paint through a Playwright binding; the bench evaluates nothing in the
 *   page while it loads. `waitForFunction` polls on every animation frame inside the page, and an
 *   `evaluate` awaiting the paint sets up Playwright's own script in the page first: both take the
 *   page's main thread while it loads (10% and 13% of the figure in A/B runs).
 * - Playwright drives Chromium through DevTools, and with DevTools' Runtime domain on, V8 records a
 *   detailed stack trace (lines and columns) for every Error object created. React DOM creates
 *   sentinel Errors while its module loads (SuspenseException and others), and V8 compiles lazily
 *   without source positions, so it re-parses React DOM's whole module function and the entry
 *   chunk on the main thread to find them: 25-75 ms here. The app runs without DevTools and never
 *   pays it (measured over raw DevTools: React DOM's module load takes 4 ms with no domain on,
 *   25-32 ms once Runtime is enabled, 4-6 ms with the flag below). `--no-enable-lazy-source-positions`
 *   makes V8 record positions while compiling instead, a small cost the app does not pay either,
 *   so the figure stays on the cautious side.
 *   renderer_first_paint_devtools_ms (information) is the same measurement without the flag,
 *   taken in alternation, so every run shows what the correction removes.
 *
 *   node -r tsx/cjs tests/bench/renderer-first-paint.bench.ts
 *
 * stdout: the JSON lines; everything else goes to stderr.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { APP_STATE_FILE } from '../../src-main/app/app-state';
import { installBridge } from '../e2e/support/bridge';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/drivers';
import { buildRenderer } from '../e2e/support/renderer-build';
import { serveStatic, type StaticServer } from '../e2e/support/static-server';
import { makeArchive } from '../helpers/archive';
import { median, report } from './report';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 2;
const TARGET_MS = 300;
const PAINT_TIMEOUT_MS = 30_000;
/** V8 records source positions while compiling: no DevTools-only re-parse at the first `new Error()`. */
const EAGER_SOURCE_POSITIONS = '--js-flags=--no-enable-lazy-source-positions';

const PAINTED_BINDING = '__benchFirstScreenPainted';

/**
 * Calls the bench's binding with performance.now() (ms since navigation start) once the unlock
 * screen is in the DOM and a frame with it has been produced.
 */
const PAINT_PROBE = `(() => {
  const done = () => requestAnimationFrame(() => setTimeout(() => window.${PAINTED_BINDING}(performance.now()), 0));
  const seen = () => document.querySelector('[data-testid="screen-unlock"]');
  const observer = new MutationObserver(() => { if (seen()) { observer.disconnect(); done(); } });
  observer.observe(document, { childList: true, subtree: true });
})();`;

async function firstPaint(browser: Browser, server: StaticServer, archiveFolder: string): Promise<number> {
  const stateDir = mkdtempSync(join(tmpdir(), 'triplicate-bench-'));
  writeFileSync(join(stateDir, APP_STATE_FILE), JSON.stringify({ locale: 'zh-CN', recentArchives: [{ folder: archiveFolder, lastOpenedAt: new Date().toISOString() }] }));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  try {
    await context.route('**/*', (route) => (route.request().url().startsWith(`${server.origin}/`) ? route.continue() : route.abort()));
    const page = await context.newPage();
    const bridge = await installBridge(page, { origin: server.origin, stateDir, locale: 'zh-CN' });
    let timer: NodeJS.Timeout | undefined;
    try {
      let resolvePainted!: (ms: number) => void;
      const painted = new Promise<number>((resolve, reject) => {
        resolvePainted = resolve;
        timer = setTimeout(() => reject(new Error(`no unlock screen within ${PAINT_TIMEOUT_MS} ms`)), PAINT_TIMEOUT_MS);
      });
      await page.exposeFunction(PAINTED_BINDING, (ms: number) => resolvePainted(ms));
      await page.addInitScript({ content: PAINT_PROBE });
      await page.goto(`${server.origin}/index.html`, { waitUntil: 'commit' });
      return await painted;
    } finally {
      clearTimeout(timer);
      await bridge.close();
    }
  } finally {
    await context.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/** Lets the previous run's renderer process exit before the next load starts: runs do not overlap. */
const settle = () => new Promise((resolve) => setTimeout(resolve, Number(process.env.BENCH_SETTLE_MS ?? 300)));

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const server = await serveStatic(await buildRenderer(log));
  const archive = await makeArchive();
  const launch = (args: string[]) => chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...args] });
  const measured = await launch([EAGER_SOURCE_POSITIONS]);
  const devtools = await launch([]);
  const samples: number[] = [];
  const devtoolsSamples: number[] = [];
  try {
    for (let run = 0; run < WARMUP + RUNS; run += 1) {
      const ms = await firstPaint(measured, server, archive.folder);
      await settle();
      const devtoolsMs = await firstPaint(devtools, server, archive.folder);
      await settle();
      if (run >= WARMUP) {
        samples.push(ms);
        devtoolsSamples.push(devtoolsMs);
      }
      log(`run ${run + 1 - WARMUP}: ${ms.toFixed(1)} ms (without the flag ${devtoolsMs.toFixed(1)} ms)${run < WARMUP ? ' (warm-up)' : ''}`);
    }
  } finally {
    await Promise.all([measured.close(), devtools.close()]);
    await server.close();
    archive.cleanup();
  }
  log(`min ${Math.min(...samples).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms over ${samples.length} runs`);
  report('renderer_first_paint_ms', median(samples), 'ms', TARGET_MS);
  report('renderer_first_paint_devtools_ms', median(devtoolsSamples), 'ms', TARGET_MS);
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
