/**
 * Choosing an option of an Ant Design Select. The dropdown slides in when it opens; a click sent
 * while it moves can miss the option (seen in CI: a record-update form whose section never changed).
 * So the dropdown must have stopped moving before the click, and the choice is checked on the
 * select itself, opening the dropdown again if it did not take.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { animationsSettled } from './dialogs';

const OPEN_DROPDOWN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

export async function pickOption(page: Page, selectTestId: string, label: string): Promise<void> {
  const select = page.getByTestId(selectTestId);
  for (let attempt = 1; ; attempt++) {
    await select.click();
    const option = page.locator(OPEN_DROPDOWN).last().locator('.ant-select-item-option').filter({ hasText: label }).first();
    await option.waitFor();
    await animationsSettled(page, OPEN_DROPDOWN);
    await option.click();
    try {
      await expect.poll(() => select.innerText(), { timeout: 3000 }).toContain(label);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      // The dropdown may still be open (the click missed): close it before trying again.
      await page.keyboard.press('Escape');
    }
  }
}
