/**
 * The plan's layers (domain.md §2). One catalog: the layer panel, the drawing tools, the attribute panel,
 * the rules and the exports all read it, so a layer is added in one place.
 */
export const LAYER_IDS = [
  'boundary',
  'base',
  'pbf',
  'redline',
  'townshipZones',
  'places',
  'demolition',
  'newBuild',
  'useChange',
  'reserve',
  'facility',
  'functionalZone',
  'consolidationZone',
  'controlZone',
  'feedback',
] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export type LayerKind = 'reference' | 'drawn' | 'collected';
export type GeometryKind = 'area' | 'point';

export interface LayerSpec {
  readonly id: LayerId;
  readonly kind: LayerKind;
  readonly geometry: GeometryKind;
  /** Layer name in the provincial package (domain.md §4), when it is delivered. */
  readonly deliverable?: string;
  /** Its features must cover the village exactly with no overlap (rules `no-gap`, `no-overlap`). */
  readonly partition: boolean;
  /** Whether a planner may reshape its geometry. Reference geometry comes from the survey or the township. */
  readonly geometryEditable: boolean;
  readonly attributesEditable: boolean;
}

export const LAYERS: Readonly<Record<LayerId, LayerSpec>> = {
  boundary: spec('boundary', 'reference', 'area', false, false, false, 'XZQ'),
  base: spec('base', 'reference', 'area', true, false, true, 'JQDLTB'),
  pbf: spec('pbf', 'reference', 'area', false, false, false, 'JBNTBHTB'),
  redline: spec('redline', 'reference', 'area', false, false, false, 'STBHHX'),
  townshipZones: spec('townshipZones', 'reference', 'area', false, false, false),
  places: spec('places', 'reference', 'point', false, false, true),
  demolition: spec('demolition', 'drawn', 'area', false, true, true),
  newBuild: spec('newBuild', 'drawn', 'area', false, true, true),
  useChange: spec('useChange', 'drawn', 'area', false, true, true),
  reserve: spec('reserve', 'drawn', 'area', false, true, true, 'JBNTZBQ'),
  facility: spec('facility', 'drawn', 'area', false, true, true),
  functionalZone: spec('functionalZone', 'drawn', 'area', true, true, true, 'GNFQ'),
  consolidationZone: spec('consolidationZone', 'drawn', 'area', false, true, true, 'ZZFQ'),
  controlZone: spec('controlZone', 'drawn', 'area', true, true, true, 'JSYDGZQ'),
  feedback: spec('feedback', 'collected', 'point', false, false, true, 'GSYJ'),
};

function spec(
  id: LayerId,
  kind: LayerKind,
  geometry: GeometryKind,
  partition: boolean,
  geometryEditable: boolean,
  attributesEditable: boolean,
  deliverable?: string,
): LayerSpec {
  return { id, kind, geometry, partition, geometryEditable, attributesEditable, ...(deliverable ? { deliverable } : {}) };
}

/** Layers a planner draws, in the order the toolbar offers them. */
export const DRAWN_LAYER_IDS = LAYER_IDS.filter((id) => LAYERS[id].kind === 'drawn');
export type DrawnLayerId =
  | 'demolition'
  | 'newBuild'
  | 'useChange'
  | 'reserve'
  | 'facility'
  | 'functionalZone'
  | 'consolidationZone'
  | 'controlZone';

/**
 * Derivation order (domain.md §2): later layers win where changes overlap: demolition, then new-build,
 * then other use change.
 */
export const CHANGE_LAYER_ORDER = ['demolition', 'newBuild', 'useChange'] as const;
export type ChangeLayerId = (typeof CHANGE_LAYER_ORDER)[number];
/** Bottom-to-top drawing order of the plan layers (the layer panel can change it). */
export const DEFAULT_LAYER_ORDER: readonly LayerId[] = [
  'base',
  'pbf',
  'redline',
  'townshipZones',
  'demolition',
  'newBuild',
  'useChange',
  'facility',
  'reserve',
  'consolidationZone',
  'functionalZone',
  'controlZone',
  'boundary',
  'places',
  'feedback',
];
