/**
 * Hand-written sections of docs/rules.md that are not about one rule: which area each farmland figure
 * counts (net or gross of 田坎) and why, and how figures are rounded. `scripts/rules-doc.ts` prints them
 * after the rule table; edit them here, then run `npm run docs:rules`.
 */

/** One figure: where it is shown, which quantity, and the source that says so. */
interface FigureBasis {
  readonly figure: string;
  readonly quantity: string;
  readonly why: string;
}

const SURVEY =
  'The plan starts from the annual land change survey (seed §四: 以最新年度土地利用变更调查数据为基础). The survey counts a 耕地 parcel\'s 耕地 as 图斑地类面积 TBDLMJ = TBMJ − KKSM, where KKSM (应扣田坎面积) = TBMJ × TKXS (田坎系数) and the ridges are 田坎 (1203, planning class 155); the provincial package carries both and its check requires exactly that (zj-qc `JQDLTBAreaTool`: 图斑地类面积=图斑面积-应扣田坎计算面积；应扣田坎计算面积=图斑面积*田坎系数).';

const FIGURES: readonly FigureBasis[] = [
  {
    figure: 'F1 耕地保有量 (base, target, change) and `cultivated-land-kept`',
    quantity: '**net** of 田坎: Σ 耕地 area × (1 − TKXS)',
    why: `${SURVEY} The township's 耕地保有量 task that the village carries down (seed §六: 细化落实土地利用总体规划…确定的耕地保有量) is stated in those survey figures, so the plan's figure must be too: counting the polygons would add about 6.4 公顷 to the sample and pass a plan that misses its task.`,
  },
  {
    figure: 'F1 永久基本农田保护面积 and `pbf-kept` (the task)',
    quantity: '**net** of 田坎: 耕地 on the township\'s delineation × (1 − TKXS)',
    why: 'The provincial package gives G111/G112 parcels a 净面积 JMJ = MJ × (1 − TKXS) and checks it (zj-qc `AreaRule`, 规划用途净面积核对); the 永久基本农田保护任务 (seed §六) is the delineation\'s figure on the same survey.',
  },
  {
    figure: 'F1 耕地（含田坎）, 永久基本农田（含田坎）',
    quantity: '**gross**: the polygons\' ellipsoidal area',
    why: 'Shown beside the net figures so a reviewer can reconcile them with TBMJ and with the map; placed after the province\'s seven F1 rows (zj-qc template 表F1), which keep their places. No task is compared with them.',
  },
  {
    figure: 'F2 耕地, 水田, 水浇地, 旱地 and 田坎',
    quantity: '耕地 classes **net**; the 田坎 row is drawn 155 land **plus** the ridges deducted from 耕地 (Σ KKSM); the total is the land',
    why: 'As the survey\'s land-use structure counts it (ridges are 田坎, 1203), so the classes still add up to the village\'s area. A footnote gives 耕地 gross and the ridge area at both years.',
  },
  {
    figure: 'F4, column 耕地面积（扣除田坎）',
    quantity: '**net**: base and target as F1; a decrease takes the parcel\'s 耕地 (its ridges were 田坎); new 耕地 is net of the profile\'s `newFarmlandRidgeCoefficient`',
    why: 'F4 explains the change of the figure F1 compares with the task, so it counts the same quantity; base − decrease + increase = target holds in m² and, after rounding, in the figures shown.',
  },
  {
    figure: 'F4, column 图斑面积（含田坎）',
    quantity: '**gross**',
    why: 'The same changes in polygon area, for reconciling with the map and the parcel lists.',
  },
  {
    figure: '建新区清单 占用耕地（m²）',
    quantity: '**net**, as F4\'s 建设占用',
    why: 'The 耕地 a new-build parcel takes is the 耕地 the survey records there; its ridges were 田坎.',
  },
  {
    figure: '`pbf-kept`: new construction on 永久基本农田',
    quantity: '**gross**: the polygon area of the overlap',
    why: 'It reports where land on the delineation is built on (any overlap of 0.01 m² or more is an error), not a 耕地 total compared with a task; the land built on includes its ridges.',
  },
  {
    figure: 'Demolition restored to 耕地, a use change to 耕地 (N112)',
    quantity: 'area × (1 − `newFarmlandRidgeCoefficient`)',
    why: 'New 耕地 has no survey coefficient; the profile gives one (default 0 **默认值**: no source states a coefficient for new farmland; a county may set the coefficient its survey uses for the slope grade). Land that was 耕地 at the base year keeps its parcel\'s TKXS at the target year.',
  },
  {
    figure: 'The public notice (公示)',
    quantity: 'the same tables (F1–F4, the lists), so the same figures',
    why: 'The notice carries the tables the engine computed when it was published (src/viewer/publish); a parcel tapped on the map gives its polygon area (a parcel\'s 图斑面积, like TBMJ), not a 耕地 statistic.',
  },
  {
    figure: 'Not farmland: 建设用地 (F1, F3), 整备区 (`pbf-reserve-task-met`), zones, lists of demolition',
    quantity: '**gross** polygon area',
    why: 'The survey deducts ridges from 耕地 only (TKXS is given for 耕地 parcels; a coefficient on other land is ignored).',
  },
];

