/**
 * The built renderer served on 127.0.0.1 and a headless Chromium, started once per describe block
 * (register inside `describe`); the getters hold them once beforeAll has run.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
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
