/**
 * The 用地用海 classification (自然资发〔2023〕234号) as the `zhejiang-2026` profile uses it (domain-2026.md §1):
 * every first-level class, every level-2/3 code used on land (§1.2), the Zhejiang sub-classes known by name
 * only (§1.4) and the Zhejiang symbology's fills (§1.5). Codes and Chinese names: [cct:dm]; English names are
 * ours. Sea classes are kept at the first level only, so a code is known and refused on land, never offered.
 */
import { indexClassification, type Classification, type LandClassEntry, type Rgb } from '../classification.ts';

/**
 * Base fills of the Zhejiang village-plan symbology [cct:zj-lyrx], hatches and markers left out. ⚠ not official
 * (§1.5), so every entry that takes one marks its colour unconfirmed. A class whose sub-classes differ in colour
 * takes its first sub-class's.
 */
const FILL = {
  cultivated: [245, 248, 220], // 耕地 (and 后备耕地, with a red hatch)
  garden: [191, 233, 170], // 园地
  forest: [104, 177, 103], // 林地
  grassland: [205, 245, 122], // 草地
  wetland: [101, 205, 170], // 湿地
  farmRoad: [163, 163, 163], // 村道/田间道
  facilityFarmland: [216, 215, 159], // 设施农用地
  urbanHousing1: [255, 234, 115], // 城镇住宅 一类
  urbanHousing2: [255, 249, 0], // 城镇住宅 二类
  urbanHousing3: [246, 238, 0], // 城镇住宅 三类
  urbanCommunity: [255, 254, 139], // 城镇社区服务
  rural: [255, 211, 128], // 农村宅基地 & 农村社区服务
  government: [255, 0, 255], // 机关团体
  research: [230, 0, 92], // 科研
  culture: [255, 127, 0], // 文化
  education: [255, 133, 201], // 教育
  sports: [0, 165, 124], // 体育
  health: [255, 127, 126], // 医疗
  welfare: [255, 159, 127], // 社会福利
  commercial: [255, 0, 0], // 商业/商务/其他商服
  entertainment: [255, 50, 0], // 娱乐/康体
  industryNewFormat: [217, 196, 179], // 工业 新业态
  industry1: [187, 140, 116], // 工业 一类
  industry2: [153, 114, 76], // 工业 二类
  industry3: [76, 57, 38], // 工业 三类
  mining: [158, 108, 84], // 采矿
  saltPan: [0, 0, 255], // 盐田
  warehouse1: [191, 127, 255], // 仓储 一类
  warehouse2: [136, 67, 185], // 仓储 二类
  warehouse3: [114, 76, 153], // 仓储 三类
  reserveDepot: [153, 153, 255], // 储备库
  road: [173, 173, 173], // 铁路/公路/轨道/城镇道路
  airportPort: [183, 183, 183], // 机场/港口
  pipeline: [153, 153, 153], // 管道
  villageRoad: [216, 215, 159], // 村庄道路用地
  station: [163, 163, 163], // 交通场站/其他交通
  utility: [0, 99, 128], // 公用设施
  hydraulic: [204, 102, 153], // 水工设施
  park: [0, 255, 0], // 公园绿地
  protectiveGreen: [20, 141, 74], // 防护绿地
  square: [172, 255, 207], // 广场
  special: [133, 145, 86], // 特殊用地
  reserved: [255, 255, 255], // 留白 (with a black hatch)
  river: [51, 142, 192], // 河流
  stillWater: [127, 191, 255], // 湖泊/水库/坑塘
  ditch: [215, 237, 251], // 沟渠
  vacant: [213, 206, 213], // 空闲地
  fieldRidge: [255, 255, 255], // 田坎
  salineAlkali: [200, 204, 210], // 盐碱地
  sand: [200, 190, 170], // 沙地
  bareSoil: [215, 200, 185], // 裸土地
  bareRock: [222, 221, 214], // 裸岩石砾地
} as const satisfies Record<string, Rgb>;

/** 用地用海 codes nest by prefix, two digits a level [cct:dm], so a code names its own parent. */
function parentOf(code: string): string | null {
  return code.length > 2 ? code.slice(0, -2) : null;
}

function land(code: string, zh: string, en: string, colour?: Rgb): LandClassEntry {
  const entry: LandClassEntry = { code, zh, en, parent: parentOf(code), realm: 'land' };
  return colour ? { ...entry, colour, unconfirmed: ['colour'] } : entry;
}

function sea(code: string, zh: string, en: string): LandClassEntry {
  return { code, zh, en, parent: null, realm: 'sea' };
}

/** A Zhejiang sub-class known by name only [cct:zj-lyrx]: no code was found, and its parent is our reading. */
function zhejiang(zh: string, en: string, parent: string, colour: Rgb): LandClassEntry {
  return { code: null, zh, en, parent, realm: 'land', colour, unconfirmed: ['code', 'class', 'colour'] };
}

