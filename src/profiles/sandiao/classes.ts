/**
 * The 三调 work classification (TD/T 1055-2019 工作分类) as a DLTB layer writes it in `DLBM`/`DLMC`: the
 * codes domain-2026.md §2.1 maps to 用地用海, with the names of [cct:sdbm] (三调BM_MC.xlsx), which a `DLMC`
 * is checked against on import.
 *
 * The tree is the work classification's, not GB/T 21010's: the eight wetland codes sit under `00 湿地`
 * although their numbers look like 林地/草地/工矿/水域 codes ([cct:sdbm] lists them so). The refined codes
 * (`0810A`, `08H2A`, `1104A`, `1107A`) and the 可调整 codes (`0201K` …) are real `DLBM` values with names of
 * their own; each refines the code it extends, so a table can roll it up.
 */
import { indexClassification, type Classification, type LandClassEntry } from '../classification.ts';

type SandiaoEntry = LandClassEntry & { readonly code: string };

const entry = (code: string, zh: string, en: string, parent: string | null): SandiaoEntry => ({ code, zh, en, parent, realm: 'land' });

/**
 * A 可调整 (K) code: former cultivated land now planted otherwise, which may be turned back. Named 可调整 +
 * its base; the K replaces a refinement's letter (`1104K` 可调整养殖坑塘 refines `1104A`).
 */
const adjustable = (base: SandiaoEntry): SandiaoEntry =>
  entry(`${base.code.slice(0, 4)}K`, `可调整${base.zh}`, `Adjustable ${base.en.toLowerCase()}`, base.code);

const ORCHARD = entry('0201', '果园', 'Orchard', '02');
const TEA_GARDEN = entry('0202', '茶园', 'Tea garden', '02');
const RUBBER = entry('0203', '橡胶园', 'Rubber plantation', '02');
const OTHER_PLANTATION = entry('0204', '其他园地', 'Other plantation', '02');
const ARBOR_FOREST = entry('0301', '乔木林地', 'Arbor forest', '03');
const BAMBOO_FOREST = entry('0302', '竹林地', 'Bamboo forest', '03');
const OTHER_FOREST = entry('0307', '其他林地', 'Other forest', '03');
const SOWN_PASTURE = entry('0403', '人工牧草地', 'Sown pasture', '04');
const AQUACULTURE_POND = entry('1104A', '养殖坑塘', 'Aquaculture pond', '1104');
const FIELD_RIDGE = entry('1203', '田坎', 'Field ridge', '12');

