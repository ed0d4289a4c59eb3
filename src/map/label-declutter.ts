/**
 * Place names are HTML labels (place-markers.ts, and the notice's own), so MapLibre's symbol collision does
 * not reach them. This is that pass, done by hand because the labels are not symbols: the most important
 * label is placed first at its point; each next one takes the first of a few positions around its point
 * (centred, above, below, right, left) that overlaps nothing placed, or is hidden until the view has room
 * (zooming in). Run after the camera stops, not on every frame.
 */
import type { Map as MapLibreMap, Marker } from 'maplibre-gl';

export interface LabelBox {
  /** Anchor on screen (px), the label's centre when placed centred. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Higher is placed first. */
  readonly priority: number;
}

/** Where a label goes: its offset from its anchor (px), or null when it is hidden. */
export type Placement = { readonly dx: number; readonly dy: number } | null;

/** Space kept between two labels, px. */
const GAP = 2;

function candidates(box: LabelBox): { dx: number; dy: number }[] {
  const vertical = box.height + GAP;
  const horizontal = box.width / 2 + GAP + 6;
  return [
    { dx: 0, dy: 0 },
    { dx: 0, dy: -vertical },
    { dx: 0, dy: vertical },
    { dx: horizontal, dy: 0 },
    { dx: -horizontal, dy: 0 },
  ];
}

/** Named places (the committee, a school) before the villagers' groups, whose area names can move. */
export const PLACE_KIND_PRIORITY: Readonly<Record<string, number>> = { place: 2, group: 1 };

/** Pure: one placement per label, in the order given. */
export function declutter(labels: readonly LabelBox[]): Placement[] {
  const placed: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const result: Placement[] = labels.map(() => null);
  const order = labels.map((_, i) => i).sort((a, b) => (labels[b] as LabelBox).priority - (labels[a] as LabelBox).priority || a - b);
  for (const i of order) {
    const box = labels[i] as LabelBox;
    for (const offset of candidates(box)) {
      const x0 = box.x + offset.dx - box.width / 2 - GAP / 2;
      const y0 = box.y + offset.dy - box.height / 2 - GAP / 2;
      const rect = { x0, y0, x1: x0 + box.width + GAP, y1: y0 + box.height + GAP };
      if (placed.some((p) => rect.x0 < p.x1 && p.x0 < rect.x1 && rect.y0 < p.y1 && p.y0 < rect.y1)) continue;
      placed.push(rect);
      result[i] = offset;
      break;
    }
  }
  return result;
}

/**
 * Keeps the map's HTML labels apart: re-placed whenever the camera comes to rest or the labels change.
 * `priority` ranks a marker (a village committee before a bridge). Returns a function that detaches it.
 */
export function declutterMarkers(map: MapLibreMap, markers: () => readonly Marker[], priority: (marker: Marker) => number): { update(): void; detach(): void } {
  const update = () => {
    // Labels of a hidden layer take no room.
    const list = markers().filter((marker) => marker.getElement().style.display !== 'none');
    const boxes = list.map((marker) => {
      const element = marker.getElement();
      const point = map.project(marker.getLngLat());
      return { x: point.x, y: point.y, width: element.offsetWidth, height: element.offsetHeight, priority: priority(marker) };
    });
    declutter(boxes).forEach((placement, i) => {
      const marker = list[i] as Marker;
      marker.getElement().style.visibility = placement ? '' : 'hidden';
      if (placement) marker.setOffset([placement.dx, placement.dy]);
    });
  };
  map.on('moveend', update);
  map.on('resize', update);
  return {
    update,
    detach() {
      map.off('moveend', update);
      map.off('resize', update);
    },
  };
}
