/**
 * What a planner reads is words, never our internals: no rule id and no `{{…}}` placeholder anywhere in
 * the visible text of the issues and tables, in Chinese and in English, on a plan that breaks rules.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/rules/rule-ids.ts';
import { launch, openEditor, type Session } from './support/browser.ts';
import { E2E_ORIGIN } from './support/origin.ts';
import { clickAction } from './support/toolbar.ts';

/** A plan with errors, warnings and rules not checked (tests/fixtures/plans, made by make-plans.ts). */
const PLAN_PATH = 'e2e-visible/overlap-gap.plan.json';
let session: Session;
let page: Page;

beforeAll(async () => {
  session = await launch();
  page = session.page;
  const body = readFileSync('tests/fixtures/plans/overlap-gap.plan.json', 'utf8');
  await session.context.route(`${E2E_ORIGIN}e2e-visible/**`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  await openEditor(page, `?plan=/${PLAN_PATH}`);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

/** The visible text of the side panel's tab, every group and rule unfolded. */
async function visibleText(tab: 'issues' | 'indicators'): Promise<string> {
  await page.click(`[data-tab="${tab}"]`);
  if (tab === 'issues') {
    await page.waitForSelector('[data-testid="issue-summary"]', { timeout: 60_000 });
    await page.evaluate(() => document.querySelectorAll('.issues-panel details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
  }
  return page.evaluate(() => document.body.innerText);
}

function internalsIn(text: string): string[] {
  const found = RULE_IDS.filter((id) => new RegExp(`(^|[^a-z-])${id}($|[^a-z-])`).test(text)).map((id) => `rule id ${id}`);
  const placeholders = text.match(/\{\{[^}]*\}\}/g) ?? [];
  return [...found, ...placeholders.map((p) => `placeholder ${p}`)];
}

describe('visible text', () => {
  it('names rules and fills every figure, in Chinese and in English', async () => {
    for (const language of ['zh', 'en'] as const) {
      if (language === 'en') await clickAction(page, 'language');
      const issues = await visibleText('issues');
      expect(issues, language).toContain(language === 'zh' ? '无重叠' : 'overlap');
      expect(internalsIn(issues), `issues, ${language}`).toEqual([]);
      expect(internalsIn(await visibleText('indicators')), `tables, ${language}`).toEqual([]);
    }
  });
});
