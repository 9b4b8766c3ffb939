/**
 * Prints what went wrong inside the page (uncaught errors, console errors, files that failed to
 * load) to the test's stderr, so that a screen that never appears in CI comes with its cause.
 */
import type { Page } from 'playwright-core';

export function reportPageTrouble(page: Page, label: string): void {
  const say = (line: string) => process.stderr.write(`[page ${label}] ${line}\n`);
  page.on('pageerror', (error) => say(`uncaught: ${error.stack ?? error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') say(`console.error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    // The network block aborts foreign requests on purpose (Playwright adds ".Inspector"); those are not trouble.
    if (!request.failure()?.errorText.startsWith('net::ERR_BLOCKED_BY_CLIENT')) say(`failed to load ${request.url()}: ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) say(`HTTP ${response.status()} for ${response.url()}`);
  });
}
