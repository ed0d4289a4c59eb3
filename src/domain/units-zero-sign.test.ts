import { describe, expect, it } from 'vitest';
import { renderMessage } from '../rules/render.ts';
import { formatDecimals } from './units.ts';

describe('formatDecimals: a difference that rounds to zero', () => {
  it('has no minus sign, while a real negative keeps it', () => {
    expect(formatDecimals(-0.00001, 2, 2)).toBe('0.00');
    expect(formatDecimals(-0.004, 0, 2)).toBe('0');
    expect(formatDecimals(-0, 2, 4)).toBe('0.00');
    expect(formatDecimals(-0.006, 2, 2)).toBe('-0.01');
    expect(formatDecimals(-1234.5, 2, 2)).toBe('-1,234.50');
  });

  it('reads as no difference in a totals message (base and village equal to 0.1 m²)', () => {
    const t = (_key: string, params?: Record<string, unknown>) => String(params?.['villageDifferenceHa']);
    expect(renderMessage(t, { key: 'x', params: { villageDifferenceHa: 222.34669 - 222.3467 } })).toBe('0.00');
  });
});
