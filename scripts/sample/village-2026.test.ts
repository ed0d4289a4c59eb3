import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseVillageDatabaseText, serialiseVillageDatabase } from '../../src/io/village-database/database-file.ts';
import { YDYH_2023_INDEX } from '../../src/profiles/ydyh/classes-2023.ts';
import type { VillageDatabase } from '../../src/profiles/zhejiang-2026/village-database.ts';
import { checkDatabase } from '../../src/rules/ydyh/index.ts';
import { freshCommittedSample } from './fresh-sample.ts';
import { SAMPLE_2026_OUT, villageDatabaseFromPlan } from './village-2026.ts';

let cached: { readonly db: VillageDatabase; readonly text: string } | undefined;

function fresh2026(): { readonly db: VillageDatabase; readonly text: string } {
  if (!cached) {
    const db = villageDatabaseFromPlan(freshCommittedSample().plan);
    cached = { db, text: serialiseVillageDatabase(db) };
  }
  return cached;
}

describe('2026 sample village', () => {
  it('the committed sample is a fresh generation from the committed 2017 sample (npm run sample:2026)', () => {
    const committed = readFileSync(new URL(`../../${SAMPLE_2026_OUT}`, import.meta.url), 'utf8');
    // Compared as a boolean: a diff of two 2.5 MB strings helps nobody.
    expect(committed === fresh2026().text, `${SAMPLE_2026_OUT} is stale: run \`npm run sample:2026\``).toBe(true);
  }, 60_000);

  it('opens as a village database file with no notes, the same database', () => {
    const { db, text } = fresh2026();
    const parsed = parseVillageDatabaseText(text, 'sample-village-2026.database.json');
    expect(parsed.ok && parsed.notes).toEqual([]);
    expect(parsed.ok && parsed.value).toEqual(db);
  }, 60_000);

  it('passes the 2026 checks: no error; the only warnings are 2023 codes that mean another class in 2020', () => {
    const { issues, summary } = checkDatabase(fresh2026().db);
    expect(summary.errors).toBe(0);
    // 060102 田间道 (2020: 村庄内部道路用地) and 1311 水工设施用地 (2020: 干渠) are the honest codes of the farm roads and the pumping station.
    const warned = issues.filter((i) => i.severity === 'warning').map((i) => `${i.rule} ${i.message.params?.code}`);
    expect(new Set(warned)).toEqual(new Set(['ydyh-edition-declared 060102', 'ydyh-edition-declared 1311']));
  }, 60_000);

  it('codes every planned parcel with a 2023 land code, and every layer the sample is made of is there', () => {
    const { db } = fresh2026();
    const codes = (db.layers.GHDLTB?.features ?? []).map((f) => String(f.properties.GHDLBM));
    expect(codes.length).toBeGreaterThan(1000);
    expect(codes.filter((code) => YDYH_2023_INDEX.get(code)?.realm !== 'land')).toEqual([]);
    expect(Object.keys(db.layers).sort()).toEqual(['CJDCQ', 'GHDLTB', 'GKBJ', 'JQDLTB', 'STBHHX', 'YJJBNT']);
  }, 60_000);
});
