import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium (Debian's) driven by playwright-core against the production build served on
// a fixed 127.0.0.1 port (a fixed origin keeps IndexedDB across reloads). One file at a time: each file
// owns one browser, and two cores cannot render two software-WebGL maps fast.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    setupFiles: ['tests/support/load-geos.ts'],
    pool: 'forks',
  },
});
