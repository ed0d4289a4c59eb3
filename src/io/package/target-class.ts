/**
 * The target-year class (TDGHDL's GHDLDM) under a change of the package: the class covering most of it.
 * A package has a TDGHDL row per base parcel (tens of thousands) and a few dozen changes; trying every row
 * with `relate` prepared every row's outline for each change and cost more than the rest of reading (1.6 s
 * of 2 s at 24,000 rows). The rows' boxes go into an R-tree once, on the first question, and only rows
 * whose boxes meet the change's box are related, in file order, so ties go to the earlier row as before.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import RBush from 'rbush';
import { isLandClassCode, type LandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { geometryBBox, isEmptyBBox } from '../../geo/bbox.ts';
import { relate } from '../../geo/relate.ts';
import type { PackageFeature } from './package-layers.ts';
import { text } from './package-values.ts';

interface Entry {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  /** Place in the layer: candidates are tried in file order. */
  readonly order: number;
  readonly code: LandClassCode;
  readonly geometry: Polygon | MultiPolygon;
}

export class TargetClasses {
  private tree: RBush<Entry> | null = null;

  constructor(private readonly targets: readonly PackageFeature[]) {}

  /** The class of the TDGHDL rows covering most of `geometry`, or null when no row with a known class meets it. */
  classUnder(geometry: Polygon | MultiPolygon): LandClassCode | null {
    const box = geometryBBox(geometry);
    if (isEmptyBBox(box)) return null;
    const candidates = this.index()
      .search({ minX: box[0], minY: box[1], maxX: box[2], maxY: box[3] })
      .sort((a, b) => a.order - b.order);
    const meeting: { entry: Entry; within: boolean }[] = [];
    for (const t of candidates) {
      const relation = relate(geometry, t.geometry);
      if (relation !== 'disjoint') meeting.push({ entry: t, within: relation === 'within' });
    }
    // Usually one row holds the change (its neighbours only share edges): no areas to compare then.
    if (meeting.length <= 1) return meeting[0]?.entry.code ?? null;
    let best: { code: LandClassCode; area: number } | null = null;
    for (const { entry, within } of meeting) {
      const area = within ? ellipsoidalArea(geometry) : ellipsoidalArea(entry.geometry);
      if (!best || area > best.area) best = { code: entry.code, area };
    }
    return best?.code ?? null;
  }

  private index(): RBush<Entry> {
    if (this.tree) return this.tree;
    const entries: Entry[] = [];
    this.targets.forEach((t, order) => {
      const code = text(t.properties.GHDLDM);
      if (!isLandClassCode(code)) return;
      const box = geometryBBox(t.geometry);
      // Coordinates are checked finite when read; a box without points can meet nothing.
      if (isEmptyBBox(box)) return;
      entries.push({ minX: box[0], minY: box[1], maxX: box[2], maxY: box[3], order, code, geometry: t.geometry });
    });
    this.tree = new RBush<Entry>().load(entries);
    return this.tree;
  }
}
