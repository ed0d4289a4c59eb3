/**
 * Names and codes of the fictional village. The names are invented; the county code prefix is a real
 * Hangjiahu-plain county's (so the 12-digit XZQDM looks right to a checker), the township and village
 * digits are made up. Ownership codes follow the 19-digit pattern of the land survey (XZQDM + group).
 */
import type { Rng } from './prng.ts';

export interface VillageNames {
  readonly county: string;
  readonly township: string;
  readonly village: string;
  /** 12 digits: county (6) + township (3) + village (3). */
  readonly villageCode: string;
  readonly bridge: string;
  readonly school: string;
}

const COUNTIES = [
  { name: '澄溪县', code: '330424' },
  { name: '禾浦县', code: '330482' },
  { name: '秀塘县', code: '330421' },
] as const;
const TOWNSHIPS = ['永宁镇', '安澜镇', '丰乐镇', '清溪镇'] as const;
const VILLAGES = ['荷塘村', '桑园村', '沈家埭村', '潘家浜村', '渔舍村'] as const;
const BRIDGES = ['永安桥', '太平桥', '广福桥', '万安桥'] as const;

export function chooseNames(rng: Rng): VillageNames {
  const county = rng.pick(COUNTIES);
  const village = rng.pick(VILLAGES);
  const townshipDigits = String(rng.int(101, 115));
  const villageDigits = String(rng.int(201, 239));
  return {
    county: county.name,
    township: rng.pick(TOWNSHIPS),
    village,
    villageCode: `${county.code}${townshipDigits}${villageDigits}`,
    bridge: rng.pick(BRIDGES),
    school: `${village.replace(/村$/, '')}小学`,
  };
}

/** 权属单位代码: the village collective, a villagers' group, or the county (state land). */
export function ownerCode(names: VillageNames, owner: { readonly group: number } | 'village' | 'state'): string {
  if (owner === 'state') return `${names.villageCode.slice(0, 6)}${'0'.repeat(13)}`;
  if (owner === 'village') return `${names.villageCode}0000000`;
  return `${names.villageCode}${String(owner.group).padStart(3, '0')}0000`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 101 → 一百零一: enough for a village's groups. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new Error(`no Chinese numeral for ${n}`);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  let text = hundreds > 0 ? `${DIGITS[hundreds]}百` : '';
  if (tens > 0) text += `${hundreds === 0 && tens === 1 ? '' : DIGITS[tens]}十`;
  else if (hundreds > 0 && units > 0) text += '零';
  if (units > 0) text += DIGITS[units];
  return text;
}

export function groupName(group: number): string {
  return `第${chineseNumber(group)}村民小组`;
}

export function groupOwnerName(names: VillageNames, group: number): string {
  return `${names.village}${groupName(group)}`;
}
