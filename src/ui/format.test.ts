import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/index.ts';
import { formatLength, formatMessage } from './format.ts';

const formatIn = (language: 'zh-CN' | 'en') => {
  const i18n = createI18n(language);
  return (message: Parameters<typeof formatMessage>[2]) => formatMessage(i18n.t, (k) => i18n.exists(k), message);
};

describe('the UI formats messages as the CLI and the notice do', () => {
  it('fills a not-checked message with what is missing, in both languages', () => {
    const message = { key: 'rules.notChecked', params: { missingKey: 'rules.missing.population' } };
    expect(formatIn('zh-CN')(message)).toBe('未检查：缺少村域人口。');
    expect(formatIn('en')(message)).toBe('Not checked: missing the village population.');
  });

  it('names a layer from its key, writes areas with two decimals and counts whole', () => {
    const zh = formatIn('zh-CN');
    expect(zh({ key: 'quarantine.kind.featureNumbered', params: { layer: 'layer.base', number: 'JQ1' } })).toBe('要素：基期地类图斑 编号 JQ1');
    expect(zh({ key: 'drafts.open.damagedFeatures', params: { count: 1 } })).toMatch(/^草稿中有 1 个要素记录已损坏/);
    expect(zh({ key: 'rules.reserve-quota-covers-new-build.message', params: { usedM2: 1500, keptM2: 1000.5, overM2: 499.5 } })).toBe('使用规划预留指标的新增建设用地 1,500.00 m²，超过提留的 1,000.50 m²（超出 499.50 m²）。');
  });

  it('leaves no placeholder in any rule message given its parameters (no {{…}})', () => {
    const en = formatIn('en');
    expect(en({ key: 'rules.withinTask.message', params: { taskKey: 'profile.quota.constructionTotal', targetM2: 1, taskM2: 1, overM2: 0, baseM2: 1 } })).not.toMatch(/\{\{/);
  });
});

describe('lengths', () => {
  it('in metres to the centimetre below a kilometre, in kilometres to the metre from there', () => {
    const { t } = createI18n('zh-CN');
    expect(formatLength(t, 0)).toBe('0.00 m');
    expect(formatLength(t, 999.994)).toBe('999.99 m');
    expect(formatLength(t, 999.996)).toBe('1.000 km');
    expect(formatLength(t, 1234.5678)).toBe('1.235 km');
    expect(formatLength(t, 12_345_678)).toBe('12,345.678 km');
  });
});
