/**
 * 三调 work classes → 用地用海 2023 (domain-2026.md §2.1), as data the import offers and the planner may
 * change. Rows are [cct:sd] (sheet 通用) unless marked [ours]; CCTool matches by name (`DLMC`), we match by
 * code and check the name, so a parcel whose name says another class is flagged, not silently moved.
 *
 * Several codes mean different things in the two schemes (the 0702 trap: 三调 `0702` 农村宅基地 is 用地用海
 * `0703`, while 用地用海 `0702` is 城镇社区服务设施用地); this table is the only place a 三调 code becomes a
 * 2023 code, so a layer must be declared 三调 before it is read through it (see scheme.ts).
 */
import { SANDIAO_INDEX } from './classes.ts';

export interface SandiaoMappingRow {
  /** The 三调 code; a 可调整 (K) code has no row of its own but is read as the class it refines. */
  readonly from: string;
  readonly fromName: string;
  /** One code: 1:1. Several: 待细分, the candidates the planner chooses among. */
  readonly to: readonly string[];
  readonly refine: boolean;
  /** Finer 2023 codes the planner may refine a 1:1 target to; which one, no source says ⚠. */
  readonly finer?: readonly string[];
  readonly note?: string;
  readonly unconfirmed?: boolean;
  readonly source: 'cct:sd' | 'ours';
}


function nameOf(code: string): string {
  const entry = SANDIAO_INDEX.get(code);
  if (!entry) throw new Error(`三调 mapping: ${code} is not a 三调 code`);
  return entry.zh;
}

type RowDetails = Partial<Pick<SandiaoMappingRow, 'finer' | 'note' | 'unconfirmed' | 'source'>>;

const one = (from: string, to: string, details: RowDetails = {}): SandiaoMappingRow => ({ from, fromName: nameOf(from), to: [to], refine: false, source: 'cct:sd', ...details });

const refine = (from: string, candidates: readonly string[], details: RowDetails = {}): SandiaoMappingRow => ({ from, fromName: nameOf(from), to: candidates, refine: true, source: 'cct:sd', ...details });

export const SANDIAO_TO_YDYH_2023: readonly SandiaoMappingRow[] = [
  one('0101', '0101'),
  one('0102', '0102'),
  one('0103', '0103'),
  one('0201', '0201'),
  one('0202', '0202'),
  one('0203', '0203'),
  refine('0204', ['0204', '0205'], { note: 'Zhejiang list (cct:zj-gn) lacks 0205', unconfirmed: true }),
  one('0301', '0301'),
  one('0302', '0302'),
  one('0305', '0303', { note: 'same name, different code' }),
  one('0307', '0304', { note: 'same name, different code' }),
  one('0303', '0507', { note: '林地 → 湿地' }),
  one('0304', '0501', { note: '林地 → 湿地' }),
  one('0306', '0502', { note: '林地 → 湿地' }),
  one('0401', '0401'),
  one('0403', '0402', { note: 'code shift' }),
  one('0404', '0403', { note: 'code shift' }),
  one('0402', '0503', { note: '草地 → 湿地' }),
  // cct:sd gives the level-1 name only; the candidates are ours.
  refine('05H1', ['090101', '090102', '090103', '090104', '090105', '0902', '0903', '0904'], { unconfirmed: true }),
  one('0508', '1101', { finer: ['110101', '110102', '110103'] }),
  one('0601', '1001'),
  one('0602', '1002'),
  one('0603', '1003'),
  one('0701', '0701'),
  one('0702', '0703', { finer: ['070301', '070302'], note: 'the 0702 trap: 用地用海 0702 is 城镇社区服务设施用地' }),
  one('08H1', '0801'),
  refine('08H2', ['0802', '0803', '0804', '0805', '0806', '0807']),
  one('08H2A', '080401', { source: 'ours', unconfirmed: true }),
  refine('0809', ['1301', '1302', '1303', '1304', '1305', '1306', '1307', '1308', '1309', '1310', '1312']),
  one('0810', '1401'),
  one('0810A', '1403'),
  refine('09', ['1501', '1502', '1503', '1504', '1505', '1506', '1507'], { note: '三调 has no sub-codes' }),
  one('1001', '1201'),
  one('1002', '1206'),
  one('1003', '1202'),
  one('1004', '1207', { note: '2020 试行 made this 待细分' }),
  refine('1005', ['120801', '120802', '120803', '1209']),
  refine('1006', ['060101', '060102']),
  one('1007', '1203'),
  one('1008', '1204'),
  one('1009', '1205'),
  one('1101', '1701'),
  one('1102', '1702'),
  one('1103', '1703'),
  one('1104', '1704'),
  one('1104A', '1704'),
  one('1105', '0505', { note: '水域 → 湿地' }),
  one('1106', '0506', { note: '水域 → 湿地' }),
  one('1108', '0504', { note: '水域 → 湿地' }),
  one('1107', '1705'),
  one('1107A', '1311'),
  one('1109', '1311'),
  one('1110', '1706'),
  one('1201', '2301'),
  refine('1202', ['060201', '060202', '060203']),
  one('1203', '2303'),
  one('1204', '2304'),
  one('1205', '2305'),
  one('1206', '2306'),
  one('1207', '2307'),
];

