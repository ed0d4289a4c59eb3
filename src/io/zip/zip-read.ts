/**
 * Reading zips. The central directory is read here and only the data is inflated by fflate, because
 * fflate's `unzipSync` falls short on three points that matter for Chinese survey data:
 * - names without the UTF-8 flag are decoded as Latin-1, but Chinese Windows writes them in GBK (CP936);
 * - it checks no CRC, so a truncated or corrupt member comes out as silent garbage;
 * - it inflates into a buffer of the declared size and drops what does not fit, without saying so.
 * Sizes are checked from the directory before anything is inflated (zip bombs), and each member's CRC after.
 */
import { inflateSync } from 'fflate';
import { extensionOf, fileName, type InputFile } from '../files.ts';
import { DEFAULT_LIMITS, formatBytes, type ImportLimits } from '../limits.ts';
import { failure, success, type Message, type Result } from '../result.ts';
import { crc32 } from './crc32.ts';
import { decodeZipName } from './zip-names.ts';

export interface ZipEntry {
  /** Path inside the zip, folders separated by `/`. */
  readonly path: string;
  readonly method: number;
  readonly encrypted: boolean;
  readonly crc: number;
  readonly packedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** Files the desktop adds to every folder (Finder, Explorer), not the planner. */
const DESKTOP_FILES = ['.ds_store', 'thumbs.db', 'desktop.ini'];

/**
 * Members every zip tool adds and nobody means: macOS resource forks (also a `__MACOSX` folder zipped again
 * inside the planner's folder, after a Mac zip was unpacked on Windows), desktop files and folder entries.
 */
export function isZipNoise(path: string): boolean {
  const name = fileName(path);
  return path.endsWith('/') || path.endsWith('\\') || path.split(/[\\/]/).includes('__MACOSX') || name.startsWith('._') || DESKTOP_FILES.includes(name.toLowerCase());
}

export interface ReadZipOptions {
  readonly limits?: ImportLimits;
  /** Which members to inflate (by path); the others are only listed. */
  readonly wanted?: (path: string) => boolean;
  /**
   * Go on past a member that cannot be inflated or fails its CRC, listing it in `damaged`: a county's zip
   * of several layers, one of them damaged, still gives the others (the import dialog's layer list).
   * Without it the first damaged member refuses the whole zip (one layer: nothing half-way).
   */
  readonly skipDamaged?: boolean;
}

export interface ZipContents {
  /** Members named `zip name/path inside`, inflated and CRC-checked. */
  readonly files: readonly InputFile[];
  /** Paths of members left packed because `wanted` declined them. */
  readonly skipped: readonly string[];
  /** With `skipDamaged`: the members left out, each with why (`io.zip.brokenMember` and the like). */
  readonly damaged: readonly { readonly path: string; readonly problem: Message }[];
}

/** The members of a zip, after the size checks (before inflating) and the CRC checks (after). */
export function readZip(zip: InputFile, options: ReadZipOptions = {}): Result<ZipContents> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const listed = listZip(zip);
  if (!listed.ok) return listed;
  const entries = listed.value.filter((e) => !isZipNoise(e.path));
  const refused = checkDeclaredSizes(zip.name, entries, limits);
  if (refused) return { ok: false, error: refused };

  const wanted = options.wanted ?? (() => true);
  const files: InputFile[] = [];
  const skipped: string[] = [];
  const damaged: { path: string; problem: Message }[] = [];
  for (const entry of entries) {
    if (!wanted(entry.path)) {
      skipped.push(entry.path);
      continue;
    }
    const data = extract(zip, entry);
    if (!data.ok && options.skipDamaged) damaged.push({ path: entry.path, problem: data.error });
    else if (!data.ok) return data;
    else files.push({ name: `${zip.name}/${entry.path}`, bytes: data.value });
  }
  return success({ files, skipped, damaged });
}

const NO_BYTES = new Uint8Array(0);

/**
 * The loose files and the zips' members by name only (`zip name/path inside`, no bytes; noise left out), to
 * decide from names what the files are before inflating anything; null when a zip cannot be listed.
 */
export function namesInZips(files: readonly InputFile[]): InputFile[] | null {
  const named: InputFile[] = [];
  for (const file of files) {
    if (extensionOf(file.name) !== 'zip') {
      named.push(file);
      continue;
    }
    const listed = listZip(file);
    if (!listed.ok) return null;
    for (const entry of listed.value) if (!isZipNoise(entry.path)) named.push({ name: `${file.name}/${entry.path}`, bytes: NO_BYTES });
  }
  return named;
}

