import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import type { DatumParameters, SevenParameters } from '../../domain/datum-parameters.ts';
import { importFiles } from '../formats/index.ts';
import type { Message } from '../../domain/message.ts';
import { createI18n } from '../../i18n/index.ts';
import { renderMessage } from '../../rules/render.ts';
import { readParameterText } from './datum-file.ts';
import { crsFromPrj } from './prj-read.ts';
import type { ForeignCrs } from './source-crs.ts';
import { XIAN_1980_ZONE_40_PRJ, xianSquares } from './test-support.ts';

const noGdal = skipWithoutGdal('gdalsrsinfo', 'gdaltransform');
const zh = createI18n('zh-CN');
const en = createI18n('en');
/** As the planner reads it (`…Key` parameters translated, as the dialog and the CLI do). */
const chinese = (m: Message) => renderMessage((k, v) => zh.t(k, v ?? {}), m);
const english = (m: Message) => renderMessage((k, v) => en.t(k, v ?? {}), m);
const SEVEN: SevenParameters = { kind: 'sevenParameter', dx: -52.3412, dy: -15.7021, dz: 46.2153, rx: 1.23456, ry: -2.34567, rz: 3.45678, scalePpm: -2.5, convention: 'coordinateFrame' };

function foreign(text: string): ForeignCrs | string {
  const read = crsFromPrj(text, 'x.prj');
  if (!read.ok) return read.error.key;
  return read.value.crs.kind === 'foreign' ? read.value.crs : read.value.crs.kind;
}

describe('foreign .prj', () => {
  it('recognises Xian 1980 and Beijing 1954 by name, EPSG code and ellipsoid, with their plane', () => {
    expect(foreign(XIAN_1980_ZONE_40_PRJ)).toMatchObject({ gk: { centralMeridian: 120, falseEasting: 40_500_000 }, shift: { kind: 'local', datum: 'xian1980', transformation: null } });
    expect(foreign('PROJCS["Beijing_1954_3_Degree_GK_CM_120E",GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]]],PROJECTION["Gauss_Kruger"]]')).toMatchObject({
      gk: { centralMeridian: 120, falseEasting: 500_000 },
      shift: { datum: 'beijing1954' },
    });
    expect(foreign('PROJCS["x",GEOGCS["y",DATUM["z",SPHEROID["s",6378245,298.3]]],PROJECTION["Transverse_Mercator"],AUTHORITY["EPSG","2436"]]')).toMatchObject({ gk: { centralMeridian: 117 }, shift: { datum: 'beijing1954' } });
    expect(foreign('GEOGCS["g",DATUM["",SPHEROID["IAG 75",6378140,298.257]]]')).toMatchObject({ gk: null, shift: { datum: 'xian1980' } });
  });

  it.skipIf(noGdal)('reads GDAL WKT1 and WKT2 of Xian 1980 zone 40 (EPSG:2364)', () => {
    for (const format of ['wkt1', 'wkt2', 'wkt_esri']) {
      expect(foreign(gdal('gdalsrsinfo', ['-o', format, 'EPSG:2364'])), format).toMatchObject({ gk: { centralMeridian: 120, falseEasting: 40_500_000 }, shift: { datum: 'xian1980' } });
    }
  });

  it.skipIf(noGdal)('takes other datums through proj4: GDA94 and NAD83 as the same, MGI with its shift', () => {
    expect(foreign(gdal('gdalsrsinfo', ['-o', 'wkt_esri', 'EPSG:28355']))).toMatchObject({ shift: { kind: 'same' } });
    // proj4 carries EPSG:4269 as +datum=NAD83, which it treats as WGS 84.
    expect(foreign(gdal('gdalsrsinfo', ['-o', 'wkt1', 'EPSG:4269']))).toMatchObject({ definition: 'EPSG:4269', shift: { kind: 'same' } });
    expect(foreign('GEOGCS["GCS_MGI",DATUM["D_MGI",SPHEROID["Bessel_1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]')).toMatchObject({ shift: { kind: 'towgs84', values: [577.326, 90.129, 463.919, 5.137, 1.474, 5.297, 2.4232] } });
  });

  it.skipIf(noGdal)('reads CGCS2000 in a 6° zone where GDAL puts it, without a note about a datum shift (it is CGCS2000)', () => {
    const [x, y] = gdal('gdaltransform', ['-s_srs', 'EPSG:4490', '-t_srs', 'EPSG:4499', '-output_xy'], '122.2 30.0\n').trim().split(/\s+/).map(Number) as [number, number];
    const files = xianSquares('ZD', [[x, y]]).map((f) => (f.name.endsWith('.prj') ? { ...f, bytes: new TextEncoder().encode(gdal('gdalsrsinfo', ['-o', 'wkt_esri', 'EPSG:4499'])) } : f));
    const read = importFiles(files);
    if (!read.ok) throw new Error(read.error.key);
    const corner = (read.value[0]!.features[0]!.geometry as Polygon).coordinates[0]!.find((p) => Math.abs(p[0]! - 122.2) < 1e-8);
    expect(corner?.[1]).toBeCloseTo(30.0, 8);
    expect(read.notes.map((n) => n.key)).not.toContain('io.crs.datumSame');
  });
});

