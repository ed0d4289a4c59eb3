/** One fixed origin for all browser tests, so IndexedDB and the service worker survive reloads. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4391);
export const E2E_ORIGIN = `http://127.0.0.1:${E2E_PORT}/`;
