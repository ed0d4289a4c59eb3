import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app has one entry. Benchmark builds (VITE_VILLAGE_BENCH=1, made by bench/editor.bench.ts) add the
// bare-MapLibre baseline page next to it so both load in the same browser from the same server.
const bench = process.env.VITE_VILLAGE_BENCH === '1';

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: bench
      ? { input: { main: resolve(import.meta.dirname, 'index.html'), baseline: resolve(import.meta.dirname, 'bench/baseline.html') } }
      : {},
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
});
