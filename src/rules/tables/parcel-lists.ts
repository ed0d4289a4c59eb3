/**
 * 拆旧区清单 and 建新区清单 (our addition to domain.md §5): every demolition and new-build parcel with its
 * number, area, use, households and linkage figures, and a total row that adds up after rounding.
 */
import type { FeatureOf } from '../../domain/features.ts';
import { isConstructionLand } from '../../profiles/zhejiang-2017/land-classes.ts';
import type { Plan } from '../../domain/plan.ts';
import { layerFeatures } from '../../domain/plan.ts';
import type { RuleProfile } from '../../profiles/zhejiang-2017/rule-profile.ts';
import type { DerivedPlan } from '../derive/derived-plan.ts';
import { pieceFarmland } from '../farmland-area.ts';
import { balanceRounding, m2Cell, numberCell, roundingFootnote, textCell, type Cell, type Column, type Footnote, type Row, type Table } from './table.ts';

/**
 * A parcel's area in the list is the area its pieces hold in GHYT (Σ of the pieces it won in the
 * derivation), not its drawn outline's. domain.md §5: tables are computed from the same areas as the map,
 * and F3's 拆旧/建新 already sum these pieces. On survey data the two differ: a change drawn on jittered
 * corners (±0.3 mm) is cut along the parcels' own outlines, so CJ003's pieces held 458.36 m² while its
 * outline measured 458.35 m²; and a package reopened rebuilds each change from its GHYT pieces, so this
 * is the area it is reopened with, where the outline's moved the list by 0.01 m². Where the outline reaches beyond the base parcels (outside the
 * village, which inside-village reports) or under a later change, the list counts what GHYT holds too.
 */
function areaInGhyt(derived: DerivedPlan, f: FeatureOf<'demolition'> | FeatureOf<'newBuild'>): number {
  return derived.piecesOfChange(f.id).reduce((s, p) => s + p.areaM2, 0);
}

const byNumber = <T extends { properties: { parcelNo: string } }>(a: T, b: T) => a.properties.parcelNo.localeCompare(b.properties.parcelNo, 'en', { numeric: true });

function withTotal(rows: Row[], areas: readonly number[], footnotes: Footnote[], extraTotals: Record<string, number>): Row[] {
  const balanced = balanceRounding(areas.reduce((s, a) => s + a, 0), areas);
  if (balanced.adjusted) footnotes.push(roundingFootnote({ text: String(rows[balanced.adjusted.index]?.labelParams?.parcelNo ?? '') }, 'tables.col.areaHa', balanced.adjusted.by));
  const adjusted = rows.map((row, i) => ({ ...row, cells: { ...row.cells, areaHa: { value: balanced.parts[i]! / 100, m2: areas[i]! } } }));
  const totals = Object.fromEntries(Object.entries(extraTotals).map(([k, v]) => [k, shownSum(rows, k, v)]));
  const total = areas.reduce((s, a) => s + a, 0);
  return [...adjusted, { key: 'total', labelKey: 'tables.list.total', level: 0, cells: { areaM2: shownSum(rows, 'areaM2', total), areaHa: { value: balanced.total / 100, m2: total }, ...totals } }];
}

/**
 * A total in m²: the sum of the figures shown above it, as a spreadsheet's SUM over the column reads them
 * (rounding the unrounded total instead can differ from it by 0.01 m²); the unrounded total underneath.
 * Unlike 公顷, no row is adjusted: each row's m² is that parcel's own area, shown elsewhere too.
 */
function shownSum(rows: readonly Row[], key: string, m2: number): Cell {
  const cents = rows.reduce((s, row) => {
    const cell = row.cells[key];
    return s + (cell && 'value' in cell ? Math.round(cell.value * 100) : 0);
  }, 0);
  return { value: cents / 100, m2 };
}

