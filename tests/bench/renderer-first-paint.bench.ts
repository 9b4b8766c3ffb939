/**
 * renderer_first_paint_ms: median time from navigation start to the first screen (welcome or
 * unlock) being painted, for the BUILT renderer in Chromium, with the real main-side router behind
 * the e2e bridge answering `app.info`. Each run uses a fresh browser context (cold cache).
 *
 *   node -r tsx/cjs tests/bench/renderer-first-paint.bench.ts
 *
 * stdout: exactly one JSON line; everything else goes to stderr.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { installBridge } from '../e2e/support/bridge';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/drivers';
import { buildRenderer } from '../e2e/support/renderer-build';
import { serveStatic } from '../e2e/support/static-server';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 2;
const TARGET_MS = 300;

/** Records performance.now() (ms since navigation start) once a first screen has been painted. */
const PAINT_PROBE = `(() => {
  const done = () => requestAnimationFrame(() => setTimeout(() => { window.__firstScreenPaint = performance.now(); }, 0));
  const seen = () => document.querySelector('[data-testid="screen-welcome"], [data-testid="screen-unlock"]');
  const observer = new MutationObserver(() => { if (seen()) { observer.disconnect(); done(); } });
  observer.observe(document, { childList: true, subtree: true });
})();`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const server = await serveStatic(await buildRenderer(log));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const samples: number[] = [];
  try {
    for (let run = 0; run < WARMUP + RUNS; run += 1) {
      const stateDir = mkdtempSync(join(tmpdir(), 'triplicate-bench-'));
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
      await context.route('**/*', (route) => (route.request().url().startsWith(`${server.origin}/`) ? route.continue() : route.abort()));
      const page = await context.newPage();
      const bridge = await installBridge(page, { origin: server.origin, stateDir, locale: 'zh-CN' });
      await page.addInitScript({ content: PAINT_PROBE });
      await page.goto(`${server.origin}/index.html`);
      await page.waitForFunction(() => typeof (window as unknown as { __firstScreenPaint?: number }).__firstScreenPaint === 'number', undefined, { timeout: 30_000 });
      const ms = await page.evaluate(() => (window as unknown as { __firstScreenPaint: number }).__firstScreenPaint);
      if (run >= WARMUP) samples.push(ms);
      log(`run ${run + 1 - WARMUP}: ${ms.toFixed(1)} ms${run < WARMUP ? ' (warm-up)' : ''}`);
      await bridge.close();
      await context.close();
      rmSync(stateDir, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  log(`min ${Math.min(...samples).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms over ${samples.length} runs`);
  process.stdout.write(`${JSON.stringify({ bench: 'renderer_first_paint_ms', value: Math.round(median(samples) * 10) / 10, unit: 'ms', target: TARGET_MS })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
