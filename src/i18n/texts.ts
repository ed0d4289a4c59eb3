/**
 * Every user-facing string, Chinese beside English so the two never drift apart. One `*.text.ts` file per
 * area of the product (add a file for a new area and list it in `TEXTS` below); keys are flat and
 * namespaced (`rules.no-overlap.message`), and the same keys serve the UI, the CLI and the docs.
 */
import type { Texts } from './text/text.ts';
import { appText } from './text/app.text.ts';
import { databaseUiText } from './text/database-ui.text.ts';
import { databaseEditText } from './text/database-edit.text.ts';
import { databaseInfoText } from './text/database-info.text.ts';
import { databaseShapeText } from './text/database-shape.text.ts';
import { databaseReshapeText } from './text/database-reshape.text.ts';
import { databaseBoundaryText } from './text/database-boundary.text.ts';
import { databaseControlTypesText } from './text/database-control-types.text.ts';
import { databaseDefaultsText } from './text/database-defaults.text.ts';
import { attributeTableText } from './text/attribute-table.text.ts';
import { attributesText } from './text/attributes.text.ts';
import { basemapText } from './text/basemap.text.ts';
import { checkingText } from './text/checking.text.ts';
import { draftsText } from './text/drafts.text.ts';
import { databaseDraftsText } from './text/database-drafts.text.ts';
import { cliText } from './text/cli.text.ts';
import { editingText } from './text/editing.text.ts';
import { ioText } from './text/io.text.ts';
import { ioUiText } from './text/io-ui.text.ts';
import { noticeText } from './text/notice.text.ts';
import { notice2026Text } from './text/notice-2026.text.ts';
import { planFileText } from './text/plan-file.text.ts';
import { quarantineText } from './text/quarantine.text.ts';
import { packageText } from './text/package.text.ts';
import { rulesText } from './text/rules.text.ts';
import { tablesText } from './text/tables.text.ts';
import { toolsText } from './text/tools.text.ts';
import { villageDatabaseText } from './text/village-database.text.ts';
import { villageDatabaseReadText } from './text/village-database-read.text.ts';
import { villageDatabaseSurveyText } from './text/village-database-survey.text.ts';
import { villageDatabaseWriteText } from './text/village-database-write.text.ts';
import { databaseTablesXlsxText } from './text/database-tables-xlsx.text.ts';
import { villageDatabase2017Text } from './text/village-database-2017.text.ts';
import { ydyhRulesText } from './text/ydyh-rules.text.ts';
import { zhejiang2017LayersText } from '../profiles/zhejiang-2017/text/layers.text.ts';


/** The explicit list of text files (no registration by import side effect). */
export const TEXTS: readonly Texts[] = [
  appText,
  attributesText,
  attributeTableText,
  editingText,
  basemapText,
  planFileText,
  checkingText,
  rulesText,
  ydyhRulesText,
  databaseUiText,
  databaseEditText,
  databaseInfoText,
  databaseShapeText,
  databaseReshapeText,
  databaseBoundaryText,
  databaseControlTypesText,
  databaseDefaultsText,
  tablesText,
  cliText,
  packageText,
  ioText,
  ioUiText,
  villageDatabaseText,
  villageDatabaseReadText,
  villageDatabaseSurveyText,
  villageDatabaseWriteText,
  databaseTablesXlsxText,
  villageDatabase2017Text,
  quarantineText,
  draftsText,
  databaseDraftsText,
  noticeText,
  notice2026Text,
  toolsText,
  // A profile's wording lives in its `text/` folder and is listed here; the notice's and the tables' (which
  // the viewer carries) reach i18n through notice.text.ts, notice-2026.text.ts and tables.text.ts.
  zhejiang2017LayersText,
];

/** One language's strings; throws on a key defined twice, which would silently hide one of them. */
export function strings(language: 'zh' | 'en'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const texts of TEXTS) {
    for (const [key, text] of Object.entries(texts)) {
      if (key in out) throw new Error(`i18n key defined twice: ${key}`);
      out[key] = text[language];
    }
  }
  return out;
}
