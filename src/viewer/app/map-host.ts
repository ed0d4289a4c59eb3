/**
 * The viewer's map in two stages. At once: the canvas first view (canvas-map.ts) drawn from the decoded
 * payload, so a villager sees the village before MapLibre's code is compiled; taps on it already answer.
 * After the first frame: MapLibre (loaded by the caller, see single-file.ts) starts underneath at the same
 * camera and replaces the canvas at its first `idle`. Without WebGL, or if MapLibre cannot start, the
 * canvas stays as a still map (mode `static`: no pan or pinch; search still centres it) and the viewer
 * says so.
 */
import type { Geometry } from 'geojson';
import { el } from './dom.ts';
import { drawLayers, projectPoint, unprojectPoint, type CanvasView } from './canvas-map.ts';
import type { LiveNoticeMap, NoticeMapModule } from './notice-map.ts';
import { fitCamera, flyToCamera, noticeLayers, pinsData, PINS_SOURCE, SELECTED_SOURCE, selectedData, type Camera, type MapContent, type NoticeMap, type NoticeView, type Pin } from './notice-style.ts';

/** `canvas`: the first view, MapLibre not (yet) drawn; `interactive`: MapLibre; `static`: the canvas for good. */
export type MapMode = 'canvas' | 'interactive' | 'static';

export interface MapHost extends NoticeMap {
  mode(): MapMode;
  onModeChange(listener: () => void): void;
  /** Resolves when the map shown is completely drawn (MapLibre's next idle once it has taken over). */
  idle(): Promise<void>;
  project(lonLat: [number, number]): { x: number; y: number };
  /** Starts MapLibre; resolves when it has replaced the canvas, or when the canvas stays (no WebGL, no code). */
  startInteractive(load: () => Promise<NoticeMapModule>): Promise<void>;
}

function webglAvailable(): boolean {
  try {
    const probe = document.createElement('canvas');
    const gl = probe.getContext('webgl2') ?? probe.getContext('webgl');
    // Give the probe's context back at once: phones allow only a few live WebGL contexts.
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return gl !== null;
  } catch {
    return false;
  }
}

export function createMapHost(container: HTMLElement, content: MapContent): MapHost {
  const canvas = el('canvas', { className: 'first-view', attrs: { 'data-testid': 'first-view' } });
  container.append(canvas);
  const sources = new Map(content.sources);
  const size = () => ({ width: Math.max(1, container.clientWidth), height: Math.max(1, container.clientHeight) });
  let view: NoticeView = 'plan';
  let selected: Geometry | null = null;
  let pins: readonly Pin[] = [];
  let { width, height } = size();
  let camera: Camera = fitCamera(content.bbox, width, height);
  /** The camera is the village's fit (so a resize refits it) until a search moves it. */
  let fitted = true;
  let mode: MapMode = 'canvas';
  let live: LiveNoticeMap | null = null;
  let started: Promise<void> | null = null;
  // MapLibre is started after the first paint; until then "idle" means "after that attempt", or a caller
  // asking right after load would be told the canvas is the final map.
  let requestStart: () => void = () => undefined;
  const startRequested = new Promise<void>((resolve) => (requestStart = resolve));
  const tapListeners: ((lonLat: [number, number]) => void)[] = [];
  const modeListeners: (() => void)[] = [];
  const canvasView = (): CanvasView => ({ camera, width, height });

  let drawScheduled = false;
  function drawNow(): void {
    drawScheduled = false;
    if (mode === 'interactive') return;
    sources.set(SELECTED_SOURCE, selectedData(selected));
    sources.set(PINS_SOURCE, pinsData(pins));
    drawLayers(canvas, canvasView(), window.devicePixelRatio || 1, noticeLayers(content, view), sources);
    if (performance.getEntriesByName('notice:canvas-drawn').length === 0) performance.mark('notice:canvas-drawn');
  }
  /** Draws in the next animation frame, before it is painted: the viewer's first render changes the view, the
   * pins and the selection one after the other, and each redraw of 2,000 parcels costs ~0.1 s on a slow phone. */
  function draw(): void {
    if (drawScheduled) return;
    drawScheduled = true;
    requestAnimationFrame(drawNow);
  }

  function setMode(next: MapMode): void {
    mode = next;
    container.dataset.mapMode = next;
    for (const listener of modeListeners) listener();
  }

  function moveTo(next: Camera, isFit: boolean): void {
    camera = next;
    fitted = isFit;
    draw();
  }

  canvas.addEventListener('click', (event) => {
    const at = unprojectPoint(canvasView(), event.offsetX, event.offsetY);
    for (const listener of tapListeners) listener(at);
  });
  new ResizeObserver(() => {
    const now = size();
    // The observer also reports the size it starts with: nothing to redraw then.
    if (now.width === width && now.height === height) return;
    ({ width, height } = now);
    if (fitted) camera = fitCamera(content.bbox, width, height);
    draw();
  }).observe(container);
  container.dataset.mapMode = mode;
  draw();

  return {
    mode: () => mode,
    onModeChange(listener) {
      modeListeners.push(listener);
    },
    setView(next) {
      view = next;
      live?.setView(next);
      draw();
    },
    showSelected(geometry) {
      selected = geometry;
      live?.showSelected(geometry);
      draw();
    },
    showPins(next) {
      pins = next;
      live?.showPins(next);
      draw();
    },
    flyTo(lonLat) {
      if (mode === 'interactive' && live) return live.flyTo(lonLat);
      moveTo(flyToCamera(camera, lonLat), false);
      live?.jumpTo(camera);
    },
    fitVillage() {
      if (mode === 'interactive' && live) return live.fitVillage();
      moveTo(fitCamera(content.bbox, width, height), true);
      live?.jumpTo(camera);
    },
    onTap(listener) {
      tapListeners.push(listener);
    },
    async idle() {
      await startRequested;
      await started;
      if (mode === 'interactive' && live) await live.idle();
    },
    project(lonLat) {
      if (mode === 'interactive' && live) return live.project(lonLat);
      const [x, y] = projectPoint(canvasView(), lonLat);
      return { x, y };
    },
    startInteractive(load) {
      requestStart();
      started ??= (async () => {
        if (!webglAvailable()) return setMode('static');
        try {
          const module = await load();
          live = module.createNoticeMap(container, content, camera, view);
        } catch {
          live = null;
          return setMode('static');
        }
        live.showSelected(selected);
        live.showPins(pins);
        live.onTap((at) => {
          for (const listener of tapListeners) listener(at);
        });
        await live.idle();
        canvas.remove();
        setMode('interactive');
      })();
      return started;
    },
  };
}
