/**
 * terra-draw's synchronous `validation` hook: cheap checks on the feature itself while drawing ("cheap
 * while dragging, strict on finish"). A refused finish keeps the drawing so the planner can fix it, and
 * the reason is shown at the cursor. Cross-feature rules run elsewhere.
 */
import type { Polygon, Position } from 'geojson';
import type { TerraDrawPolygonMode } from 'terra-draw';
import type { Message } from '../../domain/message.ts';
import { geometryProblem } from '../../commands/geometry-checks.ts';
import { validateAreaGeometry } from '../../geo/validity.ts';

/** terra-draw does not export its `Validation` type; this is it, taken from a mode's options. */
type Validation = NonNullable<NonNullable<ConstructorParameters<typeof TerraDrawPolygonMode>[0]>['validation']>;

export type ProblemReporter = (message: Message, at: Position) => void;

/** The last clicked vertex: where a message about the drawing is pinned when it has no better place. */
function lastVertex(polygon: Polygon): Position {
  const ring = polygon.coordinates[0] ?? [];
  return (ring[Math.max(0, ring.length - 2)] ?? [0, 0]) as Position;
}

/** While clicking vertices: the path drawn so far must not cross itself. */
function pathProblem(polygon: Polygon): Message | undefined {
  const ring = polygon.coordinates[0] ?? [];
  // terra-draw's drawing ring is [v0 … vk, provisional, v0]: check the committed path as an open ring.
  const path = ring.slice(0, -2);
  if (path.length < 4) return undefined;
  const asRing: Polygon = { type: 'Polygon', coordinates: [[...path, path[0] as Position]] };
  // A path back through its own vertex is no outline to draw either, though it touches rather than crosses.
  const crossing = validateAreaGeometry(asRing).find((p) => (p.kind === 'selfIntersection' || p.kind === 'selfTouch') && p.severity === 'error');
  // The closing edge of this test ring is not drawn yet; only crossings away from it count.
  if (!crossing?.at) return undefined;
  const first = path[0] as Position;
  const last = path[path.length - 1] as Position;
  if (onSegment(crossing.at, last, first)) return undefined;
  return { key: 'geometry.invalid.selfIntersection', at: crossing.at };
}

function onSegment(p: Position, a: Position, b: Position): boolean {
  const [px, py] = p as [number, number];
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  const cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
  const length = Math.hypot(bx - ax, by - ay);
  if (length === 0 || Math.abs(cross) / length > 1e-9) return false;
  const t = ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / (length * length);
  return t >= -1e-9 && t <= 1 + 1e-9;
}

/**
 * Builds the polygon-mode validation. `extra` adds a tool's own finish check (inside the village, inside
 * the feature a hole is cut from).
 */
export function polygonValidation(report: ProblemReporter, extra: (polygon: Polygon) => Message | undefined): Validation {
  return (feature, { updateType }) => {
    if (feature.geometry.type !== 'Polygon') return { valid: true };
    const polygon = feature.geometry as Polygon;
    const problem =
      updateType === 'commit' ? pathProblem(polygon) : updateType === 'finish' ? geometryProblem(polygon) ?? extra(polygon) : undefined;
    if (!problem) return { valid: true };
    report(problem, problem.at ?? lastVertex(polygon));
    return { valid: false, reason: problem.key };
  };
}

/** For reshaping in select mode: the edited polygon must stay valid at every step of a drag. */
export function reshapeValidation(report: ProblemReporter): Validation {
  return (feature) => {
    if (feature.geometry.type !== 'Polygon') return { valid: true };
    const problem = geometryProblem(feature.geometry as Polygon);
    if (!problem) return { valid: true };
    report(problem, problem.at ?? lastVertex(feature.geometry as Polygon));
    return { valid: false, reason: problem.key };
  };
}
