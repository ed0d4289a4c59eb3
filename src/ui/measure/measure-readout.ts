/**
 * What the measure panel shows and 复制 copies, from the measure state: one list of labelled figures, so
 * the text on the clipboard is the text on the screen.
 */
import type { Position } from 'geojson';
import type { TFunction } from 'i18next';
import { measureLine, measurePolygon } from '../../geo/measure.ts';
import type { PlaneLength } from '../../geo/measure-plane.ts';
import { shownPoints, type MeasureState } from '../../store/measure.store.ts';
import { formatArea, formatLength } from '../format.ts';

export interface FigureRow {
  /** Stable name for tests and styling: segment-1…, total, area, perimeter, plane. */
  readonly id: string;
  readonly label: string;
  readonly value: string;
}

export interface MeasureReadout {
  readonly rows: readonly FigureRow[];
  /** What the planner should know or do: start by clicking, too few points, an outline crossing itself. */
  readonly note: string | null;
}

/** `planeLength` is `geo/measure-plane.ts`'s, once loaded (it needs proj4); without it no plane row. */
export function measureReadout(t: TFunction, state: MeasureState, planeLength?: (points: readonly Position[]) => PlaneLength | undefined): MeasureReadout {
  const points = shownPoints(state);
  if (points.length === 0) return { rows: [], note: t('measure.start') };
  const planeRow = (path: readonly Position[]): FigureRow[] => {
    const plane = path.length >= 2 ? planeLength?.(path) : undefined;
    return plane ? [{ id: 'plane', label: t('measure.plane', { zone: plane.zone }), value: formatLength(t, plane.total) }] : [];
  };
  if (state.mode === 'distance') {
    const line = measureLine(points);
    const segments = line.segments.map((metres, i) => ({ id: `segment-${i + 1}`, label: t('measure.segment', { n: i + 1 }), value: formatLength(t, metres) }));
    return { rows: [...segments, { id: 'total', label: t('measure.total'), value: formatLength(t, line.total) }, ...planeRow(points)], note: null };
  }
  const polygon = measurePolygon(points);
  if (polygon.kind === 'tooFewPoints') return { rows: [], note: t('measure.tooFewPoints') };
  return {
    rows: [
      { id: 'area', label: t('measure.area'), value: formatArea(t, polygon.area) },
      { id: 'perimeter', label: t('measure.perimeter'), value: formatLength(t, polygon.perimeter) },
      ...planeRow([...points, points[0] as Position]),
    ],
    note: polygon.selfIntersecting ? t('measure.selfIntersecting') : null,
  };
}

/** The figures as text for the clipboard: a heading naming the mode and the ellipsoid, then label⇥value lines (pastes as two columns in a spreadsheet). */
export function readoutText(t: TFunction, state: MeasureState, readout: MeasureReadout): string {
  const heading = `${t('measure.title')} · ${t(`measure.mode.${state.mode}`)} · ${t('measure.ellipsoid')}`;
  return [heading, ...readout.rows.map((row) => `${row.label}\t${row.value}`), ...(readout.note ? [readout.note] : [])].join('\n');
}