describe('parameter files', () => {
  const defaults = { convention: 'positionVector', centralMeridian: 120 } as const;
  const read = (text: string) => {
    const r = readParameterText(text, defaults);
    return r.ok ? r.value : r.error.key;
  };
  const seven = { kind: 'sevenParameter', dx: -52.3412, dy: -15.7021, dz: 46.2153, rx: 1.23456, ry: -2.34567, rz: 3.45678, scalePpm: -2.5 };

  it('reads plain numbers, +towgs84, TOWGS84[…] and labelled values', () => {
    expect(read('-52.3412 -15.7021 46.2153 1.23456 -2.34567 3.45678 -2.5')).toEqual({ transformation: { ...seven, convention: 'positionVector' }, conventionStated: false });
    expect(read('+proj=tmerc +lon_0=120 +ellps=IAU76 +towgs84=-52.3412,-15.7021,46.2153,1.23456,-2.34567,3.45678,-2.5 +units=m')).toMatchObject({ transformation: seven, conventionStated: true });
    expect(read('GEOGCS["x",DATUM["Xian_1980",SPHEROID["IAG",6378140,298.257],TOWGS84[-52.3412,-15.7021,46.2153,1.23456,-2.34567,3.45678,-2.5]]]')).toMatchObject({ transformation: seven });
    const cass = 'X平移=-52.3412\nY平移=-15.7021\nZ平移=46.2153\nX旋转=1.23456\nY旋转=-2.34567\nZ旋转=3.45678\n尺度=-2.5\n坐标框架';
    expect(read(cass)).toEqual({ transformation: { ...seven, convention: 'coordinateFrame' }, conventionStated: true });
    expect(read('ΔX: -52.3412  ΔY: -15.7021  ΔZ: 46.2153  rX: 1.23456 rY: -2.34567 rZ: 3.45678 尺度因子 0.9999975')).toMatchObject({ transformation: { ...seven, scalePpm: expect.closeTo(-2.5, 6) } });
    expect(read('X平移 100.5\nY平移 -20.25\n旋转角 1.5\n比例 1.000002')).toMatchObject({ transformation: { kind: 'fourParameter', dx: 100.5, dy: -20.25, rotationSeconds: 1.5, scalePpm: expect.closeTo(2, 6), centralMeridian: 120 } });
    expect(read('X平移 100.5\nY平移 -20.25\n旋转角(度) 0.001\n比例 0')).toMatchObject({ transformation: { rotationSeconds: expect.closeTo(3.6, 9) } });
    expect(read('100.5 -20.25 1.5 2')).toMatchObject({ transformation: { kind: 'fourParameter', rotationSeconds: 1.5, scalePpm: 2 } });
  });

  it('refuses what it cannot read, naming the forms it expects', () => {
    const bad = readParameterText('X平移=1 Y旋转=2', defaults);
    expect(!bad.ok && bad.error.key).toBe('io.datum.missingValues');
    const numbers = readParameterText('1 2 3 4 5', defaults);
    expect(!numbers.ok && numbers.error.key).toBe('io.datum.unreadable');
    if (!numbers.ok) expect(chinese(numbers.error)).toContain('+towgs84=');
    const lonLat = readParameterText('1 2 3 4', { ...defaults, centralMeridian: null });
    expect(!lonLat.ok && lonLat.error.key).toBe('io.datum.fourNeedsPlane');
  });
});

describe('importing a Xian 1980 Shapefile', () => {
  const files = xianSquares('DLTB', [[40_450_000, 3_300_000]]);

  it('asks for the parameters and names the datum, and says where to get them', () => {
    const read = importFiles(files);
    expect(!read.ok && read.error).toMatchObject({ key: 'io.crs.needsDatumParameters', params: { datumId: 'xian1980', centralMeridian: 120, falseEasting: 40_500_000 } });
    if (!read.ok) {
      expect(chinese(read.error)).toContain('西安80');
      expect(chinese(read.error)).toContain('自然资源和规划局');
      expect(english(read.error)).toContain('Xian 1980');
    }
  });

  it.skipIf(noGdal)('with the saved parameters: vertices where GDAL puts them (1 mm), and a note naming the parameters', () => {
    const saved: DatumParameters[] = [{ datum: 'xian1980', transformation: SEVEN }];
    const read = importFiles(files, { datumParameters: saved });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const ring = (read.value[0]?.features[0]?.geometry as Polygon).coordinates[0] ?? [];
    const flipped = [SEVEN.dx, SEVEN.dy, SEVEN.dz, -SEVEN.rx, -SEVEN.ry, -SEVEN.rz, SEVEN.scalePpm].join(',');
    const out = gdal('gdaltransform', ['-s_srs', `+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=IAU76 +towgs84=${flipped} +units=m`, '-t_srs', '+proj=longlat +ellps=GRS80 +towgs84=0,0,0', '-output_xy'], '40450000 3300000\n');
    const [lon, lat] = out.trim().split(/\s+/).map(Number) as [number, number];
    const corner = ring.find((p) => Math.abs((p[0] as number) - lon) < 1e-6 && Math.abs((p[1] as number) - lat) < 1e-6);
    expect(corner, `${lon} ${lat} in ${JSON.stringify(ring)}`).toBeDefined();
    const datumNote = read.notes.find((n) => n.key === 'io.crs.datumLocal');
    expect(datumNote && chinese(datumNote)).toContain('七参数（坐标框架）');
    expect(datumNote && chinese(datumNote)).toContain('ΔX=-52.3412 m');
  });
});
