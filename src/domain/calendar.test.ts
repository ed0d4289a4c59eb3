import { describe, expect, it } from 'vitest';
import { villageTime } from './calendar.ts';

describe('villageTime', () => {
  it('shows a UTC moment in Beijing time, the day after when it is past 16:00 UTC', () => {
    expect(villageTime('2026-11-05T09:00:00.000Z')).toBe('2026-11-05 17:00');
    expect(villageTime('2026-11-04T23:30:00.000Z')).toBe('2026-11-05 07:30');
    expect(villageTime('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00');
  });

  it('reads a moment written with its own offset, and shows one that is not a time as written', () => {
    expect(villageTime('2026-11-05T07:30:00+08:00')).toBe('2026-11-05 07:30');
    expect(villageTime('上周三上午')).toBe('上周三上午');
  });
});
