/** Signing in and locking through the unlock screen, as every flow does it. */
import type { Page } from 'playwright-core';

/** Types the person's login and password on the unlock screen and waits for the main screen. */
export async function signIn(page: Page, who: { login: string; password: string }): Promise<void> {
  await page.getByTestId('screen-unlock').waitFor();
  await page.getByTestId('unlock-login').fill(who.login);
  await page.getByTestId('unlock-password').fill(who.password);
  await page.getByTestId('unlock-submit').click();
  await page.getByTestId('screen-main').waitFor({ timeout: 30_000 });
}

/** Locks with the header's button and waits for the unlock screen. */
export async function lock(page: Page): Promise<void> {
  await page.getByTestId('lock-button').click();
  await page.getByTestId('screen-unlock').waitFor();
}

/** Opens the archive folder from the welcome screen. */
export async function openFolder(page: Page, folder: string): Promise<void> {
  await page.getByTestId('screen-welcome').waitFor();
  await page.getByTestId('welcome-open-folder').fill(folder);
  await page.getByTestId('welcome-open-submit').click();
}
