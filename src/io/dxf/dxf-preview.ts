/**
 * A DXF read through the format registry → what the import dialog shows: one row per DXF layer (its
 * polygons, lines and texts, what its labels say, a first guess of where it goes in the plan) and the
 * polygons ready for the plan, each with what its labels say. Runs in the io worker (import-session.ts).
 *
 * Drawings are not GIS data, so three things happen here that a GIS layer does not need:
 * - lines of one layer that join end to end into a closed ring (a village boundary drawn as separate
 *   segments) become a polygon; lines that stay open are counted and not imported (a plan has no line layer);
 * - a hatch and an outline of the same shape on the same layer (what CAD drawings and GDAL's writer hold)
 *   are one polygon;
 * - texts and block attributes are joined to the smallest polygon of each layer they fall in.
 */
import type { LineString, Polygon, Position } from 'geojson';
import RBush from 'rbush';
import type { AreaGeometry } from '../../domain/features.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { geometryBBox } from '../../geo/bbox.ts';
import { pointInAreaGeometry, pointInPolygonRings } from '../../geo/point-in-ring.ts';
import { PreparedArea } from '../../geo/prepared-area.ts';
import { ringSignedAreaPlanar, rewindRfc7946 } from '../../geo/rings.ts';
import { validateAreaGeometry } from '../../geo/validity.ts';
import { describeCrs } from '../crs/source-crs.ts';
import { extensionOf, type InputFile } from '../files.ts';
import { expandFiles, importFiles } from '../formats/index.ts';
import type { EncodingReport, ImportedFeature, ReadOptions } from '../formats/types.ts';
import { failure, note, success, type Message, type Result } from '../result.ts';
import { nestRings } from './dxf-rings.ts';
import { classOfCode, suggestChoice, zoneOfCode, type DxfLayerChoice } from './dxf-targets.ts';
import { parcelNumber, readLabels, type Label } from './dxf-text.ts';

export interface DxfArea {
  /** The DXF layer. */
  readonly layer: string;
  readonly geometry: AreaGeometry;
  /** Codes its labels carry, surest first. */
  readonly codes: readonly string[];
  /** What the labels hold besides codes: see parcelNumber (dxf-text.ts), which takes the code used into account. */
  readonly taggedNumber: string | null;
  readonly tokens: readonly string[];
  readonly texts: readonly string[];
  /** The entity handle (the first of those that made it), for messages a CAD user can act on. */
  readonly handle: string;
  readonly fromLines: boolean;
  /**
   * It lies inside another polygon of its own layer. A plan exported as DXF draws a hole as an outline on
   * the layer of the polygon around it, while the feature filling it is on its own layer: where the same
   * shape comes from two layers, the import keeps the one that is not nested (dxf-import-command.ts).
   */
  readonly nested: boolean;
}

export interface DxfLayerRow {
  readonly name: string;
  readonly polygons: number;
  /** Polygons made of lines joined into rings. */
  readonly fromLines: number;
  /** Lines left open: not imported. */
  readonly openLines: number;
  /** Texts and attributes drawn on this layer. */
  readonly texts: number;
  /** Polygons whose labels give a planning class / a zone code. */
  readonly withClass: number;
  readonly withZone: number;
  readonly withNumber: number;
  /** The codes its polygons' labels carry, the most frequent first (at most 8). */
  readonly codes: readonly string[];
  /** Hatch + outline pairs of the same shape, counted once. */
  readonly duplicates: number;
  /** Ellipsoidal area of its polygons (m²). */
  readonly area: number;
  readonly invalid: number;
  readonly suggestion: DxfLayerChoice;
}

export interface DxfPreview {
  readonly file: string;
  /** Entities read. */
  readonly count: number;
  readonly crs: string;
  readonly crsHow: string;
  readonly encoding: EncodingReport | null;
  readonly layers: readonly DxfLayerRow[];
  readonly areas: readonly DxfArea[];
  /** Other files of the same import that were read (a DXF is imported on its own). */
  readonly others: readonly string[];
  readonly notes: readonly Message[];
}

