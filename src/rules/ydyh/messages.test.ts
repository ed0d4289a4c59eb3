/** Every message the database checks emit exists in both languages and leaves no parameter unfilled. */
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/index.ts';
import { renderMessage } from '../render.ts';
import { DATABASE_RULE_IDS } from './database-rule.ts';
import { checkDatabase } from './index.ts';
import { NO_VILLAGE_INFO } from '../../profiles/zhejiang-2026/village-database.ts';
import { cell, database, feature, parcels } from './test-support.ts';

const brokenDatabases = [
  // Everything missing: not checked and missing inputs.
  database({}, { info: NO_VILLAGE_INFO }),
  database(
    {
      JQDLTB: [...parcels('JQDLTB', 'JQDLBM', ['0703', '0199', '18', '1311', '0603', '05H1', '0702']), feature('JQDLTB#9', cell(9), { JQDLBM: '0101', JQDLMC: '旱地', BSM: 'x' })],
      GHDLTB: [...parcels('GHDLTB', 'GHDLBM', ['070301', '0802']), feature('GHDLTB#9', cell(9), { GHDLMC: '水田' })],
      GKBJ: [feature('GKBJ#1', cell(0), { GKBJLXDM: '0301' }), feature('GKBJ#2', cell(5), { GKBJLXDM: '0301' }), feature('GKBJ#3', cell(6), { GKBJLXDM: '9' })],
      CJDCQ: [feature('CJDCQ#1', cell(0))],
      STBHHX: [feature('STBHHX#1', cell(3))],
    },
    { info: { ...NO_VILLAGE_INFO, villageName: '示例村' }, allocations: { 1: 0.1, 7: 5 } },
  ),
];

describe('database check messages', () => {
  it.each(['zh-CN', 'en'] as const)('render fully in %s', async (language) => {
    const i18n = createI18n();
    await i18n.changeLanguage(language);
    const t = (key: string, params?: Record<string, unknown>) => i18n.t(key, params);
    const issues = brokenDatabases.flatMap((db) => checkDatabase(db).issues);
    const keys = new Set(issues.map((i) => i.message.key));
    expect(keys.size).toBeGreaterThanOrEqual(20);
    for (const issue of issues) {
      const text = renderMessage(t, issue.message);
      expect(text, issue.message.key).not.toMatch(/\{\{|rules\.db\.|undefined/);
    }
  });

  it('names every rule', () => {
    const i18n = createI18n();
    for (const id of DATABASE_RULE_IDS) expect(i18n.t(`rules.db.${id}.name`)).not.toContain('rules.db');
  });
});
