/**
 * GEOS 3.13 compiled to WebAssembly (the `geos-wasm` package, LGPL-3.0-or-later): the overlay engine of the
 * coverage checks, the same library PostGIS, QGIS and shapely use. Chosen over polyclip-ts (our editing
 * overlay) for checking because on real coverages it is both robust (snap-rounding overlay, no rounding
 * slivers) and ~20× faster per union; see docs/architecture.md.
 *
 * Loaded on demand through a dynamic import, so the bundler keeps it in a file of its own (the LGPL asks
 * that it stay replaceable) and nothing pays for it until checking starts. Entry points that check (the
 * validation worker, the CLI, publishing, tests) `await loadGeos()` first; rule code then calls `geos()`
 * synchronously.
 */
import type initGeosJs from 'geos-wasm';

export type Geos = Awaited<ReturnType<typeof initGeosJs>>;

let loading: Promise<Geos> | undefined;
let loaded: Geos | undefined;

export function loadGeos(): Promise<Geos> {
  loading ??= import('geos-wasm').then(async ({ default: init }) => {
    loaded = await init();
    return loaded;
  });
  return loading;
}

/** The loaded module; throws (a bug in the entry point, not a user error) when `loadGeos()` was not awaited. */
export function geos(): Geos {
  if (!loaded) throw new Error('GEOS is not loaded: the entry point must await loadGeos() before checking');
  return loaded;
}
