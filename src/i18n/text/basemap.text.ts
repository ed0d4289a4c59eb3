/** Choosing a basemap. */
import type { Texts } from './text.ts';

export const basemapText: Texts = {
  'basemap.button': { zh: '底图', en: 'Basemap' },
  'basemap.menuItem': { zh: '底图…', en: 'Basemap…' },
  'basemap.title': { zh: '选择底图', en: 'Choose a basemap' },
  'basemap.none': { zh: '无底图（只显示规划矢量数据，离线可用）', en: 'None (the plan’s own vector data; works offline)' },
  'basemap.raster': { zh: '在线栅格瓦片（天地图、县级瓦片服务等）', en: 'Online raster tiles (Tianditu, a county tile server…)' },
  'basemap.url': { zh: '瓦片地址', en: 'Tile URL' },
  'basemap.urlHint': { zh: '地址中需包含 {z}、{x}、{y}。天地图请填入您自己的密钥（tk）。', en: 'The URL must contain {z}, {x} and {y}. For Tianditu use your own key (tk).' },
  'basemap.pmtiles': { zh: '本地 PMTiles 文件（离线 1:2000 影像）', en: 'Local PMTiles file (offline 1:2000 orthophoto)' },
  'basemap.file': { zh: 'PMTiles 文件', en: 'PMTiles file' },
  'basemap.currentFile': { zh: '当前文件：{{name}}', en: 'Current file: {{name}}' },
  'basemap.error.notAUrl': { zh: '不是有效的 http(s) 地址。', en: 'Not a valid http(s) URL.' },
  'basemap.error.noPlaceholders': { zh: '地址中缺少 {z}、{x}、{y} 占位符。', en: 'The URL lacks the {z}, {x} and {y} placeholders.' },
  'basemap.error.chooseFile': { zh: '请选择一个 .pmtiles 文件。', en: 'Choose a .pmtiles file.' },
  'basemap.error.fileGone': { zh: '找不到之前选择的底图文件 {{name}}，请重新选择。', en: 'The basemap file chosen before ({{name}}) is no longer available; choose it again.' },
  'basemap.error.notPmtiles': { zh: '文件 {{name}} 不是有效的 PMTiles：{{detail}}', en: '{{name}} is not a valid PMTiles file: {{detail}}' },
  'basemap.error.notRaster': { zh: '{{name}} 是矢量瓦片；底图只支持栅格影像 PMTiles。', en: '{{name}} holds vector tiles; the basemap needs a raster (imagery) PMTiles file.' },
};
