/**
 * A use change whose target is the class already under part of it, round-tripped through the delivery
 * package. The county's 三调 case: a paddy parcel with a hole that a pond fills, and the planner fills the
 * pond as paddy with one change drawn round the paddy's shell. The piece on the paddy stays 一般农田, so
 * GHYT writes it `N111`, the code of unchanged farmland; only the sidecar (规划参数.json) says it belongs to
 * the change. The reader dropped that piece and rebuilt the change as the pond alone (107 of 10,700 m²),
 * and the package's check found a "fragment" use change that the plan's check did not.
 */
import type { Polygon, Position } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { layerFeatures } from '../../domain/plan.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { feature, village, withFeatures } from '../../rules/test-support.ts';
import { deliver } from './delivery-test-support.ts';
import { readPackageFiles } from './read-files.ts';
import { comparable, readPackageBack, writePackageFolder } from './round-trip-support.ts';

const square = (x0: number, y0: number, x1: number, y1: number): Position[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

/**
 * Cell (1, 1) of a 3 × 3 paddy village is a paddy with a pond in its middle; the change fills the pond.
 * With `pbf` the paddy is also permanent basic farmland, so its piece is written G112, not N111.
 */
function pondInPaddy(pbf: boolean) {
  const { plan, g } = village({ w: 3, h: 3 });
  const [x0, y0] = g.at(1, 1) as [number, number];
  const [x1, y1] = g.at(2, 2) as [number, number];
  const pond = square(x0 + 0.00045, y0 + 0.00045, x0 + 0.00055, y0 + 0.00055);
  const shell = square(x0, y0, x1, y1);
  const holed: Polygon = { type: 'Polygon', coordinates: [shell, [...pond].reverse()] };
  return withFeatures(
    plan,
    feature('base', 'p1-1', holed, { parcelNo: '1-1', classCode: '111' }),
    feature('base', 'pond', { type: 'Polygon', coordinates: [pond] }, { parcelNo: '10', classCode: '153' }),
    ...(pbf ? [feature('pbf', 'pbf', holed, { pbfType: 'G112', recordedArea: null })] : []),
    feature('useChange', 'fill', { type: 'Polygon', coordinates: [shell] }, { parcelNo: 'TZ001', targetCode: '111', newFarmlandType: '01', note: '坑塘填平为水田' }),
  );
}

describe.each([false, true])('a use change over land already of its target class (basic farmland: %s)', async (pbf) => {
  const plan = pondInPaddy(pbf);
  const written = await writePackageFolder(plan);
  afterAll(() => written.remove());
  const back = readPackageBack(written.dir);

  it('reopens whole, not as the part whose class changes', () => {
    const [before] = layerFeatures(plan, 'useChange');
    const after = layerFeatures(back.plan, 'useChange');
    expect(after.map((f) => [f.properties.parcelNo, f.properties.targetCode])).toEqual([['TZ001', '111']]);
    expect(ellipsoidalArea(after[0]!.geometry)).toBeCloseTo(ellipsoidalArea(before!.geometry), 2);
    expect(back.notes).not.toContain('package.inputs.unmatched');
  });

  it('checks as the plan does', () => {
    expect(comparable(back.check.issues, back.refs)).toEqual(comparable(written.check.issues, written.refs));
    expect(layerFeatures(back.plan, 'pbf')).toHaveLength(pbf ? 1 : 0);
  });

  it('reopens whole from the Shapefiles too, as the editor reads a package', async () => {
    const files = (await deliver(plan)).files.filter((f) => !f.name.endsWith('.geojson'));
    const read = readPackageFiles(files);
    if (!read?.ok) throw new Error(JSON.stringify(read));
    const after = layerFeatures(read.value.plan, 'useChange');
    expect(after.map((f) => f.properties.parcelNo)).toEqual(['TZ001']);
    expect(ellipsoidalArea(after[0]!.geometry)).toBeCloseTo(ellipsoidalArea(layerFeatures(plan, 'useChange')[0]!.geometry), 2);
  });
});
