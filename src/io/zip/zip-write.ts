/**
 * Writing zips with fflate. Names are written in UTF-8 with the UTF-8 flag (fflate sets it for any
 * non-ASCII name), which Windows 10+, macOS, 7-Zip and GDAL's /vsizip/ all read. A fixed modification
 * time keeps the bytes, and so the manifest's SHA-256, the same for the same content.
 */
import { zipSync, type Zippable } from 'fflate';
import type { OutputFile } from '../files.ts';

/** 2000-01-01: zip times start in 1980 and carry no zone; any fixed date will do. */
const FIXED_TIME = new Date(Date.UTC(2000, 0, 1));

export function writeZip(files: readonly OutputFile[], level: 0 | 1 | 6 | 9 = 6): Uint8Array {
  const tree: Zippable = {};
  for (const file of files) tree[file.name] = [file.bytes, { level, mtime: FIXED_TIME }];
  return zipSync(tree);
}
