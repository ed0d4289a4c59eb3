/**
 * The layers a county's zip holds, found before reading: each Shapefile with its folder and shape type, a
 * table without shapes and a damaged member named with their reasons, sidecars not reported; files that are
 * one import (one layer, a package) go the single way.
 */
import { describe, expect, it } from 'vitest';
import { writeZip } from '../../io/zip/zip-write.ts';
import { listLayers } from './layer-list.ts';
import { countyMembers, damaged, samplePlan, strays } from './test-support.ts';

const plan = samplePlan();
const zipFile = (bytes: Uint8Array) => ({ name: '南湖村三调.zip', bytes });
const layersOf = (files: Parameters<typeof listLayers>[0]) => {
  const found = listLayers(files);
  if (found.kind !== 'layers') throw new Error('read as one import');
  return found;
};

describe('listLayers', () => {
  it('lists both layers of a county zip, with their folders and shape types, and the table without shapes', () => {
    const list = layersOf([zipFile(writeZip([...countyMembers(plan), ...strays()]))]);
    expect(list.layers.map((l) => [l.name, l.geometry, l.problem?.key ?? null])).toEqual([
      ['三调/DLTB.shp', 'Polygon', null],
      ['XZQ.shp', 'Polygon', null],
      ['权属单位.shp', null, 'io.ui.layerTableOnly'],
    ]);
    expect(list.layers[0]?.files.map((f) => f.name).sort()).toEqual(['南湖村三调.zip/三调/DLTB.dbf', '南湖村三调.zip/三调/DLTB.prj', '南湖村三调.zip/三调/DLTB.shp', '南湖村三调.zip/三调/DLTB.shx', '南湖村三调.zip/三调/DLTB.cpg'].sort());
    // Metadata, spatial indexes and ArcGIS's schema lock are no news; a Word file is.
    expect(list.ignored).toEqual(['说明.doc']);
  });

  it('names a damaged member and keeps the other layer', () => {
    const zip = damaged(writeZip(countyMembers(plan), 0), 'XZQ.dbf');
    const list = layersOf([zipFile(zip)]);
    expect(list.layers.map((l) => [l.name, l.problem?.key ?? null])).toEqual([
      ['三调/DLTB.shp', null],
      ['XZQ.shp', 'io.ui.layerDamaged'],
    ]);
    expect(list.layers[1]?.problem?.params).toMatchObject({ member: 'XZQ.dbf', detail: 'CRC mismatch' });
  });

  it('names a layer whose .shp is damaged, nothing of it left to read', () => {
    const list = layersOf([zipFile(damaged(writeZip(countyMembers(plan)), '三调/DLTB.shp'))]);
    expect(list.layers.find((l) => l.name === '三调/DLTB.shp')?.problem?.key).toBe('io.ui.layerDamaged');
  });

  it('leaves one layer, and loose files of one layer, to the single import', () => {
    const survey = countyMembers(plan).filter((f) => f.name.startsWith('三调/'));
    expect(listLayers([zipFile(writeZip(survey))])).toMatchObject({ kind: 'one' });
    expect(listLayers(survey)).toMatchObject({ kind: 'one' });
    // A damaged member of the only layer: the single import refuses it, as before.
    expect(listLayers([zipFile(damaged(writeZip(survey, 0), '三调/DLTB.dbf'))])).toMatchObject({ kind: 'one' });
  });

  it('lists loose files of two layers picked together', () => {
    expect(layersOf(countyMembers(plan)).layers.map((l) => l.name)).toEqual(['三调/DLTB.shp', 'XZQ.shp']);
  });

  it('opens zips inside the zip (one per layer, as counties hand them out, zipped again), naming a broken one', () => {
    const members = countyMembers(plan);
    const dltb = writeZip(members.filter((f) => f.name.startsWith('三调/')));
    const xzq = writeZip(members.filter((f) => f.name.startsWith('XZQ.')));
    const outer = writeZip([
      { name: '村级/DLTB.zip', bytes: dltb },
      { name: 'XZQ.zip', bytes: xzq },
      { name: '坏.zip', bytes: dltb.slice(0, 200) },
    ]);
    const list = layersOf([zipFile(outer)]);
    expect(list.layers.map((l) => [l.name, l.geometry, l.problem?.key ?? null])).toEqual([
      ['村级/DLTB.zip/三调/DLTB.shp', 'Polygon', null],
      ['XZQ.zip/XZQ.shp', 'Polygon', null],
      ['坏.zip', null, 'io.zip.broken'],
    ]);
    // One layer in a zip inside the zip: listed, since the single import does not open nested zips.
    expect(layersOf([zipFile(writeZip([{ name: 'DLTB.zip', bytes: dltb }]))]).layers.map((l) => l.name)).toEqual(['DLTB.zip/三调/DLTB.shp']);
  });

  it('names a File Geodatabase in the zip once, with how to export it, instead of listing its tables as ignored files', () => {
    const tables = ['a00000001.gdbtable', 'a00000001.gdbtablx', 'a00000004.spx', 'gdb', 'timestamps'].map((name) => ({ name: `成果/村庄规划数据库.gdb/${name}`, bytes: new Uint8Array([1]) }));
    const survey = countyMembers(plan).filter((f) => f.name.startsWith('三调/'));
    const list = layersOf([zipFile(writeZip([...survey, ...tables]))]);
    expect(list.layers.map((l) => [l.name, l.problem?.key ?? null])).toEqual([
      ['三调/DLTB.shp', null],
      ['成果/村庄规划数据库.gdb', 'io.ui.layerGeodatabase'],
    ]);
    expect(list.ignored).toEqual([]);
    // The database alone: its row, not "nothing to import".
    expect(layersOf([zipFile(writeZip(tables))]).layers.map((l) => l.name)).toEqual(['成果/村庄规划数据库.gdb']);
  });

  it('keeps the zip in the names when several zips hold layers of the same name', () => {
    const survey = writeZip(countyMembers(plan).filter((f) => f.name.startsWith('三调/')));
    const list = layersOf([
      { name: '东村.zip', bytes: survey },
      { name: '西村.zip', bytes: survey },
    ]);
    expect(list.layers.map((l) => l.name)).toEqual(['东村.zip/三调/DLTB.shp', '西村.zip/三调/DLTB.shp']);
  });

  it('names a damaged readme (.txt, no 界址点 file to be seen) among the ignored files, not as a damaged layer', () => {
    const readme = { name: '说明.txt', bytes: new TextEncoder().encode('三调成果说明：本数据由县自然资源局提供。'.repeat(20)) };
    const list = layersOf([zipFile(damaged(writeZip([...countyMembers(plan), readme], 0), '说明.txt'))]);
    expect(list.layers.map((l) => [l.name, l.problem?.key ?? null])).toEqual([
      ['三调/DLTB.shp', null],
      ['XZQ.shp', null],
    ]);
    expect(list.ignored).toEqual(['说明.txt']);
    // With one layer beside it, the layer is listed: the single import would refuse the whole zip for the readme.
    const one = layersOf([zipFile(damaged(writeZip([...countyMembers(plan).filter((f) => f.name.startsWith('三调/')), readme], 0), '说明.txt'))]);
    expect(one.layers.map((l) => [l.name, l.problem?.key ?? null])).toEqual([['三调/DLTB.shp', null]]);
    expect(one.ignored).toEqual(['说明.txt']);
  });

  it('names the loose layers picked with a drawing or a delivery package, which their single import leaves out', () => {
    const members = countyMembers(plan);
    const xzq = members.filter((f) => f.name.startsWith('XZQ.'));
    const drawing = { name: '规划图.dxf', bytes: new TextEncoder().encode('0\nSECTION\n2\nENTITIES\n0\nENDSEC\n0\nEOF\n') };
    expect(listLayers([drawing, ...xzq])).toMatchObject({ kind: 'one', notImported: ['XZQ.shp'] });
    expect(listLayers([drawing])).toMatchObject({ kind: 'one', notImported: [] });
    // A package (JQDLTB and XZQ) zipped, and the county's DLTB picked loose beside it.
    // The package's manifest and field lists are .json too: the package's, not loose layers.
    const manifest = ['5.电子数据说明/manifest.json', '字段结构.json'].map((name) => ({ name, bytes: new TextEncoder().encode('{}') }));
    const pkg = writeZip([...members.map((f) => ({ name: f.name.replace('三调/DLTB', 'JQDLTB'), bytes: f.bytes })), ...manifest]);
    const dltb = members.filter((f) => f.name.startsWith('三调/'));
    expect(listLayers([{ name: '成果包.zip', bytes: pkg }, ...dltb])).toMatchObject({ kind: 'one', notImported: ['三调/DLTB.shp'] });
    expect(listLayers([{ name: '成果包.zip', bytes: pkg }])).toMatchObject({ kind: 'one', notImported: [] });
    // Both in one zip, the package zipped again inside it: the zip's own name is left out, as in the rows.
    expect(listLayers([zipFile(writeZip([{ name: '成果包.zip', bytes: pkg }, ...dltb]))])).toMatchObject({ kind: 'one', notImported: ['三调/DLTB.shp'] });
  });

  it('hands a delivery package zipped inside the zip to the single import as its members', () => {
    const members = countyMembers(plan).map((f) => ({ name: f.name.replace('三调/DLTB', 'JQDLTB'), bytes: f.bytes }));
    const found = listLayers([zipFile(writeZip([{ name: '成果包.zip', bytes: writeZip(members) }]))]);
    expect(found.kind === 'one' && found.files.map((f) => f.name).filter((n) => n.endsWith('.shp'))).toEqual(['南湖村三调.zip/成果包.zip/JQDLTB.shp', '南湖村三调.zip/成果包.zip/XZQ.shp']);
  });
});

