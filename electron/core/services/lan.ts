/**
 * Several desks, one register (issue 8), on the host's side: the LAN settings, one-time pairing
 * codes, paired desks and their credentials, the idempotency keys of desks' saves, and the limit on
 * login attempts. Plain Node over the register; the HTTPS listener is electron/host/lan.ts.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { ApiError } from '../../../shared/api/errors';
import {
  LanSettingsSchema,
  PAIRING_CODE_ALPHABET,
  PAIRING_CODE_LENGTH,
  PAIRING_CODE_MINUTES,
  SESSION_IDLE_HOURS_DEFAULT,
  formatPairingCode,
  normalizePairingCode,
  type Desk,
  type LanSettings,
  type LanStatus,
} from '../../../shared/api/lan-schemas';
import type { User } from '../../../shared/api/schemas';
import type { Db } from '../db/register';
import { appendAudit } from './audit';
import { readHostCertificate } from './tls';

/* ---------- settings ---------- */

const SETTINGS_KEY = 'lan';

export function getLanSettings(db: Db): LanSettings {
  let raw: unknown = {};
  try {
    const row = db.prepare('SELECT value FROM host_settings WHERE key = ?').get(SETTINGS_KEY) as { value: string } | undefined;
    if (row) raw = JSON.parse(row.value) as unknown;
  } catch {
    raw = {};
  }
  const parsed = LanSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : LanSettingsSchema.parse({});
}

export function sessionIdleMinutes(db: Db): number {
  try {
    return getLanSettings(db).sessionIdleHours * 60;
  } catch {
    return SESSION_IDLE_HOURS_DEFAULT * 60;
  }
}

export function saveLanSettings(db: Db, input: LanSettings, user: User | null, now: Date): LanSettings {
  const before = getLanSettings(db);
  const next = LanSettingsSchema.parse(input);
  db.transaction(() => {
    db.prepare('INSERT INTO host_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      SETTINGS_KEY,
      JSON.stringify(next),
    );
    appendAudit(db, { at: now.toISOString(), userId: user?.id ?? null, action: 'lan.pengaturan.diubah', entity: 'lan', entityId: null, before, after: next });
  })();
  lanRuntime(db).onSettingsSaved?.(next);
  return next;
}

/* ---------- what the shell tells the core about the listener ---------- */

export interface LanRuntime {
  dataDir: string | null;
  listening: boolean;
  error: string | null;
  /** The shell (electron/host/lan.ts) applies saved settings: starts, moves or stops the listener. */
  onSettingsSaved?: (settings: LanSettings) => void;
}

const runtimes = new WeakMap<Db, LanRuntime>();

export function lanRuntime(db: Db): LanRuntime {
  let runtime = runtimes.get(db);
  if (!runtime) {
    runtime = { dataDir: null, listening: false, error: null };
    runtimes.set(db, runtime);
  }
  return runtime;
}

/** IPv4 addresses of this computer's network cards (not loopback). */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  }
  return out;
}

export function lanStatus(db: Db, dataDir: string): LanStatus {
  const settings = getLanSettings(db);
  const runtime = lanRuntime(db);
  const cert = readHostCertificate(runtime.dataDir ?? dataDir);
  const hosts = settings.address === '0.0.0.0' ? lanAddresses() : [settings.address];
  const active = db.prepare('SELECT COUNT(*) AS n FROM lan_desks WHERE revoked_at IS NULL').get() as { n: number };
  return {
    enabled: settings.enabled,
    listening: runtime.listening,
    address: settings.address,
    port: settings.port,
    urls: hosts.map((h) => `https://${h}:${settings.port}`),
    fingerprint: cert?.fingerprint ?? null,
    error: runtime.error,
    activeDesks: active.n,
  };
}

/* ---------- pairing ---------- */

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

function randomCode(): string {
  let code = '';
  while (code.length < PAIRING_CODE_LENGTH) code += PAIRING_CODE_ALPHABET[crypto.randomInt(PAIRING_CODE_ALPHABET.length)];
  return code;
}

