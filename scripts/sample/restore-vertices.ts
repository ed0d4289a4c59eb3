/**
 * polyclip drops a vertex where its two edges run straight on (see src/geo/overlay.ts). After a clip, the
 * neighbour that was not clipped still has that vertex, so leaving it out would open a T-junction between
 * parcels: each such vertex is put back into the edge it lies on.
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from '../../src/domain/features.ts';
import { mapRings, rings } from '../../src/geo/rings.ts';
import { onSegment, projectionParameter } from '../../src/geo/segments.ts';
import { pointKey } from './gk-plane.ts';

/** The geometry with every `candidate` that is not one of its vertices inserted into the edge it lies exactly on. */
export function restoreDroppedVertices<G extends AreaGeometry>(geometry: G, candidates: readonly Position[]): G {
  const present = new Set<string>();
  for (const { ring } of rings(geometry)) for (const p of ring) present.add(pointKey(p));
  const missing = candidates.filter((p) => !present.has(pointKey(p)));
  if (missing.length === 0) return geometry;
  const placed = new Set<Position>();
  const result = mapRings(geometry, (ring) => {
    const out: Position[] = [];
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i] as Position;
      const b = ring[i + 1] as Position;
      out.push(a);
      const between = missing.filter((p) => onSegment(p, a, b)).sort((p, q) => projectionParameter(p, a, b) - projectionParameter(q, a, b));
      for (const p of between) placed.add(p);
      out.push(...between);
    }
    out.push(ring[ring.length - 1] as Position);
    return out;
  });
  const lost = missing.find((p) => !placed.has(p));
  if (lost) throw new Error(`clipping lost the vertex ${lost[0]},${lost[1]}, which lies on no edge of the result`);
  return result;
}
