/**
 * 公示意见处理表: every comment of the `feedback` layer with its answer, as an .xlsx workbook for the
 * submission (exceljs: the same code in the browser and in Node). Texts are written as text cells, so a
 * comment that starts with "=" stays a comment and never becomes a formula.
 */
import ExcelJS from 'exceljs';
import { villageTime } from '../../domain/calendar.ts';
import type { FeatureOf } from '../../domain/features.ts';
import { findFeature, layerFeatures, type Plan } from '../../domain/plan.ts';
import type { Translate } from '../../rules/render.ts';
import { withFixedTimes } from '../zip/fixed-times.ts';

const STATUS_KEYS = { open: 'notice.status.open', accepted: 'notice.status.accepted', partlyAccepted: 'notice.status.partlyAccepted', rejected: 'notice.status.rejected' } as const;

export interface RegisterRow {
  readonly no: number;
  readonly createdAt: string;
  readonly author: string;
  readonly phone: string;
  readonly place: string;
  readonly comment: string;
  readonly status: string;
  readonly answer: string;
}

/** Where a comment is: the parcel number it was attached to, then the pin's lon/lat. */
function placeOf(plan: Plan, feedback: FeatureOf<'feedback'>): string {
  const [lon, lat] = feedback.geometry.coordinates as [number, number];
  const where = `${lon.toFixed(6)}, ${lat.toFixed(6)}`;
  const target = feedback.properties.targetFeatureId ? findFeature(plan, feedback.properties.targetFeatureId) : undefined;
  const parcelNo = target && 'parcelNo' in target.properties ? target.properties.parcelNo : null;
  return parcelNo ? `${parcelNo}（${where}）` : where;
}

function registerRows(plan: Plan, t: Translate): RegisterRow[] {
  const comments = [...layerFeatures(plan, 'feedback')].sort((a, b) => a.properties.createdAt.localeCompare(b.properties.createdAt) || a.id.localeCompare(b.id));
  return comments.map((f, i) => ({
    no: i + 1,
    createdAt: villageTime(f.properties.createdAt),
    author: f.properties.author ?? '',
    phone: f.properties.phone ?? '',
    place: placeOf(plan, f),
    comment: f.properties.comment,
    status: t(STATUS_KEYS[f.properties.status]),
    answer: f.properties.answer,
  }));
}

const COLUMNS: readonly { key: keyof RegisterRow; labelKey: string; width: number }[] = [
  { key: 'no', labelKey: 'notice.register.no', width: 6 },
  { key: 'createdAt', labelKey: 'notice.register.createdAt', width: 17 },
  { key: 'author', labelKey: 'notice.register.author', width: 10 },
  { key: 'phone', labelKey: 'notice.register.phone', width: 14 },
  { key: 'place', labelKey: 'notice.register.place', width: 30 },
  { key: 'comment', labelKey: 'notice.register.comment', width: 48 },
  { key: 'status', labelKey: 'notice.register.status', width: 11 },
  { key: 'answer', labelKey: 'notice.register.answer', width: 40 },
];

export async function registerXlsx(plan: Plan, t: Translate): Promise<Uint8Array> {
  const rows = registerRows(plan, t);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Village Plan';
  // Fixed dates: the same plan gives the same workbook.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet(t('notice.register.sheet'));
  const title = t('notice.register.title', { village: plan.meta.villageName });
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, COLUMNS.length);
  const answered = layerFeatures(plan, 'feedback').filter((f) => f.properties.status !== 'open').length;
  sheet.getCell(2, 1).value = t('notice.register.summary', { count: rows.length, answered });
  const header = sheet.getRow(3);
  COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).value = t(c.labelKey);
    header.getCell(i + 1).font = { bold: true };
    sheet.getColumn(i + 1).width = c.width;
  });
  for (const row of rows) {
    const added = sheet.addRow(COLUMNS.map((c) => row[c.key]));
    added.alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  const buffer = await workbook.xlsx.writeBuffer();
  return withFixedTimes(new Uint8Array(buffer as ArrayBuffer));
}
