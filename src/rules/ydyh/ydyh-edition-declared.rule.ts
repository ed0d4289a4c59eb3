/**
 * `ydyh-edition-declared` (cct:old2new [ours]): the planner declares the edition a database's codes are
 * written in, and the codes must agree with it. A code that exists only in the other edition (2020's 0603,
 * 0604, 090301, 090302, 1313; 2023's 0205, 1207, 060201–060203) proves the declaration wrong for that
 * layer: an error naming the codes and the other edition. A code of both editions whose meaning differs
 * (0602, 060102, 1311 …, `EDITION_COLLISIONS`) proves nothing, but read in the wrong edition its parcels are
 * silently another class: a warning per code, with both meanings, so the planner confirms the declaration.
 *
 * The scheme is declared too (§5): JQDLBM/GHDLBM are 用地用海. A layer holding codes only 三调 has (05H1,
 * 0201K …, `suggestScheme`'s hints, §2.1) was copied from a DLTB unconverted: an error naming them and the
 * parcels whose 三调 code is a 用地用海 code of another class (0702 农村宅基地 read as 城镇社区服务设施用地, the
 * 0702 trap), which no other check can see; the tables count those in the wrong class.
 */
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import { EDITION_COLLISIONS } from '../../profiles/ydyh/edition-2020.ts';
import { suggestScheme } from '../../profiles/sandiao/scheme.ts';
import { mapSandiaoCode } from '../../profiles/sandiao/to-ydyh-2023.ts';
import type { VillageDatabase, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { databaseIssue, firstRefs, layerKey, type DatabaseIssue, type DatabaseRule } from './database-rule.ts';
import { PARCEL_LAYERS, textOf } from './database-parcels.ts';
import { name2020, onlyInOtherEdition, otherEdition } from './editions.ts';
import { addToList } from '../../domain/lists.ts';

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A 用地用海 code that 三调 gives to another class (0702, 1001, 1101, 1201 …): read as 用地用海, its parcel moves. */
function movedBySandiao(code: string): boolean {
  if (YDYH_2023_INDEX.get(code) === undefined) return false;
  const mapped = mapSandiaoCode(code);
  return mapped.kind === 'mapped' ? mapped.code !== code : mapped.kind === 'refine' && !mapped.candidates.includes(code);
}

/** The error for a layer coded in 三调, or null when its codes give no 三调-only hint. */
function sandiaoIssue(db: VillageDatabase, layer: VillageLayerName, field: string): DatabaseIssue | null {
  const coded = (db.layers[layer]?.features ?? []).flatMap((f) => {
    const code = textOf(f.properties[field]);
    return code === null ? [] : [{ ref: f.ref, code }];
  });
  const hints = suggestScheme({ fieldNames: [], codes: coded.map((c) => c.code) }).codes.filter((h) => h.family === 'sandiao').map((h) => h.hint);
  if (hints.length === 0) return null;
  const hinted = coded.filter((c) => hints.includes(c.code.toUpperCase()));
  const moved = coded.filter((c) => movedBySandiao(c.code));
  const refs = [...hinted, ...moved].map((c) => c.ref);
  return databaseIssue(ydyhEditionDeclaredRule.id, 'error', {
    layer,
    features: refs,
    key: 'sandiaoCodes',
    params: { layerKey: layerKey(layer), codes: hints.join('、'), movedCodes: [...new Set(moved.map((c) => c.code))].sort(byCode).join('、') || '—', movedCount: moved.length, count: refs.length, refs: firstRefs(refs) },
  });
}

export const ydyhEditionDeclaredRule: DatabaseRule = {
  id: 'ydyh-edition-declared',
  severity: 'error',
  source: 'cct:old2new [ours]',
  summary: 'A code that exists only in the other edition (2020: 0603, 0604, 090301, 090302, 1313; 2023: 0205, 1207, 060201–060203) is an error naming the other edition; a code whose meaning differs between editions (0204, 060102, 0602, 1311, 1312, 2302, 2303) is a warning with both meanings. A layer holding codes only 三调 has (05H1, 0201K …) is an error naming them and the parcels whose 三调 code is another class in 用地用海 (0702 宅基地).',
  check(db) {
    const issues: DatabaseIssue[] = [];
    const declared = { declaredKey: `rules.db.edition.${db.edition}`, otherKey: `rules.db.edition.${otherEdition(db.edition)}` };
    const foreign = onlyInOtherEdition(db.edition);
    for (const { layer, code: field } of Object.values(PARCEL_LAYERS)) {
      const sandiao = sandiaoIssue(db, layer, field);
      if (sandiao) issues.push(sandiao);
      const refsByCode = new Map<string, string[]>();
      for (const feature of db.layers[layer]?.features ?? []) {
        const code = textOf(feature.properties[field]);
        if (code === null || (!foreign.has(code) && !EDITION_COLLISIONS.has(code))) continue;
        addToList(refsByCode, code, feature.ref);
      }
      const codes = [...refsByCode.keys()].sort(byCode);
      const wrong = codes.filter((code) => foreign.has(code));
      if (wrong.length > 0) {
        const refs = wrong.flatMap((code) => refsByCode.get(code) ?? []);
        issues.push(databaseIssue(this.id, 'error', { layer, features: refs, key: 'otherEdition', params: { layerKey: layerKey(layer), codes: wrong.join('、'), count: refs.length, refs: firstRefs(refs), ...declared } }));
      }
      for (const code of codes.filter((c) => EDITION_COLLISIONS.has(c))) {
        const refs = refsByCode.get(code) ?? [];
        issues.push(
          databaseIssue(this.id, 'warning', {
            layer,
            features: refs,
            key: 'collision',
            params: { layerKey: layerKey(layer), code, count: refs.length, name2023: YDYH_2023_INDEX.get(code)?.zh ?? '', name2020: name2020(code) ?? '', ...declared },
          }),
        );
      }
    }
    return issues;
  },
};
