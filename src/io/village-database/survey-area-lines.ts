/**
 * The 村级调查区界线 (CJDCQJX, domain-2026.md §3) of a database that has only its 村级调查区 (CJDCQ): the
 * survey areas' boundaries as lines, as a 界线 layer holds them: a boundary two survey areas share once, not
 * once per side, cut where three areas meet (or where it turns from shared to outer), so each line is one
 * 界线 between its two nodes; a boundary without any node (an island area) is one closed line.
 *
 * Survey areas from a county export are not noded alike on both sides (a T-junction: a vertex on one side
 * only) and their copies of a shared vertex may differ by digitising jitter; each area first gets its
 * neighbours' vertices lying on its edges, then vertices closer than the tolerance become one, the first met.
 */
import type { LineString, Position } from 'geojson';
import type { AreaGeometry } from '../../domain/features.ts';
import { rings } from '../../geo/rings.ts';
import { insertVerticesOnEdges } from '../../geo/topology.ts';
import { addToList } from '../../domain/lists.ts';

/** 1e-8° ≈ 1 mm: joins the two copies of a shared vertex digitised ±0.3 mm apart, and nothing a planner draws. */
const NODE_TOLERANCE_DEG = 1e-8;

/** Joins positions closer than the tolerance to the first one met, by a grid of tolerance-sized cells. */
class Nodes {
  readonly positions: Position[] = [];
  private readonly cells = new Map<string, number[]>();

  constructor(private readonly tolerance: number) {}

  id(p: Position): number {
    const cx = Math.floor((p[0] as number) / this.tolerance);
    const cy = Math.floor((p[1] as number) / this.tolerance);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const id of this.cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          const q = this.positions[id] as Position;
          if (Math.hypot((q[0] as number) - (p[0] as number), (q[1] as number) - (p[1] as number)) <= this.tolerance) return id;
        }
      }
    }
    const id = this.positions.length;
    this.positions.push([p[0] as number, p[1] as number]);
    const key = `${cx},${cy}`;
    addToList(this.cells, key, id);
    return id;
  }
}

/** Each area with every other area's vertices that lie on its edges inserted (T-junctions noded on both sides). */
function noded(areas: readonly AreaGeometry[]): AreaGeometry[] {
  const vertices = areas.map((area) => [...rings(area)].flatMap(({ ring }) => ring));
  return areas.map((area, i) => insertVerticesOnEdges(area, vertices.filter((_, j) => j !== i).flat(), NODE_TOLERANCE_DEG) ?? area);
}

/** The boundary lines of the survey areas, each shared stretch once; in the order the areas' rings first reach them. */
export function surveyAreaLines(areas: readonly AreaGeometry[], tolerance = NODE_TOLERANCE_DEG): LineString[] {
  const nodes = new Nodes(tolerance);
  const edges: (readonly [number, number])[] = [];
  const seen = new Set<string>();
  for (const area of noded(areas)) {
    for (const { ring } of rings(area)) {
      const ids = ring.map((p) => nodes.id(p));
      for (let i = 0; i + 1 < ids.length; i++) {
        const a = ids[i] as number;
        const b = ids[i + 1] as number;
        const key = a < b ? `${a}|${b}` : `${b}|${a}`;
        if (a === b || seen.has(key)) continue;
        seen.add(key);
        edges.push([a, b]);
      }
    }
  }
  return chains(edges, nodes.positions.length).map((ids) => ({ type: 'LineString', coordinates: ids.map((id) => nodes.positions[id] as Position) }));
}

/** The edges joined into lines that end only where the degree is not 2; cycles without such a node closed on their first node. */
function chains(edges: readonly (readonly [number, number])[], nodeCount: number): number[][] {
  const incident: number[][] = Array.from({ length: nodeCount }, () => []);
  edges.forEach(([a, b], e) => {
    incident[a]?.push(e);
    incident[b]?.push(e);
  });
  const used = new Uint8Array(edges.length);
  const walk = (start: number, first: number): number[] => {
    const line = [start];
    let node = start;
    let edge: number | undefined = first;
    while (edge !== undefined) {
      used[edge] = 1;
      const [a, b] = edges[edge] as readonly [number, number];
      node = a === node ? b : a;
      line.push(node);
      const around = incident[node] as number[];
      edge = around.length === 2 ? around.find((e) => !used[e]) : undefined;
    }
    return line;
  };
  const lines: number[][] = [];
  edges.forEach(([a, b], e) => {
    if (used[e]) return;
    // Start from a node that ends lines, so a line is not cut in the middle; an edge on a cycle starts anywhere.
    if ((incident[a] as number[]).length !== 2) lines.push(walk(a, e));
    else if ((incident[b] as number[]).length !== 2) lines.push(walk(b, e));
  });
  edges.forEach(([a], e) => {
    if (!used[e]) lines.push(walk(a, e));
  });
  return lines;
}
