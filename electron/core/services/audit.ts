/**
 * The audit log: every change appended as a row whose hash covers the previous row's hash, so a
 * row edited or removed afterwards breaks the chain. `loket verify` walks the chain.
 *
 * Since register schema 7 a row also names the desk that made the change (`desk_id`, NULL on the
 * host itself). The dispatcher sets the desk for everything a call does (auditScope), so services
 * need not pass it. The desk is part of the hashed content only when it is set: rows written before
 * schema 7 (all NULL) hash exactly as they did, and a desk added to or removed from a row later
 * breaks the chain like any other edit.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';
import type { Db } from '../db/register';

/** The desk on whose behalf the current call runs (set by the dispatcher around each call). */
export const auditScope = new AsyncLocalStorage<{ deskId: string | null }>();

export interface AuditEntry {
  at: string;
  userId: number | null;
  /** What happened, e.g. "surat.dicatat", "langkah.selesai", "disposisi.dikirim". */
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
  /** Default: the desk of the current call (auditScope), else none (the host itself). */
  deskId?: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

interface AuditRow {
  id: number;
  at: string;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
  /** Absent on a register before schema 7. */
  desk_id?: string | null;
}

function rowHash(prevHash: string, row: Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>): string {
  const content: Record<string, unknown> = {
    at: row.at,
    user: row.user_id,
    action: row.action,
    entity: row.entity,
    id: row.entity_id,
    before: row.before,
    after: row.after,
  };
  // Only when set, so that the rows of the host itself and all rows before schema 7 keep their hash.
  if (row.desk_id !== null && row.desk_id !== undefined) content.desk = row.desk_id;
  return crypto.createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

/** Appends one entry. Call it inside the transaction that makes the change. */
export function appendAudit(db: Db, entry: AuditEntry): void {
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row = {
    at: entry.at,
    user_id: entry.userId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId === null ? null : String(entry.entityId),
    before: entry.before === undefined ? null : canonicalJson(entry.before),
    after: entry.after === undefined ? null : canonicalJson(entry.after),
    desk_id: entry.deskId !== undefined ? entry.deskId : (auditScope.getStore()?.deskId ?? null),
  };
  db.prepare(
    `INSERT INTO audit_log (at, user_id, action, entity, entity_id, before, after, prev_hash, hash, desk_id)
     VALUES (@at, @user_id, @action, @entity, @entity_id, @before, @after, @prev_hash, @hash, @desk_id)`,
  ).run({ ...row, prev_hash: prevHash, hash: rowHash(prevHash, row) });
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first row whose link is broken, and why (Indonesian). */
  broken: { id: number; reason: string } | null;
}

export function verifyAudit(db: Db): VerifyResult {
  let prev = GENESIS_HASH;
  let checked = 0;
  let expectedId: number | null = null;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    if (expectedId !== null && row.id !== expectedId) {
      return { ok: false, checked, broken: { id: expectedId, reason: `Entri ${expectedId} hilang dari log audit.` } };
    }
    if (row.prev_hash !== prev) {
      return { ok: false, checked, broken: { id: row.id, reason: `Entri ${row.id} tidak tersambung ke entri sebelumnya.` } };
    }
    if (rowHash(prev, row) !== row.hash) {
      return { ok: false, checked, broken: { id: row.id, reason: `Isi entri ${row.id} telah diubah sesudah dicatat.` } };
    }
    prev = row.hash;
    checked++;
    expectedId = row.id + 1;
  }
  return { ok: true, checked, broken: null };
}

export interface AuditView {
  id: number;
  at: string;
  userName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  /** The paired desk that made the change (null: on the host itself). */
  deskId: string | null;
  deskName: string | null;
}

export function listAudit(db: Db, entity: string, entityIds: string[]): AuditView[] {
  if (entityIds.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT a.*, u.full_name AS user_name, d.name AS desk_name FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
        LEFT JOIN lan_desks d ON d.id = a.desk_id
        WHERE a.entity = ? AND a.entity_id IN (SELECT value FROM json_each(?)) ORDER BY a.id`,
    )
    .all(entity, JSON.stringify(entityIds)) as Array<AuditRow & { user_name: string | null; desk_name: string | null }>;
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userName: r.user_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
    deskId: r.desk_id ?? null,
    deskName: r.desk_name,
  }));
}
