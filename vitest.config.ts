import { defineConfig } from 'vitest/config';

// Unit tests: pure code in Node. Browser tests live in tests/e2e and have their own config.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/support/load-geos.ts'],
    pool: 'threads',
  },
});
