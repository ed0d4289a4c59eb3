/** The map and everything that lives on it: the view, the drawing input, selection and the basemap. */
import { useEffect, useRef } from 'react';
import { createDrawController, type DrawController } from '../../map/draw/draw-controller.ts';
import { attachInteraction } from '../../map/interaction.ts';
import { createMapView, type MapView } from '../../map/map-view.ts';
import { syncSelection } from '../../map/selection-sync.ts';
import { attachBasemap } from '../../map/basemap-sync.ts';
import type { Editor } from '../../store/editor.ts';
import { CursorMessage } from './CursorMessage.tsx';

export interface MapCanvasProps {
  readonly editor: Editor;
  readonly onReady: (view: MapView, draw: DrawController) => void;
}

export function MapCanvas({ editor, onReady }: MapCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const readyCallback = useRef(onReady);
  readyCallback.current = onReady;

  useEffect(() => {
    if (!container.current) return;
    const view = createMapView(container.current, editor);
    const cleanups: (() => void)[] = [];
    let cancelled = false;
    void view.ready.then(() => {
      if (cancelled) return;
      const draw = createDrawController(view.map, editor);
      cleanups.push(
        () => draw.destroy(),
        attachInteraction(view.map, editor, { isOnReshapeHandle: (event) => draw.isOnReshapeHandle(event.point) }),
        syncSelection(view.map, editor),
        attachBasemap(view.map, editor),
      );
      readyCallback.current(view, draw);
    });
    return () => {
      cancelled = true;
      cleanups.reverse().forEach((cleanup) => cleanup());
      view.destroy();
    };
  }, [editor]);

  return (
    <div className="map-area">
      <div ref={container} className="map" data-testid="map" />
      <CursorMessage />
    </div>
  );
}
