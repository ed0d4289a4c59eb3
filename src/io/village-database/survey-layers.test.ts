import { describe, expect, it } from 'vitest';
import type { ImportedLayer } from '../formats/types.ts';
import { surveyLayersOf } from './survey-layers.ts';

const square = { type: 'Polygon' as const, coordinates: [[[120, 30], [120.001, 30], [120.001, 30.001], [120, 30]]] };
const layer = (name: string, polygons = true): ImportedLayer =>
  ({ name, file: `${name}.shp`, format: 'shapefile', fields: [], features: [{ recordNo: 1, geometry: polygons ? square : { type: 'Point', coordinates: [120, 30] }, properties: {} }] }) as unknown as ImportedLayer;

describe('which layer is the DLTB', () => {
  it('takes DLTB by name and the village boundary beside it', () => {
    const read = surveyLayersOf([layer('XZQ'), layer('DLTB'), layer('CZCDYD')]);
    expect(read.ok && [read.value.dltb.name, read.value.boundary?.name]).toEqual(['DLTB', 'XZQ']);
  });

  it('takes the only polygon layer when none is named DLTB', () => {
    const read = surveyLayersOf([layer('上村地类'), layer('points', false)]);
    expect(read.ok && read.value.dltb.name).toBe('上村地类');
  });

  it('asks which one when two polygon layers could be it, and says when there is none', () => {
    const two = surveyLayersOf([layer('a'), layer('b')]);
    expect(!two.ok && two.error).toEqual({ key: 'database.survey.whichDltb', params: { layers: 'a, b' } });
    const none = surveyLayersOf([layer('points', false)]);
    expect(!none.ok && none.error.key).toBe('database.survey.noDltb');
  });
});
