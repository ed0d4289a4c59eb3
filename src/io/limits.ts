/**
 * How much the import takes, checked from sizes alone before a byte is read, so a file too big for the
 * browser is refused with the limit in the message instead of failing half-way with "out of memory".
 */
import type { FileInfo } from './files.ts';
import { failure, success, type Result } from './result.ts';

export interface ImportLimits {
  /** One file. V8 cannot make a string longer than 2^29 − 24 characters (~512 Mi), so a GeoJSON text over this can never be parsed. */
  readonly maxFileBytes: number;
  /** All files of one import together, zips counted by what they declare they unpack to. */
  readonly maxTotalBytes: number;
  /**
   * A zip member whose declared unpacked size is over `ratioCheckAboveBytes` and over this many times its
   * packed size is refused as a zip bomb. Real DBFs of mostly blank text compress up to ~100×.
   */
  readonly maxZipRatio: number;
  readonly ratioCheckAboveBytes: number;
  /** Members of one zip: a zip of a million empty files is a bomb of another kind. */
  readonly maxZipEntries: number;
}

const MiB = 1024 * 1024;

/**
 * Defaults for a browser tab (a 64-bit Chromium heap holds ~4 GiB; the parsed features take several times
 * the file size). A 20,000-parcel survey is ~20 MB as a Shapefile, so these leave room to spare.
 */
export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 512 * MiB,
  maxTotalBytes: 1024 * MiB,
  maxZipRatio: 200,
  ratioCheckAboveBytes: 16 * MiB,
  maxZipEntries: 10_000,
};

export function formatBytes(bytes: number): string {
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(bytes >= 100 * MiB ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${bytes} B`;
}

/** Refuses before reading: the first file over the per-file limit, or all of them over the total. */
export function checkSizes(files: readonly FileInfo[], limits: ImportLimits = DEFAULT_LIMITS): Result<void> {
  for (const file of files) {
    if (file.size > limits.maxFileBytes) {
      return failure('io.limits.fileTooLarge', { file: file.name, size: formatBytes(file.size), limit: formatBytes(limits.maxFileBytes) });
    }
  }
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > limits.maxTotalBytes) {
    return failure('io.limits.totalTooLarge', { count: files.length, size: formatBytes(total), limit: formatBytes(limits.maxTotalBytes) });
  }
  return success(undefined);
}
