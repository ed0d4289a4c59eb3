/**
 * The editor's stores, the io worker's link and the map, handed to components through one context. Components read store
 * slices with selectors so a mouse move re-renders only the coordinate read-out.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { IoLink } from '../app/io-client.ts';
import type { DrawController } from '../map/draw/draw-controller.ts';
import type { MapView } from '../map/map-view.ts';
import type { Editor } from '../store/editor.ts';
import type { MessagesState } from '../store/messages.store.ts';
import type { PlanState } from '../store/plan.store.ts';
import type { PointerState } from '../store/pointer.store.ts';
import type { SelectionState } from '../store/selection.store.ts';
import type { ToolState } from '../store/tool.store.ts';
import type { UiState } from '../store/ui.store.ts';
import type { Exports } from './io/exports.ts';

export interface Services {
  readonly editor: Editor;
  readonly io: IoLink;
  readonly view: MapView | null;
  readonly draw: DrawController | null;
  /** The 文件 menu's exports (started and cancelled by their actions). */
  readonly exports: Exports;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesContext');
  return services;
}

export const usePlanState = <T,>(select: (s: PlanState) => T): T => useStore(useServices().editor.plan.store, select);
export const useSelection = <T,>(select: (s: SelectionState) => T): T => useStore(useServices().editor.selection.store, select);
export const useTool = <T,>(select: (s: ToolState) => T): T => useStore(useServices().editor.tool.store, select);
export const useUi = <T,>(select: (s: UiState) => T): T => useStore(useServices().editor.ui.store, select);
export const useMessages = <T,>(select: (s: MessagesState) => T): T => useStore(useServices().editor.messages.store, select);
export const usePointer = <T,>(select: (s: PointerState) => T): T => useStore(useServices().editor.pointer.store, select);
