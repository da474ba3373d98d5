// Builds better-sqlite3 for Electron's ABI into .native/electron/, beside npm's build for Node, so
// `npm start` (Electron) and `npm test` (Node) both work after one `npm install`. The main process
// loads this copy through better-sqlite3's `nativeBinding` option; installers ship it as
// resources/native/better_sqlite3.node. Needs internet once (Electron headers or a prebuilt binary).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = require('electron/package.json').version;
const sqlitePkgDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = require('better-sqlite3/package.json').version;
const outDir = path.join(root, '.native', 'electron');
const stampFile = path.join(outDir, 'versi.txt');
const stamp = `electron ${electronVersion} better-sqlite3 ${sqliteVersion} ${process.platform}-${process.arch}`;

if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp && fs.existsSync(path.join(outDir, 'better_sqlite3.node'))) {
  process.exit(0);
}

const work = path.join(root, '.native', 'build');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
for (const entry of ['package.json', 'binding.gyp', 'src', 'deps']) {
  fs.cpSync(path.join(sqlitePkgDir, entry), path.join(work, entry), { recursive: true });
}

console.log(`Menyiapkan better-sqlite3 untuk Electron ${electronVersion} …`);
const run = (cmd, args) => execFileSync(process.execPath, [cmd, ...args], { cwd: work, stdio: 'inherit' });
try {
  run(require.resolve('prebuild-install/bin.js'), ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch]);
} catch {
  console.log('Tidak ada build siap pakai; mengompilasi dari sumber (butuh header Electron dari internet) …');
  run(require.resolve('node-gyp/bin/node-gyp.js'), [
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ]);
}
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), path.join(outDir, 'better_sqlite3.node'));
fs.writeFileSync(stampFile, stamp);
fs.rmSync(work, { recursive: true, force: true });
console.log(`better-sqlite3 untuk Electron siap: ${path.relative(root, outDir)}/better_sqlite3.node`);
