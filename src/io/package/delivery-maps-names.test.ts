/**
 * The JPGs of `4.图像文件/` are named after the village: a name holding a path separator or a character a
 * Windows file name cannot hold still gives one file in that folder, never a folder of its own.
 */
import { describe, expect, it } from 'vitest';
import { nodePrintFonts } from '../../cli/print-fonts.ts';
import { RuleEngine } from '../../rules/engine.ts';
import { english } from '../test-support.ts';
import { samplePlan, zhT } from './delivery-test-support.ts';
import { DELIVERY_FOLDERS, writeDelivery } from './write-delivery.ts';

const maps = { fonts: nodePrintFonts(), date: '2026-12-05', dpi: 10 };

describe('the package’s map file names', { timeout: 120_000 }, () => {
  it('a village named 上庄/下庄村:? gets 上庄_下庄村__土地利用现状图.jpg, in 4.图像文件/ itself', async () => {
    const sample = samplePlan();
    const plan = { ...sample, meta: { ...sample.meta, villageName: '上庄/下庄村:?' } };
    const written = await writeDelivery(new RuleEngine(plan).checkState, { t: zhT, maps });
    if (!written.ok) throw new Error(english(written.error));
    const images = written.value.files.map((f) => f.name).filter((name) => name.startsWith(`${DELIVERY_FOLDERS.images}/`) && name.endsWith('.jpg'));
    expect(images.sort()).toEqual([`${DELIVERY_FOLDERS.images}/上庄_下庄村__土地利用现状图.jpg`, `${DELIVERY_FOLDERS.images}/上庄_下庄村__土地利用规划图.jpg`].sort());
  });
});
