import { defineConfig } from 'vite';

// The command-line checker bundled for Node (`npm run build:cli`, run by `npm install` through `prepare`):
// one file of our own code, the packages left to node_modules. Started from the bundle, a check begins in
// ~0.3 s instead of the ~1–2 s tsx spends compiling ~300 TypeScript modules (docs/performance.md);
// bin/village-plan.mjs falls back to tsx when the sources are newer than the bundle.
export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    target: 'node20',
    sourcemap: true,
    emptyOutDir: true,
    rollupOptions: { output: { entryFileNames: 'village-plan.mjs' } },
  },
});
