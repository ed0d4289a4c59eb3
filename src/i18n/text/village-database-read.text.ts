/** Opening a village planning database from the files a browser was given (`io/village-database/read-village-files.ts`). */
import type { Texts } from './text.ts';

export const villageDatabaseReadText: Texts = {
  'villageDb.read.missingLayers': {
    zh: '所选文件中没有 {{layers}} 图层（在所选文件夹及其下一级文件夹中查找 .shp、.geojson 或 .json，文件名不分大小写）',
    en: 'No {{layers}} layer among the chosen files (looked for in the chosen folder and one level down: .shp, .geojson or .json, file names in any case)',
  },
};
