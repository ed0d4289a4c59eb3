/**
 * 规划地类 planning classes for Zhejiang village plans (domain.md §3.1), the 2017 profile's classification.
 * The single source for codes, names and groups; colours live in palette.ts so a county can swap them
 * without touching codes. `domain/` imports it: the 2017 plan model there is the 2017 profile's plan model
 * until one plan model serves both profiles. It imports nothing, so no module cycle can start here.
 */
export const LAND_CLASSES = [
  { code: '111', zh: '水田', en: 'Paddy field', group: 'cultivated' },
  { code: '112', zh: '水浇地', en: 'Irrigated land', group: 'cultivated' },
  { code: '113', zh: '旱地', en: 'Dry land', group: 'cultivated' },
  { code: '12', zh: '园地', en: 'Orchard', group: 'otherAgricultural' },
  { code: '131', zh: '生态林', en: 'Ecological forest', group: 'forest' },
  { code: '132', zh: '商品林', en: 'Commercial forest', group: 'forest' },
  { code: '151', zh: '设施农用地', en: 'Facility farmland', group: 'otherAgricultural' },
  { code: '152', zh: '农村道路', en: 'Rural road', group: 'otherAgricultural' },
  { code: '153', zh: '坑塘水面', en: 'Pond', group: 'otherAgricultural' },
  { code: '154', zh: '农田水利用地', en: 'Farm irrigation land', group: 'otherAgricultural' },
  { code: '155', zh: '田坎', en: 'Field ridge', group: 'otherAgricultural' },
  { code: '211', zh: '城镇用地', en: 'Town land', group: 'construction' },
  { code: '2121', zh: '宅基地', en: 'Homestead', group: 'construction' },
  { code: '2122', zh: '公共服务设施用地', en: 'Public service land', group: 'construction' },
  { code: '2123', zh: '基础设施用地', en: 'Infrastructure land', group: 'construction' },
  { code: '2124', zh: '经营性建设用地', en: 'Commercial construction land', group: 'construction' },
  { code: '2125', zh: '景观与绿化用地', en: 'Landscape and green space', group: 'construction' },
  { code: '2126', zh: '村内交通用地', en: 'Village road land', group: 'construction' },
  { code: '213', zh: '采矿用地', en: 'Mining land', group: 'construction' },
  { code: '221', zh: '对外交通用地', en: 'External transport land', group: 'construction' },
  { code: '226', zh: '水利设施用地', en: 'Water works land', group: 'construction' },
  { code: '231', zh: '风景名胜设施用地', en: 'Scenic facility land', group: 'construction' },
  { code: '232', zh: '特殊用地', en: 'Special-use land', group: 'construction' },
  { code: '31', zh: '水域', en: 'Water', group: 'other' },
  { code: '32', zh: '自然保留地', en: 'Natural reserve land', group: 'other' },
] as const;

export type LandClass = (typeof LAND_CLASSES)[number];
export type LandClassCode = LandClass['code'];
export type LandClassGroup = LandClass['group'];

const byCode: ReadonlyMap<string, LandClass> = new Map(LAND_CLASSES.map((c) => [c.code, c]));

export function isLandClassCode(code: unknown): code is LandClassCode {
  return typeof code === 'string' && byCode.has(code);
}

export function landClass(code: LandClassCode): LandClass {
  // The map is built from the same tuple the type comes from, so a typed code is always present.
  return byCode.get(code) as LandClass;
}

/** Construction land = every code starting with `2` (domain.md §3.1). */
export function isConstructionLand(code: LandClassCode): boolean {
  return code.startsWith('2');
}

/** 村庄建设用地: the 212x village codes, the land the per-capita standard counts. */
export function isVillageConstructionLand(code: LandClassCode): boolean {
  return code.startsWith('212');
}

/**
 * 城乡建设用地: 城镇用地 (211), 采矿用地 (213, with towns the 城镇工矿用地 of the township plan) and 村庄建设用地
 * (212x); not the transport, water-works, scenic and special land outside settlements (22x, 23x).
 */
export function isUrbanRuralConstructionLand(code: LandClassCode): boolean {
  return code === '211' || code === '213' || isVillageConstructionLand(code);
}

/** 耕地 (111/112/113): what 耕地保有量 counts. */
export function isCultivatedLand(code: LandClassCode): boolean {
  return landClass(code).group === 'cultivated';
}

export const CONSTRUCTION_CLASS_CODES = LAND_CLASSES.filter((c) => c.group === 'construction').map(
  (c) => c.code,
);
