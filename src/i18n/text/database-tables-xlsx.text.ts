/** The 2026 package's tables as workbooks (`io/village-database/database-tables-xlsx.ts`). */
import type { Texts } from './text.ts';

export const databaseTablesXlsxText: Texts = {
  'villageDb.write.noControlTable': {
    zh: '没有管控边界图层 GKBJ，表格中不含国土空间管控表',
    en: 'No GKBJ layer (管控边界): the tables leave out the 国土空间管控表',
  },
};
