import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/index.ts';
import { formatParam, renderMessage, type Translate } from './render.ts';

const translate = (lang: 'zh-CN' | 'en'): Translate => {
  const i18n = createI18n(lang);
  return (key, params) => i18n.t(key, params ?? {});
};

describe('formatParam', () => {
  it('writes counts and versions as whole numbers', () => {
    expect(formatParam('count', 1)).toBe('1');
    expect(formatParam('version', 99)).toBe('99');
    expect(formatParam('count', 12345)).toBe('12,345');
  });

  it('writes m² and 亩 with two decimals, 公顷 with two to four, metres to the millimetre', () => {
    expect(formatParam('areaM2', 2139.1)).toBe('2,139.10');
    expect(formatParam('areaM2', 0.005)).toBe('0.01');
    expect(formatParam('areaMu', 3)).toBe('3.00');
    expect(formatParam('areaHa', 1.5)).toBe('1.50');
    expect(formatParam('areaHa', 0.12345)).toBe('0.1235');
    expect(formatParam('widthM', 0.0042)).toBe('0.004');
    expect(formatParam('widthM', 16.4357)).toBe('16.436');
    expect(formatParam('toleranceM', 0.05)).toBe('0.05');
  });

  it('keeps other fractions to two decimals', () => {
    expect(formatParam('share', 0.123456)).toBe('0.12');
  });
});

describe('renderMessage', () => {
  const gap = { key: 'rules.no-gap.message', params: { layerKey: 'layer.base', areaM2: 10695.58, widthM: 0.0042 } };

  it('formats a message’s figures by kind, in Chinese', () => {
    expect(renderMessage(translate('zh-CN'), gap)).toBe('“基期地类图斑”未覆盖村域，此处缝隙 10,695.58 m²（平均宽 0.004 m）。');
  });

  it('and in English', () => {
    expect(renderMessage(translate('en'), gap)).toContain('a gap of 10,695.58 m² (mean width 0.004 m)');
  });
});

describe('renderMessage with translated parameters inside translated parameters', () => {
  it('resolves a reason naming a layer inside a wrapper, whatever order the parameters come in', () => {
    const reason = { count: 1, list: 'useChange/x1', layerKey: 'layer.useChange', id: 'x1', problemKey: 'planFile.problem.idTaken', otherLayerKey: 'layer.newBuild' };
    for (const params of [{ reasonKey: 'planFile.badFeatures', file: 'a.json', ...reason }, { file: 'a.json', ...reason, reasonKey: 'planFile.badFeatures' }]) {
      const text = renderMessage(translate('zh-CN'), { key: 'cli.unreadable', params });
      expect(text).toBe('无法读取 a.json：1 个要素无效（useChange/x1）。例如“用途调整地块”中的 x1：编号已被“建新地块”中的要素使用。');
    }
  });
});
