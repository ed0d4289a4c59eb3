import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// One app entry for now; the public-notice viewer gets its own entry when it is built.
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2500,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
});
