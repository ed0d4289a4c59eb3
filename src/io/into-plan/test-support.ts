/**
 * A small land survey as GeoJSON whose parcels are misaligned by fractions of a millimetre, as a 三调
 * export reprojected by another tool: for the unit and browser tests of topology alignment. Not used by
 * the app.
 *
 * Ten parcels of 20 m in the middle of the sample village: two rows of four, and above them two parcels
 * two columns wide. Every parcel has its own copy of each corner, off by up to 0.3 mm each way
 * (deterministically); the corners between the lower parcels lie 0.2 mm below the wide parcels' bottom
 * edges, which do not have them (T-junctions). Aligned, the layer has 18 distinct corners.
 */
import { metresPerDegree } from '../../geo/local-metric.ts';

const LON0 = 120.7475;
const LAT0 = 30.455;
const SIZE = 20;
export const ALIGNED_CORNERS = 18;

export function misalignedSurveyGeoJson(): string {
  const scale = metresPerDegree(LAT0);
  let seed = 11;
  const jitter = () => (((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.0006);
  /** A corner in grid units as this parcel's own copy; `dy` moves it off the grid line (metres). */
  const corner = (i: number, j: number, dy = 0) => [LON0 + (i * SIZE + jitter()) / scale.x, LAT0 + (j * SIZE + dy + jitter()) / scale.y];
  const features: object[] = [];
  const add = (no: number, code: string, ring: number[][]) =>
    features.push({ type: 'Feature', properties: { TBBH: `J${no}`, DLBM: code, DLMC: code === '0101' ? '水田' : '旱地' }, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } });
  for (let j = 0; j < 2; j++) {
    for (let i = 0; i < 4; i++) {
      // The top corners of the upper row that are not under a wide parcel's corner are T-junctions.
      const top = (x: number) => (j === 1 && x % 2 === 1 ? -0.0002 : 0);
      add(features.length + 1, (i + j) % 2 ? '0101' : '0103', [corner(i, j), corner(i + 1, j), corner(i + 1, j + 1, top(i + 1)), corner(i, j + 1, top(i))]);
    }
  }
  for (let i = 0; i < 4; i += 2) add(features.length + 1, '0103', [corner(i, 2), corner(i + 2, 2), corner(i + 2, 3), corner(i, 3)]);
  return JSON.stringify({ type: 'FeatureCollection', features });
}
