/**
 * Several desks on loopback (issue 8): one register host and two desk clients, each its own
 * `node dist/electron/serve.cjs` process with its own data folder. The host listens on the LAN
 * side at https://127.0.0.1:<free port>; the office, its users and two pairing codes are made
 * through the host's API; each desk pairs with `loket pair` (the CLI) and then serves its own
 * browser desk that forwards every call to the host. Everything is removed afterwards.
 */
import { test as base, expect } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVE = path.join(ROOT, 'dist', 'electron', 'serve.cjs');
const CLI = path.join(ROOT, 'dist', 'electron', 'cli.cjs');

export const PASSWORD = 'kata-sandi-meja-1';
export const USERS = {
  admin: { username: 'admin', fullName: 'Administrator Kantor', password: 'rahasia-admin-1' },
  depan: { username: 'depan', fullName: 'Sri Wahyuni', role: 'front_desk' },
  kadis: { username: 'kadis', fullName: 'Arif Karyadi', role: 'kadis' },
  kabid: { username: 'kabid', fullName: 'Dwi Prasetyo', role: 'kabid' },
} as const;

interface Started {
  child: ChildProcess;
  out: () => string;
  err: () => string;
}

/**
 * SANE configurations: the host has no scanner at all, every desk has SANE's test scanner (its
 * "test" backend, off in Debian's dll.conf), so a scan at a desk can only come from the desk.
 */
const SANE_NONE = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-e2e-sane-host-'));
fs.writeFileSync(path.join(SANE_NONE, 'dll.conf'), '');
const SANE_TEST = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-e2e-sane-meja-'));
fs.writeFileSync(path.join(SANE_TEST, 'dll.conf'), 'test\n');
fs.writeFileSync(path.join(SANE_TEST, 'test.conf'), 'test-picture "Color pattern"\n');
process.on('exit', () => {
  for (const d of [SANE_NONE, SANE_TEST]) fs.rmSync(d, { recursive: true, force: true });
});

function start(args: string[], ready: RegExp, env: Record<string, string> = {}): Promise<Started & { match: RegExpExecArray }> {
  if (!fs.existsSync(SERVE)) throw new Error(`${SERVE} belum ada. Jalankan dulu: node scripts/build.mjs`);
  const child = spawn(process.execPath, [SERVE, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Loket tidak siap dalam 20 detik.\nstdout: ${out}\nstderr: ${err}`));
    }, 20_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const match = ready.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, out: () => out, err: () => err });
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
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function api<T>(baseURL: string, name: string, input: unknown, token?: string): Promise<T> {
  const res = await fetch(`${baseURL}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  return body.value as T;
}

export interface LanOffice {
  /** The host's own browser desk (loopback HTTP) and its LAN address. */
  hostURL: string;
  lanURL: string;
  fingerprint: string;
  adminToken: string;
  desks: Array<{ name: string; baseURL: string; dataDir: string }>;
  api: typeof api;
  /** Stops the host process (the register host goes away). */
  stopHost: () => Promise<void>;
  /** Starts it again on the same data folder and LAN port; hostURL is updated. */
  startHost: () => Promise<void>;
  /** A Loket on a fresh data folder, not set up and not paired (a new computer in the office). */
  startFresh: () => Promise<{ baseURL: string; dataDir: string }>;
}

export const test = base.extend<{ lan: LanOffice }>({
  // eslint-disable-next-line no-empty-pattern
  lan: async ({}, use) => {
    const dirs: string[] = [];
    const children: ChildProcess[] = [];
    const mk = (prefix: string) => {
      const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      dirs.push(d);
      return d;
    };
    try {
      const hostDir = mk('loket-e2e-host-');
      const ready = /Host LAN siap di (https:\/\/127\.0\.0\.1:(\d+))\/ \(sidik jari sertifikat ([0-9A-F:]+)\)[\s\S]*Loket siap di (http:\/\/\S+?)\/?\s/;
      let host = await start(['--data', hostDir, '--port', '0', '--lan', '127.0.0.1:0'], ready, { SANE_CONFIG_DIR: SANE_NONE });
      children.push(host.child);
      const [, lanURL = '', lanPort = '', fingerprint = '', hostURL = ''] = host.match;

      const session = await api<{ token: string }>(hostURL, 'setup.initialize', {
        office: {
          government: 'Pemerintah Kota Pekalongan',
          agencyName: 'Dinas Komunikasi dan Informatika',
          address: 'Jl. Mataram No. 1',
          city: 'Pekalongan',
          timeZone: 'Asia/Jakarta',
        },
        officials: [
          { position: 'kadis', title: 'Kepala Dinas Komunikasi dan Informatika', name: 'ARIF KARYADI, S.Sos' },
          { position: 'kabid', title: 'Kepala Bidang Infrastruktur dan Statistik', unit: 'Bidang INS', name: 'DWI PRASETYO, S.T.' },
        ],
        opd: [{ name: 'Dinas Pendidikan', shortName: 'Disdik' }],
        admin: USERS.admin,
      });
      const adminToken = session.token;
      for (const u of [USERS.depan, USERS.kadis, USERS.kabid]) {
        await api(hostURL, 'users.save', { username: u.username, fullName: u.fullName, role: u.role, password: PASSWORD }, adminToken);
      }
      const desks: LanOffice['desks'] = [];
      for (const name of ['Meja depan', 'Meja Kadis']) {
        const { code } = await api<{ code: string }>(hostURL, 'lan.pairing.create', {}, adminToken);
        const dataDir = mk('loket-e2e-meja-');
        const paired = spawnSync(process.execPath, [CLI, '--data', dataDir, 'pair', '--host', lanURL, '--code', code, '--name', name, '--fingerprint', fingerprint], {
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 20_000,
        });
        if (paired.status !== 0) throw new Error(`loket pair gagal: ${paired.stdout}\n${paired.stderr}`);
        expect(paired.stdout).toContain(`Meja "${name}" berpasangan dengan`);
        expect(fs.existsSync(path.join(dataDir, 'loket.sqlite'))).toBe(false);
        const desk = await start(['--data', dataDir, '--port', '0'], /Loket siap di (http:\/\/\S+?)\/? \(meja/, { SANE_CONFIG_DIR: SANE_TEST });
        children.push(desk.child);
        desks.push({ name, baseURL: desk.match[1] ?? '', dataDir });
      }
      const office: LanOffice = {
        hostURL,
        lanURL,
        fingerprint,
        adminToken,
        desks,
        api,
        stopHost: () => stop(host.child),
        startHost: async () => {
          host = await start(['--data', hostDir, '--port', '0', '--lan', `127.0.0.1:${lanPort}`], ready, { SANE_CONFIG_DIR: SANE_NONE });
          children.push(host.child);
          office.hostURL = host.match[4] ?? '';
        },
        startFresh: async () => {
          const dataDir = mk('loket-e2e-baru-');
          const fresh = await start(['--data', dataDir, '--port', '0'], /Loket siap di (http:\/\/\S+?)\/? \(data/);
          children.push(fresh.child);
          return { baseURL: fresh.match[1] ?? '', dataDir };
        },
      };
      await use(office);
      // A desk client never opens or writes a register of its own.
      for (const d of desks) expect(fs.existsSync(path.join(d.dataDir, 'loket.sqlite'))).toBe(false);
    } finally {
      for (const c of children.reverse()) await stop(c);
      for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    }
  },
});

export { expect };
