/**
 * Text encodings of Shapefile DBFs: the `.cpg` file, the DBF's language-driver byte, and the names the
 * WHATWG TextDecoder knows (the same decoders in browsers, workers and Node with full ICU).
 */

/** Windows code page numbers as `.cpg` files and ArcGIS write them (`936`, `ANSI 936`, `CP936`, `65001`). */
const CODE_PAGES: Readonly<Record<string, string>> = {
  '936': 'gbk',
  '54936': 'gb18030',
  '950': 'big5',
  '932': 'shift_jis',
  '949': 'euc-kr',
  '874': 'windows-874',
  '866': 'ibm866',
  '65001': 'utf-8',
  '28591': 'iso-8859-1',
  '20936': 'gb2312',
};
for (let page = 1250; page <= 1258; page++) (CODE_PAGES as Record<string, string>)[String(page)] = `windows-${page}`;

/**
 * The DBF header's language driver id (byte 29), as ArcGIS and GDAL write it when there is no `.cpg`.
 * 0x57 means "the writer's ANSI code page", which says nothing, so it is not listed.
 */
const LANGUAGE_DRIVERS: Readonly<Record<number, string>> = {
  0x4d: 'gbk',
  0x7a: 'gbk',
  0x4e: 'euc-kr',
  0x4f: 'big5',
  0x78: 'big5',
  0x13: 'shift_jis',
  0x7b: 'shift_jis',
  0x03: 'windows-1252',
  0x57: '',
  0xc8: 'windows-1250',
  0xc9: 'windows-1251',
  0x26: 'ibm866',
};

/**
 * The decoder label for a `.cpg` text or a DXF's `$DWGCODEPAGE` (`ANSI_936`, `DOS936`, `UTF8`), or
 * undefined when the text names nothing we can decode.
 */
export function encodingFromCpg(text: string): string | undefined {
  const cleaned = text.replace(/^\uFEFF/, '').trim();
  // A real .cpg is one short line; an HTML page saved under that name is not.
  if (cleaned.length === 0 || cleaned.length > 40 || /[<>\n]/.test(cleaned)) return undefined;
  const lower = cleaned.toLowerCase();
  const page = /^(?:ansi|cp|windows|oem|ms|dos)?[\s_-]*(\d{3,5})$/.exec(lower);
  if (page) return CODE_PAGES[page[1] as string];
  if (lower === 'utf8' || lower === 'utf-8' || lower === 'unicode') return 'utf-8';
  return isDecodable(lower) ? new TextDecoder(lower).encoding : undefined;
}

export function encodingFromLanguageDriver(byte: number): string | undefined {
  const found = LANGUAGE_DRIVERS[byte];
  return found ? found : undefined;
}

export function isDecodable(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}
