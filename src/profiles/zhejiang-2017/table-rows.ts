/**
 * Which 2017 规划地类 the rows of the 2017 tables count (domain.md §5), as data beside the classification:
 * F2's class groups and F4's kinds of land that 耕地 goes to or comes from. The tables'
 * arithmetic (rules/tables/) reads them; it names no class itself.
 */
import type { LandClassCode } from './land-classes.ts';

/** A row of F2: one class, or a labelled group of rows. */
export interface F2GroupNode {
  readonly key: string;
  readonly labelKey: string;
  readonly codes?: readonly LandClassCode[];
  readonly children?: readonly F2GroupNode[];
}

const leaf = (code: LandClassCode): F2GroupNode => ({ key: code, labelKey: `landClass.${code}`, codes: [code] });
const group = (key: string, children: readonly F2GroupNode[]): F2GroupNode => ({ key, labelKey: `tables.F2.${key}`, children });

/**
 * F2 土地利用结构调整表, in the table's order: 生态用地 131+31+32; 农业用地 耕地+12+132+15x; 农村居民点 2121–2126
 * but 2124; 经营性建设用地 2124; 交通水利及其他 221+226+213+231+232; 城镇建设用地 211.
 */
export const F2_GROUPS: readonly F2GroupNode[] = [
  group('ecological', [leaf('131'), leaf('31'), leaf('32')]),
  group('agricultural', [group('cultivated', [leaf('111'), leaf('112'), leaf('113')]), leaf('12'), leaf('132'), leaf('151'), group('otherFarm', [leaf('152'), leaf('153'), leaf('154'), leaf('155')])]),
  group('settlement', [leaf('2121'), leaf('2122'), leaf('2123'), leaf('2125'), leaf('2126')]),
  group('business', [leaf('2124')]),
  group('transportWater', [leaf('221'), leaf('226'), leaf('213'), leaf('231'), leaf('232')]),
  group('urban', [leaf('211')]),
];

/** F4 生态退耕: 耕地 that becomes forest, water or natural land. */
export const F4_ECOLOGICAL_CLASSES: ReadonlySet<LandClassCode> = new Set<LandClassCode>(['131', '132', '31', '32']);

/** F4 宜耕后备资源开发: 耕地 made from water or natural land. */
export const F4_RESERVE_CLASSES: ReadonlySet<LandClassCode> = new Set<LandClassCode>(['31', '32']);