export function createPairingCode(db: Db, dataDir: string, user: User, now: Date): { code: string; expiresAt: string; fingerprint: string | null } {
  const code = randomCode();
  const expiresAt = new Date(now.getTime() + PAIRING_CODE_MINUTES * 60_000).toISOString();
  db.transaction(() => {
    db.prepare('DELETE FROM lan_pairing_codes WHERE expires_at < ? AND used_at IS NULL').run(now.toISOString());
    db.prepare('INSERT INTO lan_pairing_codes (code_hash, created_by, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
      sha256(code),
      user.id,
      now.toISOString(),
      expiresAt,
    );
    appendAudit(db, { at: now.toISOString(), userId: user.id, action: 'lan.kode.dibuat', entity: 'lan', entityId: null, after: { expiresAt } });
  })();
  return { code: formatPairingCode(code), expiresAt, fingerprint: readHostCertificate(lanRuntime(db).dataDir ?? dataDir)?.fingerprint ?? null };
}

const PAIR_LIMIT = { failures: 10, minutes: 15 };

export function pairDesk(
  db: Db,
  input: { code: string; deskName: string },
  now: Date,
  address: string | null,
): { deskId: string; deskSecret: string; agencyName: string | null } {
  const limitKey = `pasang|${address ?? 'lokal'}`;
  assertAttemptsAllowed(db, limitKey, PAIR_LIMIT, now, 'Terlalu banyak percobaan kode pemasangan.');
  const code = normalizePairingCode(input.code);
  const row = code
    ? (db.prepare('SELECT code_hash, created_by, expires_at, used_at FROM lan_pairing_codes WHERE code_hash = ?').get(sha256(code)) as
        | { code_hash: string; created_by: number; expires_at: string; used_at: string | null }
        | undefined)
    : undefined;
  if (!row || row.used_at !== null || row.expires_at < now.toISOString()) {
    recordAttemptFailure(db, limitKey, now);
    const message = row && row.used_at === null ? 'Kode pemasangan sudah kedaluwarsa. Buat kode baru di komputer host.' : 'Kode pemasangan salah atau sudah dipakai.';
    throw new ApiError('INVALID_INPUT', message, { code: message });
  }
  const deskId = `meja-${crypto.randomBytes(5).toString('hex')}`;
  const deskSecret = crypto.randomBytes(32).toString('base64url');
  db.transaction(() => {
    db.prepare('INSERT INTO lan_desks (id, name, secret_hash, paired_at, paired_by, last_address) VALUES (?, ?, ?, ?, ?, ?)').run(
      deskId,
      input.deskName,
      sha256(deskSecret),
      now.toISOString(),
      row.created_by,
      address,
    );
    db.prepare('UPDATE lan_pairing_codes SET used_at = ?, desk_id = ? WHERE code_hash = ?').run(now.toISOString(), deskId, row.code_hash);
    appendAudit(db, {
      at: now.toISOString(),
      userId: row.created_by,
      action: 'lan.meja.dipasangkan',
      entity: 'lan',
      entityId: deskId,
      after: { name: input.deskName, address },
      deskId,
    });
  })();
  const office = db.prepare('SELECT agency_name FROM office WHERE id = 1').get() as { agency_name: string } | undefined;
  return { deskId, deskSecret, agencyName: office?.agency_name ?? null };
}

/* ---------- desks ---------- */

interface DeskRow {
  id: string;
  name: string;
  paired_at: string;
  paired_by_name: string | null;
  last_seen_at: string | null;
  last_address: string | null;
  revoked_at: string | null;
}

function toDesk(r: DeskRow): Desk {
  return {
    id: r.id,
    name: r.name,
    pairedAt: r.paired_at,
    pairedBy: r.paired_by_name,
    lastSeenAt: r.last_seen_at,
    lastAddress: r.last_address,
    revokedAt: r.revoked_at,
  };
}

const DESK_SELECT = `SELECT d.id, d.name, d.paired_at, u.full_name AS paired_by_name, d.last_seen_at, d.last_address, d.revoked_at
  FROM lan_desks d LEFT JOIN users u ON u.id = d.paired_by`;

export function listDesks(db: Db): Desk[] {
  return (db.prepare(`${DESK_SELECT} ORDER BY d.revoked_at IS NOT NULL, d.paired_at`).all() as DeskRow[]).map(toDesk);
}

export function revokeDesk(db: Db, id: string, user: User, now: Date): Desk {
  const found = db.prepare(`${DESK_SELECT} WHERE d.id = ?`).get(id) as DeskRow | undefined;
  if (!found) throw new ApiError('NOT_FOUND', 'Meja tidak ditemukan.');
  if (found.revoked_at === null) {
    db.transaction(() => {
      db.prepare('UPDATE lan_desks SET revoked_at = ?, revoked_by = ? WHERE id = ?').run(now.toISOString(), user.id, id);
      db.prepare('UPDATE sessions SET ended_at = ? WHERE desk_id = ? AND ended_at IS NULL').run(now.toISOString(), id);
      appendAudit(db, { at: now.toISOString(), userId: user.id, action: 'lan.meja.dicabut', entity: 'lan', entityId: id, before: { name: found.name } });
    })();
  }
  return toDesk(db.prepare(`${DESK_SELECT} WHERE d.id = ?`).get(id) as DeskRow);
}