// Names and tree: [cct:sdbm]; English names are ours.
export const SANDIAO: Classification = {
  id: 'sandiao',
  zh: '第三次全国国土调查工作分类',
  en: 'Third national land survey work classes',
  classes: [
    entry('00', '湿地', 'Wetland', null),
    entry('0303', '红树林地', 'Mangrove', '00'),
    entry('0304', '森林沼泽', 'Forest swamp', '00'),
    entry('0306', '灌丛沼泽', 'Shrub swamp', '00'),
    entry('0402', '沼泽草地', 'Marsh grassland', '00'),
    entry('0603', '盐田', 'Salt pan', '00'),
    entry('1105', '沿海滩涂', 'Coastal tidal flat', '00'),
    entry('1106', '内陆滩涂', 'Inland tidal flat', '00'),
    entry('1108', '沼泽地', 'Marsh', '00'),

    entry('01', '耕地', 'Cultivated land', null),
    entry('0101', '水田', 'Paddy field', '01'),
    entry('0102', '水浇地', 'Irrigated land', '01'),
    entry('0103', '旱地', 'Dry land', '01'),

    entry('02', '种植园用地', 'Plantation land', null),
    ORCHARD,
    adjustable(ORCHARD),
    TEA_GARDEN,
    adjustable(TEA_GARDEN),
    RUBBER,
    adjustable(RUBBER),
    OTHER_PLANTATION,
    adjustable(OTHER_PLANTATION),

    entry('03', '林地', 'Forest land', null),
    ARBOR_FOREST,
    adjustable(ARBOR_FOREST),
    BAMBOO_FOREST,
    adjustable(BAMBOO_FOREST),
    entry('0305', '灌木林地', 'Shrub forest', '03'),
    OTHER_FOREST,
    adjustable(OTHER_FOREST),

    entry('04', '草地', 'Grassland', null),
    entry('0401', '天然牧草地', 'Natural pasture', '04'),
    SOWN_PASTURE,
    adjustable(SOWN_PASTURE),
    entry('0404', '其他草地', 'Other grassland', '04'),

    entry('05', '商业服务业用地', 'Commercial and service land', null),
    entry('05H1', '商业服务业设施用地', 'Commercial and service facilities', '05'),
    entry('0508', '物流仓储用地', 'Logistics and warehousing', '05'),

    entry('06', '工矿用地', 'Industrial and mining land', null),
    entry('0601', '工业用地', 'Industrial land', '06'),
    entry('0602', '采矿用地', 'Mining land', '06'),

    entry('07', '住宅用地', 'Residential land', null),
    entry('0701', '城镇住宅用地', 'Urban residential land', '07'),
    entry('0702', '农村宅基地', 'Rural homestead', '07'),

    entry('08', '公共管理与公共服务用地', 'Public administration and services', null),
    entry('08H1', '机关团体新闻出版用地', 'Government, organisations and press', '08'),
    entry('08H2', '科教文卫用地', 'Science, education, culture and health', '08'),
    entry('08H2A', '高教用地', 'Higher education', '08H2'),
    entry('0809', '公用设施用地', 'Public utilities', '08'),
    entry('0810', '公园与绿地', 'Parks and green space', '08'),
    entry('0810A', '广场用地', 'Squares', '0810'),

    entry('09', '特殊用地', 'Special-use land', null),

    entry('10', '交通运输用地', 'Transport land', null),
    entry('1001', '铁路用地', 'Railway', '10'),
    entry('1002', '轨道交通用地', 'Rail transit', '10'),
    entry('1003', '公路用地', 'Highway', '10'),
    entry('1004', '城镇村道路用地', 'Urban and village roads', '10'),
    entry('1005', '交通服务场站用地', 'Transport service stations', '10'),
    entry('1006', '农村道路', 'Rural roads', '10'),
    entry('1007', '机场用地', 'Airport', '10'),
    entry('1008', '港口码头用地', 'Port and wharf', '10'),
    entry('1009', '管道运输用地', 'Pipeline transport', '10'),

    entry('11', '水域及水利设施用地', 'Water and water-works land', null),
    entry('1101', '河流水面', 'River', '11'),
    entry('1102', '湖泊水面', 'Lake', '11'),
    entry('1103', '水库水面', 'Reservoir', '11'),
    entry('1104', '坑塘水面', 'Pond', '11'),
    AQUACULTURE_POND,
    adjustable(AQUACULTURE_POND),
    entry('1107', '沟渠', 'Ditch', '11'),
    entry('1107A', '干渠', 'Main canal', '1107'),
    entry('1109', '水工建筑用地', 'Hydraulic structures', '11'),
    entry('1110', '冰川及永久积雪', 'Glacier and permanent snow', '11'),

    entry('12', '其他土地', 'Other land', null),
    entry('1201', '空闲地', 'Vacant land', '12'),
    entry('1202', '设施农用地', 'Facility farmland', '12'),
    FIELD_RIDGE,
    entry('1204', '盐碱地', 'Saline-alkali land', '12'),
    entry('1205', '沙地', 'Sandy land', '12'),
    entry('1206', '裸土地', 'Bare soil', '12'),
    entry('1207', '裸岩石砾地', 'Bare rock and gravel', '12'),
  ],
};

/** 田坎: the land a cultivated parcel's area is net of, its code what a DLTB writes as KCDLBM. */
export const FIELD_RIDGE_CODE = FIELD_RIDGE.code;

/** The classification indexed once, for every reader of 三调 codes. */
export const SANDIAO_INDEX = indexClassification(SANDIAO);

export type Settlement = 'city' | 'town' | 'village' | 'mining' | 'special';

/**
 * 城镇村属性码 `CZCSXM` of a DLTB parcel: whether it lies in a city, a town or a village. An import must
 * keep it, because CCTool's Fujian tools count a parcel as 城镇用地 or 村庄 by it [cct:vg]. Codes and names
 * as [cct:sdbm] writes them: `201A` is 城市独立工业仓储用地; that `202A`/`203A` (named like `202`/`203`
 * there) are the same for towns and villages is ours ⚠.
 */
export interface CzcsxmEntry {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly settlement: Settlement;
  readonly unconfirmed?: true;
}

export const CZCSXM_CODES: readonly CzcsxmEntry[] = [
  { code: '201', zh: '城市', en: 'City', settlement: 'city' },
  { code: '201A', zh: '城市独立工业仓储用地', en: 'City: separate industry and storage', settlement: 'city' },
  { code: '202', zh: '建制镇', en: 'Town', settlement: 'town' },
  { code: '202A', zh: '建制镇', en: 'Town: separate industry and storage', settlement: 'town', unconfirmed: true },
  { code: '203', zh: '村庄', en: 'Village', settlement: 'village' },
  { code: '203A', zh: '村庄', en: 'Village: separate industry and storage', settlement: 'village', unconfirmed: true },
  { code: '204', zh: '盐田及采矿用地', en: 'Salt pans and mining', settlement: 'mining' },
  { code: '205', zh: '特殊用地', en: 'Special use', settlement: 'special' },
];
