/**
 * A DXF preview without its polygons, and the polygons: the io worker sends the summary first, then the
 * polygons in slices (worker/io-client.ts), as preview-slices.ts does for other layers. Types only from
 * the preview, so the page's bundle does not take in the readers.
 */
import type { DxfArea, DxfFilesPreview } from './dxf-preview.ts';

export function splitDxfPreview(preview: DxfFilesPreview): { summary: DxfFilesPreview; lists: Record<string, readonly unknown[]> } {
  return { summary: { kind: 'dxf', preview: { ...preview.preview, areas: [] } }, lists: { dxfAreas: preview.preview.areas } };
}

export function joinDxfPreview(summary: DxfFilesPreview, lists: Record<string, readonly unknown[]>): DxfFilesPreview {
  return { kind: 'dxf', preview: { ...summary.preview, areas: (lists.dxfAreas ?? []) as DxfArea[] } };
}
