import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../limits.ts';
import { english, fixtureFiles, shapefileFixture } from '../test-support.ts';
import { writeZip } from '../zip/zip-write.ts';
import { checkBeforeReading, FORMATS, importFiles } from './index.ts';

describe('importFiles', () => {
  it('lists its formats explicitly', () => {
    expect(FORMATS.map((f) => f.id)).toEqual(['shapefile', 'geojson', 'parcel-coords', 'dxf']);
  });

  it('refuses a file over the browser limit by its size alone, before reading, saying the limit', () => {
    const refused = checkBeforeReading([{ name: '全县三调.zip', size: 3 * 1024 ** 3 }]);
    expect(!refused.ok && english(refused.error)).toMatch(/全县三调\.zip.*3072 MB.*512 MB/);
    const total = checkBeforeReading([{ name: 'a.shp', size: 400 * 1024 ** 2 }, { name: 'b.shp', size: 400 * 1024 ** 2 }, { name: 'c.shp', size: 400 * 1024 ** 2 }]);
    expect(!total.ok && total.error.key).toBe('io.limits.totalTooLarge');
    const small = importFiles(fixtureFiles('third-party/check-geojson', 'good__good-point.geojson'), { limits: { ...DEFAULT_LIMITS, maxFileBytes: 10 } });
    expect(!small.ok && small.error.key).toBe('io.limits.fileTooLarge');
  });

  it('reads several layers at once, from loose files and zips, and names what it ignored', () => {
    const dltb = shapefileFixture('third-party/geotools', 'rus-windows-1251');
    const zip = writeZip([...dltb.map((f) => ({ name: `图层/${f.name}`, bytes: f.bytes })), { name: '图层/说明.pdf', bytes: new Uint8Array(3) }]);
    const result = importFiles([{ name: '成果.zip', bytes: zip }, ...fixtureFiles('third-party/check-geojson', 'good__good-point.geojson')], { region: 'any' });
    expect(result.ok && result.value.map((l) => [l.format, l.name])).toEqual([
      ['shapefile', 'rus-windows-1251'],
      ['geojson', 'good__good-point'],
    ]);
    expect(result.ok && english(result.notes.find((n) => n.key === 'io.import.ignoredFiles')!)).toContain('说明.pdf');
  });

  it('reads upper-case extensions and mixed-case names as one Shapefile', () => {
    const files = shapefileFixture('third-party/geotools', 'rus-windows-1251').map((f, i) => ({ ...f, name: i % 2 ? f.name.toUpperCase() : f.name.replace(/\.(\w+)$/, (_, ext: string) => `.${ext.toUpperCase()}`) }));
    const result = importFiles(files, { region: 'any' });
    expect(result.ok && result.value.map((l) => [l.format, l.features.length])).toEqual([['shapefile', 2]]);
  });

  it('imports nothing half-way: one bad dataset refuses the whole import', () => {
    const result = importFiles([...shapefileFixture('third-party/geotools', 'rus-windows-1251'), ...fixtureFiles('third-party/check-geojson', 'bad__bad-json.geojson')], { region: 'any' });
    expect(!result.ok && result.error.key).toBe('io.geojson.notJson');
  });
});
