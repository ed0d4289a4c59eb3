import { describe, expect, it } from 'vitest';
import { LAYER_FIELDS } from '../domain/fields.ts';
import { LAYER_IDS, DRAWN_LAYER_IDS } from '../domain/layers.ts';
import { en } from './en.ts';
import { createI18n } from './index.ts';
import { zhCN } from './zh-CN.ts';

describe('i18n', () => {
  it('has the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('names every layer, field and drawing command in both languages', () => {
    const needed = [
      ...LAYER_IDS.map((l) => `layer.${l}`),
      ...Object.values(LAYER_FIELDS).flat().map((f) => `field.${f.key}`),
      ...DRAWN_LAYER_IDS.flatMap((l) => [`commands.add.${l}`, `commands.copy.${l}`]),
    ];
    for (const key of needed) {
      expect(zhCN[key], key).toBeTruthy();
      expect(en[key], key).toBeTruthy();
    }
  });

  it('speaks Chinese by default and switches to English', async () => {
    const i18n = createI18n();
    expect(i18n.t('layer.demolition')).toBe('拆旧地块');
    expect(i18n.t('landClass.2121')).toBe('宅基地');
    await i18n.changeLanguage('en');
    expect(i18n.t('layer.demolition')).toBe('Demolition parcels');
    expect(i18n.t('landClass.2121')).toBe('Homestead');
  });
});
