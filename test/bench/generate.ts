/**
 * The synthetic register of the benchmark: ten years of a busy provincial office. The office, its
 * users, SOPs, calendar and hosting settings are made through Loket's own services; the bulk
 * (letters, requests with their events and dispositions, hosted systems, the hash-chained audit
 * log) is written with prepared statements in big transactions, shaped exactly as the services
 * write it: agenda numbers per year without gaps, FTS rows through the register's own triggers,
 * events that walk the SOP templates step by step, the audit chain in time order.
 *
 * The register is kept under /tmp and reused while the parameters, the generator version and the
 * schema version are the same.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../../electron/core/create';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/register';
import { canonicalJson, GENESIS_HASH, verifyAudit } from '../../electron/core/services/audit';
import { seedCalendarYear } from '../../electron/core/services/calendar';
import { saveHostingSettings } from '../../electron/core/services/hosting';
import { initializeOffice, saveUser } from '../../electron/core/services/office';
import { SEED_INSTRUCTIONS } from '../../electron/core/services/seed';
import { getTemplate, latestTemplateId } from '../../electron/core/services/sop';
import { HostingSettingsInputSchema } from '../../shared/api/hosting-schemas';
import type { Role } from '../../shared/api/roles';
import { OfficeProfileSchema, OfficialInputSchema, OpdInputSchema, UserInputSchema, type User } from '../../shared/api/schemas';
import { formatNumber } from '../../shared/domain/numbering';
import type { SopStep, SopTemplate } from '../../shared/domain/sop/model';
import { standardMinutes } from '../../shared/domain/timing';
import {
  APPS,
  HOSTING_SUBJECTS,
  OPD_NAMES,
  OTHER_SENDERS,
  OTHER_SUBJECTS,
  PAUSE_NOTES,
  SUBDOMAIN_SUBJECTS,
  SUMMARY_WORDS,
  TOPICS,
  WEBSITE_SUBJECTS,
  pick,
  rng,
} from './vocab';

/** Bump when the shape of the generated data changes: an old register is then made again. */
export const GENERATOR_VERSION = 4;

export interface BenchParams {
  scale: number;
  seed: number;
}

export interface BenchMeta {
  generatorVersion: number;
  schemaVersion: number;
  params: BenchParams;
  /** The bench's clock: the end of the ten years. */
  now: string;
  counts: Record<string, number>;
  users: { frontDesk: number; kadis: number; kabid: number; technical: number; admin: number };
  passwords: string;
  /** Letters the bench opens (timeline, PDF): one with a full disposition chain, one open in the Kabid's queue. */
  sampleLetters: { closed: number[]; open: number[] };
  generatedInSeconds: number;
}

export const BENCH_PASSWORD = 'bench-kata-sandi-1';
const OFFICE_TZ_OFFSET_MS = 7 * 3_600_000; // WIB
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** The ten years end at this instant (a Tuesday, 10.00 WIB). */
const BENCH_NOW = '2026-03-10T03:00:00.000Z';
const YEARS = 10;

export function benchDataDir(params: BenchParams): string {
  const root = process.env.LOKET_BENCH_DIR ?? path.join(os.tmpdir(), 'loket-bench');
  return path.join(root, `skala-${params.scale}-benih-${params.seed}-gen${GENERATOR_VERSION}-skema${LATEST_SCHEMA_VERSION}`);
}

function readMeta(dir: string): BenchMeta | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'bench-meta.json'), 'utf8')) as BenchMeta;
  } catch {
    return null;
  }
}

