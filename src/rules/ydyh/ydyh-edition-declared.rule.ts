/**
 * `ydyh-edition-declared` (cct:old2new [ours]): the planner declares the edition a database's codes are
 * written in, and the codes must agree with it. A code that exists only in the other edition (2020's 0603,
 * 0604, 090301, 090302, 1313; 2023's 0205, 1207, 060201–060203) proves the declaration wrong for that
 * layer: an error naming the codes and the other edition. A code of both editions whose meaning differs
 * (0602, 060102, 1311 …, `EDITION_COLLISIONS`) proves nothing, but read in the wrong edition its parcels are
 * silently another class: a warning per code, with both meanings, so the planner confirms the declaration.
 */
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import { EDITION_COLLISIONS } from '../../profiles/ydyh/edition-2020.ts';
import { databaseIssue, firstRefs, layerKey, type DatabaseIssue, type DatabaseRule } from './database-rule.ts';
import { PARCEL_LAYERS, textOf } from './database-parcels.ts';
import { name2020, onlyInOtherEdition, otherEdition } from './editions.ts';

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const ydyhEditionDeclaredRule: DatabaseRule = {
  id: 'ydyh-edition-declared',
  severity: 'error',
  source: 'cct:old2new [ours]',
  summary: 'A code that exists only in the other edition (2020: 0603, 0604, 090301, 090302, 1313; 2023: 0205, 1207, 060201–060203) is an error naming the other edition; a code whose meaning differs between editions (0204, 060102, 0602, 1311, 1312, 2302, 2303) is a warning with both meanings.',
  check(db) {
    const issues: DatabaseIssue[] = [];
    const declared = { declaredKey: `rules.db.edition.${db.edition}`, otherKey: `rules.db.edition.${otherEdition(db.edition)}` };
    const foreign = onlyInOtherEdition(db.edition);
    for (const { layer, code: field } of Object.values(PARCEL_LAYERS)) {
      const refsByCode = new Map<string, string[]>();
      for (const feature of db.layers[layer]?.features ?? []) {
        const code = textOf(feature.properties[field]);
        if (code === null || (!foreign.has(code) && !EDITION_COLLISIONS.has(code))) continue;
        refsByCode.set(code, [...(refsByCode.get(code) ?? []), feature.ref]);
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
