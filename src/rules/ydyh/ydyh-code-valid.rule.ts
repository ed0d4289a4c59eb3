/**
 * `ydyh-code-valid` (cct:`Scripts/GHApp/YDYH/CheckYDYH.xaml.cs` + cct:dm): every JQDLBM and GHDLBM is a
 * 用地用海 code, and the name beside it (JQDLMC/GHDLMC), when given, is that code's name, one of its accepted
 * names, or a Zhejiang sub-class of it (known by name only, §1.4, so its parcels carry the parent's code).
 * CheckYDYH's three findings are kept apart: BM错误, MC错误, BM和MC不匹配. A sea code on land is an error of
 * its own; a BM错误 that is a code with its leading zero lost (a field stored as a number) names the code it was. A code of the other edition only is left to `ydyh-edition-declared`, which names the fix.
 *
 * A database declared 2020 is checked after converting its codes, and a 2020 name of a code whose meaning
 * changed (1311 干渠) is accepted for it.
 */
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import { convert2020To2023 } from '../../profiles/ydyh/edition-2020.ts';
import type { VillageDatabase, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { databaseIssue, firstRefs, layerKey, type DatabaseIssue, type DatabaseRule } from './database-rule.ts';
import { isCodeOfEdition, PARCEL_LAYERS, textOf } from './database-parcels.ts';
import { isSeaCode, name2020, onlyInOtherEdition } from './editions.ts';

type Finding = 'codeMissing' | 'codeInvalid' | 'codeLostZero' | 'seaCode' | 'nameInvalid' | 'mismatch';

interface Parcel {
  readonly written: string | null;
  readonly name: string | null;
}

/** What is wrong with one parcel's code and name, with the name its code expects; null when nothing is. */
function findingOf(db: VillageDatabase, parcel: Parcel): { readonly finding: Finding; readonly expected: string } | null {
  const { written, name } = parcel;
  if (written === null) return { finding: 'codeMissing', expected: '' };
  if (onlyInOtherEdition(db.edition).has(written)) return null;
  const code = db.edition === 'ydyh-2020' ? convert2020To2023(written).code : written;
  if (isSeaCode(code)) return { finding: 'seaCode', expected: '' };
  const entry = YDYH_2023_INDEX.get(code);
  if (entry === undefined) {
    // A code field stored as a number (a DBF N field, GDAL from Excel) drops the leading zero: 70301 for 070301.
    const padded = `0${written}`;
    return isCodeOfEdition(db.edition, padded) ? { finding: 'codeLostZero', expected: padded } : { finding: 'codeInvalid', expected: '' };
  }
  if (name === null) return null;
  const accepted = [entry.zh, ...(entry.aliases ?? []), ...(db.edition === 'ydyh-2020' ? [name2020(written)] : [])];
  if (accepted.includes(name)) return null;
  const named = YDYH_2023_INDEX.byName(name);
  if (named === undefined) return { finding: 'nameInvalid', expected: entry.zh };
  if (named.code === null && named.parent === code) return null;
  return { finding: 'mismatch', expected: entry.zh };
}

export const ydyhCodeValidRule: DatabaseRule = {
  id: 'ydyh-code-valid',
  severity: 'error',
  source: 'cct:CheckYDYH + cct:dm',
  summary: 'Every JQDLBM/GHDLBM is a 用地用海 2023 code (a 2020 database after conversion); JQDLMC/GHDLMC, when given, is its name, an alias or a Zhejiang sub-class of it: BM错误 / MC错误 / BM和MC不匹配; sea codes on land.',
  check(db) {
    const groups = new Map<string, { layer: VillageLayerName; finding: Finding; parcel: Parcel; expected: string; refs: string[] }>();
    for (const { layer, code, name } of Object.values(PARCEL_LAYERS)) {
      for (const feature of db.layers[layer]?.features ?? []) {
        const parcel = { written: textOf(feature.properties[code]), name: textOf(feature.properties[name]) };
        const found = findingOf(db, parcel);
        if (found === null) continue;
        const key = [layer, found.finding, parcel.written, found.finding === 'nameInvalid' || found.finding === 'mismatch' ? parcel.name : ''].join('|');
        const group = groups.get(key) ?? { layer, ...found, parcel, refs: [] };
        group.refs.push(feature.ref);
        groups.set(key, group);
      }
    }
    const issues: DatabaseIssue[] = [];
    for (const { layer, finding, parcel, expected, refs } of groups.values()) {
      issues.push(
        databaseIssue(this.id, 'error', {
          layer,
          features: refs,
          key: finding,
          params: { layerKey: layerKey(layer), code: parcel.written ?? '', name: parcel.name ?? '', expected, count: refs.length, refs: firstRefs(refs) },
        }),
      );
    }
    return issues;
  },
};
