import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodingFromCpg, encodingFromLanguageDriver } from './code-pages.ts';
import { detectEncoding, mostlyUtf8 } from './detect-encoding.ts';
import { encodeText } from './encode-text.ts';

describe('.cpg and language driver', () => {
  it.each([
    ['ANSI 936', 'gbk'],
    ['936', 'gbk'],
    ['GBK', 'gbk'],
    ['GB18030', 'gb18030'],
    ['UTF-8', 'utf-8'],
    ['utf8', 'utf-8'],
    ['65001', 'utf-8'],
    ['ANSI 1250', 'windows-1250'],
    ['1251', 'windows-1251'],
    ['Windows-1251\n', 'windows-1251'],
    ['\uFEFFCP950', 'big5'],
  ])('%j → %s', (cpg, encoding) => {
    expect(encodingFromCpg(cpg)).toBe(encoding);
  });

  it('names nothing for an HTML page or an unknown code page', () => {
    expect(encodingFromCpg('<!DOCTYPE html><html>')).toBeUndefined();
    expect(encodingFromCpg('437')).toBeUndefined();
    expect(encodingFromCpg('')).toBeUndefined();
  });

  it('reads ArcGIS language drivers; 0x57 ("system ANSI") says nothing', () => {
    expect(encodingFromLanguageDriver(0x4d)).toBe('gbk');
    expect(encodingFromLanguageDriver(0x57)).toBeUndefined();
    expect(encodingFromLanguageDriver(0)).toBeUndefined();
  });
});

describe('detectEncoding', () => {
  const gbk = (text: string) => iconv.encode(text, 'gbk');
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it('tells GBK from UTF-8 by the bytes', () => {
    expect(detectEncoding([gbk('沈家埭村第四村民小组'), gbk('旱地')])).toEqual({ encoding: 'gbk', confidence: 'high' });
    expect(detectEncoding([utf8('沈家埭村第四村民小组'), utf8('旱地')])).toEqual({ encoding: 'utf-8', confidence: 'high' });
    expect(detectEncoding([utf8('0103'), utf8('BSM')])).toEqual({ encoding: 'ascii', confidence: 'high' });
  });

  it('takes a UTF-8 field name cut in the middle of a character at 10 bytes (GDAL, QGIS) as UTF-8, only where the text fills its space', () => {
    // 地类名称代码 in UTF-8 is 18 bytes; GDAL keeps 10: 地类名 and the first byte of 称.
    const cut = utf8('地类名称代码').subarray(0, 10);
    const values = [utf8('杭州市西湖区转塘街道长埭村'), utf8('水田')];
    expect(detectEncoding([{ bytes: cut, filled: true }, ...values])).toEqual({ encoding: 'utf-8', confidence: 'high' });
    expect(detectEncoding([cut, ...values]).encoding).toBe('gbk');
    // Not any broken end: a continuation byte too many, or a cut inside the text, is no cut character.
    expect(detectEncoding([{ bytes: new Uint8Array([...utf8('地类'), 0x80]), filled: true }, ...values]).encoding).toBe('gbk');
    expect(detectEncoding([{ bytes: new Uint8Array([...cut, ...utf8('代码')]), filled: true }, ...values]).encoding).toBe('gbk');
  });

  it('keeps GBK text cut after a lead byte GBK, with high confidence', () => {
    const cut = gbk('沈家埭村第四村民小组').subarray(0, 9);
    expect(detectEncoding([{ bytes: cut, filled: true }, gbk('旱地')])).toEqual({ encoding: 'gbk', confidence: 'high' });
    expect(detectEncoding([cut, gbk('旱地')])).toEqual({ encoding: 'gbk', confidence: 'low' });
  });
});

describe('mostlyUtf8', () => {
  it('tells UTF-8 text with one broken byte from GBK text', () => {
    const utf8Text = new TextEncoder().encode('{"DLMC":"旱地","QSDWMC":"沈家埭村第四村民小组","B":"林地","C":"水田"}');
    const broken = new Uint8Array([...utf8Text.subarray(0, 10), 0xe7, ...utf8Text.subarray(10)]);
    expect(mostlyUtf8(broken)).toBe(true);
    expect(mostlyUtf8(iconv.encode('{"DLMC":"旱地","QSDWMC":"沈家埭村第四村民小组","B":"林地","C":"水田"}', 'gbk'))).toBe(false);
    expect(mostlyUtf8(new TextEncoder().encode('{"DLBM":"0103"}'))).toBe(false);
  });
});

describe('encodeText', () => {
  it('writes GBK exactly as iconv-lite does, for every double-byte GBK character', () => {
    const chars: string[] = [];
    const decoder = new TextDecoder('gbk', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        try {
          const char = decoder.decode(new Uint8Array([lead, trail]));
          // Node's ICU maps 80 rare codes (€, ideographic description characters) to the Private Use
          // Area where browsers and iconv-lite follow GB18030; either way they round-trip through
          // the same runtime's decoder, which is what the export needs.
          if (!/[\uE000-\uF8FF]/.test(char)) chars.push(char);
        } catch {
          // not a character
        }
      }
    }
    const text = chars.join('');
    const ours = encodeText(text, 'gbk');
    expect(ours.unencodable).toBe('');
    expect(chars.length).toBeGreaterThan(21_000);
    expect(Buffer.from(ours.bytes).equals(iconv.encode(text, 'gbk'))).toBe(true);
  });

  it('writes the euro sign as the single byte 0x80, as code page 936 and the GBK decoder read it', () => {
    const written = encodeText('单价€5', 'gbk');
    expect(written.unencodable).toBe('');
    expect(new TextDecoder('gbk').decode(written.bytes)).toBe('单价€5');
    expect(Buffer.from(written.bytes).equals(iconv.encode('单价€5', 'cp936'))).toBe(true);
  });

  it('reports characters GBK cannot hold and writes ? for them', () => {
    const result = encodeText('村𠀀道😀', 'gbk');
    expect(result.unencodable).toBe('𠀀😀');
    expect(new TextDecoder('gbk').decode(result.bytes)).toBe('村?道?');
    expect(encodeText('村𠀀', 'utf-8').unencodable).toBe('');
  });
});
