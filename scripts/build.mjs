// Builds Loket: the Node side (Electron main, preload, browser host, command line) with esbuild,
// and the renderer with Vite. Native modules and pdfkit (which reads its font data from its own
// folder) stay outside the bundles and load from node_modules.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'electron');
// tesseract.js starts its worker thread from a script in its own folder (and loads its wasm core
// from node_modules), so it stays outside the bundle too.
const external = ['electron', 'better-sqlite3', 'pdfkit', 'electron-store', 'pdf-to-printer', 'fsevents', 'tesseract.js'];
const quiet = process.argv.includes('--quiet');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external,
  logLevel: 'warning',
  absWorkingDir: root,
};

await Promise.all([
  esbuild({ ...common, entryPoints: { main: 'electron/shell/main.ts' }, outdir: out, outExtension: { '.js': '.cjs' } }),
  // The sandboxed preload may only require('electron'): everything else is bundled in.
  esbuild({ ...common, entryPoints: { preload: 'electron/shell/preload.ts' }, outdir: out, outExtension: { '.js': '.cjs' }, external: ['electron'] }),
  esbuild({ ...common, entryPoints: { serve: 'electron/host/serve.ts', cli: 'electron/cli/loket.ts' }, outdir: out, outExtension: { '.js': '.cjs' } }),
]);
await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
if (!quiet) console.log('Loket dibangun di dist/');
