// `npm test`: typecheck, lint, unit tests (Vitest) and end-to-end tests (Playwright in Chromium),
// then one closing line with the totals of all suites: "N passed, N failed".
// Typecheck and lint count as one check each.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const env = { ...process.env, CI: process.env.CI ?? '' };

function step(title, cmd, args, extraEnv = {}) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  console.log(`--- ${title}: ${r.status === 0 ? 'lulus' : 'GAGAL'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return r.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const suites = [];

const typecheck = step('Typecheck (tsc)', npx, ['tsc', '-p', 'tsconfig.json', '--noEmit']);
suites.push({ name: 'typecheck', passed: typecheck ? 1 : 0, failed: typecheck ? 0 : 1 });

const lint = step('Lint (eslint)', npx, ['eslint', '.']);
suites.push({ name: 'lint', passed: lint ? 1 : 0, failed: lint ? 0 : 1 });

const unitFile = path.join(results, 'unit.json');
fs.rmSync(unitFile, { force: true });
const unitOk = step('Unit tests (vitest)', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitFile}`]);
const unit = readJson(unitFile);
suites.push({
  name: 'unit',
  passed: unit?.numPassedTests ?? 0,
  failed: unit ? unit.numFailedTests + (unitOk || unit.numFailedTests > 0 ? 0 : 1) : 1,
});

const buildOk = step('Build (esbuild + vite)', process.execPath, ['scripts/build.mjs', '--quiet']);
const e2eFile = path.join(results, 'e2e.json');
fs.rmSync(e2eFile, { force: true });
if (buildOk) {
  const e2eOk = step('End-to-end tests (playwright, chromium)', npx, ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eFile });
  const e2e = readJson(e2eFile);
  const stats = e2e?.stats;
  suites.push({
    name: 'e2e',
    passed: stats ? stats.expected + stats.flaky : 0,
    failed: stats ? stats.unexpected + (e2eOk || stats.unexpected > 0 ? 0 : 1) : 1,
  });
} else {
  suites.push({ name: 'build', passed: 0, failed: 1 });
}

console.log('\n=== Ringkasan ===');
for (const s of suites) console.log(`${s.name.padEnd(10)} ${s.passed} lulus, ${s.failed} gagal`);
const passed = suites.reduce((n, s) => n + s.passed, 0);
const failed = suites.reduce((n, s) => n + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
