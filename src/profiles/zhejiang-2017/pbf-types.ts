/**
 * The 永久基本农田 types (示范区 G111, 一般 G112; codes.ts lists them) as 2017 data write them: CAD
 * labels and JBNTLX fields often drop the G, and a JBNTLX field may give 示范区 as 1.
 */
import type { PbfType } from './codes.ts';

/** 一般基本农田: the type of farmland whose data do not say it is 示范区, and of a newly drawn one. */
export const ORDINARY_PBF_TYPE: PbfType = 'G112';

const SPELLINGS: Readonly<Record<PbfType, readonly string[]>> = {
  G111: ['G111', '111'],
  G112: ['G112', '112'],
};

/** The type a label names (upper case, either spelling), or null when it names none. */
export function pbfTypeOfLabel(label: string): PbfType | null {
  return (Object.keys(SPELLINGS) as PbfType[]).find((type) => SPELLINGS[type].includes(label)) ?? null;
}

/** The type a JBNTLX field gives (upper case): 示范区 in either spelling or as 1, anything else 一般. */
export function pbfTypeOfField(value: string): PbfType {
  return value === '1' || pbfTypeOfLabel(value) === 'G111' ? 'G111' : ORDINARY_PBF_TYPE;
}
