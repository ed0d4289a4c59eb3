import { describe, expect, it } from 'vitest';
import { importFiles } from '../formats/index.ts';
import { evaluateDatumForm, requestOfMessage, type DatumRequest } from './datum-request.ts';
import { xianSquares } from './test-support.ts';

const REQUEST: DatumRequest = { datum: 'xian1980', name: 'Xian_1980_3_Degree_GK_Zone_40', gk: { centralMeridian: 120, falseEasting: 40_500_000 } };
const input = { kind: 'sevenParameter', text: '-52.3412 -15.7021 46.2153 1.23456 -2.34567 3.45678 -2.5', convention: 'coordinateFrame', controlPoints: '' } as const;

describe('the parameter form', () => {
  it('reads the worker’s request from its refusal', () => {
    const read = importFiles(xianSquares('DLTB', [[40_450_000, 3_300_000]]));
    expect(!read.ok && requestOfMessage(read.error)).toEqual(REQUEST);
    expect(requestOfMessage({ key: 'io.crs.unsupported', params: {} })).toBeNull();
  });

  it('takes the planner’s convention unless the text states one, and refuses the other kind', () => {
    expect(evaluateDatumForm(REQUEST, input, 0.1).parameters).toMatchObject({ ok: true, value: { datum: 'xian1980', transformation: { convention: 'coordinateFrame' } } });
    expect(evaluateDatumForm(REQUEST, { ...input, text: `+towgs84=${input.text.replaceAll(' ', ',')}` }, 0.1).parameters).toMatchObject({ ok: true, value: { transformation: { convention: 'positionVector' } } });
    const four = evaluateDatumForm(REQUEST, { ...input, kind: 'fourParameter' }, 0.1).parameters;
    expect(!four.ok && four.error.key).toBe('io.ui.datumNotFour');
  });

  it('gives residuals for pasted control points, and the line of a bad one', () => {
    const residuals = evaluateDatumForm(REQUEST, { ...input, controlPoints: 'K1 3300000 40450000 3300000 40450000' }, 0.1).residuals;
    // Xian 1980 and CGCS2000 coordinates of one point differ by tens of metres in Zhejiang: flagged.
    expect(residuals?.ok && residuals.value.residuals[0]).toMatchObject({ name: 'K1', flagged: true });
    const bad = evaluateDatumForm(REQUEST, { ...input, controlPoints: 'K1 3300000' }, 0.1).residuals;
    expect(bad && !bad.ok && bad.error.key).toBe('io.datum.badControlPoint');
  });
});