/** The central directory: what the zip says it holds, nothing inflated. */
export function listZip(zip: InputFile): Result<ZipEntry[]> {
  const bytes = zip.bytes;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const broken = (detail: string) => failure('io.zip.broken', { file: zip.name, detail });
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return broken('no end-of-central-directory record');
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const zip64 = Number(view.getBigUint64(eocd - 12, true));
    if (zip64 + 56 > bytes.length || view.getUint32(zip64, true) !== ZIP64_EOCD) return broken('bad ZIP64 record');
    count = Number(view.getBigUint64(zip64 + 32, true));
    offset = Number(view.getBigUint64(zip64 + 48, true));
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) return broken(`central directory entry ${i + 1} of ${count} is missing`);
    const flags = view.getUint16(offset + 8, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const nameBytes = bytes.subarray(offset + 46, offset + 46 + nameLength);
    const extra = bytes.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength);
    const sizes = zip64Sizes(extra, view.getUint32(offset + 24, true), view.getUint32(offset + 20, true), view.getUint32(offset + 42, true));
    entries.push({
      path: decodeZipName(nameBytes, (flags & 0x800) !== 0, extra),
      method: view.getUint16(offset + 10, true),
      encrypted: (flags & 1) !== 0,
      crc: view.getUint32(offset + 16, true),
      size: sizes.size,
      packedSize: sizes.packedSize,
      localHeaderOffset: sizes.localHeaderOffset,
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return success(entries);
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const lowest = Math.max(0, view.byteLength - 22 - 65_535);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}

/** ZIP64 extra field (id 1): the 64-bit values, in order, of the 32-bit ones that are 0xFFFFFFFF. */
function zip64Sizes(extra: Uint8Array, size: number, packedSize: number, localHeaderOffset: number) {
  const values = { size, packedSize, localHeaderOffset };
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.length; at += 4 + view.getUint16(at + 2, true)) {
    if (view.getUint16(at, true) !== 1) continue;
    let field = at + 4;
    const next = () => {
      const value = field + 8 <= extra.length ? Number(view.getBigUint64(field, true)) : 0;
      field += 8;
      return value;
    };
    if (size === 0xffffffff) values.size = next();
    if (packedSize === 0xffffffff) values.packedSize = next();
    if (localHeaderOffset === 0xffffffff) values.localHeaderOffset = next();
  }
  return values;
}

/** Zip-bomb and sanity checks from the declared sizes alone, before any member is inflated. */
function checkDeclaredSizes(zipName: string, entries: readonly ZipEntry[], limits: ImportLimits): Message | undefined {
  if (entries.length > limits.maxZipEntries) {
    return { key: 'io.zip.tooManyMembers', params: { file: zipName, count: entries.length, limit: limits.maxZipEntries } };
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    const ratio = entry.size / Math.max(1, entry.packedSize);
    if (entry.size > limits.maxFileBytes || (entry.size > limits.ratioCheckAboveBytes && ratio > limits.maxZipRatio)) {
      return { key: 'io.zip.bomb', params: { file: zipName, member: entry.path, size: formatBytes(entry.size), packed: formatBytes(entry.packedSize), ratio: Math.round(ratio), limit: formatBytes(limits.maxFileBytes), maxRatio: limits.maxZipRatio } };
    }
  }
  if (total > limits.maxTotalBytes) {
    return { key: 'io.zip.bombTotal', params: { file: zipName, size: formatBytes(total), limit: formatBytes(limits.maxTotalBytes) } };
  }
  return undefined;
}

function extract(zip: InputFile, entry: ZipEntry): Result<Uint8Array> {
  const bytes = zip.bytes;
  const memberBroken = (detail: string) => failure('io.zip.brokenMember', { file: zip.name, member: entry.path, detail });
  if (entry.encrypted) return failure('io.zip.encrypted', { file: zip.name, member: entry.path });
  if (entry.method !== STORED && entry.method !== DEFLATED) return failure('io.zip.unsupportedMethod', { file: zip.name, member: entry.path, method: entry.method });
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || new DataView(bytes.buffer, bytes.byteOffset + at, 30).getUint32(0, true) !== LOCAL) return memberBroken('local header missing');
  const header = new DataView(bytes.buffer, bytes.byteOffset + at, 30);
  const start = at + 30 + header.getUint16(26, true) + header.getUint16(28, true);
  if (start + entry.packedSize > bytes.length) return memberBroken('data cut short');
  const packed = bytes.subarray(start, start + entry.packedSize);
  let data: Uint8Array;
  try {
    data = entry.method === STORED ? packed.slice() : inflateSync(packed, { out: new Uint8Array(entry.size) });
  } catch (error) {
    return memberBroken(error instanceof Error ? error.message : String(error));
  }
  if (data.length !== entry.size || crc32(data) !== entry.crc) return memberBroken('CRC mismatch');
  return success(data);
}
