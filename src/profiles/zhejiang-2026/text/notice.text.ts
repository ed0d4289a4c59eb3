/** The 2026 notice's plain words for a parcel's class: the first-level classes and the table groups. */
import type { Texts } from '../../wording.ts';

export const zhejiang2026NoticeText: Texts = {
  'notice2026.plain.01': { zh: '耕地', en: 'farmland' },
  'notice2026.plain.02': { zh: '园地', en: 'orchard or tea garden' },
  'notice2026.plain.03': { zh: '林地', en: 'woodland' },
  'notice2026.plain.04': { zh: '草地', en: 'grassland' },
  'notice2026.plain.05': { zh: '湿地', en: 'wetland' },
  'notice2026.plain.06': { zh: '农业设施用地（农村道路、种养殖设施）', en: 'farm roads and farm buildings' },
  'notice2026.plain.17': { zh: '河流、水塘等水域', en: 'rivers, ponds and other water' },
  'notice2026.plain.23': { zh: '其他土地（田坎、空闲地等）', en: 'other land (field banks, idle land …)' },
  'notice2026.plain.village': { zh: '村庄建设用地', en: 'village construction land' },
  'notice2026.plain.urban': { zh: '城镇建设用地', en: 'town construction land' },
  'notice2026.plain.regional': { zh: '区域基础设施用地（公路、铁路、水利等）', en: 'regional infrastructure (roads, railways, water works …)' },
  'notice2026.plain.otherConstruction': { zh: '其他建设用地', en: 'other construction land' },
  'notice2026.plain.construction': { zh: '建设用地', en: 'construction land' },
  'notice2026.plain.unknown': { zh: '未分类用地', en: 'land of an unknown class' },
};
