import { describe, expect, it } from 'vitest';
import { findDatumParameters, sanitiseDatumParameters, withDatumParameters, type DatumParameters, type FourParameters, type SevenParameters } from './datum-parameters.ts';
import { parsePlanText, serialisePlan } from './plan-file.ts';
import { emptyPlan } from './plan.ts';

const SEVEN: SevenParameters = { kind: 'sevenParameter', dx: 1, dy: 2, dz: 3, rx: 0.1, ry: 0.2, rz: 0.3, scalePpm: 4, convention: 'coordinateFrame' };
const FOUR: FourParameters = { kind: 'fourParameter', dx: 10, dy: 20, rotationSeconds: 1.5, scalePpm: 2, centralMeridian: 120 };

describe('datum parameters', () => {
  it('keeps one set per datum; four parameters only for the meridian they were made on', () => {
    let list: DatumParameters[] = withDatumParameters([], { datum: 'xian1980', transformation: SEVEN });
    list = withDatumParameters(list, { datum: 'beijing1954', transformation: FOUR });
    list = withDatumParameters(list, { datum: 'xian1980', transformation: { ...SEVEN, dx: 9 } });
    expect(list).toHaveLength(2);
    expect(findDatumParameters(list, 'xian1980', 117)).toMatchObject({ dx: 9 });
    expect(findDatumParameters(list, 'beijing1954', 120)).toEqual(FOUR);
    expect(findDatumParameters(list, 'beijing1954', 117)).toBeUndefined();
    expect(findDatumParameters(list, 'beijing1954', null)).toBeUndefined();
  });

  it('are kept in plan files; damaged entries are dropped and older files have none', () => {
    const plan = emptyPlan({ datumParameters: [{ datum: 'xian1980', transformation: SEVEN }] });
    const again = parsePlanText(serialisePlan(plan));
    expect(again.ok && again.value.meta.datumParameters).toEqual(plan.meta.datumParameters);
    const raw = JSON.parse(serialisePlan(plan));
    delete raw.meta.datumParameters;
    const older = parsePlanText(JSON.stringify(raw));
    expect(older.ok && older.value.meta.datumParameters).toEqual([]);
    expect(sanitiseDatumParameters([{ datum: 'tokyo', transformation: SEVEN }, { datum: 'xian1980', transformation: { ...SEVEN, dx: 'x' } }, { datum: 'beijing1954', transformation: { ...FOUR, extra: 1 } }, 'nonsense'])).toEqual([{ datum: 'beijing1954', transformation: FOUR }]);
  });
});
