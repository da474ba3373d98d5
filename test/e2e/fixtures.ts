/**
 * A fresh Loket for each test: `node dist/electron/serve.cjs --data <new temp folder> --port 0`,
 * started as a child process; the test gets the base URL once the host prints
 * "Loket siap di http://…", and the process and folder are removed afterwards.
 */
import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVE = path.join(ROOT, 'dist', 'electron', 'serve.cjs');

export interface Loket {
  baseURL: string;
  dataDir: string;
  /** Everything the host wrote to stderr so far (its log). */
  log: () => string;
}

function startLoket(dataDir: string): Promise<{ child: ChildProcess; baseURL: string; log: () => string }> {
  if (!fs.existsSync(SERVE)) throw new Error(`${SERVE} belum ada. Jalankan dulu: node scripts/build.mjs`);
  const child = spawn(process.execPath, [SERVE, '--data', dataDir, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, LOKET_DATA: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Loket tidak siap dalam 20 detik.\nstdout: ${out}\nstderr: ${err}`));
    }, 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /Loket siap di (http:\/\/\S+?)\/?(?:\s|$)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, baseURL: match[1], log: () => err });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Loket berhenti (kode ${code}) sebelum siap.\nstdout: ${out}\nstderr: ${err}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export const test = base.extend<{ loket: Loket }>({
  // Playwright fixtures must destructure their (here unused) dependencies.
  // eslint-disable-next-line no-empty-pattern
  loket: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-e2e-'));
    const { child, baseURL, log } = await startLoket(dataDir);
    try {
      await use({ baseURL, dataDir, log });
    } finally {
      await stop(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
  baseURL: async ({ loket }, use) => {
    await use(loket.baseURL);
  },
});

export { expect };