export function demolitionList(plan: Plan, derived: DerivedPlan): Table {
  const footnotes: Footnote[] = [];
  const features = [...layerFeatures(plan, 'demolition')].sort(byNumber);
  let illegalTotal = 0;
  const rows: Row[] = features.map((f) => {
    const pieces = derived.piecesOfChange(f.id);
    const illegal = pieces.filter((p) => p.illegal).reduce((s, p) => s + p.areaM2, 0);
    illegalTotal += illegal;
    const mainBase = [...pieces].sort((a, b) => b.areaM2 - a.areaM2)[0]?.baseClass;
    return {
      key: f.id,
      labelKey: 'tables.list.parcel',
      labelParams: { parcelNo: f.properties.parcelNo },
      level: 1,
      cells: {
        areaM2: m2Cell(areaInGhyt(derived, f)),
        baseClass: mainBase ? { text: `landClass.${mainBase}`, textKey: true } : null,
        restorationUse: { text: `landClass.${f.properties.restorationUse}`, textKey: true },
        linkage: textCell(f.properties.linkage),
        households: numberCell(f.properties.households, 0),
        illegalM2: m2Cell(illegal),
        note: textCell(f.properties.note),
      },
    };
  });
  const columns: Column[] = [
    { key: 'areaM2', labelKey: 'tables.col.areaM2', unit: 'm2' },
    { key: 'areaHa', labelKey: 'tables.col.areaHa', unit: 'ha' },
    { key: 'baseClass', labelKey: 'tables.list.col.baseClass', unit: 'text' },
    { key: 'restorationUse', labelKey: 'field.restorationUse', unit: 'text' },
    { key: 'linkage', labelKey: 'field.linkage', unit: 'text' },
    { key: 'households', labelKey: 'field.households', unit: 'count' },
    { key: 'illegalM2', labelKey: 'tables.list.col.illegalM2', unit: 'm2' },
    { key: 'note', labelKey: 'field.note', unit: 'text' },
  ];
  return { id: 'demolitionList', titleKey: 'tables.demolitionList.title', columns, rows: withTotal(rows, features.map((f) => areaInGhyt(derived, f)), footnotes, { illegalM2: illegalTotal }), footnotes };
}

export function newBuildList(plan: Plan, derived: DerivedPlan, profile: Pick<RuleProfile, 'newFarmlandRidgeCoefficient'>): Table {
  const footnotes: Footnote[] = [];
  const features = [...layerFeatures(plan, 'newBuild')].sort(byNumber);
  const totals = { newConstructionM2: 0, cultivatedTakenM2: 0 };
  const rows: Row[] = features.map((f) => {
    const pieces = derived.piecesOfChange(f.id);
    const newConstruction = pieces.filter((p) => !isConstructionLand(p.baseClass) && isConstructionLand(p.targetClass)).reduce((s, p) => s + p.areaM2, 0);
    // 耕地 taken, net of 田坎 as F4's 建设占用 counts it.
    const cultivated = pieces.reduce((s, p) => s + pieceFarmland(p, 'base', profile).netM2, 0);
    totals.newConstructionM2 += newConstruction;
    totals.cultivatedTakenM2 += cultivated;
    return {
      key: f.id,
      labelKey: 'tables.list.parcel',
      labelParams: { parcelNo: f.properties.parcelNo },
      level: 1,
      cells: {
        areaM2: m2Cell(areaInGhyt(derived, f)),
        useCode: { text: `landClass.${f.properties.useCode}`, textKey: true },
        linkage: textCell(f.properties.linkage),
        households: numberCell(f.properties.households, 0),
        quotaSource: { text: `code.quotaSource.${f.properties.quotaSource}`, textKey: true },
        newConstructionM2: m2Cell(newConstruction),
        cultivatedTakenM2: m2Cell(cultivated),
        note: textCell(f.properties.note),
      },
    };
  });
  const columns: Column[] = [
    { key: 'areaM2', labelKey: 'tables.col.areaM2', unit: 'm2' },
    { key: 'areaHa', labelKey: 'tables.col.areaHa', unit: 'ha' },
    { key: 'useCode', labelKey: 'field.useCode', unit: 'text' },
    { key: 'linkage', labelKey: 'field.linkage', unit: 'text' },
    { key: 'households', labelKey: 'field.households', unit: 'count' },
    { key: 'quotaSource', labelKey: 'field.quotaSource', unit: 'text' },
    { key: 'newConstructionM2', labelKey: 'tables.list.col.newConstructionM2', unit: 'm2' },
    { key: 'cultivatedTakenM2', labelKey: 'tables.list.col.cultivatedTakenM2', unit: 'm2' },
    { key: 'note', labelKey: 'field.note', unit: 'text' },
  ];
  return { id: 'newBuildList', titleKey: 'tables.newBuildList.title', columns, rows: withTotal(rows, features.map((f) => areaInGhyt(derived, f)), footnotes, totals), footnotes };
}
