import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import { nodePrintFonts } from '../../cli/print-fonts.ts';
import { emptyPlan } from '../../domain/plan.ts';
import { createI18n } from '../../i18n/index.ts';
import { RuleEngine } from '../../rules/engine.ts';
import { renderMessage } from '../../rules/render.ts';
import { computeTables } from '../../rules/tables/index.ts';
import { PAPER_SIZES } from '../../print/paper.ts';
import { fittingSheet } from '../../print/compose.ts';
import { english } from '../test-support.ts';
import { samplePlan, zhT } from './delivery-test-support.ts';
import { deliveryMapFiles } from './delivery-maps.ts';
import { DELIVERY_FOLDERS, writeDelivery } from './write-delivery.ts';

/** Low resolution keeps the test quick; the sheet's size in pixels still follows from paper and dpi. */
const DPI = 20;
const maps = { fonts: nodePrintFonts(), date: '2026-12-05', dpi: DPI };

describe('the package’s 4.图像文件/', { timeout: 120_000 }, () => {
  it('holds the 现状图 and 规划图 JPGs of the sheet that fits the village, and no note asking for them', async () => {
    const plan = samplePlan();
    const written = await writeDelivery(new RuleEngine(plan).checkState, { t: zhT, maps });
    if (!written.ok) throw new Error(english(written.error));
    const images = written.value.files.filter((f) => f.name.startsWith(`${DELIVERY_FOLDERS.images}/`));
    expect(images.map((f) => f.name).sort()).toEqual([`${DELIVERY_FOLDERS.images}/沈家埭村土地利用现状图.jpg`, `${DELIVERY_FOLDERS.images}/沈家埭村土地利用规划图.jpg`].sort());
    const { paper } = fittingSheet(plan);
    const [widthMm, heightMm] = PAPER_SIZES[paper];
    const expected = [Math.round((widthMm / 25.4) * DPI), Math.round((heightMm / 25.4) * DPI)].sort((a, b) => a - b);
    for (const image of images) {
      const decoded = jpeg.decode(image.bytes, { useTArray: true });
      expect([decoded.width, decoded.height].sort((a, b) => a - b)).toEqual(expected);
      // A map, not a blank sheet: many pixels are neither white nor black.
      let coloured = 0;
      for (let i = 0; i < decoded.data.length; i += 4 * 7) if (Math.max(decoded.data[i]!, decoded.data[i + 1]!, decoded.data[i + 2]!) - Math.min(decoded.data[i]!, decoded.data[i + 1]!, decoded.data[i + 2]!) > 40) coloured++;
      expect(coloured).toBeGreaterThan(decoded.data.length / 4 / 7 / 20);
    }
    // Listed with a checksum in the manifest like every other file.
    for (const image of images) expect(written.value.manifest.files.some((f) => f.path === image.name && /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
  });

  it.skipIf(skipWithoutGdal('gdalinfo'))('GDAL reads each JPG at the size the sheet has', async () => {
    const plan = samplePlan();
    const written = await writeDelivery(new RuleEngine(plan).checkState, { t: zhT, maps });
    if (!written.ok) throw new Error(english(written.error));
    const dir = mkdtempSync(join(tmpdir(), 'package-maps-'));
    try {
      for (const image of written.value.files.filter((f) => f.name.endsWith('.jpg'))) {
        const path = join(dir, 'map.jpg');
        writeFileSync(path, image.bytes);
        const info = gdal('gdalinfo', [path]);
        expect(info).toMatch(/Driver: JPEG/);
        const decoded = jpeg.decode(image.bytes);
        expect(info).toContain(`Size is ${decoded.width}, ${decoded.height}`);
        expect(info).toMatch(/Band 3/);
      }
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('records the resolution the sheet was drawn at, so it prints at the scale it states', async () => {
    const written = await writeDelivery(new RuleEngine(samplePlan()).checkState, { t: zhT, maps });
    if (!written.ok) throw new Error(english(written.error));
    for (const image of written.value.files.filter((f) => f.name.endsWith('.jpg'))) {
      // The JFIF header right after the start of the image (JFIF 1.02 §B.2.1): units 1 = dots per inch.
      const header = new DataView(image.bytes.buffer, image.bytes.byteOffset, 20);
      expect(header.getUint16(2)).toBe(0xffe0);
      expect(new TextDecoder().decode(image.bytes.subarray(6, 11))).toBe('JFIF\0');
      expect({ units: header.getUint8(13), x: header.getUint16(14), y: header.getUint16(16) }).toEqual({ units: 1, x: DPI, y: DPI });
      // Still a JPG every reader opens.
      expect(jpeg.decode(image.bytes, { useTArray: true }).width).toBeGreaterThan(0);
    }
  });

  it('says once which characters of the village’s name the print font lacks, as the print dialog does', async () => {
    const sample = samplePlan();
    const plan = { ...sample, meta: { ...sample.meta, villageName: '大嶴溇村' } };
    const made = await deliveryMapFiles(plan, computeTables(new RuleEngine(plan).checkState).F1, maps, zhT, DELIVERY_FOLDERS.images);
    expect(made.files).toHaveLength(2);
    expect(made.notes).toEqual([{ key: 'print.missingGlyphs', params: { chars: '嶴 溇' } }]);
  });

  it('says why when a map cannot be made', async () => {
    const made = await deliveryMapFiles(emptyPlan(), computeTables(new RuleEngine(samplePlan()).checkState).F1, maps, zhT, DELIVERY_FOLDERS.images);
    expect(made.files).toEqual([]);
    const en = createI18n('en');
    const said = made.notes.map((note) => renderMessage((key, params) => en.t(key, params ?? {}), note));
    expect(said).toEqual([
      'Could not make “: land use today” (4.图像文件): The plan has no boundary or parcels to print.',
      'Could not make “: land-use plan” (4.图像文件): The plan has no boundary or parcels to print.',
    ]);
  });
});
