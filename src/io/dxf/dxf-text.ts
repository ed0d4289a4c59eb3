/**
 * Text in a drawing as a planner reads it: MTEXT formatting codes removed (`{\fSimSun|b0;…}`, `\P` line
 * breaks, stacked fractions), AutoCAD's `%%` specials and `\U+` escapes turned into characters; and what
 * a label says: a land-class code (三调/二调 survey code or planning class) and a parcel number.
 */
import { CONTROL_ZONE_CODES, normaliseControlZoneCode } from '../../profiles/zhejiang-2017/codes.ts';
import { codesOf } from '../../domain/code-entry.ts';
import { isLandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import { matchRow } from '../survey/match-mapping.ts';
import { DEFAULT_SURVEY_MAPPING } from '../../profiles/zhejiang-2017/survey-mapping-table.ts';
import { unescapeDxfText } from './dxf-decode.ts';

/** MTEXT content → plain text (line breaks kept as `\n`). */
export function plainMText(raw: string): string {
  // Escaped backslashes and braces are set aside (as private-use characters) while the codes go.
  const text = unescapeDxfText(raw)
    .replace(/\\\\/g, '\uE000')
    .replace(/\\\{/g, '\uE001')
    .replace(/\\\}/g, '\uE002')
    .replace(/\\[Pp]/g, '\n')
    .replace(/\\~/g, ' ')
    .replace(/\\S([^;]*?)[\^/#]([^;]*?);/g, '$1/$2')
    .replace(/\\[fFHWQTACcp][^;\\{}]*;/g, '')
    .replace(/\\[LlOoKkNX]/g, '')
    .replace(/[{}]/g, '');
  return text.replace(/\uE000/g, '\\').replace(/\uE001/g, '{').replace(/\uE002/g, '}').trim();
}

/** TEXT/ATTRIB value → plain text: `%%c` ⌀, `%%d` °, `%%p` ±, `%%%` %, underline/overline toggles dropped. */
export function plainText(raw: string): string {
  return unescapeDxfText(raw)
    .replace(/%%[cC]/g, '⌀')
    .replace(/%%[dD]/g, '°')
    .replace(/%%[pP]/g, '±')
    .replace(/%%[uUoOkK]/g, '')
    .replace(/%%%/g, '%')
    .trim();
}

/** Attribute tags that hold a parcel number, and those that hold a land-class or zone code. */
const NUMBER_TAGS = ['TBBH', 'TBYBH', 'DKBH', 'YTDKBH', 'BH', 'ZDH', '图斑编号', '图斑号', '编号', '地块编号'];
const CODE_TAGS = ['DLBM', 'DLDM', 'GHDLDM', 'GHYTDM', 'DLBH', 'YDDM', 'GZQLXDM', 'JBNTLX', 'DL', '地类', '地类编码', '地类代码', '用地代码', '用途代码'];

const ZONES = new Set<string>(codesOf(CONTROL_ZONE_CODES));

/**
 * How surely a token is a code: 3 for survey codes of four characters (0101, 05H1, 1104A) and plan codes
 * with a prefix (G111, X2121); 2 for three- and four-digit planning classes, 二调 codes and zone codes
 * (111, 2121, 011, 010); 1 for the two-digit planning classes (12, 31, 32), which parcel numbers often
 * are too; 0 for anything else.
 */
function codeStrength(token: string): number {
  const t = token.trim().toUpperCase();
  if (!t) return 0;
  if (/^[XGN]\d{2,4}$/.test(t)) return 3;
  if (/^\d{2}[0-9A-Z]{2}[A-Z]?$/.test(t) && !isLandClassCode(t) && matchRow(DEFAULT_SURVEY_MAPPING, t, null)) return 3;
  if (isLandClassCode(t)) return t.length === 2 ? 1 : 2;
  if (/^0\d\d$/.test(t) && (ZONES.has(normaliseControlZoneCode(t)) || matchRow(DEFAULT_SURVEY_MAPPING, t, null))) return 2;
  return 0;
}

/** What a polygon's labels say. */
export interface LabelReading {
  /** Candidate codes, surest first (attribute values under a code tag before any text). */
  readonly codes: readonly string[];
  /** A parcel number from an attribute whose tag says so (TBBH…): no guess overrides it. */
  readonly taggedNumber: string | null;
  /** The free texts' tokens in reading order: the parcel number is among them (parcelNumber). */
  readonly tokens: readonly string[];
  /** Every text found inside, as written (for the preview and a redline's name). */
  readonly texts: readonly string[];
}

export interface Label {
  readonly text: string;
  /** The attribute tag, for a block attribute. */
  readonly tag: string | null;
}

/** A parcel number: digits, letters, `-` or `_`, at most 20 characters, with a digit. */
function looksLikeNumber(token: string): boolean {
  return /^[0-9A-Za-z][0-9A-Za-z_-]{0,19}$/.test(token) && /\d/.test(token);
}

export function readLabels(labels: readonly Label[]): LabelReading {
  const tagged: string[] = [];
  let taggedNumber: string | null = null;
  const tokens: string[] = [];
  for (const label of labels) {
    const tag = label.tag?.trim().toUpperCase() ?? '';
    const value = label.text.trim();
    if (!value) continue;
    if (CODE_TAGS.includes(tag)) tagged.push(value.toUpperCase());
    else if (NUMBER_TAGS.includes(tag)) taggedNumber ??= value;
    else tokens.push(...value.split(/[\s/|,，、;；]+/).filter(Boolean));
  }
  const candidates = tokens.map((token, order) => ({ token: token.toUpperCase(), strength: codeStrength(token), order })).filter((c) => c.strength > 0);
  candidates.sort((a, b) => b.strength - a.strength || a.order - b.order);
  return { codes: [...new Set([...tagged, ...candidates.map((c) => c.token)])], taggedNumber, tokens, texts: labels.map((l) => l.text).filter(Boolean) };
}

/**
 * The parcel number among a polygon's labels, knowing which code token (if any) gave its class: a tagged
 * number first; else the first number-like token that is not that code. With the class from the layer
 * (no code used), numbers such as 111 or 1001 are parcel numbers, though they read as codes; a survey
 * code beside a number (12 0101) is still not taken as the number.
 */
export function parcelNumber(reading: Pick<LabelReading, 'taggedNumber' | 'tokens'>, usedCode: string | null): string | null {
  if (reading.taggedNumber) return reading.taggedNumber;
  const numbers = reading.tokens.filter(looksLikeNumber);
  if (usedCode !== null) return numbers.find((t) => t.toUpperCase() !== usedCode.toUpperCase()) ?? null;
  return numbers.find((t) => codeStrength(t) < 3) ?? numbers[0] ?? null;
}
