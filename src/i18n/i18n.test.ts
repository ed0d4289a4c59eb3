import { describe, expect, it } from 'vitest';
import { LAYER_FIELDS } from '../profiles/zhejiang-2017/fields.ts';
import { DRAWN_LAYER_IDS, LAYER_IDS } from '../profiles/zhejiang-2017/layers.ts';
import { VALIDITY_KINDS } from '../geo/validity-problem.ts';
import { createI18n } from './index.ts';
import { strings, TEXTS } from './texts.ts';

describe('i18n', () => {
  it('has every string in Chinese and English, each key once', () => {
    const zh = strings('zh');
    const en = strings('en');
    expect(Object.keys(zh).length).toBe(TEXTS.reduce((n, t) => n + Object.keys(t).length, 0));
    for (const key of Object.keys(zh)) {
      expect(zh[key], key).toBeTruthy();
      expect(en[key], key).toBeTruthy();
    }
  });

  it('names every layer, field, drawing command and geometry problem', () => {
    const zh = strings('zh');
    const needed = [
      ...LAYER_IDS.map((l) => `layer.${l}`),
      ...Object.values(LAYER_FIELDS).flat().map((f) => `field.${f.key}`),
      ...DRAWN_LAYER_IDS.flatMap((l) => [`commands.add.${l}`, `commands.copy.${l}`]),
      ...VALIDITY_KINDS.map((k) => `geometry.invalid.${k}`),
    ];
    for (const key of needed) expect(zh[key], key).toBeTruthy();
  });

  it('speaks Chinese by default and switches to English', async () => {
    const i18n = createI18n();
    expect(i18n.t('layer.demolition')).toBe('拆旧地块');
    expect(i18n.t('landClass.2121')).toBe('宅基地');
    await i18n.changeLanguage('en');
    expect(i18n.t('layer.demolition')).toBe('Demolition parcels');
    expect(i18n.t('landClass.2121')).toBe('Homestead');
  });

  it('gives a list joined with 、 as a list of the reader’s language', async () => {
    const i18n = createI18n();
    const params = { layers: 'JQDLTB、GHDLTB' };
    expect(i18n.t('planFile.unknownLayers', params)).toBe('已忽略不认识的图层：JQDLTB、GHDLTB');
    await i18n.changeLanguage('en');
    expect(i18n.t('planFile.unknownLayers', params)).toBe('Unknown layers ignored: JQDLTB, GHDLTB');
    // Values are not HTML-escaped: React escapes what it renders, and the CLI prints plain text.
    expect(i18n.t('planFile.unknownLayers', { layers: 'a/b <c> & "d"' })).toBe('Unknown layers ignored: a/b <c> & "d"');
  });
});
