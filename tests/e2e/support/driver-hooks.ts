/** What every driver-based flow does around its tests: the locales it runs in, set-up, launch and teardown. */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Locale } from '../../../src-main/contract/messages';
import type { AppUnderTest, Driver } from './drivers';
import { SHOTS } from './shots';

/** TRIPLICATE_E2E_LOCALES (comma-separated) narrows a run to some languages; both by default. */
export const E2E_LOCALES = (process.env.TRIPLICATE_E2E_LOCALES?.split(',') ?? ['zh-CN', 'en']) as Locale[];

/** Inside the driver's describe: the screenshot folder and the driver ready before the tests, torn down after. */
export function useDriver(driver: Driver, setupTimeoutMs?: number): void {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await driver.setup();
  }, setupTimeoutMs);
  afterAll(() => driver.teardown());
}

/**
 * A temp root with the archive `prepare` makes in root/archive (with its own state folder), and the
 * app launched in `locale` on a fresh state folder; the caller closes the app and removes the root.
 */
export async function launchOnPrepared<R>(
  driver: Driver,
  locale: Locale,
  prefix: string,
  prepare: (folder: string, stateDir: string) => Promise<R>,
): Promise<{ root: string; folder: string; app: AppUnderTest; page: Page; prepared: R }> {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const folder = join(root, 'archive');
  const prepared = await prepare(folder, join(root, 'setup-state'));
  const app = await driver.launch(join(root, 'state'), locale);
  return { root, folder, app, page: app.page, prepared };
}
