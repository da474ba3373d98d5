/** Helpers for the LAN tests: a host process on 127.0.0.1, pairing codes, paired desks. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { openRegister } from '../../../electron/core/db/register';
import { createPairingCode } from '../../../electron/core/services/lan';
import { HostClient, pairWithHost, type Klien } from '../../../electron/host/remote';
import type { User } from '../../../shared/api/schemas';

export interface HostProcess {
  child: ChildProcess;
  port: number;
  fingerprint: string;
  log: () => string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

let bundled: Promise<string> | null = null;

/** lan-host.ts bundled once per test process (as `serve` is built), so a restart takes a fraction of a second. */
function hostScript(): Promise<string> {
  bundled ??= (async () => {
    const outfile = path.resolve('node_modules', '.cache', 'loket-test', `lan-host-${process.pid}.cjs`);
    fs.mkdirSync(path.dirname(outfile), { recursive: true });
    await build({
      entryPoints: [path.resolve('test/unit/helpers/lan-host.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      packages: 'external',
      logLevel: 'error',
    });
    process.once('exit', () => fs.rmSync(outfile, { force: true }));
    return outfile;
  })();
  return bundled;
}

/** Starts test/unit/helpers/lan-host.ts on 127.0.0.1:PORT (0: any free port). */
export async function spawnHost(dataDir: string, port = 0, env: Record<string, string> = {}): Promise<HostProcess> {
  const worker = await hostScript();
  const child = spawn(process.execPath, [worker, dataDir, String(port)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Host tidak siap dalam 30 detik.\n${out}\n${err}`));
    }, 30_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /LAN siap (\d+) (\S+)/.exec(out);
      if (m?.[1] && m[2]) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), fingerprint: m[2], log: () => err, exited });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Host berhenti (kode ${code}) sebelum siap.\n${out}\n${err}`));
    });
  });
}

export async function stopHost(host: HostProcess): Promise<void> {
  if (host.child.exitCode !== null || host.child.signalCode !== null) return;
  host.child.kill('SIGTERM');
  const timer = setTimeout(() => host.child.kill('SIGKILL'), 5_000);
  await host.exited;
  clearTimeout(timer);
}

/** Waits until the host's log contains `text`. */
export async function waitForLog(host: HostProcess, text: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!host.log().includes(text)) {
    if (Date.now() > until) throw new Error(`"${text}" tidak muncul di log host:\n${host.log()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** One-time pairing codes made by the administrator, straight in the register (before the host runs). */
export async function makePairingCodes(dataDir: string, adminId: number, count: number): Promise<string[]> {
  const db = await openRegister({ dataDir });
  try {
    const admin = { id: adminId, username: 'admin', fullName: 'Administrator Loket', role: 'admin', officialId: null, active: true } satisfies User;
    return Array.from({ length: count }, () => createPairingCode(db, dataDir, admin, new Date()).code);
  } finally {
    db.close();
  }
}

export async function pairDesk(port: number, fingerprint: string, code: string, deskName: string): Promise<Klien> {
  return pairWithHost({ hostUrl: `https://127.0.0.1:${port}`, code, deskName, fingerprint });
}

export async function loginAt(client: HostClient, username: string, password = 'kata-sandi-1'): Promise<string> {
  const r = await client.call('auth.login', { username, password }, null);
  if (!r.ok) throw new Error(`${username}: ${r.error.message}`);
  return (r.value as { token: string }).token;
}

export function letterInput(tag: string) {
  return {
    senderName: `Dinas uji ${tag}`,
    letterNumber: `005/${tag}/2026`,
    letterDate: '2026-11-20',
    subject: `Permohonan hosting ${tag}`,
    nature: 'biasa',
    classificationCode: '500.12',
    service: 'hosting',
  };
}
