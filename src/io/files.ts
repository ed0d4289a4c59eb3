/** Files as the format layer sees them: a name (possibly with folders, e.g. inside a zip) and bytes. */
export interface InputFile {
  /** Path as the planner knows it: `村.zip/图层/DLTB.shp` for a zip member, `DLTB.shp` for a dropped file. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface OutputFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What is known about a file before it is read (a browser `File` has its size before any byte is read). */
export interface FileInfo {
  readonly name: string;
  readonly size: number;
}

/** The last path component; both `/` and `\` separate folders (zips made on Windows use either). */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/** Lower-case extension without the dot: `DLTB.SHP` → `shp`, `a.shp.xml` → `xml`. */
export function extensionOf(path: string): string {
  const name = fileName(path);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The path without its extension, folders kept: `a/DLTB.SHP` → `a/DLTB`. */
export function stemOf(path: string): string {
  const name = fileName(path);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? path : path.slice(0, path.length - (name.length - dot));
}
