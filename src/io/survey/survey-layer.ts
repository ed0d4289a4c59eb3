/**
 * Base parcels as a land-survey layer (地类图斑 DLTB) with the third national survey's field names: the
 * inverse of survey-import.ts, so a survey can go out and come back unchanged (round-trip tests, the
 * import benchmark, and a planner who hands the base data to another tool).
 */
import type { FeatureOf } from '../../domain/features.ts';
import { landClass } from '../../profiles/zhejiang-2017/land-classes.ts';
import type { ExportField, ExportLayer } from '../formats/types.ts';

/** Field names of TD/T 1055-2019 (三调); widths as the survey databases of Zhejiang counties carry them. */
export const DLTB_FIELDS: readonly ExportField[] = [
  { name: 'BSM', type: 'N', length: 10, decimals: 0, alias: '标识码' },
  { name: 'TBBH', type: 'C', length: 18, decimals: 0, alias: '图斑编号' },
  { name: 'DLBM', type: 'C', length: 5, decimals: 0, alias: '地类编码' },
  { name: 'DLMC', type: 'C', length: 60, decimals: 0, alias: '地类名称' },
  { name: 'QSXZ', type: 'C', length: 2, decimals: 0, alias: '权属性质' },
  { name: 'QSDWDM', type: 'C', length: 19, decimals: 0, alias: '权属单位代码' },
  { name: 'QSDWMC', type: 'C', length: 60, decimals: 0, alias: '权属单位名称' },
  { name: 'TBMJ', type: 'N', length: 19, decimals: 2, alias: '图斑面积' },
  { name: 'KCXS', type: 'N', length: 6, decimals: 4, alias: '扣除系数' },
  { name: 'PZWH', type: 'C', length: 50, decimals: 0, alias: '批准文号' },
  { name: 'DLBZ', type: 'C', length: 2, decimals: 0, alias: '地类备注' },
  { name: 'GDPDJB', type: 'C', length: 2, decimals: 0, alias: '耕地坡度级别' },
];

export function surveyLayerFromParcels(parcels: readonly FeatureOf<'base'>[], name = 'DLTB'): ExportLayer {
  return {
    name,
    geometryType: 'polygon',
    fields: DLTB_FIELDS,
    features: parcels.map((parcel, i) => {
      const p = parcel.properties;
      return {
        geometry: parcel.geometry,
        properties: {
          BSM: i + 1,
          TBBH: p.parcelNo,
          // A parcel drawn in the editor has no survey code: its planning class stands in for it, with
          // that class's name. The plan does not keep the survey's own names, so DLMC is otherwise left
          // empty rather than filled with a planning-class name that would contradict DLBM.
          DLBM: p.surveyCode ?? p.classCode,
          DLMC: p.surveyCode ? null : landClass(p.classCode).zh,
          QSXZ: p.tenure,
          QSDWDM: p.ownerCode,
          QSDWMC: p.ownerName,
          TBMJ: p.recordedArea,
          KCXS: p.ridgeCoefficient,
          PZWH: p.approvalNo,
          DLBZ: p.landNote,
          GDPDJB: p.slopeGrade,
        },
      };
    }),
  };
}