export type DxfFilesPreview = { readonly kind: 'dxf'; readonly preview: DxfPreview };

export interface DxfPreviewOptions extends Pick<ReadOptions, 'encoding' | 'expectedLongitude' | 'crs' | 'datumParameters'> {
  readonly onProgress?: (done: number) => void;
}

const isDxfName = (name: string) => ['dxf', 'dwg'].includes(extensionOf(name));

/** Whether the files hold a drawing (loose, or inside a zip): the dialog then shows the DXF preview. */
export function holdsDxf(files: readonly InputFile[]): boolean {
  if (files.some((f) => isDxfName(f.name))) return true;
  if (!files.some((f) => extensionOf(f.name) === 'zip')) return false;
  const opened = expandFiles(files);
  return opened.ok && opened.value.files.some((f) => isDxfName(f.name));
}

/**
 * Endpoints this close (degrees: about 1 mm) are one. Lines a CAD user meant to meet often miss by a
 * fraction of a millimetre (snapped by eye, coordinates rounded on export, ±0.3 mm of jitter), and CAD's
 * PEDIT Join closes them with its fuzz distance; read as exact numbers, such a boundary stayed open lines.
 */
const ENDPOINT_TOLERANCE = 1e-8;

/** A key per endpoint, the same for endpoints within the tolerance of the first one seen (a grid, 3 × 3 cells looked at). */
function endpointKeys(points: readonly Position[]): (p: Position) => string {
  const cells = new Map<string, Position[]>();
  const keys = new Map<Position, string>();
  const cell = (x: number, y: number) => `${x},${y}`;
  const representative = (p: Position): Position => {
    const cx = Math.floor((p[0] as number) / ENDPOINT_TOLERANCE);
    const cy = Math.floor((p[1] as number) / ENDPOINT_TOLERANCE);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const near = cells.get(cell(cx + dx, cy + dy))?.find((q) => Math.abs((q[0] as number) - (p[0] as number)) <= ENDPOINT_TOLERANCE && Math.abs((q[1] as number) - (p[1] as number)) <= ENDPOINT_TOLERANCE);
        if (near) return near;
      }
    }
    cells.set(cell(cx, cy), [...(cells.get(cell(cx, cy)) ?? []), p]);
    return p;
  };
  for (const p of points) {
    const first = representative(p);
    keys.set(p, `${first[0]},${first[1]}`);
  }
  return (p) => keys.get(p) ?? `${p[0]},${p[1]}`;
}

/** Lines joined end to end where exactly two lines meet (within about 1 mm); closed chains are rings, the rest stay open. */
export function joinLines(lines: readonly Position[][]): { rings: Position[][]; open: number } {
  const key = endpointKeys(lines.flatMap((line) => (line.length ? [line[0] as Position, line[line.length - 1] as Position] : [])));
  const ends = new Map<string, number[]>();
  lines.forEach((line, i) => {
    for (const p of [line[0], line[line.length - 1]]) if (p) ends.set(key(p), [...(ends.get(key(p)) ?? []), i]);
  });
  const used = new Set<number>();
  const rings: Position[][] = [];
  let open = 0;
  for (let start = 0; start < lines.length; start++) {
    if (used.has(start)) continue;
    used.add(start);
    const chain = [...(lines[start] as Position[])];
    let count = 1;
    for (;;) {
      const end = chain[chain.length - 1] as Position;
      if (key(end) === key(chain[0] as Position) && chain.length >= 4) break;
      const at = ends.get(key(end)) ?? [];
      if (at.length !== 2) break;
      const next = at.find((i) => !used.has(i));
      if (next === undefined) break;
      used.add(next);
      count++;
      const line = lines[next] as Position[];
      chain.push(...(key(line[0] as Position) === key(end) ? line.slice(1) : [...line].reverse().slice(1)));
    }
    const closed = chain.length >= 4 && key(chain[0] as Position) === key(chain[chain.length - 1] as Position);
    // Closed within the tolerance: the ring ends exactly where it starts.
    if (closed) rings.push([...chain.slice(0, -1), chain[0] as Position]);
    else open += count;
  }
  return { rings, open };
}

