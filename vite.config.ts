import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { noticeTemplatePlugin } from './scripts/build/notice-template.ts';

// The app has two entries: the editor (index.html) and the villagers' notice viewer (viewer.html, read-only,
// src/viewer/). Benchmark builds (VITE_VILLAGE_BENCH=1, made by bench/editor.bench.ts) add the
// bare-MapLibre baseline page next to it so both load in the same browser from the same server.
const bench = process.env.VITE_VILLAGE_BENCH === '1';
const page = (path: string) => resolve(import.meta.dirname, path);

export default defineConfig({
  plugins: [
    react(),
    // `virtual:notice-template`: the viewer built as one classic script + one stylesheet, which the
    // editor's publish dialog inlines into the single-file notice (scripts/build/notice-template.ts).
    noticeTemplatePlugin(),
    // Offline app (drafts issue, src/ui/drafts/app-worker.ts): a Workbox service worker precaches the built
    // app (the sample village included), so after the first visit the editor loads with no network; a new
    // build waits until the planner accepts the "新版本可用" prompt. Off in benchmark builds, which time
    // loads without a worker installing in the background.
    VitePWA({
      disable: bench,
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,mjs,css,html,json,svg,png,woff,woff2}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      input: { main: page('index.html'), viewer: page('viewer.html'), ...(bench ? { baseline: page('bench/baseline.html') } : {}) },
    },
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
});
