/**
 * Generators of "real-looking" coverages for tests and benchmarks. The sample generator's parcels share
 * every vertex exactly; real data does not:
 * - a 三调 DLTB export is clipped to a village boundary from another layer, so parcel vertices lie on the
 *   boundary's long edges, which are not split there (T-junctions): `clipToSeparateBoundary`;
 * - reprojection moves each feature's copy of a vertex by its own fraction of a millimetre:
 *   `jitterVertices`;
 * - and a test needs known gaps and overlaps with their areas: `plantViolations`;
 * - a boundary from another survey disagrees with the parcels by decimetres all round: `misalignBoundary`.
 * All are pure functions of a plan and a seed; the input plan is never changed.
 */
export { clipToSeparateBoundary, type ClipToBoundaryOptions, type ClipToBoundaryReport } from './clip-to-boundary.ts';
export { DEFAULT_JITTER_METRES, jitterVertices, type JitterOptions, type JitterReport } from './jitter-vertices.ts';
export { plantViolations, type ExpectedViolation, type PlantOptions } from './plant-violations.ts';
export { misalignBoundary, type MisalignOptions } from './misalign-boundary.ts';
