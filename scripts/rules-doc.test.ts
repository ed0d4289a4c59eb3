import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../src/rules/rule-ids.ts';
import { RULES } from '../src/rules/index.ts';
import { renderRulesDoc, RULES_DOC_PATH } from './rules-doc.ts';

describe('docs/rules.md', () => {
  it('is what `npm run docs:rules` writes from the catalog', () => {
    expect(readFileSync(RULES_DOC_PATH, 'utf8')).toBe(renderRulesDoc());
  });

  it('lists every rule id of domain.md §6 once, in the catalog', () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
  });
});
