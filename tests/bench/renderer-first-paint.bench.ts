/**
 * renderer_first_paint_ms: median time from navigation start to the unlock screen being painted,
 * for the BUILT renderer in Chromium, with the real main-side router behind the e2e bridge answering
 * `app.info`. The app state remembers one real archive, so the window opens on its unlock screen, as
 * it does every working day. Each run uses a fresh browser context (cold cache). The page is served
 * as main serves it, with the unlock screen already in it (src-main/app/first-screen-html.ts).
 *
 * renderer_unlock_ready_ms (information): from navigation start until the login field has the
 * focus, which happens once React has hydrated that screen and a frame has passed
 * (components/useFocusAfterPaint.ts): the moment typing reaches the form.
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
 *   chunk on the main thread to find them. The app runs without DevTools and never pays it.
 *   `--no-enable-lazy-source-positions`
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
/** Information, no issue's target: my own budget for typing to reach the form. */
const READY_BUDGET_MS = 500;
const PAINT_TIMEOUT_MS = 30_000;
/** V8 records source positions while compiling: no DevTools-only re-parse at the first `new Error()`. */
const EAGER_SOURCE_POSITIONS = '--js-flags=--no-enable-lazy-source-positions';

const PAINTED_BINDING = '__benchFirstScreenPainted';
const READY_BINDING = '__benchLoginFocused';

/**
 * Calls the bench's bindings with performance.now() (ms since navigation start) once the unlock
 * screen is in the DOM and a frame with it has been produced, and when the login field takes the focus.
 */
const PAINT_PROBE = `(() => {
  document.addEventListener('focusin', (event) => { if (event.target && event.target.id === 'login') window.${READY_BINDING}(performance.now()); });
  const done = () => requestAnimationFrame(() => setTimeout(() => window.${PAINTED_BINDING}(performance.now()), 0));
  const seen = () => document.querySelector('[data-testid="screen-unlock"]');
  const observer = new MutationObserver(() => { if (seen()) { observer.disconnect(); done(); } });
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface Sample {
  paintedMs: number;
  readyMs: number;
}

/** A promise settled by a page binding, or refused after PAINT_TIMEOUT_MS. */
function fromPage(what: string): { promise: Promise<number>; resolve: (ms: number) => void; cancel: () => void } {
  let resolve!: (ms: number) => void;
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<number>((done, fail) => {
    resolve = done;
    timer = setTimeout(() => fail(new Error(`${what} not within ${PAINT_TIMEOUT_MS} ms`)), PAINT_TIMEOUT_MS);
  });
  return { promise, resolve, cancel: () => clearTimeout(timer) };
}

async function firstPaint(browser: Browser, server: StaticServer, archiveFolder: string): Promise<Sample> {
  const stateDir = mkdtempSync(join(tmpdir(), 'triplicate-bench-'));
  writeFileSync(
    join(stateDir, APP_STATE_FILE),
    JSON.stringify({ locale: 'zh-CN', recentArchives: [{ folder: archiveFolder, lastOpenedAt: new Date().toISOString() }] }),
  );
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  try {
    await context.route('**/*', (route) => (route.request().url().startsWith(`${server.origin}/`) ? route.continue() : route.abort()));
    const page = await context.newPage();
    const bridge = await installBridge(page, { origin: server.origin, stateDir, locale: 'zh-CN' });
    server.useFirstScreenInfo(bridge.firstScreenInfo);
    const painted = fromPage('the unlock screen');
    const ready = fromPage("the login field's focus");
    try {
      await page.exposeFunction(PAINTED_BINDING, (ms: number) => painted.resolve(ms));
      await page.exposeFunction(READY_BINDING, (ms: number) => ready.resolve(ms));
      await page.addInitScript({ content: PAINT_PROBE });
      await page.goto(`${server.origin}/index.html`, { waitUntil: 'commit' });
      return { paintedMs: await painted.promise, readyMs: await ready.promise };
    } finally {
      painted.cancel();
      ready.cancel();
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
  const readySamples: number[] = [];
  const devtoolsSamples: number[] = [];
  try {
    for (let run = 0; run < WARMUP + RUNS; run += 1) {
      const sample = await firstPaint(measured, server, archive.folder);
      await settle();
      const devtoolsMs = (await firstPaint(devtools, server, archive.folder)).paintedMs;
      await settle();
      if (run >= WARMUP) {
        samples.push(sample.paintedMs);
        readySamples.push(sample.readyMs);
        devtoolsSamples.push(devtoolsMs);
      }
      const ms = (value: number) => `${value.toFixed(1)} ms`;
      log(
        `run ${run + 1 - WARMUP}: painted ${ms(sample.paintedMs)}, login focused ${ms(sample.readyMs)} (painted without the flag ${ms(devtoolsMs)})${run < WARMUP ? ' (warm-up)' : ''}`,
      );
    }
  } finally {
    await Promise.all([measured.close(), devtools.close()]);
    await server.close();
    archive.cleanup();
  }
  log(`min ${Math.min(...samples).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms over ${samples.length} runs`);
  report('renderer_first_paint_ms', median(samples), 'ms', TARGET_MS);
  report('renderer_unlock_ready_ms', median(readySamples), 'ms', READY_BUDGET_MS);
  report('renderer_first_paint_devtools_ms', median(devtoolsSamples), 'ms', TARGET_MS);
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
