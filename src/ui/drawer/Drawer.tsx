/**
 * A drawer across the bottom of the window, under the map (a grid row of `.app`, so the map shrinks and
 * stays usable): its top edge drags (or ↑/↓ when focused) to change the height, Escape with the focus
 * inside closes it. The attribute table and the wide indicator tables live in it; one is open at a time
 * (ui store). Rendered with `open` false it shows nothing but keeps its height for the next opening.
 */
import { useState, type ReactNode } from 'react';

const MIN_HEIGHT = 140;

export interface DrawerProps {
  readonly open: boolean;
  /** The drawer's accessible name. */
  readonly label: string;
  /** The resize edge's label and tooltip. */
  readonly resizeLabel: string;
  readonly onClose: () => void;
  /** `data-*` attributes for tests and styles (data-testid, data-layer). */
  readonly data?: Readonly<Record<`data-${string}`, string>>;
  readonly children: ReactNode;
}

export function Drawer({ open, label, resizeLabel, onClose, data, children }: DrawerProps) {
  // Kept while the drawer is closed: it reopens at the height the planner left it.
  const [height, setHeight] = useState(300);
  if (!open) return null;
  return (
    <section
      className="drawer"
      style={{ height }}
      aria-label={label}
      {...data}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // The drawer's Escape only: the editor's (drop the selection) must not also run.
        e.stopPropagation();
        e.preventDefault();
        onClose();
      }}
    >
      <ResizeEdge height={height} label={resizeLabel} onResize={setHeight} />
      {children}
    </section>
  );
}

function ResizeEdge({ height, label, onResize }: { height: number; label: string; onResize: (height: number) => void }) {
  const clamp = (h: number) => Math.round(Math.min(Math.max(h, MIN_HEIGHT), window.innerHeight * 0.75));
  return (
    <div
      className="drawer-edge"
      role="separator"
      aria-orientation="horizontal"
      aria-label={label}
      aria-valuenow={height}
      tabIndex={0}
      title={label}
      onPointerDown={(e) => {
        const startY = e.clientY;
        const startHeight = height;
        const target = e.currentTarget;
        target.setPointerCapture(e.pointerId);
        const move = (m: PointerEvent) => onResize(clamp(startHeight + startY - m.clientY));
        const up = () => {
          target.removeEventListener('pointermove', move);
          target.removeEventListener('pointerup', up);
        };
        target.addEventListener('pointermove', move);
        target.addEventListener('pointerup', up);
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowUp') onResize(clamp(height + 40));
        if (e.key === 'ArrowDown') onResize(clamp(height - 40));
      }}
    />
  );
}
