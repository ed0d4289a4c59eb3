/**
 * Two packages read as one (see two-packages.ts): the earlier export, which still has a 整备区 (JBNTZBQ),
 * zipped or dropped beside the new one, which has none. The readers took each layer's first file: the
 * old package's when it came first, or the new package's layers with the old one's 整备区.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputFile } from '../files.ts';
import { feature, village, withFeatures } from '../../rules/test-support.ts';
import { deliver } from './delivery-test-support.ts';
import { readPackageFiles } from './read-files.ts';
import { readPackageFolder } from './read-folder.ts';

describe('files holding two packages', async () => {
  const { plan, g } = village({ w: 4, h: 3 });
  const old = await deliver(withFeatures(plan, feature('reserve', 'r', g.block(0, 0, 1, 1), { kind: 'nearPbf' })));
  const current = await deliver(plan);
  const under = (folder: string, files: readonly InputFile[]) => files.map((f) => ({ name: `${folder}/${f.name}`, bytes: f.bytes }));
  // The new package first and the old one's JBNTZBQ after it: read as one, the plan got the deleted 整备区 back.
  const both = [...under('成果', current.files), ...under('成果-旧', old.files)];

  it('are refused by the editor’s reader, naming both folders', () => {
    expect(readPackageFiles(both)).toMatchObject({ ok: false, error: { key: 'package.twoPackages', params: { first: expect.stringMatching(/^成果\/3\./), second: expect.stringMatching(/^成果-旧\/3\./) } } });
  });

  it('are refused by the command line’s folder reader', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vp-two-packages-'));
    for (const file of both) {
      mkdirSync(dirname(join(dir, file.name)), { recursive: true });
      writeFileSync(join(dir, file.name), file.bytes);
    }
    const read = readPackageFolder(dir);
    expect(read).toMatchObject({ ok: false, error: { key: 'package.twoPackages', params: { first: expect.stringMatching(/成果\/3\./), second: expect.stringMatching(/成果-旧\/3\./) } } });
  });

  it('leave one package, with its GeoJSON and Shapefile copies in sibling folders, read as before', () => {
    const read = readPackageFiles(under('成果', current.files));
    expect(read?.ok && Object.keys(read.value.plan.layers.reserve)).toEqual([]);
  });
});
