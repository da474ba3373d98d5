/**
 * A fresh Loket for each test: `node dist/electron/serve.cjs --data <new temp folder> --port 0`,
 * started as a child process; the test gets the base URL once the host prints
 * "Loket siap di http://…", and the process and folder are removed afterwards.
 *
 * `loket.restart(env)` stops the host and starts it again on the same data folder and the same
 * port with extra environment, e.g. LOKET_CLOCK_OFFSET_MINUTES to move the host's clock ahead
 * (deadlines are computed on the host, so the browser's clock cannot make a step late).
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
  /** Everything the host wrote to stderr so far (its log, across restarts). */
  log: () => string;
  /** Stop the host and start it again on the same data folder and port, with this extra environment. */
  restart: (env?: Record<string, string>) => Promise<void>;
}

function startLoket(dataDir: string, port = 0, extraEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; baseURL: string; log: () => string }> {
  if (!fs.existsSync(SERVE)) throw new Error(`${SERVE} belum ada. Jalankan dulu: node scripts/build.mjs`);
  const child = spawn(process.execPath, [SERVE, '--data', dataDir, '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, LOKET_DATA: dataDir, ...extraEnv },
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
    const first = await startLoket(dataDir);
    let child = first.child;
    const logs: Array<() => string> = [first.log];
    const port = Number(new URL(first.baseURL).port);
    const restart = async (env: Record<string, string> = {}) => {
      await stop(child);
      const next = await startLoket(dataDir, port, env);
      child = next.child;
      logs.push(next.log);
    };
    try {
      await use({ baseURL: first.baseURL, dataDir, log: () => logs.map((l) => l()).join(''), restart });
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
