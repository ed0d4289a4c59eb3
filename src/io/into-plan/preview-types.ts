/**
 * What an import read gives the dialog, as plain data a Worker can send back: the layer's summary, its
 * features, the survey mapping, topology and datum findings (import-preview.ts makes them, held-layer.ts
 * keeps the read to apply the planner's choices to).
 */
import type { AreaGeometry, FeatureOf } from '../../domain/features.ts';
import type { DatumParameters } from '../../domain/datum-parameters.ts';
import type { LayerId } from '../../profiles/zhejiang-2017/layers.ts';
import type { Message } from '../../domain/message.ts';
import type { Plan } from '../../domain/plan.ts';
import type { PlanOutlines } from '../crs/gcj02-offset.ts';
import type { DatumRequest } from '../crs/datum-request.ts';
import type { EncodingReport, ImportedLayer, ReadOptions } from '../formats/types.ts';
import type { PackageRead } from '../package/read-files.ts';
import type { MappingPreviewRow } from '../survey/survey-import.ts';
import type { InvalidGeometry } from '../survey/survey-records.ts';
import type { MappingChoice } from '../../profiles/zhejiang-2017/survey-mapping-table.ts';
import type { TopologyPreview } from './align-topology.ts';

export interface ImportedArea {
  readonly geometry: AreaGeometry;
  /** The source's attributes, as plain data (text shown as text, never as HTML). */
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface LayerSummary {
  readonly file: string;
  readonly name: string;
  readonly format: ImportedLayer['format'];
  readonly count: number;
  readonly crs: string;
  readonly crsHow: string;
  readonly encoding: EncodingReport | null;
}

export interface SurveyPreview {
  readonly parcels: readonly FeatureOf<'base'>[];
  readonly preview: readonly MappingPreviewRow[];
  readonly unmapped: readonly MappingPreviewRow[];
  /** Invalid geometries with their problems; with `repair` asked, what the repair did (area before/after). */
  readonly invalid: readonly InvalidGeometry[];
  readonly duplicates: number;
  readonly notes: readonly Message[];
}

export interface ImportPreview {
  readonly layer: LayerSummary;
  /** Every layer found (a zip may hold several): the first is the one imported. */
  readonly others: readonly string[];
  readonly areas: readonly ImportedArea[];
  /** Null when the layer has no land-class code field (not a survey), with the reason. */
  readonly survey: SurveyPreview | null;
  readonly surveyError: Message | null;
  /** The layer looks like GCJ-02 (web-map offset), by its names or fields or its offset from the plan: the dialog offers the conversion. */
  readonly gcj02: boolean;
  /** Why, when it is the offset: the layer sits on the plan's parcels once converted (gcj02-offset.ts). */
  readonly gcj02Offset: Message | null;
  /** What aligning the layer's topology within the plan's coverage tolerance (more for rounded data: align-topology.ts) does (did, when asked); null when nothing is that close. */
  readonly topology: TopologyPreview | null;
  /** The county's Beijing 1954 / Xian 1980 parameters the layer was read with (the plan keeps them on import). */
  readonly datum: { readonly request: DatumRequest; readonly parameters: DatumParameters } | null;
  readonly notes: readonly Message[];
}

/**
 * What the planner chose in the dialog. Encoding and datum parameters change how the file is parsed (a new
 * read); the `ImportChoices` are applied to the layer the worker holds.
 */
export interface PreviewOptions extends Pick<ReadOptions, 'encoding' | 'crs' | 'expectedLongitude' | 'convertGcj02' | 'datumParameters'> {
  /** Repair invalid survey geometry (only with the planner's consent). */
  readonly repair?: boolean;
  /** The planner's class for each survey code row (the mapping table's overrides). */
  readonly choices?: readonly MappingChoice[];
  /** Snap the layer into an exact coverage within the plan's coverage tolerance (only with the planner's consent; align-topology.ts). */
  readonly alignTopology?: boolean;
  /** Geometries the alignment snaps to and never changes: the plan's village boundary. */
  readonly reference?: readonly AreaGeometry[];
  /** The plan's base parcels (or boundary), to notice a layer at the GCJ-02 offset from them. */
  readonly planOutlines?: PlanOutlines;
  /** The plan profile's `coverageToleranceM` (m): what aligning snaps within and coarse coordinates are judged by; the default profile's when not given. */
  readonly coverageToleranceM?: number;
  /** 0–1 as the read goes on (per layer, per 1,000 records), for the progress bar. */
  readonly onProgress?: (done: number) => void;
}

/** A delivery package found among the files: the plan rebuilt from it, to open as a new plan. */
export interface PackagePreview {
  readonly files: string;
  readonly plan: Plan;
  readonly layers: PackageRead['layers'];
  /** Features per plan layer, the layers that have any. */
  readonly counts: readonly { readonly layer: LayerId; readonly count: number }[];
}

/** The choices applied to a layer already read (held-layer.ts); the rest of the options need the file parsed again. */
export type ImportChoices = Pick<PreviewOptions, 'convertGcj02' | 'repair' | 'alignTopology' | 'choices'>;
