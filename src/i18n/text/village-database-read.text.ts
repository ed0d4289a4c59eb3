/** Opening a village planning database from the files a browser was given (`io/village-database/read-village-files.ts`). */
import type { Texts } from './text.ts';

export const villageDatabaseReadText: Texts = {
  'villageDb.read.missingLayers': {
    zh: '所选文件中没有 {{layers}} 图层（在所选文件夹及其下一级文件夹中查找 .shp、.geojson 或 .json，文件名不分大小写）',
    en: 'No {{layers}} layer among the chosen files (looked for in the chosen folder and one level down: .shp, .geojson or .json, file names in any case)',
  },
  'villageDb.read.needsDatumParameters': {
    zh: '“{{file}}”是{{datum}}坐标（{{name}}），村庄规划数据库应为 CGCS2000 坐标。{{datum}}转换到 CGCS2000 没有通用公式，需要本县的转换参数（七参数或四参数），读取数据库时无法输入：请用本县参数将该图层转换为 CGCS2000 后再读取（ArcGIS“投影”工具，或 ogr2ogr），或请数据提供方给出 CGCS2000 坐标的数据库。参数可向县自然资源和规划局或测绘院索取。',
    en: '“{{file}}” is in {{datum}} ({{name}}); a village planning database is in CGCS2000. {{datum}} has no general transformation to CGCS2000: it needs the county\'s parameters (seven or four), which opening a database cannot take: convert the layer to CGCS2000 with them (ArcGIS “Project”, or ogr2ogr) and read it again, or ask for the database in CGCS2000. The county natural resources and planning bureau or its surveying institute publishes the parameters.',
  },
};
