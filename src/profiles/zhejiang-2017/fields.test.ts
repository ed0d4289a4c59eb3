import { describe, expect, it } from 'vitest';
import { defaultProperties, LAYER_FIELDS, validateFieldValue } from './fields.ts';
import { LAYER_IDS } from './layers.ts';
import { ZHEJIANG_2017 } from './rule-profile.ts';

const field = (layer: keyof typeof LAYER_FIELDS, key: string) => {
  const spec = LAYER_FIELDS[layer].find((f) => f.key === key);
  if (!spec) throw new Error(`${layer}.${key} missing`);
  return spec;
};

describe('attribute fields', () => {
  it('accepts only listed codes: an unknown code cannot be entered', () => {
    expect(validateFieldValue(field('newBuild', 'useCode'), '2121', ZHEJIANG_2017)).toBe(true);
    expect(validateFieldValue(field('newBuild', 'useCode'), '111', ZHEJIANG_2017)).toBe(false);
    expect(validateFieldValue(field('newBuild', 'useCode'), 'X2121', ZHEJIANG_2017)).toBe(false);
    expect(validateFieldValue(field('newBuild', 'useCode'), null, ZHEJIANG_2017)).toBe(false);
    expect(validateFieldValue(field('base', 'landNote'), null, ZHEJIANG_2017)).toBe(true);
  });

  it('takes zone types from the profile dictionary', () => {
    const zone = field('functionalZone', 'zoneType');
    expect(validateFieldValue(zone, 'village', ZHEJIANG_2017)).toBe(true);
    const county = { ...ZHEJIANG_2017, functionalZoneTypes: [{ code: 'tea', zh: '茶园区', en: 'Tea' }] };
    expect(validateFieldValue(zone, 'village', county)).toBe(false);
    expect(validateFieldValue(zone, 'tea', county)).toBe(true);
  });

  it('bounds counts and texts', () => {
    const households = field('demolition', 'households');
    expect(validateFieldValue(households, 3, ZHEJIANG_2017)).toBe(true);
    expect(validateFieldValue(households, -1, ZHEJIANG_2017)).toBe(false);
    expect(validateFieldValue(households, 2.5, ZHEJIANG_2017)).toBe(false);
    expect(validateFieldValue(field('demolition', 'parcelNo'), 'x'.repeat(19), ZHEJIANG_2017)).toBe(false);
  });

  it('starts every layer with properties its own fields accept', () => {
    for (const layer of LAYER_IDS) {
      const props = defaultProperties(layer, ZHEJIANG_2017, 'N1') as unknown as Record<string, string | number | null>;
      for (const spec of LAYER_FIELDS[layer]) {
        expect(validateFieldValue(spec, props[spec.key] ?? null, ZHEJIANG_2017), `${layer}.${spec.key}`).toBe(true);
      }
    }
  });
});
