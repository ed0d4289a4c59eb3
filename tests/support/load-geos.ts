// Every test file may run the rules, which need GEOS loaded (src/geo/geos/geos-module.ts): load it once per
// worker before the tests, as the app's entry points do before checking.
import { loadGeos } from '../../src/geo/geos/geos-module.ts';

await loadGeos();