/** A ring whatever vertex it starts at and whichever way it runs. */
function ringKey(ring: readonly Position[]): string {
  return ring
    .slice(0, -1)
    .map((p) => `${(p[0] as number).toFixed(9)},${(p[1] as number).toFixed(9)}`)
    .sort()
    .join(';');
}

const ringsOf = (geometry: AreaGeometry) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);
const vertexCount = (geometry: AreaGeometry) => ringsOf(geometry).reduce((n, rings) => rings.reduce((m, ring) => m + ring.length, n), 0);

/** The same shape whatever vertex it starts at and whichever way it runs (hatch vs outline of one parcel). */
export function shapeKey(geometry: AreaGeometry): string {
  return ringsOf(geometry)
    .map((rings) => rings.map(ringKey).sort().join('|'))
    .sort()
    .join('#');
}

/**
 * A layer's polygons without shapes drawn twice. Two polygons of one outline (a hatch and its boundary
 * polyline) are one. A single outline that is a ring of a hatch with several rings or parts (its outer
 * boundary, a hole, a part) is that hatch's outline, not an area of its own; but an outline drawn twice
 * (an island parcel with its own hatch, inside another hatch's hole) is a parcel and stays.
 */
export function withoutDoubles(geometries: readonly AreaGeometry[]): { kept: number[]; doubles: number } {
  const single = (g: AreaGeometry) => g.type === 'Polygon' && g.coordinates.length === 1;
  const keys = geometries.map(shapeKey);
  const singles = new Map<string, number>();
  const ringsOfMany = new Set<string>();
  geometries.forEach((g, i) => {
    if (single(g)) singles.set(keys[i] as string, (singles.get(keys[i] as string) ?? 0) + 1);
    else for (const rings of ringsOf(g)) for (const ring of rings) ringsOfMany.add(ringKey(ring));
  });
  const seen = new Set<string>();
  const kept: number[] = [];
  geometries.forEach((g, i) => {
    const k = keys[i] as string;
    if (seen.has(k) || (single(g) && singles.get(k) === 1 && ringsOfMany.has(k))) return;
    seen.add(k);
    kept.push(i);
  });
  return { kept, doubles: geometries.length - kept.length };
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  index: number;
}

interface Draft {
  layer: string;
  geometry: AreaGeometry;
  handle: string;
  fromLines: boolean;
  labels: { text: string; tag: string | null; at: Position; layer: string }[];
  size: number;
}

