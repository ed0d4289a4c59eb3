/**
 * Which layers of a village database are partitions and what each must cover (domain-2026.md §5
 * `no-overlap` / `no-gap`: 现状用地 and 规划用地 Must Not Overlap, Must Not Have Gaps; GKBJ is a partition of
 * the village by its derivation, §3), with the numbers the checks use. The region a layer covers is the first
 * of its regions the database has: the 村级调查区 (CJDCQ) when given, else the layer it was made from.
 */
import type { DatabaseLayerName } from './layers.ts';

export interface PartitionLayer {
  readonly layer: DatabaseLayerName;
  /** In order of preference; without any of them the layer's gaps are not checked. */
  readonly regions: readonly DatabaseLayerName[];
}

export const PARTITION_LAYERS: readonly PartitionLayer[] = [
  { layer: 'JQDLTB', regions: ['CJDCQ'] },
  { layer: 'GHDLTB', regions: ['CJDCQ', 'JQDLTB'] },
  { layer: 'GKBJ', regions: ['CJDCQ', 'GHDLTB'] },
];

export const COVERAGE_NUMBERS = {
  /** The survey's working tolerance (ArcGIS's 0.001 m): thinner misalignment is no gap or overlap. */
  toleranceM: 0.001,
  /**
   * The widest tolerance rounded coordinates may earn [ours]: enough for 7 decimals of a degree and GK to the
   * centimetre (≈ 16 mm and 14 mm). Coordinates on a coarser grid (whole metres, 5 or 6 decimals) are drawn or
   * computed that way, not rounded by an export, and a tolerance of decimetres would hide real gaps.
   */
  widestToleranceM: 0.02,
  /** Gaps and overlaps smaller than this (m², ellipsoidal) are not reported [ours, as the 2017 profile]. */
  reportM2: 0.01,
  /**
   * Narrower than this (m, mean width), a part between a plan layer and a reference layer is the seam of two
   * layers digitised apart, not land inside or outside [ours]: 村庄建设用地 outside the 村庄建设边界, construction on
   * the PBF or in the red line.
   */
  seamWidthM: 0.05,
} as const;
