/**
 * Selecting on the map: click, shift-click (add/remove), and box select (shift-drag, or plain drag with
 * the box tool). Also reports the pointer position for the status bar. Drawing and reshaping belong to
 * draw-controller.ts; a click that lands on a reshape handle is left to it.
 */
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { Editor } from '../store/editor.ts';
import { getFeature } from '../domain/plan.ts';
import { pickInBox, pickStack } from './pick.ts';

export interface InteractionOptions {
  /** True when the pointer is on a vertex or midpoint handle of the feature being reshaped. */
  readonly isOnReshapeHandle: (event: MapMouseEvent) => boolean;
}

const BOX_MIN_PX = 4;
/** How near a click must be to a point feature (a feedback pin) to pick it. */
const PICK_TOLERANCE_PX = 8;
/** A second click this close to the first (and on the same features) picks the next one under it. */
const CYCLE_PX = 4;

export function attachInteraction(map: MapLibreMap, editor: Editor, options: InteractionOptions): () => void {
  const container = map.getCanvasContainer();
  let box: { start: { x: number; y: number }; element: HTMLDivElement } | null = null;
  let lastClick: { x: number; y: number; stack: string } | null = null;

  const selecting = () => {
    const kind = editor.tool.getState().tool.kind;
    return kind === 'select' || kind === 'boxSelect';
  };

  const onClick = (event: MapMouseEvent) => {
    if (!selecting() || options.isOnReshapeHandle(event)) return;
    const near = map.unproject([event.point.x + PICK_TOLERANCE_PX, event.point.y]);
    const stack = pickStack(editor, [event.lngLat.lng, event.lngLat.lat], Math.abs(near.lng - event.lngLat.lng));
    const { shiftKey, ctrlKey, metaKey, altKey } = event.originalEvent;
    const additive = shiftKey || ctrlKey || metaKey;
    const key = stack.map((h) => h.id).join('|');
    const sameSpot = lastClick !== null && lastClick.stack === key && Math.hypot(event.point.x - lastClick.x, event.point.y - lastClick.y) <= CYCLE_PX;
    lastClick = { x: event.point.x, y: event.point.y, stack: key };
    if (stack.length === 0) {
      if (!additive) editor.selection.clear();
      editor.pointer.setPick(null);
      return;
    }
    // Clicking again on the same spot, or Alt+click, steps to the next feature under the pointer.
    const selected = editor.selection.getState().ids;
    const current = selected.length === 1 ? stack.findIndex((h) => h.id === selected[0]) : -1;
    const index = !additive && (altKey || sameSpot) && current !== -1 ? (current + 1) % stack.length : 0;
    const hit = stack[index] as (typeof stack)[number];
    if (additive) editor.selection.toggle(hit.id);
    else editor.selection.set([hit.id]);
    const properties = (getFeature(editor.plan.getState().plan, hit.layer, hit.id)?.properties ?? {}) as { parcelNo?: unknown; name?: unknown };
    const label = [properties.parcelNo, properties.name].find((v): v is string => typeof v === 'string' && v !== '') ?? '';
    editor.pointer.setPick(stack.length > 1 && !additive ? { id: hit.id, layer: hit.layer, label, index, count: stack.length } : null);
  };

  const onMouseDown = (event: MapMouseEvent) => {
    // Cleared on press, not on click: a drawing refused on this click pins its reason after the press.
    editor.messages.clearCursor();
    const tool = editor.tool.getState().tool.kind;
    const wantsBox = tool === 'boxSelect' || (tool === 'select' && event.originalEvent.shiftKey);
    if (!wantsBox || event.originalEvent.button !== 0 || options.isOnReshapeHandle(event)) return;
    map.dragPan.disable();
    const element = document.createElement('div');
    element.className = 'box-select';
    container.appendChild(element);
    box = { start: { x: event.point.x, y: event.point.y }, element };
  };

  const onMouseMove = (event: MapMouseEvent) => {
    editor.pointer.setPointer([event.lngLat.lng, event.lngLat.lat]);
    if (!box) return;
    const { start, element } = box;
    Object.assign(element.style, {
      left: `${Math.min(start.x, event.point.x)}px`,
      top: `${Math.min(start.y, event.point.y)}px`,
      width: `${Math.abs(event.point.x - start.x)}px`,
      height: `${Math.abs(event.point.y - start.y)}px`,
    });
  };

  const onMouseUp = (event: MapMouseEvent) => {
    if (!box) return;
    const { start, element } = box;
    element.remove();
    box = null;
    map.dragPan.enable();
    if (Math.abs(event.point.x - start.x) < BOX_MIN_PX && Math.abs(event.point.y - start.y) < BOX_MIN_PX) return;
    const a = map.unproject([start.x, start.y]);
    const b = map.unproject([event.point.x, event.point.y]);
    const ids = pickInBox(editor, [Math.min(a.lng, b.lng), Math.min(a.lat, b.lat), Math.max(a.lng, b.lng), Math.max(a.lat, b.lat)]);
    if (event.originalEvent.shiftKey) editor.selection.add(ids);
    else editor.selection.set(ids);
  };

  const onMouseOut = () => editor.pointer.setPointer(null);

  map.on('click', onClick);
  map.on('mousedown', onMouseDown);
  map.on('mousemove', onMouseMove);
  map.on('mouseup', onMouseUp);
  map.on('mouseout', onMouseOut);
  return () => {
    map.off('click', onClick);
    map.off('mousedown', onMouseDown);
    map.off('mousemove', onMouseMove);
    map.off('mouseup', onMouseUp);
    map.off('mouseout', onMouseOut);
  };
}
