/**
 * Parameters pasted or read from a file, in the forms survey offices and GIS tools hand them out:
 * - a proj string with `+towgs84=dx,dy,dz[,rx,ry,rz,ppm]` (position vector, as PROJ defines it);
 * - a WKT (ArcGIS, GDAL) with `TOWGS84[dx,dy,dz,rx,ry,rz,ppm]` (position vector, as GDAL writes it);
 * - labelled values, one or several a line, as CASS and survey reports write them (`X平移=-50.1`,
 *   `ΔY: 20.2`, `Z旋转 3.2`, `尺度 4.5`; a scale near 1 is a factor, else ppm; a four-parameter rotation in
 *   seconds unless its label says 度);
 * - plain numbers: seven (dx dy dz rx ry rz ppm) or four (dx dy rotation″ ppm).
 * Anything else is refused with a message naming these forms.
 */
import type { DatumTransformation, SevenParameters } from '../../domain/datum-parameters.ts';
import { failure, success, type Result } from '../result.ts';

export interface ReadParameters {
  readonly transformation: DatumTransformation;
  /** Whether the text said which rotation convention it uses (else the planner's choice was taken). */
  readonly conventionStated: boolean;
}

export interface ReadDefaults {
  readonly convention: SevenParameters['convention'];
  /** The plane four parameters apply on: the file's GK central meridian. */
  readonly centralMeridian: number | null;
}

const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;

export function readParameterText(text: string, defaults: ReadDefaults): Result<ReadParameters> {
  const clean = text.replace(/^\uFEFF/, '').trim();
  if (!clean) return failure('io.datum.empty');
  const towgs84 = /\+towgs84=([-+\d.eE,]+)/i.exec(clean) ?? /TOWGS84\s*\[([^\]]*)\]/i.exec(clean);
  if (towgs84) return fromValues((towgs84[1] as string).split(',').map(Number), 'positionVector', true);
  const stated = statedConvention(clean);
  const labelled = fromLabels(clean, stated ?? defaults.convention, defaults.centralMeridian);
  if (labelled) return labelled.ok ? success({ ...labelled.value, conventionStated: stated !== null }) : labelled;
  const numbers = (clean.match(NUMBER) ?? []).map(Number);
  if (numbers.length === 7) return fromValues(numbers, stated ?? defaults.convention, stated !== null);
  if (numbers.length === 4) return four(numbers as [number, number, number, number], defaults.centralMeridian);
  return failure('io.datum.unreadable', { start: clean.slice(0, 60) });
}

function statedConvention(text: string): SevenParameters['convention'] | null {
  if (/coordinate.?frame|坐标框架|9607/i.test(text)) return 'coordinateFrame';
  if (/position.?vector|位置矢量|位置向量|9606/i.test(text)) return 'positionVector';
  return null;
}

function fromValues(values: readonly number[], convention: SevenParameters['convention'], conventionStated: boolean): Result<ReadParameters> {
  if ((values.length !== 3 && values.length !== 7) || !values.every(Number.isFinite)) return failure('io.datum.unreadable', { start: values.join(',') });
  const [dx, dy, dz, rx = 0, ry = 0, rz = 0, scalePpm = 0] = values as number[];
  return success({ transformation: { kind: 'sevenParameter', dx: dx as number, dy: dy as number, dz: dz as number, rx, ry, rz, scalePpm, convention }, conventionStated });
}

function four([dx, dy, rotationSeconds, scalePpm]: readonly [number, number, number, number], centralMeridian: number | null): Result<ReadParameters> {
  if (centralMeridian === null) return failure('io.datum.fourNeedsPlane');
  return success({ transformation: { kind: 'fourParameter', dx, dy, rotationSeconds, scalePpm, centralMeridian }, conventionStated: false });
}

type Slot = 'dx' | 'dy' | 'dz' | 'rx' | 'ry' | 'rz' | 'rotation' | 'scale';

/** Label patterns, checked in order (rotations before shifts: `X旋转` also holds `X`). */
const LABELS: readonly [Slot, RegExp][] = [
  ['rx', /(x\s*(轴)?\s*旋转|旋转\s*x|ωx|εx|\brx\b|rot(ation)?\s*x)/i],
  ['ry', /(y\s*(轴)?\s*旋转|旋转\s*y|ωy|εy|\bry\b|rot(ation)?\s*y)/i],
  ['rz', /(z\s*(轴)?\s*旋转|旋转\s*z|ωz|εz|\brz\b|rot(ation)?\s*z)/i],
  ['rotation', /(旋转角?|rotation|α)/i],
  ['scale', /(尺度|比例|缩放|scale|\bk\b|\bppm\b)/i],
  ['dx', /(x\s*(轴)?\s*(平移|偏移)|(平移|偏移)\s*x|[Δδ]x|\bdx\b|\btx\b)/i],
  ['dy', /(y\s*(轴)?\s*(平移|偏移)|(平移|偏移)\s*y|[Δδ]y|\bdy\b|\bty\b)/i],
  ['dz', /(z\s*(轴)?\s*(平移|偏移)|(平移|偏移)\s*z|[Δδ]z|\bdz\b|\btz\b)/i],
];

/** `label value` pairs; undefined when the text has no labels at all (then plain numbers are tried). */
function fromLabels(text: string, convention: SevenParameters['convention'], centralMeridian: number | null): Result<Omit<ReadParameters, 'conventionStated'>> | undefined {
  const found = new Map<Slot, { value: number; label: string }>();
  const pair = /([^\d\s=:：,，;；+-][^=:：\d]*?)\s*[=:：]?\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/g;
  for (const m of text.matchAll(pair)) {
    const label = (m[1] as string).trim();
    const slot = LABELS.find(([, pattern]) => pattern.test(label))?.[0];
    if (slot && !found.has(slot)) found.set(slot, { value: Number(m[2]), label });
  }
  if (found.size === 0) return undefined;
  const value = (slot: Slot) => found.get(slot)?.value;
  const scaleEntry = found.get('scale');
  // A factor (1.0000045) or ppm (4.5): survey reports write both.
  const scalePpm = scaleEntry === undefined ? 0 : Math.abs(scaleEntry.value - 1) < 0.01 ? (scaleEntry.value - 1) * 1e6 : scaleEntry.value;
  const [dx, dy, dz] = [value('dx'), value('dy'), value('dz')];
  if (dx === undefined || dy === undefined) return failure('io.datum.missingValues', { found: [...found.keys()].join(', ') });
  if (dz !== undefined) {
    return success({ transformation: { kind: 'sevenParameter', dx, dy, dz, rx: value('rx') ?? 0, ry: value('ry') ?? 0, rz: value('rz') ?? 0, scalePpm, convention } });
  }
  const rotation = found.get('rotation');
  const rotationSeconds = rotation === undefined ? 0 : /度|°|deg/i.test(rotation.label) ? rotation.value * 3600 : rotation.value;
  const read = four([dx, dy, rotationSeconds, scalePpm], centralMeridian);
  return read.ok ? success({ transformation: read.value.transformation }) : read;
}
