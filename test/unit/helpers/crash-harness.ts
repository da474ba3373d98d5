/**
 * The crash test: a worker (crash-worker.ts) registers letters and moves requests along through the
 * real services and is killed with SIGKILL at a random moment, again and again, on one register.
 * After every kill the register is opened as Loket opens it and checked: every change the worker
 * had journaled as committed is there, agenda numbers per year run 1…n without gaps or duplicates,
 * each letter of a service with an SOP has its request (same transaction), every stored scan is on
 * disk with its hash, `PRAGMA integrity_check` and `foreign_key_check` pass, the audit chain holds.
 * Used by test/unit/crash.test.ts (short) and by `npm run bench` (200 kills).
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { openRegister } from '../../../electron/core/db/register';
import { verifyAudit } from '../../../electron/core/services/audit';
import { createTestOffice } from './core';

export interface CrashResult {
  kills: number;
  /** Kills that landed while the worker had started but not yet journaled anything in that life. */
  killsBeforeFirstCommit: number;
  committed: { letters: number; actions: number };
  inRegister: { letters: number; requests: number; auditEntries: number };
  problems: string[];
  seconds: number;
}

export interface CrashOptions {
  kills: number;
  /** The longest wait after the worker is ready before the kill (ms). */
  maxDelayMs?: number;
  seed?: number;
  log?: (message: string) => void;
}

const here = path.dirname(new URL(import.meta.url).pathname);

