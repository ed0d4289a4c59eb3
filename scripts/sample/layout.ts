/**
 * The village at cell level: lattice, outline, settlements, fields, lines, features, hamlets, then
 * parcels. Painters run in a fixed order, later ones over earlier ones. Each draws from its own random
 * stream, so the layout for a seed changes only where its own code changes.
 */
import { buildColumns, buildRows, macroCentre } from './axes.ts';
import { paintFieldFeatures, paintWaterWorks } from './field-features.ts';
import { type FieldBlock, paintFieldBlocks } from './fields.ts';
import { CellGrid } from './grid.ts';
import { type Landmark, paintHamlet } from './hamlets.ts';
import { paintIndustry } from './industry.ts';
import { paintBridges, paintCountyRoad, paintFieldLines, paintRivers } from './lines.ts';
import { selectVillageBlocks } from './outline.ts';
import { absorbUnpainted, buildParcels, type ParcelModel } from './parcels.ts';
import { createRng } from './prng.ts';
import { placeSettlements, type Settlement } from './settlement-sites.ts';
import { cellAreas, makeWarp, type Warp, warpLattice } from './warp.ts';

export interface VillageLayout {
  readonly grid: CellGrid;
  readonly settlements: readonly Settlement[];
  readonly fieldBlocks: readonly FieldBlock[];
  readonly landmarks: readonly Landmark[];
  readonly warp: Warp;
  /** Warped local metres of every lattice vertex. */
  readonly vertices: Float64Array;
  readonly parcels: ParcelModel;
}

/** Share of the design rectangle the lobed outline covers, to size the rectangle for a target area. */
const OUTLINE_FILL = 0.78;

/**
 * `stripScale` multiplies the size of field strips (1 = 1,500–4,700 m² pieces): the knob the calibration
 * turns to hit a parcel count without changing the village's shape.
 */
export function layoutVillage(seed: number, targetParcels: number, areaM2: number, stripScale = 1): VillageLayout {
  const rng = (stream: string) => createRng(seed, stream);
  const shape = rng('shape');
  const aspect = shape.float(0.85, 1.25);
  const width = Math.sqrt((areaM2 / OUTLINE_FILL) * aspect);
  const height = areaM2 / OUTLINE_FILL / width;
  const columns = buildColumns(rng('columns'), width);
  const rows = buildRows(rng('rows'), height);
  const grid = new CellGrid(columns, rows, selectVillageBlocks(rng('outline'), columns, rows));

  const settlements = placeSettlements(rng('settlements'), grid, targetParcels);
  const fieldBlocks = paintFieldBlocks(rng('fields'), grid, settlements, targetParcels, stripScale);
  paintFieldLines(rng('lines'), grid);
  paintCountyRoad(grid);
  paintRivers(rng('rivers'), grid);
  paintFieldFeatures(rng('features'), grid, fieldBlocks, settlements, {
    ponds: Math.round(targetParcels / 250),
    wasteland: Math.max(2, Math.round(targetParcels / 600)),
    groves: Math.max(1, Math.round(targetParcels / 800)),
    scatteredSites: Math.max(6, Math.round(targetParcels / 300)),
  });
  const bridges = paintBridges(rng('bridges'), grid, settlements);
  paintWaterWorks(rng('waterWorks'), grid, settlements);

  const hamletRng = rng('hamlets');
  const landmarks: Landmark[] = bridges.map((rect) => ({ kind: 'bridge', rect }));
  let hamletNo = 0;
  for (const s of settlements) {
    if (s.kind === 'industry') {
      paintIndustry(hamletRng, grid, s);
      continue;
    }
    // The first hamlet is the village seat: committee, school and cultural hall; larger villages get
    // another hall every fourth hamlet and another school every eighth.
    landmarks.push(...paintHamlet(hamletRng, grid, s, {
      committee: hamletNo === 0,
      school: hamletNo % 8 === 0,
      culturalHall: hamletNo % 4 === 0,
    }));
    hamletNo++;
  }
  absorbUnpainted(grid);

  const riverYs = rows.macros.filter((m) => m.kind === 'river').map((m) => macroCentre(rows, m));
  const warp = makeWarp(rng('warp'), columns.length, rows.length, riverYs);
  const vertices = warpLattice(warp, columns.edges, rows.edges);
  const parcels = buildParcels(grid, cellAreas(vertices, grid.ni, grid.nj));
  return { grid, settlements, fieldBlocks, landmarks, warp, vertices, parcels };
}
