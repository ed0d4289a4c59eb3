import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import type { SevenParameters } from '../../domain/datum-parameters.ts';
import { previewDxfFiles } from '../dxf/dxf-preview.ts';
import { english } from '../test-support.ts';
import { choiceKeyOf, CRS_CHOICES } from './crs-choices.ts';
import { describeCrs } from './source-crs.ts';

const noGdal = skipWithoutGdal('gdalsrsinfo', 'gdaltransform');
const SEVEN: SevenParameters = { kind: 'sevenParameter', dx: -52.3412, dy: -15.7021, dz: 46.2153, rx: 1.23456, ry: -2.34567, rz: 3.45678, scalePpm: -2.5, convention: 'coordinateFrame' };
const choice = (key: string) => CRS_CHOICES.find((entry) => entry.key === key)!.crs;

/** A CASS-style drawing of one 100 × 100 m parcel in an old survey's zone 40 (with the prefix). */
const SQUARE = [
  [40571400, 3370600],
  [40571500, 3370600],
  [40571500, 3370700],
  [40571400, 3370700],
];
const drawing = () => {
  const corners = SQUARE.map(([x, y]) => `10\n${x}\n20\n${y}\n`).join('');
  const text = `0\nSECTION\n2\nHEADER\n9\n$ACADVER\n1\nAC1015\n0\nENDSEC\n0\nSECTION\n2\nENTITIES\n0\nLWPOLYLINE\n5\nA1\n8\nDLTB\n90\n4\n70\n1\n${corners}0\nENDSEC\n0\nEOF\n`;
  return [{ name: 'cass.dxf', bytes: new TextEncoder().encode(text) }];
};

describe('the CRS a planner can choose for a file that does not say', () => {
  it.skipIf(noGdal)('offers the Xian 1980 and Beijing 1954 zones with the plane GDAL gives their EPSG codes', () => {
    const older = CRS_CHOICES.filter((entry) => entry.crs.kind === 'foreign');
    expect(older.map((entry) => entry.key)).toEqual(['2363', '2364', '2365', '2384', '2385', '2386', '2415', '2416', '2417', '2436', '2437', '2438']);
    for (const entry of older) {
      const proj = gdal('gdalsrsinfo', ['-o', 'proj4', `EPSG:${entry.key}`]);
      const crs = entry.crs.kind === 'foreign' ? entry.crs : null;
      expect(proj, entry.key).toContain(`+lon_0=${crs?.gk?.centralMeridian} `);
      expect(proj, entry.key).toContain(`+x_0=${crs?.gk?.falseEasting} `);
      expect(proj, entry.key).toContain(entry.key < '2400' ? '+ellps=IAU76' : '+ellps=krass');
      expect(describeCrs(entry.crs)).toMatch(new RegExp(`^EPSG:${entry.key} ${entry.key < '2400' ? 'Xian 1980' : 'Beijing 1954'} 3° GK zone \\d\\d \\(CM ${crs?.gk?.centralMeridian}°E`));
    }
  }, 60_000);

  it('finds the entry of a choice again, also after it went to the worker and back (a copy)', () => {
    for (const entry of CRS_CHOICES) expect(choiceKeyOf(structuredClone(entry.crs))).toBe(entry.key);
  });

  it('a DXF declared Xian 1980 asks for the parameters (numbers alone would have been read as CGCS2000)', () => {
    const guessed = previewDxfFiles(drawing());
    expect(guessed.ok && guessed.value.preview.crs).toContain('CGCS2000');
    const declared = previewDxfFiles(drawing(), { crs: choice('2364') });
    expect(!declared.ok && declared.error).toMatchObject({ key: 'io.crs.needsDatumParameters', params: { datumId: 'xian1980', centralMeridian: 120, falseEasting: 40_500_000 } });
  });

  it.skipIf(noGdal)('with the parameters entered: the drawing lands where GDAL puts it (1 mm)', () => {
    const read = previewDxfFiles(drawing(), { crs: choice('2364'), datumParameters: [{ datum: 'xian1980', transformation: SEVEN }] });
    if (!read.ok) throw new Error(english(read.error));
    const flipped = [SEVEN.dx, SEVEN.dy, SEVEN.dz, -SEVEN.rx, -SEVEN.ry, -SEVEN.rz, SEVEN.scalePpm].join(',');
    const out = gdal('gdaltransform', ['-s_srs', `+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=IAU76 +towgs84=${flipped} +units=m`, '-t_srs', '+proj=longlat +ellps=GRS80 +towgs84=0,0,0', '-output_xy'], SQUARE.map((p) => p.join(' ')).join('\n') + '\n');
    const expected = out.trim().split('\n').map((line) => line.trim().split(/\s+/).map(Number));
    const ring = (read.value.preview.areas[0]?.geometry as Polygon).coordinates[0]!;
    for (const [lon, lat] of expected) expect(ring.some((p) => Math.abs(p[0]! - lon!) < 1e-8 && Math.abs(p[1]! - lat!) < 1e-8), `${lon} ${lat} in ${JSON.stringify(ring)}`).toBe(true);
  });
});
