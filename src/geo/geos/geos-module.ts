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

/** Settles once `init` has been called: the module is imported and its WebAssembly compiles in the background. */
let started: Promise<{ readonly ready: Promise<Geos> }> | undefined;
let loaded: Geos | undefined;

function start(): Promise<{ readonly ready: Promise<Geos> }> {
  started ??= import('geos-wasm').then(({ default: init }) => ({ ready: init().then((module) => (loaded = module)) }));
  return started;
}

export async function loadGeos(): Promise<Geos> {
  return (await start()).ready;
}

/**
 * Resolves as soon as GEOS's WebAssembly is compiling (V8 compiles it on background threads): a caller
 * about to do long synchronous work that needs no GEOS yet (the CLI reading a package) awaits this first,
 * so the ~0.1 s compile overlaps that work instead of following it, then awaits `loadGeos()`.
 */
export async function startLoadingGeos(): Promise<void> {
  await start();
}

/** The loaded module; throws (a bug in the entry point, not a user error) when `loadGeos()` was not awaited. */
export function geos(): Geos {
  if (!loaded) throw new Error('GEOS is not loaded: the entry point must await loadGeos() before checking');
  return loaded;
}
