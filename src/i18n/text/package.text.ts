/** Reading a delivery package (src/io/package). */
import type { Texts } from '../texts.ts';

export const packageText: Texts = {
  'package.notJson': { zh: '{{file}} 不是有效的 JSON：{{detail}}', en: '{{file}} is not valid JSON: {{detail}}' },
  'package.notFeatureCollection': { zh: '{{file}} 不是 GeoJSON 要素集合（FeatureCollection）。', en: '{{file}} is not a GeoJSON FeatureCollection.' },
  'package.skippedFeatures': { zh: '{{file}}：跳过 {{count}} 个不是面或坐标无效的要素，例如 {{list}}', en: '{{file}}: skipped {{count}} feature(s) that are not polygons or have bad coordinates, e.g. {{list}}' },
  'package.unknownCoordinates': { zh: '{{file}} 的坐标既不是经纬度，也不是 CGCS2000 3 度带高斯-克吕格坐标。', en: '{{file}} has coordinates that are neither lon/lat nor CGCS2000 3° Gauss-Krüger.' },
  'package.assumedZone': { zh: '{{file}} 的坐标不带带号，按第 {{zone}} 带（中央经线 120°E）读取。', en: '{{file}} has coordinates without a zone prefix; read as zone {{zone}} (CM 120°E).' },
  'package.noLayers': { zh: '文件夹中没有基期地类图斑图层（JQDLTB.geojson）。', en: 'The folder has no base parcel layer (JQDLTB.geojson).' },
  'package.noParcels': { zh: '基期地类图斑图层（JQDLTB）没有面要素。', en: 'The base parcel layer (JQDLTB) has no polygons.' },
  'package.unknownClass': { zh: '{{file}}：{{count}} 个图斑的地类代码（DLDM）不是规划地类代码，例如 {{list}}', en: '{{file}}: {{count}} parcel(s) have a DLDM that is not a planning class code, e.g. {{list}}' },
  'package.unknownZone': { zh: '{{file}}：{{count}} 个管制区的类型代码（GZQLXDM）无效，例如 {{list}}', en: '{{file}}: {{count}} zone(s) have an invalid GZQLXDM, e.g. {{list}}' },
  'package.assumedUse': { zh: '{{file}} 第 {{record}} 条：规划用途代码 {{code}} 无法识别，按宅基地（2121）处理。', en: '{{file}} record {{record}}: planned use code {{code}} not recognised; read as homestead (2121).' },
  'package.assumedReserveKind': { zh: '{{file}}：整备区（JBNTZBQ）未注明类型，按“永久基本农田周边农用地”处理。', en: '{{file}}: reserve areas (JBNTZBQ) carry no kind; read as “farmland next to basic farmland”.' },
  'package.boundaryFromParcels': { zh: '没有行政区图层（XZQ），以基期地类图斑（{{file}}）的并集作为村域界线。', en: 'No XZQ layer: the union of the base parcels ({{file}}) is taken as the village boundary.' },
  'package.boundaryFailed': { zh: '无法由 {{file}} 合并出村域界线：{{detail}}', en: 'Could not merge a village boundary from {{file}}: {{detail}}' },
};