const CLASSES: readonly LandClassEntry[] = [
  land('01', '耕地', 'Cultivated land', FILL.cultivated),
  land('0101', '水田', 'Paddy field', FILL.cultivated),
  land('0102', '水浇地', 'Irrigated land', FILL.cultivated),
  land('0103', '旱地', 'Dry land', FILL.cultivated),
  land('02', '园地', 'Garden land', FILL.garden),
  land('0201', '果园', 'Orchard', FILL.garden),
  land('0202', '茶园', 'Tea garden', FILL.garden),
  land('0203', '橡胶园地', 'Rubber plantation', FILL.garden),
  land('0204', '油料园地', 'Oil-crop plantation', FILL.garden),
  // Not in the Zhejiang code list [cct:zj-gn] ⚠: its table group comes from 02 (groupings-2023.ts).
  land('0205', '其他园地', 'Other garden land', FILL.garden),
  land('03', '林地', 'Forest land', FILL.forest),
  land('0301', '乔木林地', 'Arbor forest', FILL.forest),
  land('0302', '竹林地', 'Bamboo forest', FILL.forest),
  land('0303', '灌木林地', 'Shrub forest', FILL.forest),
  land('0304', '其他林地', 'Other forest land', FILL.forest),
  land('04', '草地', 'Grassland', FILL.grassland),
  land('0401', '天然牧草地', 'Natural pasture', FILL.grassland),
  land('0402', '人工牧草地', 'Sown pasture', FILL.grassland),
  land('0403', '其他草地', 'Other grassland', FILL.grassland),
  land('05', '湿地', 'Wetland', FILL.wetland),
  land('0501', '森林沼泽', 'Forest swamp', FILL.wetland),
  land('0502', '灌丛沼泽', 'Shrub swamp', FILL.wetland),
  land('0503', '沼泽草地', 'Marsh grassland', FILL.wetland),
  // The Zhejiang symbology misspells it [cct:zj-lyrx]; an import must accept that name.
  { ...land('0504', '其他沼泽地', 'Other marsh', FILL.wetland), aliases: ['其他沼泽草地'] },
  land('0505', '沿海滩涂', 'Coastal tidal flat', FILL.wetland),
  land('0506', '内陆滩涂', 'Inland tidal flat', FILL.wetland),
  land('0507', '红树林地', 'Mangrove', FILL.wetland),
  land('06', '农业设施建设用地', 'Agricultural facility land', FILL.farmRoad),
  land('0601', '农村道路', 'Rural road', FILL.farmRoad),
  land('060101', '村道用地', 'Village road', FILL.farmRoad),
  land('060102', '田间道', 'Field road', FILL.farmRoad),
  land('0602', '设施农用地', 'Facility farmland', FILL.facilityFarmland),
  land('060201', '种植设施建设用地', 'Crop facility land', FILL.facilityFarmland),
  land('060202', '畜禽养殖设施建设用地', 'Livestock facility land', FILL.facilityFarmland),
  // The Zhejiang symbology misspells it [cct:zj-lyrx]; an import must accept that name.
  { ...land('060203', '水产养殖设施建设用地', 'Aquaculture facility land', FILL.facilityFarmland), aliases: ['水厂养殖设施建设用地'] },
  land('07', '居住用地', 'Residential land', FILL.urbanHousing1),
  land('0701', '城镇住宅用地', 'Urban housing', FILL.urbanHousing1),
  land('070101', '一类城镇住宅用地', 'Urban housing I', FILL.urbanHousing1),
  land('070102', '二类城镇住宅用地', 'Urban housing II', FILL.urbanHousing2),
  land('070103', '三类城镇住宅用地', 'Urban housing III', FILL.urbanHousing3),
  // 0702 is 农村宅基地 in 三调 but not here (the 0702 trap, §2.1): 宅基地 is 0703.
  land('0702', '城镇社区服务设施用地', 'Urban community services', FILL.urbanCommunity),
  land('0703', '农村宅基地', 'Rural homestead', FILL.rural),
  land('070301', '一类农村宅基地', 'Rural homestead I', FILL.rural),
  land('070302', '二类农村宅基地', 'Rural homestead II', FILL.rural),
  // The symbology has no 二类农村宅基地: these two take its place, so they refine 070302 [ours ⚠].
  zhejiang('低层集中宅基地', 'Low-rise clustered homestead', '070302', FILL.rural),
  zhejiang('中高层集中宅基地', 'Mid/high-rise clustered homestead', '070302', FILL.rural),
  land('0704', '农村社区服务设施用地', 'Rural community services', FILL.rural),
  land('08', '公共管理与公共服务用地', 'Public administration and services', FILL.government),
  land('0801', '机关团体用地', 'Government and organisations', FILL.government),
  land('0802', '科研用地', 'Research', FILL.research),
  land('0803', '文化用地', 'Culture', FILL.culture),
  land('080301', '图书与展览用地', 'Libraries and exhibitions', FILL.culture),
  land('080302', '文化活动用地', 'Cultural activities', FILL.culture),
  land('0804', '教育用地', 'Education', FILL.education),
  land('080401', '高等教育用地', 'Higher education', FILL.education),
  land('080402', '中等职业教育用地', 'Vocational schools', FILL.education),
  land('080403', '中小学用地', 'Primary and secondary schools', FILL.education),
  land('080404', '幼儿园用地', 'Kindergartens', FILL.education),
  land('080405', '其他教育用地', 'Other education', FILL.education),
  land('0805', '体育用地', 'Sports', FILL.sports),
  land('080501', '体育场馆用地', 'Sports venues', FILL.sports),
  land('080502', '体育训练用地', 'Sports training', FILL.sports),
  land('0806', '医疗卫生用地', 'Health care', FILL.health),
  land('080601', '医院用地', 'Hospitals', FILL.health),
  land('080602', '基层医疗卫生设施用地', 'Primary health care', FILL.health),
  land('080603', '公共卫生用地', 'Public health', FILL.health),
  land('0807', '社会福利用地', 'Social welfare', FILL.welfare),
  land('080701', '老年人社会福利用地', 'Elderly care', FILL.welfare),
  land('080702', '儿童社会福利用地', 'Child welfare', FILL.welfare),
  land('080703', '残疾人社会福利用地', 'Disability welfare', FILL.welfare),
  land('080704', '其他社会福利用地', 'Other social welfare', FILL.welfare),
  land('09', '商业服务业用地', 'Commercial and business services', FILL.commercial),
  land('0901', '商业用地', 'Commercial', FILL.commercial),
  land('090101', '零售商业用地', 'Retail', FILL.commercial),
  land('090102', '批发市场用地', 'Wholesale markets', FILL.commercial),
  land('090103', '餐饮用地', 'Catering', FILL.commercial),
  land('090104', '旅馆用地', 'Hotels', FILL.commercial),
  land('090105', '公用设施营业网点用地', 'Utility service outlets', FILL.commercial),
  zhejiang('加油加气站用地', 'Filling stations', '090105', FILL.commercial),
  zhejiang('供应设施网点用地', 'Supply outlets', '090105', FILL.commercial),
  zhejiang('其他公用设施营业点用地', 'Other utility outlets', '090105', FILL.commercial),
  land('0902', '商务金融用地', 'Business and finance', FILL.commercial),
  // The symbology's 娱乐用地 is this class itself; 康体 is the 2020 class 090302 that Zhejiang keeps.
  land('0903', '娱乐用地', 'Entertainment', FILL.entertainment),
  zhejiang('康体用地', 'Fitness and recreation', '0903', FILL.entertainment),
  land('0904', '其他商业服务业用地', 'Other commercial services', FILL.commercial),
  land('10', '工矿用地', 'Industrial and mining land', FILL.industry1),
  land('1001', '工业用地', 'Industrial', FILL.industry1),
  land('100101', '一类工业用地', 'Industrial I', FILL.industry1),
  zhejiang('工业新业态用地', 'New-format industry', '100101', FILL.industryNewFormat),
  zhejiang('一般一类工业用地', 'General industrial I', '100101', FILL.industry1),
  land('100102', '二类工业用地', 'Industrial II', FILL.industry2),
  land('100103', '三类工业用地', 'Industrial III', FILL.industry3),
  land('1002', '采矿用地', 'Mining', FILL.mining),
  land('1003', '盐田', 'Salt pans', FILL.saltPan),
  land('11', '仓储用地', 'Warehousing land', FILL.warehouse1),
  land('1101', '物流仓储用地', 'Logistics and warehousing', FILL.warehouse1),
  land('110101', '一类物流仓储用地', 'Warehousing I', FILL.warehouse1),
  land('110102', '二类物流仓储用地', 'Warehousing II', FILL.warehouse2),
  land('110103', '三类物流仓储用地', 'Warehousing III', FILL.warehouse3),
  land('1102', '储备库用地', 'Reserve depots', FILL.reserveDepot),
  land('12', '交通运输用地', 'Transport land', FILL.road),
  land('1201', '铁路用地', 'Railway', FILL.road),
  land('1202', '公路用地', 'Highway', FILL.road),
  land('1203', '机场用地', 'Airport', FILL.airportPort),
  land('1204', '港口码头用地', 'Port and wharf', FILL.airportPort),
  land('1205', '管道运输用地', 'Pipeline transport', FILL.pipeline),
  land('1206', '城市轨道交通用地', 'Urban rail transit', FILL.road),
  land('1207', '城镇村道路用地', 'Urban and village roads', FILL.road),
  zhejiang('城镇道路用地', 'Urban roads', '1207', FILL.road),
  zhejiang('村庄道路用地', 'Village roads', '1207', FILL.villageRoad),
  land('1208', '交通场站用地', 'Transport stations', FILL.station),
  land('120801', '对外交通场站用地', 'External transport stations', FILL.station),
  land('120802', '公共交通场站用地', 'Public transport stations', FILL.station),
  land('120803', '社会停车场用地', 'Public parking', FILL.station),
  land('1209', '其他交通设施用地', 'Other transport facilities', FILL.station),
  land('13', '公用设施用地', 'Public utilities', FILL.utility),
  land('1301', '供水用地', 'Water supply', FILL.utility),
  land('1302', '排水用地', 'Drainage', FILL.utility),
  land('1303', '供电用地', 'Power supply', FILL.utility),
  land('1304', '供燃气用地', 'Gas supply', FILL.utility),
  land('1305', '供热用地', 'Heating', FILL.utility),
  land('1306', '通信用地', 'Telecommunications', FILL.utility),
  land('1307', '邮政用地', 'Postal services', FILL.utility),
  land('1308', '广播电视设施用地', 'Broadcasting', FILL.utility),
  land('1309', '环卫用地', 'Sanitation', FILL.utility),
  land('1310', '消防用地', 'Fire services', FILL.utility),
  land('1311', '水工设施用地', 'Hydraulic works', FILL.hydraulic),
  land('1312', '其他公用设施用地', 'Other utilities', FILL.utility),
  land('14', '绿地与开敞空间用地', 'Green and open space', FILL.park),
  land('1401', '公园绿地', 'Parks', FILL.park),
  land('1402', '防护绿地', 'Protective green', FILL.protectiveGreen),
  land('1403', '广场用地', 'Squares', FILL.square),
  land('15', '特殊用地', 'Special-use land', FILL.special),
  land('1501', '军事设施用地', 'Military', FILL.special),
  land('1502', '使领馆用地', 'Embassies and consulates', FILL.special),
  land('1503', '宗教用地', 'Religious', FILL.special),
  land('1504', '文物古迹用地', 'Heritage sites', FILL.special),
  land('1505', '监教场所用地', 'Correctional facilities', FILL.special),
  land('1506', '殡葬用地', 'Funeral and burial', FILL.special),
  land('1507', '其他特殊用地', 'Other special use', FILL.special),
  land('16', '留白用地', 'Reserved land', FILL.reserved),
  zhejiang('城镇留白用地', 'Urban reserved land', '16', FILL.reserved),
  zhejiang('村庄留白用地', 'Village reserved land', '16', FILL.reserved),
  land('17', '陆地水域', 'Inland water', FILL.river),
  land('1701', '河流水面', 'River', FILL.river),
  land('1702', '湖泊水面', 'Lake', FILL.stillWater),
  land('1703', '水库水面', 'Reservoir', FILL.stillWater),
  land('1704', '坑塘水面', 'Pond', FILL.stillWater),
  land('1705', '沟渠', 'Ditch', FILL.ditch),
  // The Zhejiang symbology has no class for it, so no fill is known.
  land('1706', '冰川及常年积雪', 'Glacier and permanent snow'),
  sea('18', '渔业用海', 'Fishery sea'),
  sea('19', '工矿通信用海', 'Industrial, mining and communication sea'),
  sea('20', '交通运输用海', 'Transport sea'),
  sea('21', '游憩用海', 'Recreational sea'),
  sea('22', '特殊用海', 'Special-use sea'),
  land('23', '其他土地', 'Other land', FILL.vacant),
  land('2301', '空闲地', 'Vacant land', FILL.vacant),
  land('2302', '后备耕地', 'Reserve cultivable land', FILL.cultivated),
  land('2303', '田坎', 'Field ridge', FILL.fieldRidge),
  land('2304', '盐碱地', 'Saline-alkali land', FILL.salineAlkali),
  land('2305', '沙地', 'Sandy land', FILL.sand),
  land('2306', '裸土地', 'Bare soil', FILL.bareSoil),
  land('2307', '裸岩石砾地', 'Bare rock and gravel', FILL.bareRock),
  sea('24', '其他海域', 'Other sea'),
];

export const YDYH_2023: Classification = {
  id: 'ydyh-2023',
  zh: '国土空间调查、规划、用途管制用地用海分类（2023）',
  en: 'Land and sea use classification (2023)',
  classes: CLASSES,
};

/** The classification indexed once, for every reader of 2023 codes. */
export const YDYH_2023_INDEX = indexClassification(YDYH_2023);
