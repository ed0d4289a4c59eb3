/**
 * Clicking the editor's controls by `data-action` wherever the toolbar has put them: on the row, or as an
 * item of a menu (文件, 公示, or 更多 when the window is too narrow for the group), opened first.
 */
import type { Page } from 'playwright-core';

export async function clickAction(page: Page, action: string): Promise<void> {
  const control = page.locator(`[data-action="${action}"]`).first();
  if (!(await control.isVisible())) {
    // Waits for the control to be in the page, as a click would.
    const menu = await control.evaluate((e) => e.closest('[role="menu"]')?.id ?? null);
    if (menu) await page.click(`[aria-controls="${menu}"]`);
  }
  await control.click();
}
