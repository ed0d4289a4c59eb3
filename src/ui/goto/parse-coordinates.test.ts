import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { parseCoordinates, type ParsedPoint } from './parse-coordinates.ts';

const GRS80 = '+proj=longlat +ellps=GRS80 +no_defs';
/** CGCS2000 3° zone 40 (central meridian 120°E), written out here rather than taken from geo/projection.ts. */
const ZONE40_PREFIX = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const ZONE40 = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const ZONE41_PREFIX = '+proj=tmerc +lat_0=0 +lon_0=123 +k=1 +x_0=41500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';

const read = (text: string) => parseCoordinates(text, { defaultZone: 40 });
function point(text: string): ParsedPoint {
  const result = read(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.key}`);
  return result.value;
}
const lonLat = (text: string) => point(text).lonLat;
const errorKey = (text: string) => {
  const result = read(text);
  return result.ok ? null : result.error.key;
};

describe('lon/lat in decimal degrees', () => {
  it('reads lon, lat and lat, lon', () => {
    expect(lonLat('120.7417, 30.4542')).toEqual([120.7417, 30.4542]);
    expect(lonLat('120.7417 30.4542')).toEqual([120.7417, 30.4542]);
    expect(lonLat('30.4542,120.7417')).toEqual([120.7417, 30.4542]);
    expect(lonLat('30.4542N 120.7417E')).toEqual([120.7417, 30.4542]);
    expect(lonLat('１２０．７４１７，３０．４５４２')).toEqual([120.7417, 30.4542]);
  });

  it('reads the status bar’s own read-out', () => {
    expect(lonLat('120.741700°E 30.454200°N')).toEqual([120.7417, 30.4542]);
  });

  it('takes W and S as negative', () => {
    expect(lonLat('70.5W 12.25S')).toEqual([-70.5, -12.25]);
    expect(lonLat('-70.5, -12.25')).toEqual([-70.5, -12.25]);
  });
});

describe('lon/lat in 度分秒', () => {
  const expected: [number, number] = [120 + 44 / 60 + 30 / 3600, 30 + 27 / 60 + 15 / 3600];
  it.each([
    `120°44'30"E 30°27'15"N`,
    `30°27'15"N, 120°44'30"E`,
    `120°44′30″E 30°27′15″N`,
    `120°44'30''E 30°27'15''N`,
    'E120°44′30″ N30°27′15″',
    '东经120度44分30秒 北纬30度27分15秒',
    '120°44\'30" 30°27\'15"',
  ])('%s', (text) => {
    const [lon, lat] = lonLat(text);
    expect(lon).toBeCloseTo(expected[0], 12);
    expect(lat).toBeCloseTo(expected[1], 12);
  });

  it('reads degrees and decimal minutes', () => {
    const [lon, lat] = lonLat(`120°44.5'E 30°27.25'N`);
    expect(lon).toBeCloseTo(120 + 44.5 / 60, 12);
    expect(lat).toBeCloseTo(30 + 27.25 / 60, 12);
  });

  it('refuses minutes or seconds of 60 and more, and fractional degrees with minutes', () => {
    expect(errorKey(`120°64'30"E 30°27'15"N`)).toBe('goto.error.minutes');
    expect(errorKey(`120°44'75"E 30°27'15"N`)).toBe('goto.error.minutes');
    expect(errorKey(`120.5°44'E 30°27'N`)).toBe('goto.error.degreeFraction');
  });

  it('refuses two longitudes, out-of-range values and a third value', () => {
    expect(errorKey('120E 121E')).toBe('goto.error.sameAxis');
    expect(errorKey('120°E 95°N')).toBe('goto.error.latRange');
    expect(errorKey('200, 30')).toBe('goto.error.lonRange');
    expect(errorKey('120°E 30°N 5°E')).toBe('goto.error.count');
  });
});

describe('CGCS2000 Gauss-Krüger X/Y', () => {
  const target: [number, number] = [120.7417, 30.4542];
  const [eastingPrefixed, northing] = proj4(GRS80, ZONE40_PREFIX, target);
  const [easting] = proj4(GRS80, ZONE40, target);

  it('reads X (northing) and Y with the zone prefix, in either order, cross-checked with proj4', () => {
    for (const text of [`X ${northing} Y ${eastingPrefixed}`, `${northing}, ${eastingPrefixed}`, `${eastingPrefixed} ${northing}`, `X=${northing}，Y=${eastingPrefixed}`]) {
      const p = point(text);
      expect(p.kind).toBe('gk');
      expect(p.lonLat[0]).toBeCloseTo(target[0], 9);
      expect(p.lonLat[1]).toBeCloseTo(target[1], 9);
      expect(p).toMatchObject({ zone: 40, zoneFrom: 'prefix' });
    }
  });

  it('reads Y without the zone prefix in the village’s zone, and says so', () => {
    const result = read(`X ${northing.toFixed(3)} Y ${easting.toFixed(3)}`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const back = proj4(GRS80, ZONE40, result.value.lonLat);
    expect(back[0]).toBeCloseTo(easting, 3);
    expect(back[1]).toBeCloseTo(northing, 3);
    expect(result.value).toMatchObject({ kind: 'gk', zone: 40, zoneFrom: 'village' });
    expect(result.notes).toEqual([{ key: 'goto.note.villageZone', params: { zone: 40 } }]);
  });

  it('reads the status bar’s grouped figures', () => {
    const shown = `X ${northing.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}  Y ${eastingPrefixed.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    expect(shown).toMatch(/^X 3,\d{3},\d{3}\.\d{2} {2}Y 40,\d{3},\d{3}\.\d{2}$/);
    const [lon, lat] = lonLat(shown);
    expect(lon).toBeCloseTo(target[0], 6);
    expect(lat).toBeCloseTo(target[1], 6);
  });

  it('takes the zone from the prefix: zone 41', () => {
    const [e41, n41] = proj4(GRS80, ZONE41_PREFIX, [122.3, 29.9]);
    const p = point(`${n41} ${e41}`);
    expect(p).toMatchObject({ zone: 41 });
    expect(p.lonLat[0]).toBeCloseTo(122.3, 9);
    expect(p.lonLat[1]).toBeCloseTo(29.9, 9);
  });

  it('follows the size of the numbers when the labels are the other way round, with a note', () => {
    const result = read(`X ${eastingPrefixed} Y ${northing}`);
    expect(result.ok && result.notes.map((n) => n.key)).toEqual(['goto.note.swapped']);
  });

  it('refuses a zone outside 39–41, two northings, a number of no known size, and a mix with degrees', () => {
    expect(errorKey('3370000 38500000')).toBe('goto.error.zone');
    expect(errorKey('3370000 3380000')).toBe('goto.error.gkAmbiguous');
    expect(errorKey('3370000 5000')).toBe('goto.error.gkRange');
    expect(errorKey('3370000 120.5')).toBe('goto.error.mixed');
  });
});

describe('what cannot be read', () => {
  it.each([
    ['', 'goto.error.empty'],
    ['   ', 'goto.error.empty'],
    ['hello', 'goto.error.unreadable'],
    ['120.5', 'goto.error.count'],
    ['X 3370000', 'goto.error.count'],
    ['120.5 abc', 'goto.error.unreadable'],
    ['N', 'goto.error.unreadable'],
  ])('“%s” → %s', (text, key) => {
    expect(errorKey(text)).toBe(key);
  });
});
