/**
 * Clicking inside Ant Design dialogs. A dialog zooms in when it opens; Playwright checks the
 * target under the pointer and then sends the click, and on a loaded machine the dialog can still
 * be scaling in between, so the click lands on the mask and is lost (seen in CI: a return
 * confirmation that stayed open). These helpers wait for every open dialog to stop animating
 * before clicking.
 */
import type { Locator, Page } from 'playwright-core';

/** Resolves once nothing matching `selector` has a finite animation running (spinners loop forever; they don't count). */
export async function animationsSettled(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (sel) =>
      [...document.querySelectorAll(sel)].every((el) =>
        el.getAnimations({ subtree: true }).every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      ),
    selector,
  );
}

/** Resolves once no open dialog is still zooming in or out. */
export function dialogsSettled(page: Page): Promise<void> {
  return animationsSettled(page, '.ant-modal, .ant-modal-mask');
}

/** Clicks a control inside a dialog once the dialog has finished opening. */
export async function clickInDialog(target: Locator): Promise<void> {
  await target.waitFor();
  await dialogsSettled(target.page());
  await target.click();
}

/** Presses a confirmation's OK button (`confirm-ok`) and waits until the confirmation has closed. */
export async function confirmDialog(page: Page): Promise<void> {
  await clickInDialog(page.getByTestId('confirm-ok'));
  await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
}
