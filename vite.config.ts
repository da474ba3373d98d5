import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is one build for both the Electron window (app://) and the browser host: relative
// asset paths, no inline scripts (the CSP forbids them).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:4780' } },
});