export function previewDxfFiles(files: readonly InputFile[], options: DxfPreviewOptions = {}): Result<DxfFilesPreview> {
  const { onProgress } = options;
  const read = importFiles(files, {
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.expectedLongitude !== undefined ? { expectedLongitude: options.expectedLongitude } : {}),
    ...(options.crs ? { crs: options.crs } : {}),
    ...(options.datumParameters ? { datumParameters: options.datumParameters } : {}),
    ...(onProgress ? { onProgress: (done: number) => onProgress(done * 0.8) } : {}),
  });
  if (!read.ok) return read;
  const layer = read.value.find((l) => l.format === 'dxf');
  if (!layer) return failure('io.ui.nothingRead');
  const notes: Message[] = [...read.notes];

  const byLayer = new Map<string, { polygons: ImportedFeature[]; lines: ImportedFeature[]; texts: number }>();
  const entry = (name: string) => byLayer.get(name) ?? byLayer.set(name, { polygons: [], lines: [], texts: 0 }).get(name)!;
  const labels: { text: string; tag: string | null; at: Position; layer: string }[] = [];
  for (const f of layer.features) {
    const name = String(f.properties.Layer ?? '0');
    const g = f.geometry;
    if (!g) continue;
    if (g.type === 'Polygon' || g.type === 'MultiPolygon') entry(name).polygons.push(f);
    else if (g.type === 'LineString') entry(name).lines.push(f);
    else if (g.type === 'Point' && typeof f.properties.Text === 'string' && f.properties.Text.trim()) {
      entry(name).texts++;
      labels.push({ text: f.properties.Text, tag: typeof f.properties.Tag === 'string' ? f.properties.Tag : null, at: g.coordinates, layer: name });
    }
  }

  // Polygons per layer: closed entities, then rings joined from lines, without shapes drawn twice.
  const drafts: Draft[] = [];
  const rows = new Map<string, { openLines: number; fromLines: number; duplicates: number; texts: number }>();
  for (const [name, group] of byLayer) {
    const joined = joinLines(group.lines.map((f) => (f.geometry as LineString).coordinates));
    const made = joined.rings.length ? nestRings(joined.rings) : null;
    const parts = made ? (made.type === 'Polygon' ? [made.coordinates] : made.coordinates) : [];
    const candidates = [
      ...group.polygons.map((f) => ({ geometry: f.geometry as AreaGeometry, handle: String(f.properties.EntityHandle ?? ''), fromLines: false })),
      ...parts.map((coordinates) => ({ geometry: rewindRfc7946({ type: 'Polygon', coordinates }) as AreaGeometry, handle: '', fromLines: true })),
    ];
    const { kept, doubles } = withoutDoubles(candidates.map((c) => c.geometry));
    for (const i of kept) {
      const { geometry, handle, fromLines } = candidates[i] as (typeof candidates)[number];
      const size = Math.abs(ringsOf(geometry).reduce((s, p) => s + ringSignedAreaPlanar(p[0] as Position[]), 0));
      drafts.push({ layer: name, geometry, handle, fromLines, labels: [], size });
    }
    rows.set(name, { openLines: joined.open, fromLines: kept.filter((i) => (candidates[i] as (typeof candidates)[number]).fromLines).length, duplicates: doubles, texts: group.texts });
  }
  onProgress?.(0.85);

  // Each label to the smallest polygon of each layer it falls in, where its text layer labels that layer
  // systematically (at least one label for every five polygons): a demolition parcel's number drawn over a
  // survey parcel is not that parcel's label.
  const indexes = new Map<string, RBush<Box>>();
  const all = new RBush<Box>();
  const boxes: Box[] = drafts.map((d, index) => {
    const [minX, minY, maxX, maxY] = geometryBBox(d.geometry);
    const box = { minX, minY, maxX, maxY, index };
    const tree = indexes.get(d.layer) ?? indexes.set(d.layer, new RBush<Box>()).get(d.layer)!;
    tree.insert(box);
    return box;
  });
  all.load(boxes);
  // Zones and the village boundary hold thousands of vertices and every label: locate in them prepared.
  const locate = (d: Draft, p: Position) => (vertexCount(d.geometry) > 64 ? PreparedArea.of(d.geometry).locate(p) : pointInAreaGeometry(p, d.geometry));
  const hits: { label: (typeof labels)[number]; draft: Draft }[] = [];
  const joins = new Map<string, number>();
  for (const label of labels) {
    const [x, y] = label.at as [number, number];
    const best = new Map<string, Draft>();
    for (const hit of all.search({ minX: x, minY: y, maxX: x, maxY: y })) {
      const d = drafts[hit.index] as Draft;
      const current = best.get(d.layer);
      if ((!current || d.size < current.size) && locate(d, label.at) === 'inside') best.set(d.layer, d);
    }
    for (const draft of best.values()) {
      hits.push({ label, draft });
      const pair = `${label.layer}\u0000${draft.layer}`;
      joins.set(pair, (joins.get(pair) ?? 0) + 1);
    }
  }
  const polygonsIn = new Map<string, number>();
  for (const d of drafts) polygonsIn.set(d.layer, (polygonsIn.get(d.layer) ?? 0) + 1);
  for (const { label, draft } of hits) {
    if ((joins.get(`${label.layer}\u0000${draft.layer}`) ?? 0) * 5 >= (polygonsIn.get(draft.layer) ?? 0)) draft.labels.push(label);
  }

  const nested = (d: Draft): boolean => {
    if (d.geometry.type !== 'Polygon') return false;
    const shell = d.geometry.coordinates[0] as Position[];
    const [minX, minY, maxX, maxY] = geometryBBox(d.geometry);
    return (indexes.get(d.layer)?.search({ minX, minY, maxX, maxY }) ?? []).some((hit) => {
      const around = drafts[hit.index] as Draft;
      if (around === d || around.size <= d.size || around.geometry.type !== 'Polygon' || hit.minX > minX || hit.minY > minY || hit.maxX < maxX || hit.maxY < maxY) return false;
      const where = shell.map((p) => pointInPolygonRings(p, (around.geometry as Polygon).coordinates));
      return !where.includes('outside') && where.includes('inside');
    });
  };
  const areas: DxfArea[] = drafts.map((d) => {
    // Reading order: top to bottom, then left to right (a number above its code).
    const ordered = [...d.labels].sort((a, b) => (b.at[1] as number) - (a.at[1] as number) || (a.at[0] as number) - (b.at[0] as number));
    const reading = readLabels(ordered.map((l): Label => ({ text: l.text, tag: l.tag })));
    return { layer: d.layer, geometry: d.geometry, codes: reading.codes, taggedNumber: reading.taggedNumber, tokens: reading.tokens, texts: reading.texts, handle: d.handle, fromLines: d.fromLines, nested: nested(d) };
  });

  const byName = new Map<string, DxfArea[]>();
  for (const a of areas) (byName.get(a.layer) ?? byName.set(a.layer, []).get(a.layer)!).push(a);
  const layers: DxfLayerRow[] = [...rows].map(([name, row]) => {
    const mine = byName.get(name) ?? [];
    const codeCounts = new Map<string, number>();
    for (const a of mine) if (a.codes[0]) codeCounts.set(a.codes[0], (codeCounts.get(a.codes[0]) ?? 0) + 1);
    const withClass = mine.filter((a) => a.codes.some((c) => classOfCode(c))).length;
    const withZone = mine.filter((a) => a.codes.some((c) => zoneOfCode(c))).length;
    return {
      name,
      polygons: mine.length,
      fromLines: row.fromLines,
      openLines: row.openLines,
      texts: row.texts,
      withClass,
      withZone,
      withNumber: mine.filter((a) => parcelNumber(a, null) !== null).length,
      codes: [...codeCounts].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([code]) => code),
      duplicates: row.duplicates,
      area: mine.reduce((sum, a) => sum + safeArea(a.geometry), 0),
      invalid: mine.filter((a) => validateAreaGeometry(a.geometry).some((v) => v.severity === 'error')).length,
      suggestion: suggestChoice(name, mine.length, { base: withClass, townshipZones: withZone }),
    };
  });
  layers.sort((a, b) => b.polygons - a.polygons || a.name.localeCompare(b.name));
  const duplicates = layers.reduce((n, l) => n + l.duplicates, 0);
  if (duplicates) notes.push(note('io.dxf.duplicates', { file: layer.file, count: duplicates }));
  const joined = layers.reduce((n, l) => n + l.fromLines, 0);
  if (joined) notes.push(note('io.dxf.ringsFromLines', { file: layer.file, count: joined }));
  const open = layers.reduce((n, l) => n + l.openLines, 0);
  if (open) notes.push(note('io.dxf.openLines', { file: layer.file, count: open }));
  onProgress?.(1);
  return success(
    {
      kind: 'dxf',
      preview: {
        file: layer.file,
        count: layer.features.length,
        crs: describeCrs(layer.crs.crs),
        crsHow: layer.crs.how,
        encoding: layer.encoding,
        layers,
        areas,
        others: read.value.filter((l) => l !== layer).map((l) => l.file),
        notes,
      },
    },
    [],
  );
}

function safeArea(geometry: AreaGeometry): number {
  const area = ellipsoidalArea(geometry);
  return Number.isFinite(area) ? area : 0;
}