const ROUNDING = [
  'Each quantity is rounded once, from its own unrounded m² (Σ unrounded pieces, domain.md §7), to 0.01 公顷: the same quantity has one figure in every table, the issues panel, the CLI, the package and the notice (耕地 in F1, F2 and F4; 建设用地 and 村庄建设用地 in F1 and F3).',
  'Where rows must add up to their total (a group of F2, the rows of F3 and F4, a parcel list) and their figures do not, survey practice (domain.md §5) adjusts the last digit of one row, inside that table only, with a footnote naming the row, the column and the amount. The row adjusted is never a quantity another table shows (耕地, the land total, F3\'s and F4\'s base and target) nor F2\'s 田坎 (its footnote quotes the ridges in it), and is a row rather than a group where the sum has one (a group\'s adjustment would move its own rows too); of those, the largest. domain.md §5 says "the largest row"; this is the seed-neutral reading that keeps one figure per quantity (issue 11). In F2 a row whose m² the plan leaves as it was shows its base-year figure at the target year too, so its change reads 0.00 (footnoted where that figure is not its own rounding), and a row that changed takes the target year\'s difference [ours].',
  'Changes (变化量) are the target figure less the base figure as shown, so a row reads as it adds up. Shares (比例) in F2 are of unrounded m², balanced (尾数平差) so that each group\'s shares add up to its share and the groups\' to 100.00, with a footnote where a share moved (`domain/balanced-rounding.ts`).',
  'The 2026 tables (规划用地结构调整表, 国土空间管控表) print their figures balanced the same way, areas and shares (`domain/balanced-rounding.ts`: top-down, largest remainder, so every printed row is its value rounded down or up): a subtotal\'s printed rows add up to it, the subtotals to 总计, the shares to 100.00; the rows the 规划指标一览表 shows too (耕地, 林地, 湿地, 村庄/城乡/建设用地) keep their own rounding. Largest remainder rather than one large row is our reading [ours]: the templates have no footnote for an adjustment. The unrounded figures are what the checks compare.',
];

export function figuresSections(): string[] {
  return [
    '## Net and gross: which area each figure counts',
    '',
    'Cultivated land (耕地) has two areas: the polygons (gross, 图斑面积 TBMJ) and the 耕地 in them (net of the field ridges, 田坎). The seed does not mention 田坎; the quantities below follow the survey the seed bases the plan on and the provincial data model. Computed in `src/rules/farmland-area.ts`.',
    '',
    '| figure | quantity | why |',
    '|---|---|---|',
    ...FIGURES.map((f) => `| ${f.figure} | ${f.quantity} | ${f.why} |`),
    '',
    '## One figure per quantity: rounding',
    '',
    ...ROUNDING.map((r) => `- ${r}`),
    '',
  ];
}
