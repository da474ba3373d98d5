/**
 * Users, passwords and sessions. Passwords are hashed with scrypt (memory-hard, in Node itself);
 * a session is a random token whose hash is kept in the register and which ends after idle time
 * (office setting, 8 hours by default) and in any case 24 hours after login. A session opened at
 * a paired desk (issue 8) is valid only from that desk.
 */
import crypto from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import type { Role } from '../../../shared/api/roles';
import type { User } from '../../../shared/api/schemas';
import type { Db } from '../db/register';
import { SESSION_ABSOLUTE_HOURS } from '../../../shared/api/lan-schemas';
import { sessionIdleMinutes } from './lan';

const SCRYPT = { N: 1 << 15, r: 8, p: 1, keyLength: 32 } as const;
/** A session not used for this long must log in again: the default of the office setting. */
export const SESSION_IDLE_MINUTES = 8 * 60;
/** No session lives longer than this, however busy. */
export const SESSION_ABSOLUTE_MINUTES = SESSION_ABSOLUTE_HOURS * 60;

export function hashPassword(password: string): string {
  const salt = crypto.randomBytes(16);
  const key = crypto.scryptSync(password.normalize('NFKC'), salt, SCRYPT.keyLength, {
    N: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
    maxmem: 128 * SCRYPT.N * SCRYPT.r * 2,
  });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  const key = crypto.scryptSync(password.normalize('NFKC'), salt, expected.length, { N, r, p, maxmem: 128 * N * r * 2 });
  return key.length === expected.length && crypto.timingSafeEqual(key, expected);
}

function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

interface UserRow {
  id: number;
  username: string;
  full_name: string;
  role: Role;
  official_id: number | null;
  active: number;
  password_hash: string;
}

export function toUser(row: Omit<UserRow, 'password_hash'>): User {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    officialId: row.official_id,
    active: row.active === 1,
  };
}

/** A fixed hash to compare against when the user does not exist, so timing does not tell. */
let dummyHash: string | null = null;

export function login(db: Db, username: string, password: string, now: Date, deskId: string | null = null): { token: string; user: User } {
  const row = db
    .prepare('SELECT id, username, full_name, role, official_id, active, password_hash FROM users WHERE username = ?')
    .get(username.trim().toLowerCase()) as UserRow | undefined;
  if (!row) {
    dummyHash ??= hashPassword('loket-dummy-password');
    verifyPassword(password, dummyHash);
    throw new ApiError('UNAUTHENTICATED', 'Nama pengguna atau kata sandi salah.');
  }
  if (!verifyPassword(password, row.password_hash)) throw new ApiError('UNAUTHENTICATED', 'Nama pengguna atau kata sandi salah.');
  if (row.active !== 1) throw new ApiError('FORBIDDEN', 'Akun ini sudah dinonaktifkan. Hubungi administrator.');
  const token = crypto.randomBytes(32).toString('base64url');
  const at = now.toISOString();
  db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, desk_id) VALUES (?, ?, ?, ?, ?)').run(tokenHash(token), row.id, at, at, deskId);
  return { token, user: toUser(row) };
}

/**
 * The user behind a token, refreshing its idle clock; throws when the session is gone. `deskId`:
 * the paired desk the call came from (null: the host itself); a session is valid only there.
 */
export function resolveSession(db: Db, token: string, now: Date, deskId: string | null = null): User {
  const row = db
    .prepare(
      `SELECT s.created_at, s.last_seen_at, s.ended_at, s.desk_id, u.id, u.username, u.full_name, u.role, u.official_id, u.active
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
    )
    .get(tokenHash(token)) as
    | (Omit<UserRow, 'password_hash'> & { created_at: string; last_seen_at: string; ended_at: string | null; desk_id: string | null })
    | undefined;
  if (!row || row.ended_at !== null || (row.desk_id ?? null) !== deskId) throw new ApiError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
  const idleMs = now.getTime() - Date.parse(row.last_seen_at);
  if (idleMs > sessionIdleMinutes(db) * 60_000) throw new ApiError('SESSION_EXPIRED', 'Sesi Anda telah berakhir. Silakan masuk kembali.');
  if (now.getTime() - Date.parse(row.created_at) > SESSION_ABSOLUTE_MINUTES * 60_000) {
    throw new ApiError('SESSION_EXPIRED', `Sesi Anda sudah berjalan ${SESSION_ABSOLUTE_HOURS} jam dan berakhir. Silakan masuk kembali.`);
  }
  if (row.active !== 1) throw new ApiError('FORBIDDEN', 'Akun ini sudah dinonaktifkan. Hubungi administrator.');
  if (idleMs > 60_000) db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now.toISOString(), tokenHash(token));
  return toUser(row);
}

export function logout(db: Db, token: string, now: Date): void {
  db.prepare('UPDATE sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL').run(now.toISOString(), tokenHash(token));
}