/**
 * The desk behind an `X-Loket-Desk: <id>:<secret>` header, or null when it is missing, wrong or
 * revoked. Notes when and from where the desk was last seen (at most once a minute).
 */
export function verifyDeskCredential(db: Db, header: string | undefined, now: Date, address: string | null): string | null {
  if (!header) return null;
  const at = header.indexOf(':');
  if (at <= 0) return null;
  const id = header.slice(0, at).trim();
  const secret = header.slice(at + 1).trim();
  if (!id || !secret || id.length > 40 || secret.length > 200) return null;
  const row = db.prepare('SELECT secret_hash, revoked_at, last_seen_at, last_address FROM lan_desks WHERE id = ?').get(id) as
    | { secret_hash: string; revoked_at: string | null; last_seen_at: string | null; last_address: string | null }
    | undefined;
  if (!row || row.revoked_at !== null) return null;
  const expected = Buffer.from(row.secret_hash, 'hex');
  const given = Buffer.from(sha256(secret), 'hex');
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  const stale = row.last_seen_at === null || now.getTime() - Date.parse(row.last_seen_at) > 60_000 || row.last_address !== address;
  if (stale) db.prepare('UPDATE lan_desks SET last_seen_at = ?, last_address = ? WHERE id = ?').run(now.toISOString(), address, id);
  return id;
}

/* ---------- idempotency keys ---------- */

const KEEP_KEYS_DAYS = 7;

export interface StoredResult {
  call: string;
  deskId: string | null;
  userId: number | null;
  value: unknown;
}

export function findIdempotentResult(db: Db, key: string): StoredResult | null {
  const row = db.prepare('SELECT call, desk_id, user_id, result FROM idempotency_keys WHERE key = ?').get(key) as
    | { call: string; desk_id: string | null; user_id: number | null; result: string }
    | undefined;
  if (!row) return null;
  return { call: row.call, deskId: row.desk_id, userId: row.user_id, value: JSON.parse(row.result) as unknown };
}

/** Call inside the transaction that made the change. */
export function storeIdempotentResult(db: Db, key: string, call: string, deskId: string | null, userId: number | null, value: unknown, now: Date): void {
  db.prepare('INSERT INTO idempotency_keys (key, call, desk_id, user_id, result, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    key,
    call,
    deskId,
    userId,
    JSON.stringify(value ?? null),
    now.toISOString(),
  );
}

let lastPrune = 0;
export function pruneIdempotencyKeys(db: Db, now: Date): void {
  if (now.getTime() - lastPrune < 3_600_000) return;
  lastPrune = now.getTime();
  db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(new Date(now.getTime() - KEEP_KEYS_DAYS * 86_400_000).toISOString());
  db.prepare('DELETE FROM login_failures WHERE at < ?').run(new Date(now.getTime() - 86_400_000).toISOString());
}

/* ---------- limits on attempts ---------- */

export const LOGIN_LIMIT = { failures: 5, minutes: 15 };

export function loginAttemptKey(username: string, deskId: string | null): string {
  return `masuk|${username.trim().toLowerCase()}|${deskId ?? 'host'}`;
}

export function assertAttemptsAllowed(db: Db, key: string, limit: { failures: number; minutes: number }, now: Date, what: string): void {
  const since = new Date(now.getTime() - limit.minutes * 60_000).toISOString();
  const rows = db.prepare('SELECT at FROM login_failures WHERE key = ? AND at > ? ORDER BY at').all(key, since) as Array<{ at: string }>;
  if (rows.length < limit.failures) return;
  // Free again when the oldest failure that still counts leaves the window.
  const oldest = rows[rows.length - limit.failures]?.at ?? since;
  const waitMs = Date.parse(oldest) + limit.minutes * 60_000 - now.getTime();
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  throw new ApiError('TOO_MANY_ATTEMPTS', `${what} Coba lagi dalam ${minutes} menit.`);
}

export function recordAttemptFailure(db: Db, key: string, now: Date): void {
  db.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)').run(key, now.toISOString());
}

export function clearAttemptFailures(db: Db, key: string): void {
  db.prepare('DELETE FROM login_failures WHERE key = ?').run(key);
}