/** The worker as one plain .cjs file: a process that starts in ~100 ms instead of tsx's ~500 ms. */
async function bundleWorker(dir: string): Promise<string> {
  const out = path.join(dir, 'crash-worker.cjs');
  await build({
    entryPoints: [path.join(here, 'crash-worker.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3', 'pdfkit', 'electron'],
    logLevel: 'error',
    absWorkingDir: path.resolve(here, '..', '..', '..'),
  });
  return out;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Journal {
  letters: Map<number, { year: number; seq: number; agenda: string }>;
  revisions: Map<number, number>;
  actions: number;
  lines: number;
}

function readJournal(file: string): Journal {
  const journal: Journal = { letters: new Map(), revisions: new Map(), actions: 0, lines: 0 };
  if (!fs.existsSync(file)) return journal;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  // The last piece has no newline after it: empty, or a line cut by the kill (not a promise).
  lines.pop();
  for (const line of lines) {
    const parts = line.split(' ');
    if (parts[0] === 'L' && parts.length === 5) {
      journal.letters.set(Number(parts[1]), { year: Number(parts[2]), seq: Number(parts[3]), agenda: parts[4] as string });
      journal.lines++;
    } else if (parts[0] === 'A' && parts.length === 3) {
      const id = Number(parts[1]);
      journal.revisions.set(id, Math.max(journal.revisions.get(id) ?? 0, Number(parts[2])));
      journal.actions++;
      journal.lines++;
    }
  }
  return journal;
}

/** Opens the register as Loket does after a crash (WAL recovery) and checks it; returns the problems. */
async function check(dataDir: string, journal: Journal): Promise<{ problems: string[]; letters: number; requests: number; audit: number }> {
  const problems: string[] = [];
  const db = await openRegister({ dataDir });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) problems.push(`foreign_key_check: ${fk.length} baris`);
    const chain = verifyAudit(db);
    if (!chain.ok) problems.push(`rantai audit: ${chain.broken?.reason ?? '?'}`);

    const letterRow = db.prepare('SELECT year, seq, agenda_number FROM letters WHERE id = ?');
    for (const [id, l] of journal.letters) {
      const row = letterRow.get(id) as { year: number; seq: number; agenda_number: string } | undefined;
      if (!row) problems.push(`surat ${id} (${l.agenda}) sudah tercatat tetapi hilang`);
      else if (row.year !== l.year || row.seq !== l.seq || row.agenda_number !== l.agenda) problems.push(`surat ${id} berubah nomor: ${row.agenda_number} ≠ ${l.agenda}`);
    }
    const revision = db.prepare('SELECT revision FROM requests WHERE id = ?');
    for (const [id, rev] of journal.revisions) {
      const row = revision.get(id) as { revision: number } | undefined;
      if (!row || row.revision < rev) problems.push(`tindakan pada permohonan ${id} (revisi ${rev}) hilang`);
    }
    for (const y of db.prepare('SELECT year, COUNT(*) AS n, COUNT(DISTINCT seq) AS d, MIN(seq) AS lo, MAX(seq) AS hi FROM letters GROUP BY year').all() as Array<{
      year: number;
      n: number;
      d: number;
      lo: number;
      hi: number;
    }>) {
      if (y.n !== y.d) problems.push(`tahun ${y.year}: nomor agenda ganda`);
      if (y.lo !== 1 || y.hi !== y.n) problems.push(`tahun ${y.year}: nomor agenda bercelah (${y.lo}…${y.hi}, ${y.n} surat)`);
      const counter = db.prepare('SELECT last_seq FROM agenda_counters WHERE year = ?').get(y.year) as { last_seq: number } | undefined;
      if (counter?.last_seq !== y.hi) problems.push(`tahun ${y.year}: penghitung agenda ${counter?.last_seq} ≠ ${y.hi}`);
    }
    const orphan = db
      .prepare(
        `SELECT COUNT(*) AS n FROM letters l WHERE l.service IN (SELECT service FROM service_sops)
           AND NOT EXISTS (SELECT 1 FROM requests r WHERE r.letter_id = l.id)`,
      )
      .get() as { n: number };
    if (orphan.n > 0) problems.push(`${orphan.n} surat tanpa permohonan (transaksi terbelah)`);
    const audited = db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'surat.dicatat'").get() as { n: number };
    const letters = (db.prepare('SELECT COUNT(*) AS n FROM letters').get() as { n: number }).n;
    if (audited.n !== letters) problems.push(`${letters} surat tetapi ${audited.n} entri audit "surat.dicatat"`);
    for (const a of db.prepare('SELECT sha256, size FROM attachments').all() as Array<{ sha256: string; size: number }>) {
      const file = path.join(dataDir, 'files', a.sha256.slice(0, 2), a.sha256);
      if (!fs.existsSync(file)) {
        problems.push(`berkas ${a.sha256.slice(0, 12)}… tercatat tetapi tidak ada`);
        continue;
      }
      const data = fs.readFileSync(file);
      if (data.length !== a.size || crypto.createHash('sha256').update(data).digest('hex') !== a.sha256) problems.push(`berkas ${a.sha256.slice(0, 12)}… rusak`);
    }
    const requests = (db.prepare('SELECT COUNT(*) AS n FROM requests').get() as { n: number }).n;
    const audit = (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    return { problems, letters, requests, audit };
  } finally {
    db.close();
  }
}

export async function runCrashTest(options: CrashOptions): Promise<CrashResult> {
  const started = Date.now();
  const random = rng(options.seed ?? 20260310);
  const maxDelay = options.maxDelayMs ?? 250;
  const office = await createTestOffice({ now: new Date().toISOString() });
  office.core.db.close();
  const dataDir = office.dataDir;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-crash-'));
  const worker = await bundleWorker(work);
  const journalFile = path.join(work, 'jurnal.txt');
  const problems: string[] = [];
  let beforeFirst = 0;
  let last = { letters: 0, requests: 0, audit: 0 };
  for (let k = 0; k < options.kills; k++) {
    const linesBefore = readJournal(journalFile).lines;
    const child = spawn(process.execPath, [worker, dataDir, journalFile, String(Math.floor(random() * 1e9))], {
      cwd: path.resolve(here, '..', '..', '..'),
      // The bundle lives in a temporary folder: better-sqlite3 is found in Loket's node_modules.
      env: { ...process.env, NODE_PATH: path.resolve(here, '..', '..', '..', 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const ready = await Promise.race([
      new Promise<boolean>((resolve) => child.stdout.on('data', (c: Buffer) => c.toString().includes('siap') && resolve(true))),
      exited.then(() => false),
    ]);
    if (!ready) {
      problems.push(`pekerja berhenti sendiri sebelum siap (kill ${k + 1}): ${stderr.slice(0, 500)}`);
      break;
    }
    await new Promise((r) => setTimeout(r, Math.floor(random() * maxDelay)));
    if (child.exitCode !== null) {
      problems.push(`pekerja berhenti sendiri (kill ${k + 1}, kode ${child.exitCode}): ${stderr.slice(0, 500)}`);
      break;
    }
    child.kill('SIGKILL');
    await exited;
    const journal = readJournal(journalFile);
    if (journal.lines === linesBefore) beforeFirst++;
    const result = await check(dataDir, journal);
    last = result;
    for (const p of result.problems) problems.push(`sesudah kill ${k + 1}: ${p}`);
    if (problems.length > 20) break;
    if ((k + 1) % 25 === 0) options.log?.(`  … ${k + 1} kill, ${result.letters} surat, ${result.requests} permohonan, ${result.audit} entri audit`);
  }
  const journal = readJournal(journalFile);
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    kills: options.kills,
    killsBeforeFirstCommit: beforeFirst,
    committed: { letters: journal.letters.size, actions: journal.actions },
    inRegister: { letters: last.letters, requests: last.requests, auditEntries: last.audit },
    problems,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}
