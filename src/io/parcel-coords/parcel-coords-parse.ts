/**
 * The national 界址点 coordinate exchange text (勘测定界 / 建设用地报批 "坐标交换文件"):
 *
 *   [属性描述]                     key=value lines: 格式版本号, 数据产生单位, 坐标系, 几度分带, 投影类型,
 *   坐标系=2000国家大地坐标系        计量单位, 带号, 精度, 转换参数 …
 *   带号=40
 *   [地块坐标]
 *   5,0.1234,1,地块名,面,H51H077001,建设用地,0702,@      界址点数, 地块面积 (公顷), 地块编号, 地块名称,
 *   J1,1,3345123.456,40512345.678                          图形属性, 图幅号, 地块用途, 地类编码, @
 *   …                                                     then per point: 点号, 圈号, X (northing), Y (easting)
 *
 * A parcel's rings are told apart by 圈号; ring 1 is the outline, a later ring inside it is a hole and one
 * outside it another part. Rings repeat their first point at the end; a ring that does not is closed here,
 * and the note says so. Nothing is written in this format (the deliverables are Shapefile and GeoJSON).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringLocation } from '../../geo/point-in-ring.ts';
import { emptyProperties, type Properties } from '../formats/properties.ts';
import { failure, note, success, type Message, type Result } from '../result.ts';

export interface ParcelCoordsHeader {
  /** The `[属性描述]` entries as written. */
  readonly attributes: Readonly<Record<string, string>>;
}

export interface ParsedParcel {
  /** 1-based section number, for messages. */
  readonly recordNo: number;
  /** Raw [easting, northing] rings (the file's Y, X), closed. */
  readonly geometry: Polygon | MultiPolygon;
  readonly properties: Properties;
}

export interface ParsedParcelCoords {
  readonly header: ParcelCoordsHeader;
  readonly parcels: readonly ParsedParcel[];
}

/** Names of the parcel header's fields, in the order the standard gives them. */
export const PARCEL_FIELDS = ['界址点数', '地块面积', '地块编号', '地块名称', '图形属性', '图幅号', '地块用途', '地类编码'] as const;

export function looksLikeParcelCoords(text: string): boolean {
  return text.includes('[地块坐标]') || text.includes('[属性描述]');
}

interface Section {
  readonly line: number;
  readonly fields: readonly string[];
  readonly rings: Map<string, Position[]>;
  points: number;
}

export function parseParcelCoords(text: string, file: string): Result<ParsedParcelCoords> {
  const attributes: Record<string, string> = {};
  const sections: Section[] = [];
  let part: 'none' | 'header' | 'coords' = 'none';
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    if (line.startsWith('[')) {
      part = line.startsWith('[属性描述]') ? 'header' : line.startsWith('[地块坐标]') ? 'coords' : 'none';
      continue;
    }
    if (part === 'header') {
      const eq = line.indexOf('=');
      if (eq > 0) attributes[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
      continue;
    }
    if (part !== 'coords') continue;
    // Chinese keyboards often type the full-width comma; both separate fields.
    const cells = line.split(/[,，]/).map((c) => c.trim());
    if (cells[cells.length - 1] === '@') {
      sections.push({ line: i + 1, fields: cells.slice(0, -1), rings: new Map(), points: 0 });
      continue;
    }
    const section = sections[sections.length - 1];
    const x = Number(cells[2]);
    const y = Number(cells[3]);
    if (!section || cells.length < 4 || cells[2] === '' || cells[3] === '' || !Number.isFinite(x) || !Number.isFinite(y)) {
      return failure('io.parcelCoords.badLine', { file, line: i + 1, text: line.slice(0, 60) });
    }
    const ringId = cells[1] || '1';
    const ring = section.rings.get(ringId) ?? [];
    // X is the northing and Y the easting in Chinese survey tables; stored here as [easting, northing].
    ring.push([y, x]);
    section.rings.set(ringId, ring);
    section.points++;
  }
  if (sections.length === 0) return failure('io.parcelCoords.noParcels', { file });

  const notes: Message[] = [];
  const parcels: ParsedParcel[] = [];
  const closed: string[] = [];
  const countMismatch: string[] = [];
  for (let s = 0; s < sections.length; s++) {
    const section = sections[s] as Section;
    const label = section.fields[2] || String(s + 1);
    if (section.rings.size === 0) return failure('io.parcelCoords.emptyParcel', { file, parcel: label, line: section.line });
    const declaredPoints = Number(section.fields[0]);
    if (Number.isFinite(declaredPoints) && declaredPoints !== section.points) countMismatch.push(`${label} (${declaredPoints}/${section.points})`);
    const rings = [...section.rings.values()].map((ring) => {
      const first = ring[0] as Position;
      const last = ring[ring.length - 1] as Position;
      if (first[0] === last[0] && first[1] === last[1]) return ring;
      closed.push(label);
      return [...ring, [...first]];
    });
    const properties = emptyProperties();
    PARCEL_FIELDS.forEach((name, i) => {
      const value = section.fields[i] ?? '';
      properties[name] = (name === '界址点数' || name === '地块面积') && value !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
    });
    parcels.push({ recordNo: s + 1, geometry: assembleRings(rings), properties });
  }
  if (closed.length) notes.push(note('io.parcelCoords.ringsClosed', { file, parcels: closed.join(', ') }));
  if (countMismatch.length) notes.push(note('io.parcelCoords.pointCountMismatch', { file, parcels: countMismatch.join(', ') }));
  return success({ header: { attributes }, parcels }, notes);
}

/** Ring 1 is the outline; later rings inside an outline are its holes, others further outlines. */
function assembleRings(rings: readonly Position[][]): Polygon | MultiPolygon {
  const polygons: Position[][][] = [];
  for (const ring of rings) {
    const owner = polygons.find((p) => ringLocation(ring, p[0] as Position[]) === 'inside');
    if (owner) owner.push(ring);
    else polygons.push([ring]);
  }
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] as Position[][] } : { type: 'MultiPolygon', coordinates: polygons };
}
