import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../limits.ts';
import { encodeText } from '../text/encode-text.ts';
import { english, fixtureFiles } from '../test-support.ts';
import { rawZip } from './raw-zip-test-support.ts';
import { importFiles } from '../formats/index.ts';
import { listZip, readZip } from './zip-read.ts';
import { writeZip } from './zip-write.ts';

const bytes = (text: string) => new TextEncoder().encode(text);


/** 村界 in GBK, as Chinese Windows' "send to compressed folder" writes it. */
const GBK_NAME = new Uint8Array([0xb4, 0xe5, 0xbd, 0xe7, 0x2e, 0x73, 0x68, 0x70]);

describe('readZip', () => {
  it('reads what writeZip wrote, Chinese folder names included', () => {
    const zip = writeZip([
      { name: '基期/DLTB.shp', bytes: bytes('shape') },
      { name: '基期/DLTB.dbf', bytes: bytes('table') },
    ]);
    const read = readZip({ name: 'a.zip', bytes: zip });
    expect(read.ok && read.value.files.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([
      ['a.zip/基期/DLTB.shp', 'shape'],
      ['a.zip/基期/DLTB.dbf', 'table'],
    ]);
  });

  it('reads a short GBK name that is valid UTF-8 by chance as GBK (水系, not ˮϵ), and GBK under a wrong UTF-8 flag', () => {
    const gbkBytes = (text: string) => encodeText(text, 'gbk').bytes;
    const zip = rawZip([
      { nameBytes: gbkBytes('水系.shp'), data: bytes('a'), utf8Flag: false },
      { nameBytes: gbkBytes('隆隆.shp'), data: bytes('a'), utf8Flag: false },
      { nameBytes: gbkBytes('界.dbf'), data: bytes('b'), utf8Flag: true },
      { nameBytes: bytes('中文·说明.prj'), data: bytes('c'), utf8Flag: false },
    ]);
    const listed = listZip({ name: 'z.zip', bytes: zip });
    expect(listed.ok && listed.value.map((e) => e.path)).toEqual(['水系.shp', '隆隆.shp', '界.dbf', '中文·说明.prj']);
  });

  it('writes the same bytes for the same content (fixed times), so manifests hash the same', () => {
    const files = [{ name: 'x.txt', bytes: bytes('x') }];
    expect(writeZip(files)).toEqual(writeZip(files));
  });

  it('decodes names without the UTF-8 flag as GBK, and UTF-8 ones by the flag', () => {
    const zip = rawZip([
      { nameBytes: GBK_NAME, data: bytes('a'), utf8Flag: false },
      { nameBytes: bytes('道路.dbf'), data: bytes('b'), utf8Flag: true },
      { nameBytes: bytes('水系.shx'), data: bytes('c'), utf8Flag: false },
    ]);
    const listed = listZip({ name: 'z.zip', bytes: zip });
    expect(listed.ok && listed.value.map((e) => e.path)).toEqual(['村界.shp', '道路.dbf', '水系.shx']);
  });

  it('reads sub-folders and upper-case extensions (shapefile-js fixtures)', () => {
    const [folder] = fixtureFiles('third-party/shapefile-js', 'T8Th4_6n.zip');
    const inFolder = readZip(folder!);
    expect(inFolder.ok && inFolder.value.files.map((f) => f.name)).toContain('T8Th4_6n.zip/export/POLYLINE.shp');
    const [mixed] = fixtureFiles('third-party/shapefile-js', 'mixedcase.zip');
    const upper = readZip(mixed!, { wanted: (path) => !path.endsWith('.xml') });
    expect(upper.ok && upper.value.files.map((f) => f.name)).toContain('mixedcase.zip/senate.DBF');
    expect(upper.ok && upper.value.skipped).toEqual(['senate.shp.xml']);
  });

  it('refuses a zip bomb by its declared sizes before inflating anything', () => {
    // 64 MiB of zeros deflate to ~64 KB: a ratio of ~1000:1.
    const zeros = new Uint8Array(64 * 1024 * 1024);
    const bomb = zipSync({ 'big.dbf': zeros });
    const read = readZip({ name: 'bomb.zip', bytes: bomb });
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.error.key).toBe('io.zip.bomb');
      expect(english(read.error)).toContain('big.dbf');
      expect(english(read.error)).toContain('bomb.zip');
    }
  });

  it('refuses a zip whose declared total is over the limit, and one that lies about its size', () => {
    const liar = rawZip([{ nameBytes: bytes('a.shp'), data: new Uint8Array(1000), utf8Flag: false, declaredSize: 3_000_000_000, deflate: true }]);
    const read = readZip({ name: 'liar.zip', bytes: liar });
    expect(!read.ok && read.error.key).toBe('io.zip.bomb');
    const small = { ...DEFAULT_LIMITS, maxTotalBytes: 1500 };
    const two = rawZip([
      { nameBytes: bytes('a.shp'), data: new Uint8Array(1000), utf8Flag: false },
      { nameBytes: bytes('a.dbf'), data: new Uint8Array(1000), utf8Flag: false },
    ]);
    const total = readZip({ name: 'two.zip', bytes: two }, { limits: small });
    expect(!total.ok && total.error.key).toBe('io.zip.bombTotal');
    // A header claiming less than the data holds: the CRC check after inflating catches it.
    const short = rawZip([{ nameBytes: bytes('a.shp'), data: new Uint8Array(5000).fill(7), utf8Flag: false, declaredSize: 100, deflate: true }]);
    const cut = readZip({ name: 'short.zip', bytes: short });
    expect(!cut.ok && cut.error.key).toBe('io.zip.brokenMember');
  });

  it('refuses a broken zip clearly: cut short, or a member damaged', () => {
    const zip = writeZip([{ name: 'a.shp', bytes: new Uint8Array(10_000).map((_, i) => i % 251) }]);
    const cut = readZip({ name: 'cut.zip', bytes: zip.subarray(0, zip.length - 30) });
    expect(!cut.ok && cut.error.key).toBe('io.zip.broken');
    const damaged = zip.slice();
    damaged[60] = (damaged[60] as number) ^ 0xff;
    const bad = readZip({ name: 'bad.zip', bytes: damaged });
    expect(!bad.ok && bad.error.key).toBe('io.zip.brokenMember');
    if (!bad.ok) expect(english(bad.error)).toMatch(/a\.shp.*bad\.zip/);
    const notZip = readZip({ name: 'page.zip', bytes: bytes('<html>not found</html>') });
    expect(!notZip.ok && notZip.error.key).toBe('io.zip.broken');
  });

  it('says that a zip inside the zip is not opened, naming both, when the outer zip has nothing else to import', () => {
    const inner = writeZip([{ name: '3.规划图形数据/JQDLTB.geojson', bytes: bytes('{"type":"FeatureCollection","features":[]}') }]);
    const outer = writeZip([{ name: '沈家埭村/成果.zip', bytes: inner }, { name: '沈家埭村/说明.txt', bytes: bytes('见成果.zip') }]);
    const read = importFiles([{ name: '村.zip', bytes: outer }]);
    expect(read.ok ? null : read.error).toEqual({ key: 'io.zip.zipInZip', params: { file: '村.zip', inner: '成果.zip' } });
    expect(read.ok ? '' : english(read.error)).toBe('村.zip has no layer to read, only the zip 成果.zip inside it, and a zip inside a zip is not opened: unzip 村.zip first, then choose 成果.zip.');
  });

  it('ignores macOS resource forks and folder entries', () => {
    const zip = writeZip([
      { name: '__MACOSX/._a.shp', bytes: bytes('x') },
      { name: 'a.shp', bytes: bytes('y') },
      // A Mac zip unpacked on Windows and its folder zipped again: the resource forks one level down.
      { name: '村/__MACOSX/村/._b.dbf', bytes: bytes('x') },
      { name: '村/.DS_Store', bytes: bytes('x') },
      { name: '村/Thumbs.db', bytes: bytes('x') },
    ]);
    const read = readZip({ name: 'mac.zip', bytes: zip });
    expect(read.ok && read.value.files.map((f) => f.name)).toEqual(['mac.zip/a.shp']);
    expect(read.ok && read.value.skipped).toEqual([]);
  });

  it('goes on past a damaged member when asked, naming it, and refuses the zip otherwise', () => {
    const good = bytes('good');
    const zip = rawZip([
      { nameBytes: bytes('XZQ.dbf'), data: bytes('damaged'), utf8Flag: false, declaredSize: 3 },
      { nameBytes: bytes('DLTB.shp'), data: good, utf8Flag: false },
    ]);
    expect(readZip({ name: 'a.zip', bytes: zip })).toMatchObject({ ok: false, error: { key: 'io.zip.brokenMember' } });
    const read = readZip({ name: 'a.zip', bytes: zip }, { skipDamaged: true });
    expect(read.ok && read.value.files.map((f) => f.name)).toEqual(['a.zip/DLTB.shp']);
    expect(read.ok && read.value.damaged).toEqual([{ path: 'XZQ.dbf', problem: { key: 'io.zip.brokenMember', params: expect.objectContaining({ member: 'XZQ.dbf' }) } }]);
  });
});
