/**
 * The built renderer served on 127.0.0.1 and a headless Chromium, started once per describe block
 * (register inside `describe`); the getters hold them once beforeAll has run.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { APP_STATE_FILE } from '../../../src-main/app/app-state';
import type { Locale } from '../../../src-main/contract/messages';
import type { TestArchive } from '../../helpers/archive';
import { installBridge, type Bridge } from './bridge';
import { reportPageTrouble } from './page-trouble';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './drivers';
import { buildRenderer } from './renderer-build';
import { SHOTS } from './shots';
import { serveStatic, type StaticServer } from './static-server';

export function useChromiumAndRenderer(timeoutMs = 300_000): { server: () => StaticServer; browser: () => Browser } {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await serveStatic(await buildRenderer((l) => process.stderr.write(`[e2e] ${l}\n`)));
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  }, timeoutMs);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return { server: () => server!, browser: () => browser! };
}

/**
 * A fresh page of the served renderer whose app state remembers `archive` as the one opened last
 * (so it opens on its unlock screen), with every request off the renderer's origin blocked and
 * main's process behind the test bridge.
 */
export async function openOnArchive(
  env: { server: () => StaticServer; browser: () => Browser },
  o: { archive: TestArchive; locale: Locale; name: string; height: number },
): Promise<{ page: Page; bridge: Bridge; origin: string; context: BrowserContext; stateDir: string }> {
  const stateDir = join(mkdtempSync(join(tmpdir(), `triplicate-e2e-${o.name}-`)), 'state');
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(
    join(stateDir, APP_STATE_FILE),
    JSON.stringify({ locale: o.locale, recentArchives: [{ folder: o.archive.folder, lastOpenedAt: new Date().toISOString() }] }),
  );
  const origin = env.server().origin;
  const context = await env.browser().newContext({ viewport: { width: 1280, height: o.height }, serviceWorkers: 'block' });
  await context.route('**/*', (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort('blockedbyclient')));
  const page = await context.newPage();
  reportPageTrouble(page, `${o.name} ${o.locale}`);
  const bridge = await installBridge(page, { origin, stateDir, locale: o.locale, clock: o.archive.clock });
  env.server().useFirstScreenInfo(bridge.firstScreenInfo);
  return { page, bridge, origin, context, stateDir };
}
