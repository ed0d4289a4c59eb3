/** Importing a layer file through the editor's import dialog, and reading the checks once they have caught up. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { clickAction } from './toolbar.ts';

/** Imports the file into the layer the dialog proposes, which must be `target`, and waits for the dialog to close. */
export async function importLayerFile(page: Page, path: string, target: string): Promise<void> {
  await clickAction(page, 'import');
  await page.setInputFiles('[data-testid="import-file"]', path);
  await page.waitForSelector('[data-testid="import-preview"]', { timeout: 60_000 });
  expect(await page.inputValue('[data-testid="import-target"]')).toBe(target);
  await page.click('[data-testid="import-confirm"]');
  await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached', timeout: 60_000 });
}

/** The checks' findings once they have checked the plan as it is now. */
export async function currentChecks(page: Page, timeout = 60_000) {
  await page.waitForFunction(() => window.villagePlan.checks().version === window.villagePlan.version(), null, { timeout });
  return page.evaluate(() => window.villagePlan.checks().issues);
}
