/** The map and everything that lives on it: the view, the drawing input, selection and the basemap. */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { DrawController } from '../../map/draw/draw-controller.ts';
import { attachInteraction } from '../../map/interaction.ts';
import { createMapView, type MapView } from '../../map/map-view.ts';
import { syncSelection } from '../../map/selection-sync.ts';
import { attachBasemap } from '../../map/basemap-sync.ts';
import { attachIssueLayers } from '../../map/issue-layers.ts';
import { attachMeasure } from '../../map/measure-interaction.ts';
import { attachPlaceMarkers } from '../../map/place-markers.ts';
import type { Editor } from '../../store/editor.ts';
import { MeasurePanel } from '../measure/MeasurePanel.tsx';
import { CursorMessage } from './CursorMessage.tsx';

export interface MapCanvasProps {
  readonly editor: Editor;
  readonly onReady: (view: MapView, draw: DrawController) => void;
}

export function MapCanvas({ editor, onReady }: MapCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const readyCallback = useRef(onReady);
  readyCallback.current = onReady;

  // The map starts once the plan is read, with the data in its first style: one pass through MapLibre
  // instead of an empty map that is filled a moment later (measured: bench/editor.bench.ts).
  const planLoading = useStore(editor.ui.store, (s) => s.planLoading);

  useEffect(() => {
    if (!container.current || planLoading) return;
    const view = createMapView(container.current, editor);
    const cleanups: (() => void)[] = [];
    let cancelled = false;
    // terra-draw comes once the village is drawn: it is needed to draw on the map, not to show it, and its
    // own sources would otherwise hold up the first complete rendering.
    void Promise.all([view.ready, view.firstIdle, import('../../map/draw/draw-controller.ts')]).then(([, , { createDrawController }]) => {
      if (cancelled) return;
      const draw = createDrawController(view.map, editor);
      cleanups.push(
        () => draw.destroy(),
        attachInteraction(view.map, editor, { isOnReshapeHandle: (event) => draw.isOnReshapeHandle(event.point) }),
        syncSelection(view.map, editor),
        attachBasemap(view.map, editor),
        attachPlaceMarkers(view.map, editor),
        attachIssueLayers(view.map, editor),
        attachMeasure(view.map, editor),
      );
      readyCallback.current(view, draw);
    });
    return () => {
      cancelled = true;
      cleanups.reverse().forEach((cleanup) => cleanup());
      view.destroy();
    };
  }, [editor, planLoading]);

  return (
    <div className="map-area">
      <div ref={container} className="map" data-testid="map" />
      <CursorMessage />
      <MeasurePanel />
    </div>
  );
}
