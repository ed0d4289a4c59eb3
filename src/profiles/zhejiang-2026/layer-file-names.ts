/**
 * The file names a village database's layers are found under, in any case: the database name first, then
 * the name CCTool's input folder gives it [cct:chk] (the reference layers' names are ours ⚠,
 * village-database.ts). CJDCQJX has no CCTool input. The readers match files by them, and the tables name
 * a missing layer by them.
 */
import type { VillageLayerName } from './village-database.ts';

export const LAYER_FILE_NAMES: Readonly<Record<VillageLayerName, readonly string[]>> = {
  JQDLTB: ['JQDLTB', '现状用地'],
  GHDLTB: ['GHDLTB', '规划用地'],
  GKBJ: ['GKBJ', '管控边界'],
  CJDCQ: ['CJDCQ', '村级调查区'],
  CJDCQJX: ['CJDCQJX', '村级调查区界线'],
  GGJCSSD: ['GGJCSSD', '现状公服'],
  GHGGJCSSD: ['GHGGJCSSD', '规划公服'],
  LSWHBHQ: ['LSWHBHQ', '文保'],
  YJJBNT: ['YJJBNT', '永久基本农田'],
  STBHHX: ['STBHHX', '生态保护红线'],
  CZKFBJ: ['CZKFBJ', '城镇开发边界'],
};

/** A layer's file names as messages list them: `GKBJ/管控边界`. */
export const layerFileNames = (layer: VillageLayerName): string => LAYER_FILE_NAMES[layer].join('/');
