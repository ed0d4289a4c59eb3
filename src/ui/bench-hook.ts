/**
 * Only in benchmark builds (`VITE_VILLAGE_BENCH=1`, see bench/editor.bench.ts): drives the editor's own
 * edit path (command → patch → store → map) and times it until the map has drawn the change. Never part
 * of the app build.
 */
import type { Position } from 'geojson';
import { moveSharedVertex } from '../commands/reshape.command.ts';
import type { FeatureId } from '../domain/ids.ts';
import { findFeature } from '../domain/plan.ts';
import { geometryBBox } from '../geo/bbox.ts';
import { sourceId } from '../map/map-features.ts';
import type { MapView } from '../map/map-view.ts';
import { zoomForScale } from '../map/scale.ts';
import type { Editor } from '../store/editor.ts';
import { ANSWER_APPLIED } from '../app/validation-client.ts';

export interface BenchHook {
  /** Centres the map on a feature at 1:`scale` (planners edit at 1:2000) and resolves at idle. */
  focus(featureId: string, scale: number): Promise<void>;
  /** Moves vertex `index` of the outer ring by `dx` degrees; resolves to the ms until the map drew it. */
  moveVertex(featureId: string, index: number, dx: number): Promise<number>;
  /** Whether the map's rendered tiles hold a vertex of the feature within `toleranceDeg` of `at`. */
  renderedHasVertexNear(featureId: string, at: Position, toleranceDeg: number): boolean;
  /** The current position of a vertex in the plan. */
  vertex(featureId: string, index: number): Position;
  /**
   * Moves a vertex like `moveVertex`, and resolves to the ms until the issues panel's store holds the
   * validation worker's answer for the new plan version (`untilChecked`), and to what that answer says the
   * re-check itself took in the worker (`workerMs`: applying the patch and checking, without the messaging).
   */
  moveVertexUntilChecked(featureId: string, index: number, dx: number): Promise<{ readonly untilChecked: number; readonly workerMs: number | null }>;
  /** Main-thread long tasks (> 50 ms) that started at or after `since` (performance.now() time). */
  longTasksSince(since: number): number[];
  /**
   * The long tasks among those that handled a validation answer (the store update and what it triggers
   * synchronously): the ones checking caused. The rest are the map drawing the edit.
   */
  checkingTasksSince(since: number): number[];
  /** How long the main thread spent on each checking answer since `since` (its store update). */
  answersHandledSince(since: number): number[];
}

export function installBenchHook(editor: Editor, view: () => MapView | null): void {
  const longTasks: PerformanceEntry[] = [];
  new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
  const checked = (version: number) =>
    new Promise<void>((resolve) => {
      if (editor.issues.getState().version >= version) return resolve();
      const off = editor.issues.subscribe((state) => {
        if (state.version >= version) {
          off();
          resolve();
        }
      });
    });
  const featureOf = (id: string) => {
    const feature = findFeature(editor.plan.getState().plan, id as FeatureId);
    if (!feature || feature.geometry.type === 'Point') throw new Error(`no area feature ${id}`);
    return feature;
  };
  const mapOf = () => {
    const map = view()?.map;
    if (!map) throw new Error('map not ready');
    return map;
  };
  const vertex = (id: string, index: number): Position => {
    const { geometry } = featureOf(id);
    const ring = geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.type === 'MultiPolygon' ? geometry.coordinates[0]?.[0] : undefined;
    const p = ring?.[index];
    if (!p) throw new Error(`no vertex ${index}`);
    return p;
  };
  const answersSince = (since: number) => performance.getEntriesByName(ANSWER_APPLIED, 'measure').filter((m) => m.startTime >= since);
  const hook: BenchHook = {
    vertex,
    async focus(featureId, scale) {
      const map = mapOf();
      const [minX, minY, maxX, maxY] = geometryBBox(featureOf(featureId).geometry);
      const centre: [number, number] = [(minX + maxX) / 2, (minY + maxY) / 2];
      map.jumpTo({ center: centre, zoom: zoomForScale(scale, centre[1]) });
      await view()?.whenDrawn();
    },
    async moveVertex(featureId, index, dx) {
      const from = vertex(featureId, index);
      const start = performance.now();
      const outcome = editor.plan.execute(moveSharedVertex(editor.plan.context(), from, [(from[0] as number) + dx, from[1] as number]));
      if (!outcome.ok) throw new Error(outcome.message?.key ?? 'refused');
      await view()?.whenDrawn();
      return performance.now() - start;
    },
    async moveVertexUntilChecked(featureId, index, dx) {
      const from = vertex(featureId, index);
      const start = performance.now();
      const outcome = editor.plan.execute(moveSharedVertex(editor.plan.context(), from, [(from[0] as number) + dx, from[1] as number]));
      if (!outcome.ok) throw new Error(outcome.message?.key ?? 'refused');
      await checked(editor.plan.getState().version);
      return { untilChecked: performance.now() - start, workerMs: editor.issues.getState().checkMs };
    },
    longTasksSince(since) {
      return longTasks.filter((t) => t.startTime >= since).map((t) => t.duration);
    },
    checkingTasksSince(since) {
      const answers = answersSince(since);
      const handledAnswer = (task: PerformanceEntry) => answers.some((m) => m.startTime >= task.startTime && m.startTime <= task.startTime + task.duration);
      return longTasks.filter((t) => t.startTime >= since && handledAnswer(t)).map((t) => t.duration);
    },
    answersHandledSince(since) {
      return answersSince(since).map((m) => m.duration);
    },
    renderedHasVertexNear(featureId, at, toleranceDeg) {
      const feature = featureOf(featureId);
      const rendered = mapOf().querySourceFeatures(sourceId(feature.layer), { filter: ['==', ['get', 'id'], featureId] });
      return rendered.some((f) =>
        (f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat(2) : []).some(
          (p) => Math.abs((p[0] as number) - (at[0] as number)) < toleranceDeg && Math.abs((p[1] as number) - (at[1] as number)) < toleranceDeg,
        ),
      );
    },
  };
  Object.defineProperty(window, 'villagePlanBench', { value: hook, configurable: true });
}
