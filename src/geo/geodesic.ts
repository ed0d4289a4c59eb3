/**
 * GeographicLib's geodesic on the CGCS2000 ellipsoid, made once for lengths (`measure.ts`): exact to
 * round-off, as survey software computes them. Areas (`area.ts`) take the authalic sphere, a faster way to
 * the same figures; its tests compare with GeographicLib's polygon areas.
 */
import * as GeographicLib from 'geographiclib-geodesic';
import { CGCS2000_A, CGCS2000_F } from './ellipsoid.ts';

// The package is a UMD bundle: Node's ESM loader exposes it only as `default`, bundlers as named exports.
export const geographicLib = ((GeographicLib as unknown as { default?: typeof GeographicLib }).default ?? GeographicLib);
export const cgcs2000Geodesic = new geographicLib.Geodesic.Geodesic(CGCS2000_A, CGCS2000_F);