const ROWS_BY_CODE = new Map(SANDIAO_TO_YDYH_2023.map((row) => [row.from, row]));

/** A `DLMC` that names another class than its `DLBM`: the parcel is mapped by code, and the planner told. */
export interface NameMismatch {
  readonly expected: string;
  readonly given: string;
}

interface Found {
  readonly row: SandiaoMappingRow;
  /**
   * The code carried the 可调整 `K`. 用地用海 has no such flag, so it is kept as an attribute of the parcel
   * [ours ⚠].
   */
  readonly adjustable: boolean;
  readonly nameMismatch?: NameMismatch;
}

export type SandiaoMapping =
  | ({ readonly kind: 'mapped'; readonly code: string } & Found)
  | ({ readonly kind: 'refine'; readonly candidates: readonly string[] } & Found)
  | { readonly kind: 'unknown' };

/**
 * The 2023 code of a 三调 parcel by its `DLBM`, or the candidates the planner must choose among; `DLMC`,
 * when given, is checked against the code's 三调 name. A K code is read as the class it refines (`0201K` as
 * `0201`, `1104K` 可调整养殖坑塘 as `1104A`) and counts only where 三调 has one (`0201K`, not `0101K`).
 */
export function mapSandiaoCode(dlbm: string, dlmc?: string): SandiaoMapping {
  const code = dlbm.trim().toUpperCase();
  const entry = SANDIAO_INDEX.get(code);
  if (!entry) return { kind: 'unknown' };
  const adjustable = code.endsWith('K');
  const base = adjustable && entry.parent !== null ? entry.parent : code;
  const row = ROWS_BY_CODE.get(base);
  if (!row) return { kind: 'unknown' };
  // A K parcel named by its base class (果园 for 0201K) says nothing false, so it is not flagged.
  const nameMismatch = checkName(dlmc, adjustable ? [code, base] : [code]);
  const found = { row, adjustable, ...(nameMismatch ? { nameMismatch } : {}) };
  const [first] = row.to;
  return row.refine || first === undefined ? { kind: 'refine', candidates: row.to, ...found } : { kind: 'mapped', code: first, ...found };
}

function checkName(dlmc: string | undefined, codes: readonly [string, ...string[]]): NameMismatch | undefined {
  const given = dlmc?.trim();
  if (!given) return undefined;
  const accepted = codes.flatMap((c) => {
    const entry = SANDIAO_INDEX.get(c);
    return entry ? [entry.zh, ...(entry.aliases ?? [])] : [];
  });
  return accepted.includes(given) ? undefined : { expected: nameOf(codes[0]), given };
}

/**
 * The 2023 first-level class of a 三调 code, for a 待细分 parcel the planner leaves unresolved ([cct:sd]
 * sheet 全部转一级类 gives the same classes by name). The candidates of a 待细分 row share one first level.
 */
export function firstLevelFallback(code: string): string | undefined {
  const mapping = mapSandiaoCode(code);
  if (mapping.kind === 'unknown') return undefined;
  return (mapping.kind === 'mapped' ? mapping.code : mapping.candidates[0])?.slice(0, 2);
}
