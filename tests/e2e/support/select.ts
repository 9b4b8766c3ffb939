/**
 * Choosing an option of an Ant Design Select. The e2e runs ask for reduced motion, so the dropdown
 * appears in place; the click still waits for it to be still (a click sent while it slid in could
 * miss the option), and the choice is checked on the select itself.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { animationsSettled } from './dialogs';

const OPEN_DROPDOWN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

export async function pickOption(page: Page, selectTestId: string, label: string): Promise<void> {
  const select = page.getByTestId(selectTestId);
  await select.click();
  const option = page.locator(OPEN_DROPDOWN).last().locator('.ant-select-item-option').filter({ hasText: label }).first();
  await option.waitFor();
  await animationsSettled(page, OPEN_DROPDOWN);
  await option.click();
  await expect.poll(() => select.innerText()).toContain(label);
}
