import { describe, expect, it } from 'vitest';
import { ghytbmCode, ghytCode } from './ghyt-codes.ts';

describe('GHYT codes', () => {
  it('prefixes kept, new, protected and general farmland as the provincial data model does', () => {
    expect(ghytCode({ baseClass: '2121', targetClass: '2121', change: null, pbf: null })).toBe('X2121');
    expect(ghytCode({ baseClass: '111', targetClass: '111', change: null, pbf: 'G111' })).toBe('G111');
    expect(ghytCode({ baseClass: '113', targetClass: '113', change: null, pbf: null })).toBe('N111');
    expect(ghytCode({ baseClass: '32', targetClass: '111', change: 'useChange', pbf: null })).toBe('N112');
    expect(ghytCode({ baseClass: '113', targetClass: '2121', change: 'newBuild', pbf: null })).toBe('G2121');
    expect(ghytCode({ baseClass: '2121', targetClass: '111', change: 'demolition', pbf: null })).toBe('X2121');
    expect(ghytCode({ baseClass: '111', targetClass: '32', change: 'useChange', pbf: null })).toBe('X32');
  });

  it('gives new construction its township code', () => {
    expect(ghytbmCode({ baseClass: '113', targetClass: '2121', change: 'newBuild', pbf: null })).toBe('D21');
    expect(ghytbmCode({ baseClass: '2121', targetClass: '2122', change: 'newBuild', pbf: null })).toBeNull();
    expect(ghytbmCode({ baseClass: '111', targetClass: '221', change: 'useChange', pbf: null })).toBe('D5');
  });
});
