/** Where the map goes: the session puts the map into this container and takes it back on unmount. */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { Session } from '../../app/session.ts';
import { MeasurePanel } from '../measure/MeasurePanel.tsx';
import { CursorMessage } from './CursorMessage.tsx';

export function MapCanvas({ session }: { readonly session: Session }) {
  const container = useRef<HTMLDivElement>(null);

  // The map starts once the plan is read, with the data in its first style: one pass through MapLibre
  // instead of an empty map that is filled a moment later (measured: bench/editor.bench.ts).
  const planLoading = useStore(session.editor.ui.store, (s) => s.planLoading);

  useEffect(() => (container.current && !planLoading ? session.attachMap(container.current) : undefined), [session, planLoading]);

  return (
    <div className="map-area">
      <div ref={container} className="map" data-testid="map" />
      <CursorMessage />
      <MeasurePanel />
    </div>
  );
}
