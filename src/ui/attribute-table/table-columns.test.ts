import { describe, expect, it } from 'vitest';
import { M2_PER_MU } from '../../domain/units.ts';
import { feature, rect } from '../../domain/test-support.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { buildRows, tableColumns } from './table-columns.ts';

describe('tableColumns', () => {
  it('freezes the parcel number first, then the fields, then the area in m² and 亩; reference layers are read-only', () => {
    const base = tableColumns('base');
    expect(base.map((c) => c.key)).toEqual(['parcelNo', 'classCode', 'landNote', 'tenure', 'ownerName', 'slopeGrade', 'ridgeCoefficient', 'approvalNo', 'area', 'mu']);
    expect(base.filter((c) => c.source === 'field' && c.editable).map((c) => c.key)).toEqual(['classCode', 'landNote', 'tenure', 'ownerName', 'slopeGrade', 'ridgeCoefficient', 'approvalNo']);
    expect(tableColumns('pbf').every((c) => c.source !== 'field' || !c.editable)).toBe(true);
  });

  it('numbers the rows of a layer without a number or name, and gives point layers no area', () => {
    expect(tableColumns('reserve').map((c) => c.source)).toEqual(['sequence', 'field', 'field', 'area', 'mu']);
    expect(tableColumns('places').map((c) => c.key)).toEqual(['name']);
  });
});

describe('buildRows', () => {
  it('reads each field, the row number and the ellipsoidal area, and joins the shown text for the filter', () => {
    const geometry = rect(120, 30, 120.001, 30.001);
    const features = [
      feature('reserve', 'r1', geometry, { kind: 'nearPbf', note: '' }),
      feature('reserve', 'r2', geometry, { kind: 'other', note: 'Near the Road' }),
    ];
    const rows = buildRows(features, tableColumns('reserve'), (column, value) => (column.key === 'kind' ? `name of ${String(value)}` : String(value)));
    const m2 = ellipsoidalArea(geometry);
    expect(rows[1]?.values).toEqual([2, 'other', 'Near the Road', m2, m2 / M2_PER_MU]);
    expect(rows[1]?.search).toContain('name of other');
    expect(rows[1]?.search).toContain('near the road');
    expect(m2).toBeGreaterThan(10_000);
  });
});
