/**
 * How a package names a plan feature: `<layer>#<BSM>` (`JQDLTB#12`, `GHYT#40`), the row that stands for it in
 * the package's layers. BSM is the feature's 1-based place in its layer (delivery-layers.ts, write-package.ts);
 * XZQ has no BSM field and is named by its record number, which is the same number. A drawn change
 * (demolition, new-build, use change) is written to GHYT as one piece per base parcel it covers: it is named
 * by its first piece (read back: the piece with the lowest BSM, in whatever order the rows come), and
 * `pieces` lists every one. The sidecar (package-inputs.ts) and the QC summary
 * (qc-summary.ts) name features this way, so a reviewer finds them in any GIS, and the reader maps them back.
 */
import type { FeatureId } from '../../domain/ids.ts';
import type { LayerId } from '../../profiles/zhejiang-2017/layers.ts';
import { layerFeatures } from '../../domain/plan.ts';
import type { CheckState } from '../../rules/context.ts';
import type { PackageLayerName } from './package-layers.ts';

export type ChangeLayer = 'demolition' | 'newBuild' | 'useChange';
export const CHANGE_LAYERS: readonly ChangeLayer[] = ['demolition', 'newBuild', 'useChange'];

/** Plan layers written one feature per row, in plan order, and the package layer each goes to. */
const ROW_LAYERS: Readonly<Partial<Record<LayerId, PackageLayerName | 'GSYJ'>>> = {
  boundary: 'XZQ',
  base: 'JQDLTB',
  pbf: 'JBNTBHTB',
  redline: 'STBHHX',
  townshipZones: 'XJGZQ',
  controlZone: 'JSYDGZQ',
  functionalZone: 'GNFQ',
  consolidationZone: 'ZZFQ',
  reserve: 'JBNTZBQ',
  facility: 'SSNYD',
  feedback: 'GSYJ',
};

export interface FeatureRef {
  readonly layer: LayerId;
  /** `<package layer>#<BSM>`. */
  readonly ref: string;
  /** A change's GHYT pieces (the first is `ref`); empty for other layers. */
  readonly pieces: readonly string[];
}

export function refOf(layer: string, bsm: number | string): string {
  return `${layer}#${bsm}`;
}

/** Splits `GHYT#40` into its layer and BSM, or null when it is not a reference. */
export function parseRef(ref: unknown): { readonly layer: string; readonly bsm: string } | null {
  if (typeof ref !== 'string') return null;
  const match = /^([A-Z]{2,10})#(\d{1,10})$/.exec(ref);
  return match ? { layer: match[1] as string, bsm: match[2] as string } : null;
}

/**
 * Every plan feature the package carries, by id. A change with no piece (wholly outside every base parcel)
 * has no row in GHYT and so no reference; places (村民小组 labels) are not delivered.
 */
export function featureRefs(state: Pick<CheckState, 'plan' | 'derived'>): Map<FeatureId, FeatureRef> {
  const { plan } = state;
  const refs = new Map<FeatureId, FeatureRef>();
  for (const [layer, name] of Object.entries(ROW_LAYERS) as [LayerId, string][]) {
    layerFeatures(plan, layer).forEach((f, i) => refs.set(f.id, { layer, ref: refOf(name, i + 1), pieces: [] }));
  }
  // GHYT: the base parcels in plan order, each parcel's pieces in derivation order (write-package.ts).
  const pieces = new Map<FeatureId, string[]>();
  let bsm = 0;
  for (const base of layerFeatures(plan, 'base')) {
    for (const piece of state.derived.piecesOf(base.id)) {
      bsm++;
      if (!piece.change) continue;
      const list = pieces.get(piece.change.id);
      if (list) list.push(refOf('GHYT', bsm));
      else pieces.set(piece.change.id, [refOf('GHYT', bsm)]);
    }
  }
  for (const layer of CHANGE_LAYERS) {
    for (const f of layerFeatures(plan, layer)) {
      const list = pieces.get(f.id);
      if (list) refs.set(f.id, { layer, ref: list[0] as string, pieces: list });
    }
  }
  return refs;
}
