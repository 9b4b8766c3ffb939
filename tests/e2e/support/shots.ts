/** Screenshots of a settled page, optionally checking that no untranslated i18n key shows. */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { animationsSettled } from './dialogs';
import { ROOT } from './renderer-build';

export const SHOTS = join(ROOT, 'out', 'e2e-screenshots');
/** A line that is only an i18n key (`dossiers.copies.title`) means a text is missing. */
export const UNTRANSLATED_KEY = /^[a-z]+(\.[a-zA-Z_-]+)+$/;

/** Waits for every finite animation to end, then saves the full page as SHOTS/file. */
export async function settledShot(page: Page, file: string): Promise<void> {
  await animationsSettled(page, 'body');
  await page.screenshot({ path: join(SHOTS, file), fullPage: true });
}

/** As settledShot, after checking that no line on the page is an untranslated key. */
export async function checkedShot(page: Page, file: string, name: string): Promise<void> {
  await animationsSettled(page, 'body');
  const text = await page.evaluate(() => document.body.innerText);
  const untranslated = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => UNTRANSLATED_KEY.test(l));
  expect(untranslated, `untranslated keys on ${name}`).toEqual([]);
  await page.screenshot({ path: join(SHOTS, file), fullPage: true });
}
