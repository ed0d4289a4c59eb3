import { describe, expect, it } from 'vitest';
import { LAYER_IDS } from '../profiles/zhejiang-2017/layers.ts';
import { ZHEJIANG_2017 } from '../profiles/zhejiang-2017/rule-profile.ts';
import { strings } from '../i18n/texts.ts';
import { RULES } from './index.ts';
import { RULE_IDS } from './rule-ids.ts';

describe('the rule catalog', () => {
  it('has one rule per id of domain.md §6, each with a name in both languages', () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
    const zh = strings('zh');
    const en = strings('en');
    for (const rule of RULES) {
      expect(zh[`rules.${rule.id}.name`], rule.id).toBeTruthy();
      expect(en[`rules.${rule.id}.name`], rule.id).toBeTruthy();
    }
  });

  it('reads only real layers and takes its numbers from real profile keys', () => {
    for (const rule of RULES) {
      for (const input of rule.reads) expect([...LAYER_IDS, 'meta'], rule.id).toContain(input);
      for (const key of rule.profileKeys) expect(ZHEJIANG_2017, rule.id).toHaveProperty(key);
    }
  });

  it('has text for the keys rules build from parts', () => {
    const zh = strings('zh');
    const built = [
      ...['steep', 'amidOrchardForest', 'insideVillage'].map((r) => `rules.restoration-fits-surroundings.${r}`),
      ...['forbiddenNotCarried', 'conditionalOutside', 'allowedBeyond'].map((w) => `rules.zones-match-township.${w}`),
      ...LAYER_IDS.map((l) => `rules.missing.layer.${l}`),
      ...['F1', 'F2', 'F3', 'F4', 'F5', 'demolitionList', 'newBuildList', 'linkage'].map((t) => `tables.${t}.title`),
    ];
    for (const key of built) expect(zh[key], key).toBeTruthy();
  });
});
