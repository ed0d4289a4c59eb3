/**
 * Which rows of a package layer the rebuilt plan is made from, so a reader can leave the others out while
 * it parses. GHYT and TDGHDL have a row per base parcel (24,000 in a large village), and the plan uses
 * only GHYT's changes and the TDGHDL rows under demolitions: keeping every row cost more than building
 * the plan. What GHYT rows become is decided here once, for the reader and for reconstruct.ts alike, so
 * the two cannot drift apart. Rows left out are still read and checked (a broken row is still reported);
 * they are only not kept.
 */
import RBush from 'rbush';
import { isLandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import { geometryBBox, isEmptyBBox, unionBBox, type BBox } from '../../geo/bbox.ts';
import type { FieldValue, Fields, KeepRow, PackageFeature, PackageLayerName, PackageLayers, RowSummary } from './package-layers.ts';
import { isFlagSet, text } from './package-values.ts';

/** What reconstruct.ts makes of a GHYT row (besides a reserve area when its JBNTZBQ flag is set). */
export type GhytUse = 'demolition' | 'newBuild' | 'pbf' | 'useChange' | null;

export function ghytUse(row: Fields): GhytUse {
  const cjjx = text(row.field('CJJX')).toUpperCase();
  const ghytdm = text(row.field('GHYTDM')).toUpperCase();
  if (cjjx === 'C1' || cjjx === 'C2') return 'demolition';
  if (cjjx === 'E1' || cjjx === 'E2') return 'newBuild';
  if (ghytdm === 'G111' || ghytdm === 'G112') return 'pbf';
  if (ghytdm === 'N112' || (ghytdm.startsWith('G') && isLandClassCode(ghytdm.slice(1)))) return 'useChange';
  return null;
}

/** The key joining GHYT pieces of one demolition or new-build (same CJJX and YTDKBH), or null for a row on its own. */
export function changeKey(row: Fields): string | null {
  const cjjx = text(row.field('CJJX')).toUpperCase();
  const number = text(row.field('YTDKBH'));
  return /^[CE][12]$/.test(cjjx) && number ? `${cjjx}|${number}` : null;
}

/** A GHYT row whose class is looked up in TDGHDL: a demolition's restoration use, N112's target class. */
function looksUnder(row: Fields): boolean {
  const use = ghytUse(row);
  return use === 'demolition' || (use === 'useChange' && text(row.field('GHYTDM')).toUpperCase() === 'N112');
}

/**
 * A parsed row as the keep test sees it. A class rather than `{ box: () => … }`: a closure per row of
 * 24,000 costs more than the test itself under tsx, which wraps every closure to keep its name.
 */
export class ParsedRow implements RowSummary {
  constructor(private readonly row: PackageFeature) {}

  field(name: string): FieldValue | undefined {
    return Object.hasOwn(this.row.properties, name) ? this.row.properties[name] : undefined;
  }

  box(): BBox {
    return geometryBBox(this.row.geometry);
  }
}

export interface ReadSoFar {
  /** The layers already read, in PACKAGE_LAYER_NAMES's order. */
  readonly layers: PackageLayers;
  /** GHYT rows (by BSM) the sidecar names as pieces of a change (changePiecesOf). */
  readonly changePieces?: ReadonlySet<string>;
}

/**
 * The BSMs of the GHYT rows the sidecar (规划参数.json) names as pieces of its changes. They are kept
 * whatever their code says: a use change's piece on land already of its target class (a pond filled as
 * paddy, the change drawn round the paddy around it) is written with the code of unchanged land (N111,
 * X…), and only the sidecar says it belongs to the change; dropping it shrank the change to the pond.
 */
export function changePiecesOf(changes: readonly { readonly pieces: readonly string[] }[]): ReadonlySet<string> {
  return new Set(changes.flatMap((c) => c.pieces.map((ref) => ref.slice(ref.indexOf('#') + 1))));
}

/**
 * Whether the basic farmland is JBNTBHTB's: a JBNTBHTB with polygons. GHYT's G111/G112 rows are the basic
 * farmland of a package without it, and of one whose JBNTBHTB is empty (a template's layer left unfilled).
 */
export function hasPbfRows(layers: PackageLayers): boolean {
  return (layers.JBNTBHTB?.rows ?? 0) > 0;
}

/** A test for the rows of `name` worth keeping, or undefined when every row is used. */
export function rowsUsed(name: PackageLayerName, read: ReadSoFar): KeepRow | undefined {
  if (name === 'GHYT') {
    const pbfLayerRead = hasPbfRows(read.layers);
    const pieces = read.changePieces;
    return (row) => {
      const use = ghytUse(row);
      return (use !== null && !(use === 'pbf' && pbfLayerRead)) || isFlagSet(row.field('JBNTZBQ')) || (pieces?.has(text(row.field('BSM'))) ?? false);
    };
  }
  if (name === 'TDGHDL') {
    const under = changeBoxes(read.layers.GHYT?.features ?? []);
    if (!under) return () => false;
    // The box first: most rows lie away from every change, and their fields are then never read.
    return (row) => {
      const box = row.box();
      return !isEmptyBBox(box) && under.collides({ minX: box[0], minY: box[1], maxX: box[2], maxY: box[3] }) && isLandClassCode(text(row.field('GHDLDM')));
    };
  }
  return undefined;
}

/**
 * Boxes of the changes that look under TDGHDL, one per change as reconstruct.ts joins them (the box around
 * all pieces of a change), so every row the joined change can meet is kept; null when there is none.
 */
function changeBoxes(rows: readonly PackageFeature[]): RBush<{ minX: number; minY: number; maxX: number; maxY: number }> | null {
  const boxes = new Map<string, BBox>();
  rows.forEach((row, i) => {
    const fields = new ParsedRow(row);
    if (!looksUnder(fields)) return;
    const key = changeKey(fields) ?? `#${i}`;
    const box = geometryBBox(row.geometry);
    const known = boxes.get(key);
    boxes.set(key, known ? unionBBox(known, box) : box);
  });
  const entries = [...boxes.values()].filter((b) => !isEmptyBBox(b)).map((b) => ({ minX: b[0], minY: b[1], maxX: b[2], maxY: b[3] }));
  return entries.length ? new RBush<(typeof entries)[number]>().load(entries) : null;
}
