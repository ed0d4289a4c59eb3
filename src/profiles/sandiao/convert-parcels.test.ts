import { describe, expect, it } from 'vitest';
import { checkDecisions, convertSurveyParcels, type SummaryLine, type SurveyParcel } from './convert-parcels.ts';

const parcel = (id: string, dlbm: string, areaM2: number, dlmc?: string): SurveyParcel => ({ id, dlbm, areaM2, ...(dlmc === undefined ? {} : { dlmc }) });

const lineOf = (summary: readonly SummaryLine[], kind: SummaryLine['kind'], from: string) => summary.find((l) => l.kind === kind && l.from === from);

describe('convertSurveyParcels', () => {
  it('converts 三调 0702 to 0703 and says the code would have meant 城镇社区服务设施用地', () => {
    const { parcels, summary } = convertSurveyParcels([parcel('a', '0702', 300, '农村宅基地'), parcel('b', '0702', 200)]);
    expect(parcels.map((p) => [p.code, p.status])).toEqual([
      ['0703', 'mapped'],
      ['0703', 'mapped'],
    ]);
    expect(summary).toEqual([{ kind: 'mapped', from: '0702', fromName: '农村宅基地', to: '0703', collidesWith: '0702', count: 2, areaM2: 500 }]);
  });

  it('names no collision where the code keeps its meaning', () => {
    const { summary } = convertSurveyParcels([parcel('a', '0101', 10), parcel('b', '0305', 5)]);
    expect(summary.map((l) => (l.kind === 'mapped' ? [l.from, l.to, l.collidesWith] : l.kind))).toEqual([
      ['0101', '0101', null],
      ['0305', '0303', null],
    ]);
  });

  it('counts an undecided 1006 as 06, flags it and reports its candidates and area', () => {
    const { parcels, summary } = convertSurveyParcels([parcel('r1', '1006', 40), parcel('r2', '1006', 60)]);
    expect(parcels.map((p) => [p.code, p.status])).toEqual([
      ['06', 'undecided'],
      ['06', 'undecided'],
    ]);
    expect(summary).toEqual([{ kind: 'refine-undecided', from: '1006', fromName: '农村道路', fallback: '06', candidates: ['060101', '060102'], collidesWith: null, count: 2, areaM2: 100 }]);
  });

  it('counts a decided 1006 as the chosen candidate', () => {
    const { parcels, summary, invalidDecisions } = convertSurveyParcels([parcel('r1', '1006', 40)], { '1006': '060101' });
    expect(parcels[0]).toMatchObject({ code: '060101', status: 'decided' });
    expect(lineOf(summary, 'refine-decided', '1006')).toMatchObject({ to: '060101', candidates: ['060101', '060102'], count: 1, areaM2: 40 });
    expect(invalidDecisions).toEqual([]);
  });

  it('settles a K code through the row it refines', () => {
    const { parcels } = convertSurveyParcels([parcel('k', '0204K', 10), parcel('g', '0204', 5)], { '0204': '0205' });
    expect(parcels.map((p) => [p.code, p.status, p.adjustable])).toEqual([
      ['0205', 'decided', true],
      ['0205', 'decided', false],
    ]);
  });

  it('names a valid decision no parcel needed', () => {
    const { unusedDecisions } = convertSurveyParcels([parcel('k', '0204K', 10)], { '0204': '0205', '1005': '1209' });
    expect(unusedDecisions).toEqual(['1005']);
  });

  it('takes a finer code of a 1:1 target as a decision: 三调 0702 → 070301, where the table has no 0703 row', () => {
    const { parcels, summary, invalidDecisions } = convertSurveyParcels([parcel('a', '0702', 300), parcel('b', '0702', 200)], { '0702': '070301' });
    expect(invalidDecisions).toEqual([]);
    expect(parcels.map((p) => [p.code, p.status])).toEqual([['070301', 'decided'], ['070301', 'decided']]);
    expect(summary).toEqual([{ kind: 'refine-decided', from: '0702', fromName: '农村宅基地', to: '070301', candidates: ['070301', '070302'], collidesWith: '0702', count: 2, areaM2: 500 }]);
  });

  it('reports an invalid decision and ignores it', () => {
    const { parcels, invalidDecisions } = convertSurveyParcels([parcel('r1', '1006', 40)], { '1006': '1207', '0101': '0102', '0702': '0702', '9999': '01' });
    expect(parcels[0]).toMatchObject({ code: '06', status: 'undecided' });
    expect(invalidDecisions).toEqual([
      { reason: 'notRefine', from: '0101', to: '0102', mappedTo: '0101' },
      { reason: 'notCandidate', from: '0702', to: '0702', candidates: ['070301', '070302'] },
      { reason: 'notCandidate', from: '1006', to: '1207', candidates: ['060101', '060102'] },
      { reason: 'unknownCode', from: '9999', to: '01' },
    ]);
  });

  it('reports an unknown code with its parcels and area, counted as no class', () => {
    const { parcels, summary } = convertSurveyParcels([parcel('x1', '0199', 12.5), parcel('x2', ' 0199 ', 7.5), parcel('e', '', 1)]);
    expect(parcels.every((p) => p.code === null && p.status === 'unknown')).toBe(true);
    expect(summary).toEqual([
      { kind: 'unknown', from: '', ids: ['e'], count: 1, areaM2: 1 },
      { kind: 'unknown', from: '0199', ids: ['x1', 'x2'], count: 2, areaM2: 20 },
    ]);
  });

  it('lists a DLMC naming another class beside the code line that counts it', () => {
    const { summary } = convertSurveyParcels([parcel('a', '0702', 30, '城镇社区服务设施用地'), parcel('b', '0702', 20, '农村宅基地')]);
    expect(lineOf(summary, 'mapped', '0702')).toMatchObject({ count: 2, areaM2: 50 });
    expect(lineOf(summary, 'name-mismatch', '0702')).toEqual({ kind: 'name-mismatch', from: '0702', expected: '农村宅基地', given: '城镇社区服务设施用地', count: 1, areaM2: 30 });
  });
});

describe('checkDecisions', () => {
  it('reads codes as a user may type them', () => {
    expect([...checkDecisions({ ' 1006 ': ' 060102 ', '0204k': '0204' }).valid]).toEqual([
      ['0204', '0204'],
      ['1006', '060102'],
    ]);
  });
});