/** Returns the register for these parameters, generating it when it is not there yet. */
export async function ensureBenchRegister(params: BenchParams, log: (m: string) => void): Promise<{ dataDir: string; meta: BenchMeta; reused: boolean }> {
  const dir = benchDataDir(params);
  const existing = readMeta(dir);
  if (
    existing &&
    existing.generatorVersion === GENERATOR_VERSION &&
    existing.schemaVersion === LATEST_SCHEMA_VERSION &&
    existing.params.scale === params.scale &&
    existing.params.seed === params.seed
  ) {
    return { dataDir: dir, meta: existing, reused: true };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const partial = `${dir}.sebagian-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  const meta = await generate(partial, params, log);
  fs.writeFileSync(path.join(partial, 'bench-meta.json'), JSON.stringify(meta, null, 2));
  fs.renameSync(partial, dir);
  return { dataDir: dir, meta, reused: false };
}

// ---------------------------------------------------------------------------------------------
// Time helpers (office-local WIB, working window 07.30–16.00 Monday–Friday, holidays skipped)

function localDay(ms: number): number {
  return Math.floor((ms + OFFICE_TZ_OFFSET_MS) / DAY_MS);
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const OPEN_MIN = 7 * 60 + 30;
const CLOSE_MIN = 16 * 60;

class WorkClock {
  constructor(
    private readonly holidays: Set<string>,
    private readonly random: () => number,
  ) {}

  isWorkingDay(day: number): boolean {
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday
    return weekday >= 1 && weekday <= 5 && !this.holidays.has(isoDay(day));
  }

  /** Adds working minutes in the simplified window; the result lies inside working time. */
  add(ms: number, minutes: number): number {
    let day = localDay(ms);
    let minuteOfDay = Math.floor((ms + OFFICE_TZ_OFFSET_MS - day * DAY_MS) / MINUTE_MS);
    let left = minutes;
    for (;;) {
      if (!this.isWorkingDay(day) || minuteOfDay >= CLOSE_MIN) {
        day += 1;
        minuteOfDay = OPEN_MIN;
        continue;
      }
      if (minuteOfDay < OPEN_MIN) minuteOfDay = OPEN_MIN;
      const room = CLOSE_MIN - minuteOfDay;
      if (left <= room) {
        minuteOfDay += left;
        break;
      }
      left -= room;
      day += 1;
      minuteOfDay = OPEN_MIN;
    }
    return day * DAY_MS + minuteOfDay * MINUTE_MS - OFFICE_TZ_OFFSET_MS + Math.floor(this.random() * 59) * 1000;
  }
}

// ---------------------------------------------------------------------------------------------

interface AuditRow {
  at: string;
  userId: number | null;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
}

/** The same hash as services/audit.ts. */
function rowHash(prev: string, r: AuditRow): string {
  return crypto
    .createHash('sha256')
    .update(prev)
    .update('\n')
    .update(canonicalJson({ at: r.at, user: r.userId, action: r.action, entity: r.entity, id: r.entityId, before: r.before, after: r.after }))
    .digest('hex');
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

async function generate(dataDir: string, params: BenchParams, log: (m: string) => void): Promise<BenchMeta> {
  const started = Date.now();
  const random = rng(params.seed);
  const nLetters = Math.round(1_000_000 * params.scale);
  const nRequests = Math.round(200_000 * params.scale);
  const nHosted = Math.round(5_000 * params.scale);
  const nOpen = Math.max(30, Math.round(6_000 * params.scale));
  const nowMs = Date.parse(BENCH_NOW);
  const startMs = nowMs - YEARS * 365.25 * DAY_MS;
  const setupAt = new Date(startMs - 30 * DAY_MS);

  // --- The office, through the services -------------------------------------------------------
  const core = await createCore({ dataDir, resourcesDir: path.resolve('resources'), now: () => setupAt });
  const db0 = core.db;
  const admin = initializeOffice(
    db0,
    {
      office: OfficeProfileSchema.parse({
        government: 'Pemerintah Kota Pekalongan',
        agencyName: 'Dinas Komunikasi dan Informatika',
        address: 'Jl. Mataram No. 5 Pekalongan Barat',
        postcode: '51111',
        phone: '(0285) 421243',
        website: 'kominfo.pekalongankota.go.id',
        email: 'diskominfo@pekalongankota.go.id',
        city: 'Pekalongan',
        timeZone: 'Asia/Jakarta',
      }),
      officials: [
        OfficialInputSchema.parse({ position: 'kadis', title: 'Kepala Dinas Komunikasi dan Informatika', name: 'ARIF KARYADI, S.Sos', rank: 'Pembina Tk.I', nip: '197110171999031007' }),
        OfficialInputSchema.parse({ position: 'kabid', title: 'Kepala Bidang Infrastruktur dan Statistik', unit: 'Bidang INS', name: 'BUDI SANTOSO, S.Kom', rank: 'Penata Tk.I / III.d', nip: '198001012005011002' }),
        OfficialInputSchema.parse({ position: 'kabid', title: 'Kepala Bidang Aplikasi dan Informatika', unit: 'Bidang Aptika', name: 'SRI WAHYUNI, S.T.', rank: 'Pembina / IV.a', nip: '197905052003122004' }),
        OfficialInputSchema.parse({ position: 'kabid', title: 'Kepala Bidang APPS', unit: 'Bidang APPS', name: 'HENDRA GUNAWAN, M.Kom', rank: 'Penata Tk.I / III.d', nip: '198203032006041003' }),
      ],
      opd: OPD_NAMES.map(([name, shortName]) => OpdInputSchema.parse({ name, shortName })),
      admin: { username: 'admin', fullName: 'Administrator Loket', password: BENCH_PASSWORD },
    },
    setupAt,
  );
  const officials = db0.prepare("SELECT id, position FROM officials ORDER BY id").all() as Array<{ id: number; position: string }>;
  const kabidOfficials = officials.filter((o) => o.position === 'kabid').map((o) => o.id);
  const kadisOfficial = officials.find((o) => o.position === 'kadis')?.id ?? null;
  const users: Record<Role, number[]> = { admin: [admin.id], front_desk: [], kadis: [], kabid: [], technical: [], security: [] };
  const makeUser = (username: string, fullName: string, role: Role, officialId: number | null = null) => {
    const u = saveUser(db0, UserInputSchema.parse({ username, fullName, role, officialId, password: BENCH_PASSWORD }), setupAt);
    users[role].push(u.id);
  };
  makeUser('meja1', 'Siti Rahmawati', 'front_desk');
  makeUser('meja2', 'Dwi Lestari', 'front_desk');
  makeUser('kadis', 'ARIF KARYADI, S.Sos', 'kadis', kadisOfficial);
  makeUser('kabid1', 'BUDI SANTOSO, S.Kom', 'kabid', kabidOfficials[0] ?? null);
  makeUser('kabid2', 'SRI WAHYUNI, S.T.', 'kabid', kabidOfficials[1] ?? null);
  makeUser('kabid3', 'HENDRA GUNAWAN, M.Kom', 'kabid', kabidOfficials[2] ?? null);
  for (let i = 1; i <= 10; i++) makeUser(`teknis${i}`, `Petugas Teknis ${i}`, 'technical');
  makeUser('keamanan1', 'Petugas Keamanan 1', 'security');
  makeUser('keamanan2', 'Petugas Keamanan 2', 'security');
  const firstYear = new Date(startMs).getUTCFullYear();
  const lastYear = new Date(nowMs).getUTCFullYear();
  db0.transaction(() => {
    for (let y = firstYear; y <= lastYear; y++) seedCalendarYear(db0, y);
  }).immediate();
  const adminUser: User = { id: admin.id, username: 'admin', fullName: 'Administrator Loket', role: 'admin', officialId: null, active: true };
  saveHostingSettings(
    db0,
    HostingSettingsInputSchema.parse({
      parentDomains: [{ domain: 'pekalongankota.go.id' }],
      pools: [{ label: 'Pusat data kota', cidr: '10.20.0.0/18', reserved: ['10.20.0.1'] }],
      servers: Array.from({ length: 12 }, (_, i) => ({ name: `srv-pusatdata-${String(i + 1).padStart(2, '0')}`, notes: 'Rak A' })),
    }),
    adminUser,
    setupAt,
  );
  const templateIds: Record<string, number> = {};
  for (const row of db0.prepare('SELECT service, template_key FROM service_sops').all() as Array<{ service: string; template_key: string }>) {
    const id = latestTemplateId(db0, row.template_key);
    if (id !== null) templateIds[row.service] = id;
  }
  const templates = new Map<number, SopTemplate>(Object.values(templateIds).map((id) => [id, getTemplate(db0, id)]));
  const holidays = new Set((db0.prepare('SELECT date FROM calendar_days').all() as Array<{ date: string }>).map((r) => r.date));
  const opdRows = db0.prepare('SELECT id, name, short_name FROM opd ORDER BY id').all() as Array<{ id: number; name: string; short_name: string }>;
  const serverIds = (db0.prepare('SELECT id FROM hosting_servers ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
  const poolId = (db0.prepare('SELECT id FROM hosting_ip_pools').get() as { id: number }).id;
  const lastAudit = db0.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  const agendaFormat = (db0.prepare('SELECT agenda_format FROM office').get() as { agenda_format: string }).agenda_format;
  db0.close();

  // --- The bulk, with prepared statements -----------------------------------------------------
  const db = new Database(path.join(dataDir, 'loket.sqlite'));
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
  // Bulk loading is much faster without the letters' secondary indexes and the full-text triggers:
  // they are taken out here exactly as the migrations made them and put back (and the full-text
  // index rebuilt from the letters) at the end, which gives the same register.
  const deferred = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'letters' AND sql IS NOT NULL
         AND ((type = 'index') OR (type = 'trigger' AND name LIKE 'letters_fts_%'))`,
    )
    .all() as Array<{ type: 'index' | 'trigger'; name: string; sql: string }>;
  for (const d of deferred) db.exec(`DROP ${d.type.toUpperCase()} ${d.name}`);
  const clock = new WorkClock(holidays, random);
  const ins = {
    letter: db.prepare(
      `INSERT INTO letters (year, seq, agenda_number, opd_id, sender_name, letter_number, letter_date, received_at, subject, summary,
                            nature, classification_code, service, status, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    counter: db.prepare('INSERT INTO agenda_counters (year, last_seq) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last_seq = excluded.last_seq'),
    request: db.prepare('INSERT INTO requests (letter_id, template_id, current_step, state, started_at, closed_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    role: db.prepare('INSERT OR IGNORE INTO request_roles (request_id, role) VALUES (?, ?)'),
    event: db.prepare('INSERT INTO request_events (request_id, at, user_id, type, step_id, branch, note) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    disposition: db.prepare(
      'INSERT INTO dispositions (request_id, step_id, from_user_id, to_role_key, instructions, note, created_at, withdrawn_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)',
    ),
    recipient: db.prepare('INSERT INTO disposition_recipients (disposition_id, user_id, read_at) VALUES (?, ?, ?)'),
    audit: db.prepare(
      'INSERT INTO audit_log (at, user_id, action, entity, entity_id, before, after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    system: db.prepare(
      `INSERT INTO hosted_systems (opd_id, application_name, subdomain, parent_domain, server_id, stack, database_engine, panel_url, panel_username,
                                   tech_contact_name, tech_contact_phone, tech_contact_email, notes, status, request_id, created_by, created_at, updated_at)
       VALUES (?, ?, ?, 'pekalongankota.go.id', ?, ?, ?, ?, ?, ?, ?, ?, '', 'aktif', ?, ?, ?, ?)`,
    ),
    address: db.prepare('INSERT INTO hosted_system_addresses (address, hosted_system_id, version, pool_id, position) VALUES (?, ?, 4, ?, 0)'),
    history: db.prepare('INSERT INTO hosted_system_status_history (hosted_system_id, status, reason, user_id, at) VALUES (?, ?, ?, ?, ?)'),
    link: db.prepare('INSERT INTO hosted_system_links (hosted_system_id, request_id, letter_id, step_id, linked_by, linked_at) VALUES (?, ?, ?, ?, ?, ?)'),
    letterStatus: db.prepare('UPDATE letters SET status = ? WHERE id = ?'),
  };

  // Audit rows wait here until the day they happened has been written, so the chain is in time order.
  let prevHash = lastAudit?.hash ?? GENESIS_HASH;
  let pending: AuditRow[] = [];
  const audit = (at: number, userId: number | null, action: string, entity: string, entityId: number, before: unknown, after: unknown) => {
    pending.push({
      at: new Date(at).toISOString(),
      userId,
      action,
      entity,
      entityId: String(entityId),
      before: before === undefined ? null : canonicalJson(before),
      after: after === undefined ? null : canonicalJson(after),
    });
  };
  const flushAudit = (untilIso: string | null) => {
    pending.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    let k = 0;
    for (; k < pending.length; k++) {
      const row = pending[k] as AuditRow;
      if (untilIso !== null && row.at >= untilIso) break;
      const hash = rowHash(prevHash, row);
      ins.audit.run(row.at, row.userId, row.action, row.entity, row.entityId, row.before, row.after, prevHash, hash);
      prevHash = hash;
    }
    pending = pending.slice(k);
  };

  // Working days of the ten years, and how many letters each gets.
  const days: number[] = [];
  for (let d = localDay(startMs); d <= localDay(nowMs); d++) if (clock.isWorkingDay(d)) days.push(d);
  const requestShare = nRequests / nLetters;
  const lettersBeforeOpen = nLetters - Math.ceil(nOpen / requestShare);
  const counters = new Map<number, number>();
  const stats = { events: 0, dispositions: 0, requests: 0, open: 0, kabidQueue: 0, hosted: 0 };
  const usedSubdomains = new Set<string>();
  let nextIp = 10;
  const hostedProbability = Math.min(1, (1.25 * nHosted) / (nRequests * 0.55));
  const sampleClosed: number[] = [];
  const sampleOpen: number[] = [];
  const benchKabid = users.kabid[0] as number;
  const otherKabids = users.kabid.slice(1);
  let letterIndex = 0;
  let requestIndex = 0;
  let openIndex = 0;

  const userOf = (role: Role): number => pick(random, users[role]);
  const words = (n: number) => Array.from({ length: n }, () => pick(random, SUMMARY_WORDS)).join(' ');

  /** Walks a request through its template, writing what actOnStep would have written. */
  const walkRequest = (letterId: number, service: string, receivedMs: number, createdMs: number, deskUser: number, opdShort: string, opdId: number | null, openPlan: 'kabid' | 'other' | null) => {
    const templateId = templateIds[service];
    if (templateId === undefined) return;
    const template = templates.get(templateId) as SopTemplate;
    const steps = new Map(template.steps.map((s) => [s.id, s]));
    const roleOf = (key: string) => template.roles.find((r) => r.key === key);
    const gated = (key: string) => template.steps.some((s) => s.kind === 'disposition' && s.to === key);
    const events: Array<[number, number | null, string, string, string | null, string]> = [];
    const roles = new Set<string>();
    const dispositions: Array<{ stepId: string; from: number; to: string; instructions: string[]; note: string; at: number; recipient: number; readAt: number | null }> = [];
    const steppedAudit: Array<[number, number | null, string, unknown, unknown, number | null]> = []; // dispositions resolved later
    const recipientOf = new Map<string, number>();
    const grant = (step: SopStep) => {
      if (step.kind === 'end' || gated(step.actor)) return;
      const role = roleOf(step.actor);
      if (role) roles.add(role.systemRole);
    };
    const actorUser = (step: SopStep): number => {
      if (step.kind === 'end') return users.front_desk[0] as number;
      const role = roleOf(step.actor);
      if (!role) throw new Error(`peran ${step.actor}`);
      return recipientOf.get(step.actor) ?? userOf(role.systemRole);
    };
    // A request closed by now ends; an open one stops at a step chosen for it.
    const plannedStops = openPlan === 'other' ? 1 + Math.floor(random() * 6) : -1;
    let current = steps.get(template.start) as SopStep;
    let t = receivedMs;
    let revision = 1;
    let state: 'berjalan' | 'dijeda' | 'selesai' | 'dikembalikan' = 'berjalan';
    let closedAt: number | null = null;
    let completed = 0;
    let actedSinceDisposition = false;
    let atBenchKabid = false;
    events.push([t, null, 'step_started', current.id, null, '']);
    grant(current);
    for (;;) {
      if (current.kind === 'end') {
        state = current.outcome;
        closedAt = t;
        break;
      }
      const step = current;
      const role = roleOf(step.actor);
      const external = role?.external === true;
      if (openPlan === 'kabid' && role?.systemRole === 'kabid' && gated(step.actor) && recipientOf.get(step.actor) === benchKabid) {
        atBenchKabid = true;
        break;
      }
      if (openPlan === 'other' && completed >= plannedStops && !external) break;
      const user = external ? (users.front_desk[0] as number) : actorUser(step);
      const budget = standardMinutes(step.standard);
      let minutes = external && completed === 0 ? 0 : Math.max(1, Math.round((budget ?? 20) * (0.2 + random() * 1.3)));
      if (step.standard.kind === 'days') minutes = Math.round(step.standard.value * 450 * (0.3 + random()));
      if (step.pause && random() < 0.05) {
        const pausedAt = clock.add(t, Math.max(1, Math.floor(minutes / 2)));
        const note = pick(random, PAUSE_NOTES);
        events.push([pausedAt, user, 'paused', step.id, null, note]);
        revision++;
        steppedAudit.push([pausedAt, user, 'permohonan.dijeda', undefined, { step: step.id, note }, null]);
        const resumedAt = clock.add(pausedAt, 60 + Math.floor(random() * 3000));
        events.push([resumedAt, user, 'resumed', step.id, null, '']);
        revision++;
        steppedAudit.push([resumedAt, user, 'permohonan.dilanjutkan', undefined, { step: step.id, note: '' }, null]);
        t = resumedAt;
      }
      const at = external && completed === 0 ? t : clock.add(t, minutes);
      if (at > nowMs) break; // would finish in the future: still under way
      let next: string;
      let branch: string | null = null;
      let note = '';
      if (step.kind === 'decision') {
        const chosen = random() < 0.92 || step.branches.length < 2 ? step.branches[0] : step.branches[1];
        if (!chosen) throw new Error('cabang');
        branch = chosen.key;
        next = chosen.next;
        if (chosen.returnsToOpd) note = 'Berkas permohonan belum lengkap: lampirkan spesifikasi aplikasi dan surat pernyataan.';
      } else if (step.kind === 'disposition') {
        const toRole = roleOf(step.to);
        if (!toRole) throw new Error(`peran ${step.to}`);
        let recipient: number;
        if (toRole.systemRole === 'kabid') {
          recipient = openPlan === 'kabid' ? benchKabid : openPlan === 'other' ? pick(random, otherKabids) : random() < 0.4 ? benchKabid : pick(random, otherKabids);
        } else recipient = userOf(toRole.systemRole);
        recipientOf.set(step.to, recipient);
        const instructions = [pick(random, SEED_INSTRUCTIONS)];
        if (random() < 0.4) instructions.push(pick(random, SEED_INSTRUCTIONS));
        const unique = [...new Set(instructions)];
        note = random() < 0.3 ? 'Mohon segera ditindaklanjuti.' : '';
        dispositions.push({ stepId: step.id, from: user, to: step.to, instructions: unique, note, at, recipient, readAt: null });
        next = step.next;
        actedSinceDisposition = false;
      } else {
        next = step.next;
        if (completed === 0 && external) note = 'Surat permohonan diterima dan dicatat di buku agenda.';
      }
      // The recipient reads a disposition before acting on it.
      for (const d of dispositions) if (d.readAt === null && d.to === step.actor) d.readAt = Math.max(d.at + 60_000, at - 5 * 60_000);
      events.push([at, user, 'step_completed', step.id, branch, note]);
      if (!(external && completed === 0)) revision++;
      const nextStep = steps.get(next) as SopStep;
      if (step.kind !== 'disposition') actedSinceDisposition = true;
      if (step.kind === 'disposition') {
        steppedAudit.push([at, user, 'disposisi.dikirim', undefined, null, dispositions.length - 1]);
      }
      if (!(external && completed === 0)) {
        steppedAudit.push([
          at,
          user,
          step.kind === 'decision' ? 'langkah.diputuskan' : 'langkah.selesai',
          { step: step.id },
          { step: nextStep.id, branch, note, ...(nextStep.kind === 'end' ? { outcome: nextStep.outcome } : {}) },
          null,
        ]);
      }
      completed++;
      t = at;
      current = nextStep;
      if (nextStep.kind !== 'end') {
        events.push([at, null, 'step_started', nextStep.id, null, '']);
        grant(nextStep);
      }
    }
    // Open requests: some wait paused at a step that may pause.
    if (state === 'berjalan' && current.kind !== 'end' && current.pause && openPlan === 'other' && random() < 0.2) {
      const pausedAt = clock.add(t, 30);
      if (pausedAt < nowMs) {
        const note = pick(random, PAUSE_NOTES);
        events.push([pausedAt, actorUser(current), 'paused', current.id, null, note]);
        revision++;
        steppedAudit.push([pausedAt, actorUser(current), 'permohonan.dijeda', undefined, { step: current.id, note }, null]);
        state = 'dijeda';
      }
    }
    const requestId = Number(
      ins.request.run(letterId, templateId, current.id, state, new Date(receivedMs).toISOString(), closedAt === null ? null : new Date(closedAt).toISOString(), revision)
        .lastInsertRowid,
    );
    stats.requests++;
    for (const e of events) ins.event.run(requestId, new Date(e[0]).toISOString(), e[1], e[2], e[3], e[4], e[5]);
    stats.events += events.length;
    for (const r of roles) ins.role.run(requestId, r);
    const dispositionIds: number[] = [];
    for (const d of dispositions) {
      const id = Number(ins.disposition.run(requestId, d.stepId, d.from, d.to, JSON.stringify(d.instructions), d.note, new Date(d.at).toISOString()).lastInsertRowid);
      // An open request waiting for its recipient: a third not yet read.
      const unread = d.readAt === null && random() < 0.3;
      const readAt = d.readAt ?? (unread ? null : Math.min(nowMs, d.at + 10 * 60_000));
      ins.recipient.run(id, d.recipient, readAt === null ? null : new Date(readAt).toISOString());
      dispositionIds.push(id);
      stats.dispositions++;
    }
    const first = steps.get(template.start);
    const startStep = first?.kind === 'task' && roleOf(first.actor)?.external ? first.next : template.start;
    audit(createdMs, deskUser, 'permohonan.dimulai', 'request', requestId, undefined, {
      letterId,
      template: `${template.key} v${templateId}`,
      step: startStep,
    });
    for (const [at, user, action, before, after, dIndex] of steppedAudit) {
      if (dIndex !== null) {
        const d = dispositions[dIndex];
        if (!d) continue;
        audit(at, user, action, 'request', requestId, undefined, {
          dispositionId: dispositionIds[dIndex],
          to: d.to,
          recipients: [d.recipient],
          instructions: d.instructions,
          note: d.note,
        });
      } else audit(at, user, action, 'request', requestId, before, after);
    }
    // The letter's status as syncLetterStatus computes it.
    let status: string;
    if (state === 'selesai' || state === 'dikembalikan') status = state;
    else if (dispositions.length === 0) status = 'baru';
    else {
      const awaiting = current.kind !== 'end' && current.kind !== 'disposition' && gated(current.actor);
      status = awaiting && !actedSinceDisposition ? 'didisposisi' : 'diproses';
    }
    ins.letterStatus.run(status, letterId);
    if (state === 'berjalan' || state === 'dijeda') {
      stats.open++;
      if (atBenchKabid) {
        stats.kabidQueue++;
        if (sampleOpen.length < 20) sampleOpen.push(letterId);
      }
    } else if (dispositions.length >= 2 && sampleClosed.length < 20 && random() < 0.01) sampleClosed.push(letterId);

    // A hosted system registered from the provisioning of a finished hosting or subdomain request.
    if (state === 'selesai' && opdId !== null && service !== 'website' && stats.hosted < nHosted && random() < hostedProbability) {
      const app = pick(random, APPS);
      let sub = slug(`${app}-${opdShort}`);
      for (let k = 2; usedSubdomains.has(sub); k++) sub = slug(`${app}-${opdShort}-${k}`);
      usedSubdomains.add(sub);
      const ip = `10.20.${Math.floor(nextIp / 256)}.${nextIp % 256}`;
      nextIp++;
      if (nextIp % 256 === 255) nextIp += 2;
      const tech = users.technical[Math.floor(random() * users.technical.length)] as number;
      const at = closedAt ?? t;
      const atIso = new Date(at).toISOString();
      const server = pick(random, serverIds);
      const stack = pick(random, ['PHP 8.2 / Laravel', 'PHP 7.4 / CodeIgniter', 'Node.js 20', 'WordPress 6', 'Python 3.11 / Django']);
      const database = pick(random, ['MariaDB 10.11', 'MySQL 8', 'PostgreSQL 15']);
      const systemId = Number(
        ins.system.run(opdId, `${app} ${opdShort}`, sub, server, stack, database, `https://panel.pekalongankota.go.id/${sub}`, sub.slice(0, 30), 'Operator OPD', '0285-421000', `${sub}@pekalongankota.go.id`, requestId, tech, atIso, atIso)
          .lastInsertRowid,
      );
      ins.address.run(ip, systemId, poolId);
      ins.history.run(systemId, 'aktif', 'Didaftarkan pada langkah permohonan.', tech, atIso);
      ins.link.run(systemId, requestId, letterId, null, tech, atIso);
      audit(at, tech, 'sistem_hosting.didaftarkan', 'hosted_system', systemId, undefined, {
        opdId,
        applicationName: `${app} ${opdShort}`,
        fqdn: `${sub}.pekalongankota.go.id`,
        addresses: [ip],
        serverId: server,
        stack,
        database,
        panelUrl: `https://panel.pekalongankota.go.id/${sub}`,
        panelUsername: sub.slice(0, 30),
        passwordSet: false,
        technicalContact: { name: 'Operator OPD', phone: '0285-421000', email: `${sub}@pekalongankota.go.id` },
        administrativeContact: { name: '', phone: '', email: '' },
        notes: '',
        status: 'aktif',
        requestId,
        letterId,
      });
      stats.hosted++;
    }
  };

  const writeDay = (dayIdx: number) => {
    const day = days[dayIdx] as number;
    const target = Math.round((nLetters * (dayIdx + 1)) / days.length);
    const count = target - letterIndex;
    const times = Array.from({ length: count }, () => day * DAY_MS - OFFICE_TZ_OFFSET_MS + (OPEN_MIN + random() * (CLOSE_MIN - OPEN_MIN - 10)) * MINUTE_MS).sort((a, b) => a - b);
    for (const receivedMs of times) {
      const isOpenZone = letterIndex >= lettersBeforeOpen;
      const wantRequest = requestIndex < nRequests && (isOpenZone ? openIndex < nOpen && random() < requestShare * 1.05 : random() < requestShare);
      const service = wantRequest ? pick(random, ['hosting', 'hosting', 'subdomain', 'subdomain', 'website'] as const) : 'lainnya';
      const fromOpd = wantRequest ? random() < 0.9 : random() < 0.55;
      const opd = fromOpd ? pick(random, opdRows) : null;
      const senderName = opd ? opd.name : pick(random, OTHER_SENDERS);
      const received = new Date(receivedMs);
      const local = new Date(receivedMs + OFFICE_TZ_OFFSET_MS);
      const year = local.getUTCFullYear();
      const seq = (counters.get(year) ?? 0) + 1;
      counters.set(year, seq);
      const code = service === 'lainnya' ? (random() < 0.6 ? '000' : '500.12') : '500.12';
      const agendaNumber = formatNumber(agendaFormat, { seq, code, year, month: local.getUTCMonth() + 1 });
      const app = pick(random, APPS);
      const short = opd?.short_name ?? 'umum';
      const fill = (template: string) =>
        template
          .replace('{app}', app)
          .replace('{sub}', slug(`${app}-${short}`))
          .replace('{opd}', senderName)
          .replace('{topic}', pick(random, TOPICS));
      const subject =
        service === 'hosting'
          ? fill(pick(random, HOSTING_SUBJECTS))
          : service === 'subdomain'
            ? fill(pick(random, SUBDOMAIN_SUBJECTS))
            : service === 'website'
              ? fill(pick(random, WEBSITE_SUBJECTS))
              : fill(pick(random, OTHER_SUBJECTS));
      const summary = random() < 0.8 ? `${words(8 + Math.floor(random() * 18))}.` : '';
      const letterDate = isoDay(localDay(receivedMs) - Math.floor(random() * 7));
      const letterNumber = `${code === '000' ? '005' : '500.12'}/${1 + Math.floor(random() * 900)}/${short.replace(/[^A-Za-z]/g, '')}/${year}`;
      const nature = random() < 0.7 ? 'biasa' : random() < 0.66 ? 'segera' : random() < 0.75 ? 'sangat_segera' : 'rahasia';
      const deskUser = pick(random, users.front_desk);
      const createdMs = receivedMs + 60_000 + Math.floor(random() * 120_000);
      const letterId = Number(
        ins.letter.run(year, seq, agendaNumber, opd?.id ?? null, senderName, letterNumber, letterDate, received.toISOString(), subject, summary, nature, code, service, 'baru', deskUser, new Date(createdMs).toISOString())
          .lastInsertRowid,
      );
      ins.counter.run(year, seq);
      audit(createdMs, deskUser, 'surat.dicatat', 'letter', letterId, undefined, { agendaNumber, senderName, letterNumber, subject, attachments: [] });
      if (wantRequest) {
        let plan: 'kabid' | 'other' | null = null;
        if (isOpenZone) {
          plan = openIndex % 3 === 0 ? 'kabid' : 'other';
          openIndex++;
        }
        walkRequest(letterId, service, receivedMs, createdMs, deskUser, short, opd?.id ?? null, plan);
        requestIndex++;
      }
      letterIndex++;
    }
    flushAudit(new Date((day + 1) * DAY_MS - OFFICE_TZ_OFFSET_MS).toISOString());
  };

  const chunk = 20;
  let lastLog = Date.now();
  for (let i = 0; i < days.length; i += chunk) {
    db.transaction(() => {
      for (let k = i; k < Math.min(days.length, i + chunk); k++) writeDay(k);
    })();
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log(`  … ${letterIndex.toLocaleString('id-ID')} surat, ${stats.requests.toLocaleString('id-ID')} permohonan (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
  db.transaction(() => flushAudit(null))();
  log(`  … indeks dan indeks teks dibangun ulang (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  for (const d of deferred) db.exec(d.sql);
  db.exec("INSERT INTO letters_fts(letters_fts) VALUES ('rebuild')");
  db.pragma('journal_mode = WAL');
  const counts: Record<string, number> = {};
  for (const table of ['letters', 'requests', 'request_events', 'dispositions', 'disposition_recipients', 'audit_log', 'hosted_systems', 'calendar_days']) {
    counts[table] = (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  counts.openRequests = stats.open;
  counts.kabidQueue = stats.kabidQueue;
  if (params.scale <= 0.2) {
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) throw new Error(`foreign_key_check: ${fk.length} masalah`);
    const chain = verifyAudit(db);
    if (!chain.ok) throw new Error(`rantai audit: ${chain.broken?.reason}`);
  }
  db.close();
  return {
    generatorVersion: GENERATOR_VERSION,
    schemaVersion: LATEST_SCHEMA_VERSION,
    params,
    now: BENCH_NOW,
    counts,
    users: {
      frontDesk: users.front_desk[0] as number,
      kadis: users.kadis[0] as number,
      kabid: benchKabid,
      technical: users.technical[0] as number,
      admin: admin.id,
    },
    passwords: BENCH_PASSWORD,
    sampleLetters: { closed: sampleClosed, open: sampleOpen },
    generatedInSeconds: Math.round((Date.now() - started) / 1000),
  };
}
