/**
 * DXF text → entities, blocks and layers, with dxf-parser (MIT, gdsestimating/dxf-parser) doing the
 * tokenising, the sections, the tables, the blocks and most entity types, and our handlers
 * (dxf-handlers.ts, dxf-polyline-handlers.ts, dxf-shape-handlers.ts) the ones it lacks or reads wrongly.
 * dxf-parser throws on a file that ends before its EOF group or has a malformed group; those become
 * messages a planner can act on, but for slips that CAD reads past (dxf-repair.ts).
 */
import DxfParserModule from 'dxf-parser';
import { fileName } from '../files.ts';
import { failure, success, type Result } from '../result.ts';
import { AttribHandler, CircleHandler, HatchHandler, MPolygonHandler, TextHandler, UNREAD_ENTITY_TYPES, unreadEntityHandler } from './dxf-handlers.ts';
import { LwPolylineHandler, PolylineHandler } from './dxf-polyline-handlers.ts';
import { repair, unpairedPoint, withOneEntitiesSection } from './dxf-repair.ts';
import { EllipseHandler, Face3dHandler, SplineHandler } from './dxf-shape-handlers.ts';

/** An entity as dxf-parser and our handlers leave it: typed fields are read through dxf-entities.ts. */
export type RawEntity = Readonly<Record<string, unknown>> & { readonly type: string };

export interface RawBlock {
  readonly name: string;
  readonly position?: { readonly x: number; readonly y: number };
  readonly entities?: readonly RawEntity[];
}

export interface ParsedDxf {
  readonly entities: readonly RawEntity[];
  readonly blocks: Readonly<Record<string, RawBlock>>;
  /** Layer name → ACI colour, from the LAYER table (absent in many R12 files). */
  readonly layerColours: ReadonlyMap<string, number>;
  /** `$INSUNITS`, the drawing units (4 millimetres, 6 metres…; dxf-units.ts), null when the header has none. */
  readonly insUnits: number | null;
}

interface Parser {
  parseSync(text: string): unknown;
  registerEntityHandler(handler: new () => unknown): void;
}

// The ES build exports the class as default; the CommonJS build (Node without a bundler) an object holding it.
const ParserClass = ((DxfParserModule as unknown as { DxfParser?: unknown }).DxfParser ?? DxfParserModule) as unknown as new () => Parser;

export function parseDxfText(path: string, text: string): Result<ParsedDxf> {
  const file = fileName(path);
  // A DXF opens with `0 SECTION` (after optional `999` comments); anything else is another kind of text.
  // Lines may end in CR alone (old Macintosh writers), as dxf-parser and GDAL accept.
  if (!/^\uFEFF?(?:\s*999(?:\r\n?|\n)[^\r\n]*(?:\r\n?|\n))*\s*0(?:\r\n?|\n)\s*SECTION\s*(?:\r\n?|\n)/.test(text)) return failure('io.dxf.notDxf', { file });
  const parser = new ParserClass();
  parser.registerEntityHandler(HatchHandler);
  parser.registerEntityHandler(MPolygonHandler);
  for (const type of UNREAD_ENTITY_TYPES) parser.registerEntityHandler(unreadEntityHandler(type));
  parser.registerEntityHandler(AttribHandler);
  parser.registerEntityHandler(CircleHandler);
  parser.registerEntityHandler(TextHandler);
  parser.registerEntityHandler(LwPolylineHandler);
  parser.registerEntityHandler(PolylineHandler);
  parser.registerEntityHandler(SplineHandler);
  parser.registerEntityHandler(Face3dHandler);
  parser.registerEntityHandler(EllipseHandler);
  let parsed: { header?: Record<string, unknown>; entities?: RawEntity[]; blocks?: Record<string, RawBlock>; tables?: { layer?: { layers?: Record<string, { colorIndex?: number }> } } } | null;
  let source = withOneEntitiesSection(text);
  for (;;) {
    try {
      parsed = parser.parseSync(source) as typeof parsed;
      break;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const repaired = repair(source, detail);
      if (repaired !== null) {
        source = repaired;
        continue;
      }
      if (/Unexpected end of input|EOF group/i.test(detail)) return failure('io.dxf.truncated', { file });
      if (/Empty file/i.test(detail)) return failure('io.dxf.empty', { file });
      const unpaired = /Expected code for point value/i.test(detail) ? unpairedPoint(source) : null;
      if (unpaired) return failure('io.dxf.pointIncomplete', { file, ...unpaired, handle: unpaired.handle ? ` #${unpaired.handle}` : '' });
      return failure('io.dxf.malformed', { file, detail });
    }
  }
  if (!parsed) return failure('io.dxf.notDxf', { file });
  if (!parsed.entities) return failure('io.dxf.noEntitiesSection', { file });
  if (parsed.entities.length === 0) return failure('io.dxf.noEntities', { file });
  const layerColours = new Map<string, number>();
  for (const [name, layer] of Object.entries(parsed.tables?.layer?.layers ?? {})) if (typeof layer.colorIndex === 'number') layerColours.set(name, layer.colorIndex);
  const insUnits = parsed.header?.$INSUNITS;
  return success({ entities: parsed.entities, blocks: parsed.blocks ?? {}, layerColours, insUnits: typeof insUnits === 'number' && Number.isInteger(insUnits) ? insUnits : null });
}
