/**
 * A CJDCQ cut from the township's layer that keeps a neighbouring village's row: read whole, the neighbour's
 * land was a gap in JQDLTB, GHDLTB and GKBJ (222 公顷 three times on the sample village) and broke the totals.
 */
import { describe, expect, it } from 'vitest';
import { NO_VILLAGE_INFO, type VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { noGapRule } from '../../rules/ydyh/no-gap.rule.ts';
import { totalsEqualRule } from '../../rules/ydyh/totals-equal.rule.ts';
import { cell, database, feature, parcels } from '../../rules/ydyh/test-support.ts';
import { zhT } from '../package/delivery-test-support.ts';
import { readVillageDatabaseFiles } from './read-village-files.ts';
import { parseVillageDatabaseText, serialiseVillageDatabase } from './database-file.ts';
import { databaseWithOwnSurveyArea, withOwnSurveyArea } from './survey-area-rows.ts';
import { writeVillageDatabasePackage } from './write-village-database.ts';

const OWN = '3301060010010000000';
const NEIGHBOUR = '3301060010020000000';
const surveyArea = (code: string | null, col: number) => feature(`CJDCQ#${col + 1}`, cell(col, 0, 0.002), code ? { ZLDWDM: code, ZLDWMC: code === OWN ? '示例村' : '邻村' } : {});

/** The village: four parcels filling its survey area, the 0.001° cells of one 0.002° CJDCQ cell. */
function village(cjdcq: ReturnType<typeof surveyArea>[]): VillageDatabase {
  const quarters = (layer: 'JQDLTB' | 'GHDLTB', field: string, extra = {}) => parcels(layer, field, ['0103', '0103', '0103', '0103'], extra).map((f, i) => ({ ...f, geometry: cell(i % 2, Math.floor(i / 2), 0.001) }));
  return database({ CJDCQ: cjdcq, JQDLTB: quarters('JQDLTB', 'JQDLBM', { ZLDWDM: OWN }), GHDLTB: quarters('GHDLTB', 'GHDLBM') }, { info: NO_VILLAGE_INFO });
}

describe('the village survey area of a database read from files', () => {
  it('is the rows of the village the base parcels are in, wherever the neighbour’s row comes; the neighbour named in a note', async () => {
    for (const rows of [[surveyArea(NEIGHBOUR, 1), surveyArea(OWN, 0)], [surveyArea(OWN, 0), surveyArea(NEIGHBOUR, 1)]]) {
      const files = await writeVillageDatabasePackage(village(rows), { format: 'shapefile', date: new Date(Date.UTC(2026, 0, 1)), t: zhT });
      if (!files.ok) throw new Error(JSON.stringify(files.error));
      const read = await readVillageDatabaseFiles(files.value.map((f) => ({ path: f.name, bytes: f.bytes })), 'ydyh-2023');
      if (!read.ok) throw new Error(JSON.stringify(read.error));
      expect(read.value.layers.CJDCQ?.features.map((f) => f.properties['ZLDWDM'])).toEqual([OWN]);
      expect(read.notes.find((n) => n.key === 'cli.village.otherVillagesSurveyArea')?.params).toMatchObject({ count: 1, code: OWN.slice(0, 12) });
      expect(noGapRule.check(read.value).filter((i) => i.severity === 'error')).toEqual([]);
      expect(totalsEqualRule.check(read.value).filter((i) => i.severity === 'error')).toEqual([]);
    }
  });

  it('is the same in a database file (.database.json) opened in the editor or by the command line', () => {
    const text = serialiseVillageDatabase(village([surveyArea(NEIGHBOUR, 1), surveyArea(OWN, 0)]));
    const read = databaseWithOwnSurveyArea(parseVillageDatabaseText(text, 'v.database.json'));
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.value.layers.CJDCQ?.features.map((f) => f.properties['ZLDWDM'])).toEqual([OWN]);
    expect(read.notes.map((n) => n.key)).toContain('cli.village.otherVillagesSurveyArea');
    expect(noGapRule.check(read.value).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('keeps every row when no row is the parcels’ village, or a row has no code', () => {
    const layersOf = (rows: ReturnType<typeof surveyArea>[]) => village(rows).layers;
    expect(withOwnSurveyArea(layersOf([surveyArea(NEIGHBOUR, 0), surveyArea('3301060010030000000', 1)]))).toMatchObject({ note: null });
    const kept = withOwnSurveyArea(layersOf([surveyArea(OWN, 0), surveyArea(null, 1)]));
    expect(kept.note).toBeNull();
    expect(kept.layers.CJDCQ?.features).toHaveLength(2);
  });
});
