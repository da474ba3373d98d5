/**
 * The register of hosted systems: what the office hosts for each OPD (subdomain, IP addresses,
 * server, stack, web panel, contacts), its status with history, its maintenance log, its security
 * evaluations, and the requests and letters it came from. The settings it draws on — parent
 * domains, IP pools, servers — are kept by the administrator.
 *
 * The provisioning steps of an SOP (template steps whose `records` include 'hosting_record' or
 * 'security_evaluation') fill these records: with a requestId, only the actor of the request's
 * current step may record, and the record is linked to the request and its letter.
 *
 * Every change is appended to the audit log (entity 'hosted_system') in its own transaction. The
 * web-panel password is kept only sealed by a SecretBox; it never appears in a list, a get, the
 * audit log or a log line.
 */
import { ApiError } from '../../../shared/api/errors';
import type { Role } from '../../../shared/api/roles';
import type { User } from '../../../shared/api/schemas';
import {
  HOSTING_EDIT_ROLES,
  HOSTING_STATUS_LABELS,
  PASSWORD_REVEAL_ROLES,
  PASSWORD_SET_ROLES,
  type Contact,
  type HostedSystem,
  type HostedSystemInput,
  type HostedSystemSummary,
  type HostingForRequest,
  type HostingListFilter,
  type HostingSettings,
  type HostingSettingsInput,
  type HostingStatus,
  type MaintenanceInput,
  type SecurityEvaluation,
  type SecurityEvaluationInput,
} from '../../../shared/api/hosting-schemas';
import { formatDateId, localIsoDate } from '../../../shared/domain/dates';
import { fqdn, normalizeDomain, normalizeLabel, validateParentDomain, validateSubdomain } from '../../../shared/domain/dns';
import { contains, findPool, isUsable, nextFreeAddress, overlaps, parseAddress, parseCidr, usableRange, type IpVersion } from '../../../shared/domain/ip';
import type { Db } from '../db/register';
import { appendAudit, canonicalJson } from './audit';
import { opdNameKey } from './office';
import { getRequestView } from './requests';
import { generatePassword, type SecretBox } from './secrets';
import { getTemplate } from './sop';

export const HOSTED_SYSTEM_ENTITY = 'hosted_system';
export const HOSTING_SETTINGS_ENTITY = 'hosting_settings';

type RecordKind = 'hosting_record' | 'security_evaluation';

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

interface Problem {
  code: 'INVALID_INPUT' | 'CONFLICT' | 'NOT_FOUND';
  field: string;
  message: string;
}

/** Throws all problems at once: the first one's code and message, every field for the form. */
function throwProblems(problems: Problem[]): void {
  const first = problems[0];
  if (!first) return;
  const fields: Record<string, string> = {};
  for (const p of problems) if (!fields[p.field]) fields[p.field] = p.message;
  throw new ApiError(first.code, first.message, fields);
}

function requireRole(user: User, roles: readonly Role[], message: string): void {
  if (!roles.includes(user.role)) throw new ApiError('FORBIDDEN', message);
}

function officeTimeZone(db: Db): string {
  const row = db.prepare('SELECT time_zone FROM office WHERE id = 1').get() as { time_zone: string } | undefined;
  return row?.time_zone ?? 'Asia/Jakarta';
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ---------------------------------------------------------------------------------------------
// Settings: parent domains, IP pools, servers
// ---------------------------------------------------------------------------------------------

interface DomainRow {
  id: number;
  domain: string;
  active: number;
  systems: number;
}

interface PoolRow {
  id: number;
  label: string;
  cidr: string;
  version: IpVersion;
  reserved: string;
  active: number;
  used: number;
}

interface ServerRow {
  id: number;
  name: string;
  notes: string;
  active: number;
  systems: number;
}

function domainRows(db: Db): DomainRow[] {
  return db
    .prepare(
      `SELECT d.id, d.domain, d.active, (SELECT COUNT(*) FROM hosted_systems s WHERE s.parent_domain = d.domain) AS systems
         FROM hosting_parent_domains d ORDER BY d.position, d.id`,
    )
    .all() as DomainRow[];
}

function poolRows(db: Db): PoolRow[] {
  return db
    .prepare(
      `SELECT p.id, p.label, p.cidr, p.version, p.reserved, p.active,
              (SELECT COUNT(*) FROM hosted_system_addresses a WHERE a.pool_id = p.id) AS used
         FROM hosting_ip_pools p ORDER BY p.position, p.id`,
    )
    .all() as PoolRow[];
}

function serverRows(db: Db): ServerRow[] {
  return db
    .prepare(
      `SELECT v.id, v.name, v.notes, v.active, (SELECT COUNT(*) FROM hosted_systems s WHERE s.server_id = v.id) AS systems
         FROM hosting_servers v ORDER BY v.position, v.id`,
    )
    .all() as ServerRow[];
}

export function getHostingSettings(db: Db): HostingSettings {
  return {
    parentDomains: domainRows(db).map((d) => ({ id: d.id, domain: d.domain, active: d.active === 1, systems: d.systems })),
    pools: poolRows(db).map((p) => {
      const range = usableRange(p.cidr);
      return {
        id: p.id,
        label: p.label,
        cidr: p.cidr,
        version: p.version,
        reserved: JSON.parse(p.reserved) as string[],
        active: p.active === 1,
        used: p.used,
        capacity: range.count.toString(),
        firstUsable: range.first,
        lastUsable: range.last,
      };
    }),
    servers: serverRows(db).map((s) => ({ id: s.id, name: s.name, notes: s.notes, active: s.active === 1, systems: s.systems })),
  };
}

function settingsForAudit(s: HostingSettings) {
  return {
    parentDomains: s.parentDomains.map((d) => ({ id: d.id, domain: d.domain, active: d.active })),
    pools: s.pools.map((p) => ({ id: p.id, label: p.label, cidr: p.cidr, reserved: p.reserved, active: p.active })),
    servers: s.servers.map((v) => ({ id: v.id, name: v.name, notes: v.notes, active: v.active })),
  };
}

function holderOf(db: Db, address: string): { id: number; application_name: string; opd_name: string; subdomain: string; parent_domain: string } | undefined {
  return db
    .prepare(
      `SELECT s.id, s.application_name, o.name AS opd_name, s.subdomain, s.parent_domain
         FROM hosted_system_addresses a JOIN hosted_systems s ON s.id = a.hosted_system_id JOIN opd o ON o.id = s.opd_id
        WHERE a.address = ?`,
    )
    .get(address) as { id: number; application_name: string; opd_name: string; subdomain: string; parent_domain: string } | undefined;
}

function checkSettings(db: Db, input: HostingSettingsInput): void {
  const problems: Problem[] = [];
  const existingDomains = new Map(domainRows(db).map((d) => [d.id, d]));
  const existingPools = new Map(poolRows(db).map((p) => [p.id, p]));
  const existingServers = new Map(serverRows(db).map((s) => [s.id, s]));

  // Parent domains.
  const seenDomains = new Map<string, number>();
  input.parentDomains.forEach((d, i) => {
    const field = `parentDomains.${i}.domain`;
    const domain = normalizeDomain(d.domain);
    const problem = validateParentDomain(domain);
    if (problem) problems.push({ code: 'INVALID_INPUT', field, message: problem });
    if (seenDomains.has(domain)) problems.push({ code: 'INVALID_INPUT', field, message: `Domain induk ${domain} tertulis dua kali.` });
    seenDomains.set(domain, i);
    if (d.id !== undefined) {
      const old = existingDomains.get(d.id);
      if (!old) problems.push({ code: 'NOT_FOUND', field, message: `Domain induk nomor ${d.id} tidak ada (mungkin baru dihapus di meja lain). Muat ulang pengaturan.` });
      else if (old.domain !== domain && old.systems > 0) {
        problems.push({
          code: 'CONFLICT',
          field,
          message: `Domain induk ${old.domain} dipakai oleh ${old.systems} sistem sehingga namanya tidak dapat diganti. Tambahkan ${domain} sebagai domain induk baru.`,
        });
      }
    }
  });
  const keptDomainIds = new Set(input.parentDomains.map((d) => d.id).filter((id): id is number => id !== undefined));
  for (const old of existingDomains.values()) {
    if (!keptDomainIds.has(old.id) && old.systems > 0) {
      problems.push({
        code: 'CONFLICT',
        field: 'parentDomains',
        message: `Domain induk ${old.domain} masih dipakai oleh ${old.systems} sistem sehingga tidak dapat dihapus; nonaktifkan saja bila tidak dipakai lagi.`,
      });
    }
  }

  // IP pools.
  const parsedPools: Array<{ i: number; cidr: string; label: string }> = [];
  input.pools.forEach((p, i) => {
    const field = `pools.${i}.cidr`;
    const parsed = parseCidr(p.cidr);
    if (!parsed.ok) {
      problems.push({ code: 'INVALID_INPUT', field, message: parsed.reason });
      return;
    }
    const cidr = parsed.value.text;
    for (const other of parsedPools) {
      if (other.cidr === cidr) problems.push({ code: 'INVALID_INPUT', field, message: `Blok ${cidr} tertulis dua kali.` });
      else if (overlaps(other.cidr, cidr)) {
        problems.push({ code: 'INVALID_INPUT', field, message: `Blok ${cidr} tumpang-tindih dengan blok ${other.cidr} ("${other.label}"). Satu alamat hanya boleh ada di satu kumpulan.` });
      }
    }
    parsedPools.push({ i, cidr, label: p.label });
    p.reserved.forEach((r, k) => {
      const address = parseAddress(r);
      if (!address.ok) {
        problems.push({ code: 'INVALID_INPUT', field: `pools.${i}.reserved.${k}`, message: address.reason });
        return;
      }
      if (!contains(cidr, address.value.address)) {
        problems.push({ code: 'INVALID_INPUT', field: `pools.${i}.reserved.${k}`, message: `Alamat cadangan ${address.value.address} berada di luar blok ${cidr}.` });
        return;
      }
      const holder = holderOf(db, address.value.address);
      if (holder) {
        problems.push({
          code: 'CONFLICT',
          field: `pools.${i}.reserved.${k}`,
          message: `Alamat ${address.value.address} sudah dipakai oleh ${holder.application_name} (${holder.opd_name}) sehingga tidak dapat dicadangkan.`,
        });
      }
    });
    if (p.id !== undefined) {
      const old = existingPools.get(p.id);
      if (!old) {
        problems.push({ code: 'NOT_FOUND', field, message: `Kumpulan alamat nomor ${p.id} tidak ada (mungkin baru dihapus di meja lain). Muat ulang pengaturan.` });
      } else if (old.cidr !== cidr) {
        const assigned = db
          .prepare(
            `SELECT a.address, s.application_name FROM hosted_system_addresses a JOIN hosted_systems s ON s.id = a.hosted_system_id
              WHERE a.pool_id = ? ORDER BY a.address`,
          )
          .all(old.id) as Array<{ address: string; application_name: string }>;
        const outside = assigned.find((a) => !isUsable(cidr, a.address));
        if (outside) {
          problems.push({
            code: 'CONFLICT',
            field,
            message: `Blok baru ${cidr} tidak lagi memuat alamat ${outside.address} yang dipakai oleh ${outside.application_name}. Pindahkan alamat sistem itu dahulu.`,
          });
        }
      }
    }
  });
  const keptPoolIds = new Set(input.pools.map((p) => p.id).filter((id): id is number => id !== undefined));
  for (const old of existingPools.values()) {
    if (!keptPoolIds.has(old.id) && old.used > 0) {
      problems.push({
        code: 'CONFLICT',
        field: 'pools',
        message: `Kumpulan ${old.label} (${old.cidr}) masih memuat ${old.used} alamat yang dipakai sistem sehingga tidak dapat dihapus; nonaktifkan saja.`,
      });
    }
  }

  // Servers.
  const seenServers = new Set<string>();
  input.servers.forEach((s, i) => {
    const field = `servers.${i}.name`;
    const key = opdNameKey(s.name);
    if (seenServers.has(key)) problems.push({ code: 'INVALID_INPUT', field, message: `Server "${s.name}" tertulis dua kali.` });
    seenServers.add(key);
    if (s.id !== undefined && !existingServers.has(s.id)) {
      problems.push({ code: 'NOT_FOUND', field, message: `Server nomor ${s.id} tidak ada (mungkin baru dihapus di meja lain). Muat ulang pengaturan.` });
    }
  });
  const keptServerIds = new Set(input.servers.map((s) => s.id).filter((id): id is number => id !== undefined));
  for (const old of existingServers.values()) {
    if (!keptServerIds.has(old.id) && old.systems > 0) {
      problems.push({
        code: 'CONFLICT',
        field: 'servers',
        message: `Server ${old.name} masih dipakai oleh ${old.systems} sistem sehingga tidak dapat dihapus; nonaktifkan saja.`,
      });
    }
  }
  throwProblems(problems);
}

/** Replaces the settings with the lists given (rows without id are added, rows left out are removed). */
export function saveHostingSettings(db: Db, input: HostingSettingsInput, user: User, now: Date): HostingSettings {
  requireRole(user, ['admin'], 'Pengaturan hosting hanya dapat diubah oleh administrator.');
  const run = db.transaction(() => {
    const before = getHostingSettings(db);
    checkSettings(db, input);

    const keptDomains = input.parentDomains.map((d) => d.id).filter((id): id is number => id !== undefined);
    db.prepare('DELETE FROM hosting_parent_domains WHERE id NOT IN (SELECT value FROM json_each(?))').run(JSON.stringify(keptDomains));
    // Two passes, so that two rows may swap their unique values.
    for (const d of input.parentDomains) if (d.id !== undefined) db.prepare("UPDATE hosting_parent_domains SET domain = '~' || id WHERE id = ? AND domain <> ?").run(d.id, normalizeDomain(d.domain));
    input.parentDomains.forEach((d, position) => {
      const values = { domain: normalizeDomain(d.domain), active: d.active ? 1 : 0, position };
      if (d.id === undefined) db.prepare('INSERT INTO hosting_parent_domains (domain, active, position) VALUES (@domain, @active, @position)').run(values);
      else db.prepare('UPDATE hosting_parent_domains SET domain = @domain, active = @active, position = @position WHERE id = @id').run({ ...values, id: d.id });
    });

    const keptPools = input.pools.map((p) => p.id).filter((id): id is number => id !== undefined);
    db.prepare('DELETE FROM hosting_ip_pools WHERE id NOT IN (SELECT value FROM json_each(?))').run(JSON.stringify(keptPools));
    const poolValues = input.pools.map((p, position) => {
      const parsed = parseCidr(p.cidr);
      if (!parsed.ok) throw new ApiError('INVALID_INPUT', parsed.reason);
      const reserved = [...new Set(p.reserved.map((r) => parseAddress(r)).flatMap((r) => (r.ok ? [r.value.address] : [])))];
      return { id: p.id, label: p.label.trim(), cidr: parsed.value.text, version: parsed.value.version, reserved: JSON.stringify(reserved), active: p.active ? 1 : 0, position };
    });
    for (const p of poolValues) if (p.id !== undefined) db.prepare("UPDATE hosting_ip_pools SET cidr = '~' || id WHERE id = ? AND cidr <> ?").run(p.id, p.cidr);
    for (const p of poolValues) {
      if (p.id === undefined) {
        db.prepare('INSERT INTO hosting_ip_pools (label, cidr, version, reserved, active, position) VALUES (@label, @cidr, @version, @reserved, @active, @position)').run(p);
      } else {
        db.prepare('UPDATE hosting_ip_pools SET label = @label, cidr = @cidr, version = @version, reserved = @reserved, active = @active, position = @position WHERE id = @id').run(p);
      }
    }

    const keptServers = input.servers.map((s) => s.id).filter((id): id is number => id !== undefined);
    db.prepare('DELETE FROM hosting_servers WHERE id NOT IN (SELECT value FROM json_each(?))').run(JSON.stringify(keptServers));
    for (const s of input.servers) if (s.id !== undefined) db.prepare("UPDATE hosting_servers SET name_key = '~' || id WHERE id = ?").run(s.id);
    input.servers.forEach((s, position) => {
      const values = { name: s.name.trim(), key: opdNameKey(s.name), notes: s.notes.trim(), active: s.active ? 1 : 0, position };
      if (s.id === undefined) db.prepare('INSERT INTO hosting_servers (name, name_key, notes, active, position) VALUES (@name, @key, @notes, @active, @position)').run(values);
      else db.prepare('UPDATE hosting_servers SET name = @name, name_key = @key, notes = @notes, active = @active, position = @position WHERE id = @id').run({ ...values, id: s.id });
    });

    const after = getHostingSettings(db);
    appendAudit(db, {
      at: now.toISOString(),
      userId: user.id,
      action: 'pengaturan_hosting.diubah',
      entity: HOSTING_SETTINGS_ENTITY,
      entityId: null,
      before: settingsForAudit(before),
      after: settingsForAudit(after),
    });
    return after;
  });
  return run.immediate();
}

// ---------------------------------------------------------------------------------------------
// Reading hosted systems
// ---------------------------------------------------------------------------------------------

interface SystemRow {
  id: number;
  opd_id: number;
  opd_name: string;
  application_name: string;
  subdomain: string;
  parent_domain: string;
  server_id: number | null;
  server_name: string | null;
  stack: string;
  database_engine: string;
  panel_url: string;
  panel_username: string;
  panel_password_sealed: string | null;
  panel_password_box: string | null;
  panel_password_set_at: string | null;
  panel_password_set_by_name: string | null;
  tech_contact_name: string;
  tech_contact_phone: string;
  tech_contact_email: string;
  admin_contact_name: string;
  admin_contact_phone: string;
  admin_contact_email: string;
  notes: string;
  status: HostingStatus;
  request_id: number | null;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  security_passed: number | null;
}

const SYSTEM_SELECT = `
  SELECT s.*, o.name AS opd_name, v.name AS server_name, pu.full_name AS panel_password_set_by_name, cu.full_name AS created_by_name,
         (SELECT e.passed FROM security_evaluations e WHERE e.hosted_system_id = s.id ORDER BY e.evaluated_at DESC, e.id DESC LIMIT 1) AS security_passed
    FROM hosted_systems s
    JOIN opd o ON o.id = s.opd_id
    JOIN users cu ON cu.id = s.created_by
    LEFT JOIN hosting_servers v ON v.id = s.server_id
    LEFT JOIN users pu ON pu.id = s.panel_password_set_by`;

function systemRow(db: Db, id: number): SystemRow {
  const row = db.prepare(`${SYSTEM_SELECT} WHERE s.id = ?`).get(id) as SystemRow | undefined;
  if (!row) throw new ApiError('NOT_FOUND', 'Sistem tersebut tidak ada di register hosting.');
  return row;
}

function addressesOf(db: Db, ids: number[]): Map<number, Array<{ address: string; version: IpVersion; pool_id: number; pool_label: string }>> {
  const rows = db
    .prepare(
      `SELECT a.hosted_system_id, a.address, a.version, a.pool_id, p.label AS pool_label
         FROM hosted_system_addresses a JOIN hosting_ip_pools p ON p.id = a.pool_id
        WHERE a.hosted_system_id IN (SELECT value FROM json_each(?)) ORDER BY a.hosted_system_id, a.position`,
    )
    .all(JSON.stringify(ids)) as Array<{ hosted_system_id: number; address: string; version: IpVersion; pool_id: number; pool_label: string }>;
  const out = new Map<number, Array<{ address: string; version: IpVersion; pool_id: number; pool_label: string }>>();
  for (const r of rows) {
    const list = out.get(r.hosted_system_id) ?? [];
    list.push(r);
    out.set(r.hosted_system_id, list);
  }
  return out;
}

function toSummary(row: SystemRow, addresses: string[]): HostedSystemSummary {
  return {
    id: row.id,
    opdId: row.opd_id,
    opdName: row.opd_name,
    applicationName: row.application_name,
    subdomain: row.subdomain,
    parentDomain: row.parent_domain,
    fqdn: `${row.subdomain}.${row.parent_domain}`,
    addresses,
    serverName: row.server_name,
    status: row.status,
    securityPassed: row.security_passed === null ? null : row.security_passed === 1,
    updatedAt: row.updated_at,
  };
}

export function listHostedSystems(db: Db, filter: HostingListFilter): HostedSystemSummary[] {
  const q = filter.q.trim().toLowerCase();
  const rows = db
    .prepare(
      `${SYSTEM_SELECT}
        WHERE (@opdId IS NULL OR s.opd_id = @opdId)
          AND (@status IS NULL OR s.status = @status)
          AND (@q = '' OR lower(s.application_name) LIKE @like ESCAPE '\\' OR (s.subdomain || '.' || s.parent_domain) LIKE @like ESCAPE '\\'
               OR lower(o.name) LIKE @like ESCAPE '\\' OR lower(o.short_name) LIKE @like ESCAPE '\\' OR lower(s.stack) LIKE @like ESCAPE '\\'
               OR EXISTS (SELECT 1 FROM hosted_system_addresses a WHERE a.hosted_system_id = s.id AND a.address LIKE @like ESCAPE '\\'))
        ORDER BY s.parent_domain, s.subdomain
        LIMIT 2000`,
    )
    .all({ opdId: filter.opdId, status: filter.status, q, like: likePattern(q) }) as SystemRow[];
  const addresses = addressesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toSummary(r, (addresses.get(r.id) ?? []).map((a) => a.address)));
}

interface EvaluationRow {
  id: number;
  hosted_system_id: number | null;
  request_id: number | null;
  checklist: string;
  passed: number;
  findings: string;
  report_sha256: string | null;
  report_name: string | null;
  evaluated_by_name: string;
  evaluated_at: string;
}

const EVALUATION_SELECT = `SELECT e.*, u.full_name AS evaluated_by_name FROM security_evaluations e JOIN users u ON u.id = e.evaluated_by`;

function toEvaluation(r: EvaluationRow): SecurityEvaluation {
  return {
    id: r.id,
    hostedSystemId: r.hosted_system_id,
    requestId: r.request_id,
    checklist: JSON.parse(r.checklist) as SecurityEvaluation['checklist'],
    passed: r.passed === 1,
    findings: r.findings,
    reportSha256: r.report_sha256,
    reportName: r.report_name,
    evaluatedBy: r.evaluated_by_name,
    evaluatedAt: r.evaluated_at,
  };
}

export function getSecurityEvaluation(db: Db, id: number): SecurityEvaluation {
  const row = db.prepare(`${EVALUATION_SELECT} WHERE e.id = ?`).get(id) as EvaluationRow | undefined;
  if (!row) throw new ApiError('NOT_FOUND', 'Evaluasi keamanan tidak ditemukan.');
  return toEvaluation(row);
}

export function getHostedSystem(db: Db, id: number): HostedSystem {
  const row = systemRow(db, id);
  const addresses = addressesOf(db, [id]).get(id) ?? [];
  const contact = (name: string, phone: string, email: string): Contact => ({ name, phone, email });
  const history = db
    .prepare(
      `SELECT h.status, h.reason, h.at, u.full_name AS by_name FROM hosted_system_status_history h JOIN users u ON u.id = h.user_id
        WHERE h.hosted_system_id = ? ORDER BY h.id`,
    )
    .all(id) as Array<{ status: HostingStatus; reason: string; at: string; by_name: string }>;
  const maintenance = db
    .prepare(
      `SELECT m.id, m.date, m.description, m.performed_by, u.full_name AS recorded_by_name, m.recorded_at
         FROM hosted_system_maintenance m JOIN users u ON u.id = m.recorded_by WHERE m.hosted_system_id = ? ORDER BY m.date DESC, m.id DESC`,
    )
    .all(id) as Array<{ id: number; date: string; description: string; performed_by: string; recorded_by_name: string; recorded_at: string }>;
  const evaluations = db.prepare(`${EVALUATION_SELECT} WHERE e.hosted_system_id = ? ORDER BY e.evaluated_at DESC, e.id DESC`).all(id) as EvaluationRow[];
  const links = db
    .prepare(
      `SELECT k.request_id, k.letter_id, l.agenda_number, l.letter_number, l.subject, k.step_id, k.linked_at
         FROM hosted_system_links k JOIN letters l ON l.id = k.letter_id WHERE k.hosted_system_id = ? ORDER BY k.id`,
    )
    .all(id) as Array<{ request_id: number | null; letter_id: number; agenda_number: string; letter_number: string; subject: string; step_id: string | null; linked_at: string }>;
  return {
    ...toSummary(
      row,
      addresses.map((a) => a.address),
    ),
    addressDetails: addresses.map((a) => ({ address: a.address, version: a.version, poolId: a.pool_id, poolLabel: a.pool_label })),
    serverId: row.server_id,
    stack: row.stack,
    database: row.database_engine,
    panelUrl: row.panel_url,
    panelUsername: row.panel_username,
    password: { set: row.panel_password_sealed !== null, setAt: row.panel_password_set_at, setBy: row.panel_password_set_by_name },
    technicalContact: contact(row.tech_contact_name, row.tech_contact_phone, row.tech_contact_email),
    administrativeContact: contact(row.admin_contact_name, row.admin_contact_phone, row.admin_contact_email),
    notes: row.notes,
    requestId: row.request_id,
    createdAt: row.created_at,
    createdBy: row.created_by_name,
    statusHistory: history.map((h) => ({ status: h.status, reason: h.reason, at: h.at, by: h.by_name })),
    maintenance: maintenance.map((m) => ({
      id: m.id,
      date: m.date,
      description: m.description,
      performedBy: m.performed_by,
      recordedBy: m.recorded_by_name,
      recordedAt: m.recorded_at,
    })),
    securityEvaluations: evaluations.map(toEvaluation),
    links: links.map((k) => ({
      requestId: k.request_id,
      letterId: k.letter_id,
      agendaNumber: k.agenda_number,
      letterNumber: k.letter_number,
      subject: k.subject,
      stepId: k.step_id,
      linkedAt: k.linked_at,
    })),
  };
}

/** What the audit log keeps of a system: everything but the password (only whether one is set). */
function auditSnapshot(s: HostedSystem): Record<string, unknown> {
  return {
    opdId: s.opdId,
    applicationName: s.applicationName,
    fqdn: s.fqdn,
    addresses: s.addresses,
    serverId: s.serverId,
    stack: s.stack,
    database: s.database,
    panelUrl: s.panelUrl,
    panelUsername: s.panelUsername,
    passwordSet: s.password.set,
    technicalContact: s.technicalContact,
    administrativeContact: s.administrativeContact,
    notes: s.notes,
    status: s.status,
  };
}

function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (canonicalJson(before[key]) !== canonicalJson(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

// ---------------------------------------------------------------------------------------------
// Recording from a request's step
// ---------------------------------------------------------------------------------------------

export interface StepRecording {
  requestId: number;
  letterId: number;
  stepId: string;
  stepNumber: string;
  records: string[];
  /** The viewer is the actor of the current step (paused or not). */
  canAct: boolean;
  blockedReason: string | null;
}

/** The current step of a request, what it records, and whether the user acts on it now; null when the request is closed. */
export function stepRecording(db: Db, requestId: number, user: User, now: Date): StepRecording | null {
  const view = getRequestView(db, requestId, user, now);
  // A complaint's request (letterId null) records no hosting data.
  if (view.currentStep === null || view.letterId === null || view.state === 'selesai' || view.state === 'dikembalikan') return null;
  const template = getTemplate(db, view.template.id);
  const step = template.steps.find((s) => s.id === view.currentStep?.id);
  const records = step && step.kind !== 'end' ? [...(step.records ?? [])] : [];
  const a = view.actions;
  const canAct = a.complete || a.resume || a.pause || a.decide.length > 0 || a.dispose !== null;
  return {
    requestId,
    letterId: view.letterId,
    stepId: view.currentStep.id,
    stepNumber: view.currentStep.number,
    records,
    canAct,
    blockedReason: canAct ? null : (a.blockedReason ?? 'Anda tidak dapat mengerjakan langkah yang sedang berjalan.'),
  };
}

/** Refuses unless `user` is the actor of the request's current step and that step records `kind`. */
export function assertCanRecord(db: Db, requestId: number, user: User, now: Date, kind: RecordKind): StepRecording {
  const step = stepRecording(db, requestId, user, now);
  const what = kind === 'hosting_record' ? 'Data hosting' : 'Evaluasi keamanan';
  if (step === null) throw new ApiError('CONFLICT', `Permohonan ini sudah ditutup; ${what.toLowerCase()} tidak lagi dicatat lewat permohonan ini.`);
  if (!step.records.includes(kind)) {
    const request = db.prepare('SELECT template_id FROM requests WHERE id = ?').get(requestId) as { template_id: number };
    const template = getTemplate(db, request.template_id);
    const where = template.steps.filter((s) => s.kind !== 'end' && (s.records ?? []).includes(kind)).map((s) => (s.kind === 'end' ? '' : s.number));
    throw new ApiError(
      'CONFLICT',
      `Langkah ${step.stepNumber} yang sedang berjalan tidak mencatat ${what.toLowerCase()}.` +
        (where.length > 0 ? ` Menurut SOP ${template.name}, ${what.toLowerCase()} dicatat pada langkah ${where.join(', ')}.` : ''),
    );
  }
  if (!step.canAct) throw new ApiError('FORBIDDEN', `${what} permohonan ini dicatat oleh pelaksana langkah ${step.stepNumber}. ${step.blockedReason ?? ''}`.trim());
  return step;
}

function linkLetter(db: Db, systemId: number, letterId: number, requestId: number | null, stepId: string | null, userId: number, at: string): boolean {
  const r = db
    .prepare(
      `INSERT OR IGNORE INTO hosted_system_links (hosted_system_id, request_id, letter_id, step_id, linked_by, linked_at) VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(systemId, requestId, letterId, stepId, userId, at);
  return r.changes > 0;
}

/** Attaches the request's security evaluations recorded before the system existed (Pontianak step 3). */
function attachEvaluations(db: Db, systemId: number, requestId: number): number[] {
  const ids = (db.prepare('SELECT id FROM security_evaluations WHERE request_id = ? AND hosted_system_id IS NULL').all(requestId) as Array<{ id: number }>).map((r) => r.id);
  if (ids.length > 0) db.prepare('UPDATE security_evaluations SET hosted_system_id = ? WHERE request_id = ? AND hosted_system_id IS NULL').run(systemId, requestId);
  return ids;
}

function letterExists(db: Db, letterId: number): void {
  if (!db.prepare('SELECT 1 FROM letters WHERE id = ?').get(letterId)) {
    throw new ApiError('NOT_FOUND', 'Surat yang akan ditautkan tidak ada di buku agenda.', { letterId: 'Surat tidak ditemukan.' });
  }
}

// ---------------------------------------------------------------------------------------------
// Registering and changing hosted systems
// ---------------------------------------------------------------------------------------------

interface CheckedSystem {
  opdId: number;
  subdomain: string;
  parentDomain: string;
  addresses: Array<{ address: string; version: IpVersion; poolId: number }>;
}

/** Every rule of a hosted system against the register, all problems at once. */
function checkSystem(db: Db, input: HostedSystemInput, opdId: number | null, self: SystemRow | null): CheckedSystem {
  const problems: Problem[] = [];

  if (opdId === null) problems.push({ code: 'INVALID_INPUT', field: 'opdId', message: 'Pilih OPD pemilik sistem.' });
  else {
    const opd = db.prepare('SELECT name, active FROM opd WHERE id = ?').get(opdId) as { name: string; active: number } | undefined;
    if (!opd) problems.push({ code: 'NOT_FOUND', field: 'opdId', message: 'OPD yang dipilih tidak ada di daftar OPD.' });
    else if (opd.active !== 1 && self?.opd_id !== opdId) problems.push({ code: 'INVALID_INPUT', field: 'opdId', message: `OPD ${opd.name} tidak aktif lagi.` });
  }

  const parentDomain = normalizeDomain(input.parentDomain);
  const subdomain = normalizeLabel(input.subdomain);
  const domain = db.prepare('SELECT active FROM hosting_parent_domains WHERE domain = ?').get(parentDomain) as { active: number } | undefined;
  if (!domain) {
    problems.push({
      code: 'INVALID_INPUT',
      field: 'parentDomain',
      message: `Domain induk ${parentDomain} belum terdaftar di Pengaturan Hosting. Administrator dapat menambahkannya.`,
    });
  } else if (domain.active !== 1 && self?.parent_domain !== parentDomain) {
    problems.push({ code: 'INVALID_INPUT', field: 'parentDomain', message: `Domain induk ${parentDomain} tidak aktif lagi; pilih domain induk lain.` });
  }

  const labelProblem = validateSubdomain(subdomain, parentDomain);
  if (labelProblem) problems.push({ code: 'INVALID_INPUT', field: 'subdomain', message: labelProblem });
  else {
    const holder = db
      .prepare(
        `SELECT s.id, s.application_name, o.name AS opd_name FROM hosted_systems s JOIN opd o ON o.id = s.opd_id
          WHERE s.subdomain = ? AND s.parent_domain = ? AND s.id <> ?`,
      )
      .get(subdomain, parentDomain, self?.id ?? 0) as { id: number; application_name: string; opd_name: string } | undefined;
    if (holder) {
      problems.push({
        code: 'CONFLICT',
        field: 'subdomain',
        message: `Subdomain ${subdomain}.${parentDomain} sudah dipakai oleh ${holder.application_name} (${holder.opd_name}).`,
      });
    }
  }

  const pools = poolRows(db);
  const own = new Set(self ? (addressesOf(db, [self.id]).get(self.id) ?? []).map((a) => a.address) : []);
  const activePools = pools.filter((p) => p.active === 1);
  const addresses: CheckedSystem['addresses'] = [];
  const seen = new Set<string>();
  input.addresses.forEach((text, i) => {
    const field = `addresses.${i}`;
    const parsed = parseAddress(text);
    if (!parsed.ok) {
      problems.push({ code: 'INVALID_INPUT', field, message: parsed.reason });
      return;
    }
    const { address, version } = parsed.value;
    if (seen.has(address)) {
      problems.push({ code: 'INVALID_INPUT', field, message: `Alamat IP ${address} tertulis dua kali.` });
      return;
    }
    seen.add(address);
    const holder = holderOf(db, address);
    if (holder && holder.id !== self?.id) {
      problems.push({
        code: 'CONFLICT',
        field,
        message: `Alamat IP ${address} sudah dipakai oleh ${holder.application_name} (${holder.opd_name}, ${holder.subdomain}.${holder.parent_domain}).`,
      });
      return;
    }
    // An address the system already holds may stay in a pool that was deactivated since.
    const pool = findPool(own.has(address) ? pools : activePools, address);
    if (!pool) {
      const list = activePools.filter((p) => p.version === version).map((p) => `${p.label} ${p.cidr}`);
      problems.push({
        code: 'INVALID_INPUT',
        field,
        message:
          list.length === 0
            ? `Alamat IP ${address} tidak dapat dipakai: belum ada kumpulan alamat IPv${version} yang aktif. Administrator dapat menambahkannya di Pengaturan Hosting.`
            : `Alamat IP ${address} berada di luar semua kumpulan alamat IPv${version} kantor (${list.join('; ')}).`,
      });
      return;
    }
    if (!isUsable(pool.cidr, address)) {
      const range = usableRange(pool.cidr);
      const network = pool.cidr.slice(0, pool.cidr.indexOf('/'));
      const what = version === 6 ? 'alamat anycast subnet-router' : address === network ? 'alamat jaringan' : 'alamat siaran';
      problems.push({
        code: 'INVALID_INPUT',
        field,
        message: `Alamat IP ${address} adalah ${what} kumpulan ${pool.label} (${pool.cidr}) dan tidak dapat diberikan; pakai ${range.first} sampai ${range.last}.`,
      });
      return;
    }
    const reserved = JSON.parse(pool.reserved) as string[];
    if (reserved.includes(address) && !own.has(address)) {
      problems.push({
        code: 'INVALID_INPUT',
        field,
        message: `Alamat IP ${address} dicadangkan pada kumpulan ${pool.label} (misalnya untuk gateway atau server) dan tidak dapat diberikan.`,
      });
      return;
    }
    addresses.push({ address, version, poolId: pool.id });
  });

  if (input.serverId !== null) {
    const server = db.prepare('SELECT name, active FROM hosting_servers WHERE id = ?').get(input.serverId) as { name: string; active: number } | undefined;
    if (!server) problems.push({ code: 'NOT_FOUND', field: 'serverId', message: 'Server yang dipilih tidak ada di Pengaturan Hosting.' });
    else if (server.active !== 1 && self?.server_id !== input.serverId) {
      problems.push({ code: 'INVALID_INPUT', field: 'serverId', message: `Server ${server.name} tidak aktif lagi; pilih server lain.` });
    }
  }

  throwProblems(problems);
  return { opdId: opdId as number, subdomain, parentDomain, addresses };
}

function systemValues(input: HostedSystemInput, checked: CheckedSystem) {
  return {
    opdId: checked.opdId,
    applicationName: input.applicationName.trim(),
    subdomain: checked.subdomain,
    parentDomain: checked.parentDomain,
    serverId: input.serverId,
    stack: input.stack.trim(),
    database: input.database.trim(),
    panelUrl: input.panelUrl.trim(),
    panelUsername: input.panelUsername.trim(),
    techName: input.technicalContact.name.trim(),
    techPhone: input.technicalContact.phone.trim(),
    techEmail: input.technicalContact.email.trim(),
    adminName: input.administrativeContact.name.trim(),
    adminPhone: input.administrativeContact.phone.trim(),
    adminEmail: input.administrativeContact.email.trim(),
    notes: input.notes.trim(),
  };
}

function writeAddresses(db: Db, systemId: number, addresses: CheckedSystem['addresses']): void {
  db.prepare('DELETE FROM hosted_system_addresses WHERE hosted_system_id = ?').run(systemId);
  const insert = db.prepare('INSERT INTO hosted_system_addresses (address, hosted_system_id, version, pool_id, position) VALUES (?, ?, ?, ?, ?)');
  addresses.forEach((a, position) => insert.run(a.address, systemId, a.version, a.poolId, position));
}

function requireEditor(user: User): void {
  requireRole(user, HOSTING_EDIT_ROLES, 'Register hosting diisi oleh petugas teknis, Kepala Bidang, atau administrator.');
}

function letterOpd(db: Db, letterId: number): number | null {
  const row = db.prepare('SELECT opd_id FROM letters WHERE id = ?').get(letterId) as { opd_id: number | null } | undefined;
  return row?.opd_id ?? null;
}

/**
 * Registers a new hosted system. With input.requestId, the user must be the actor of the request's
 * current step and that step must record hosting data; the system is linked to the request.
 */
export function createHostedSystem(db: Db, input: HostedSystemInput, user: User, now: Date): HostedSystem {
  requireEditor(user);
  const run = db.transaction(() => {
    const at = now.toISOString();
    const origin = input.requestId !== null ? assertCanRecord(db, input.requestId, user, now, 'hosting_record') : null;
    const letterId = origin?.letterId ?? input.letterId;
    if (letterId !== null) letterExists(db, letterId);
    const opdId = input.opdId ?? (letterId !== null ? letterOpd(db, letterId) : null);
    const checked = checkSystem(db, input, opdId, null);
    const v = systemValues(input, checked);
    const id = Number(
      db
        .prepare(
          `INSERT INTO hosted_systems (opd_id, application_name, subdomain, parent_domain, server_id, stack, database_engine, panel_url, panel_username,
                                       tech_contact_name, tech_contact_phone, tech_contact_email, admin_contact_name, admin_contact_phone, admin_contact_email,
                                       notes, status, request_id, created_by, created_at, updated_at)
           VALUES (@opdId, @applicationName, @subdomain, @parentDomain, @serverId, @stack, @database, @panelUrl, @panelUsername,
                   @techName, @techPhone, @techEmail, @adminName, @adminPhone, @adminEmail, @notes, 'aktif', @requestId, @userId, @at, @at)`,
        )
        .run({ ...v, requestId: origin?.requestId ?? null, userId: user.id, at }).lastInsertRowid,
    );
    writeAddresses(db, id, checked.addresses);
    db.prepare('INSERT INTO hosted_system_status_history (hosted_system_id, status, reason, user_id, at) VALUES (?, ?, ?, ?, ?)').run(
      id,
      'aktif',
      origin ? `Didaftarkan pada langkah ${origin.stepNumber} permohonan.` : 'Didaftarkan di register hosting.',
      user.id,
      at,
    );
    if (letterId !== null) linkLetter(db, id, letterId, origin?.requestId ?? null, origin?.stepId ?? null, user.id, at);
    const attached = origin ? attachEvaluations(db, id, origin.requestId) : [];
    appendAudit(db, {
      at,
      userId: user.id,
      action: 'sistem_hosting.didaftarkan',
      entity: HOSTED_SYSTEM_ENTITY,
      entityId: id,
      after: {
        ...auditSnapshot(getHostedSystem(db, id)),
        ...(origin ? { requestId: origin.requestId, step: origin.stepId } : {}),
        ...(letterId !== null ? { letterId } : {}),
        ...(attached.length > 0 ? { securityEvaluationIds: attached } : {}),
      },
    });
    return id;
  });
  return getHostedSystem(db, run.immediate());
}

/** createHostedSystem from the provisioning step of a request (A6, B10–12, C6, D4–5). */
export function createHostedSystemForRequest(db: Db, requestId: number, input: HostedSystemInput, user: User, now: Date): HostedSystem {
  return createHostedSystem(db, { ...input, requestId }, user, now);
}

/** Changes a hosted system; with input.requestId, as the actor of that request's provisioning step. */
export function updateHostedSystem(db: Db, id: number, input: HostedSystemInput, user: User, now: Date): HostedSystem {
  requireEditor(user);
  const run = db.transaction(() => {
    const at = now.toISOString();
    const self = systemRow(db, id);
    const before = getHostedSystem(db, id);
    const origin = input.requestId !== null ? assertCanRecord(db, input.requestId, user, now, 'hosting_record') : null;
    const letterId = origin?.letterId ?? input.letterId;
    if (letterId !== null) letterExists(db, letterId);
    const checked = checkSystem(db, input, input.opdId ?? self.opd_id, self);
    const v = systemValues(input, checked);
    db.prepare(
      `UPDATE hosted_systems SET opd_id = @opdId, application_name = @applicationName, subdomain = @subdomain, parent_domain = @parentDomain,
              server_id = @serverId, stack = @stack, database_engine = @database, panel_url = @panelUrl, panel_username = @panelUsername,
              tech_contact_name = @techName, tech_contact_phone = @techPhone, tech_contact_email = @techEmail,
              admin_contact_name = @adminName, admin_contact_phone = @adminPhone, admin_contact_email = @adminEmail,
              notes = @notes, request_id = COALESCE(request_id, @requestId), updated_at = @at
        WHERE id = @id`,
    ).run({ ...v, requestId: origin?.requestId ?? null, at, id });
    writeAddresses(db, id, checked.addresses);
    const linked = letterId !== null ? linkLetter(db, id, letterId, origin?.requestId ?? null, origin?.stepId ?? null, user.id, at) : false;
    const attached = origin ? attachEvaluations(db, id, origin.requestId) : [];
    const diff = changedKeys(auditSnapshot(before), auditSnapshot(getHostedSystem(db, id)));
    if (Object.keys(diff.after).length > 0 || linked || attached.length > 0) {
      appendAudit(db, {
        at,
        userId: user.id,
        action: 'sistem_hosting.diubah',
        entity: HOSTED_SYSTEM_ENTITY,
        entityId: id,
        before: diff.before,
        after: {
          ...diff.after,
          ...(origin ? { requestId: origin.requestId, step: origin.stepId } : {}),
          ...(linked ? { letterId } : {}),
          ...(attached.length > 0 ? { securityEvaluationIds: attached } : {}),
        },
      });
    } else {
      db.prepare('UPDATE hosted_systems SET updated_at = ? WHERE id = ?').run(self.updated_at, id);
    }
  });
  run.immediate();
  return getHostedSystem(db, id);
}

/** hosting.save: register (no id) or change (id). */
export function saveHostedSystem(db: Db, input: HostedSystemInput, user: User, now: Date): HostedSystem {
  return input.id === undefined ? createHostedSystem(db, input, user, now) : updateHostedSystem(db, input.id, input, user, now);
}

export function setHostedSystemStatus(db: Db, id: number, status: HostingStatus, reason: string, user: User, now: Date): HostedSystem {
  requireRole(user, ['kabid', 'kadis', 'admin'], 'Status sistem diubah oleh Kepala Bidang, Kepala Dinas, atau administrator.');
  const why = reason.trim();
  if (why === '') throw new ApiError('INVALID_INPUT', 'Tulis alasan perubahan status.', { reason: 'Tulis alasan perubahan status.' });
  const run = db.transaction(() => {
    const at = now.toISOString();
    const row = systemRow(db, id);
    if (row.status === status) throw new ApiError('CONFLICT', `Sistem ${row.subdomain}.${row.parent_domain} sudah berstatus ${HOSTING_STATUS_LABELS[status].toLowerCase()}.`);
    db.prepare('UPDATE hosted_systems SET status = ?, updated_at = ? WHERE id = ?').run(status, at, id);
    db.prepare('INSERT INTO hosted_system_status_history (hosted_system_id, status, reason, user_id, at) VALUES (?, ?, ?, ?, ?)').run(id, status, why, user.id, at);
    appendAudit(db, {
      at,
      userId: user.id,
      action: 'sistem_hosting.status_diubah',
      entity: HOSTED_SYSTEM_ENTITY,
      entityId: id,
      before: { status: row.status },
      after: { status, reason: why },
    });
  });
  run.immediate();
  return getHostedSystem(db, id);
}

export function addMaintenance(db: Db, input: MaintenanceInput, user: User, now: Date): HostedSystem {
  requireRole(user, ['technical', 'admin'], 'Log pemeliharaan diisi oleh petugas teknis atau administrator.');
  const today = localIsoDate(now, officeTimeZone(db));
  if (input.date > today) {
    throw new ApiError('INVALID_INPUT', `Tanggal pemeliharaan tidak boleh sesudah hari ini (${formatDateId(today)}).`, { date: 'Tanggal pemeliharaan tidak boleh di masa depan.' });
  }
  const run = db.transaction(() => {
    const at = now.toISOString();
    systemRow(db, input.id);
    const performedBy = input.performedBy.trim() || user.fullName;
    const maintenanceId = Number(
      db
        .prepare('INSERT INTO hosted_system_maintenance (hosted_system_id, date, description, performed_by, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(input.id, input.date, input.description.trim(), performedBy, user.id, at).lastInsertRowid,
    );
    db.prepare('UPDATE hosted_systems SET updated_at = ? WHERE id = ?').run(at, input.id);
    appendAudit(db, {
      at,
      userId: user.id,
      action: 'sistem_hosting.pemeliharaan_dicatat',
      entity: HOSTED_SYSTEM_ENTITY,
      entityId: input.id,
      after: { maintenanceId, date: input.date, description: input.description.trim(), performedBy },
    });
  });
  run.immediate();
  return getHostedSystem(db, input.id);
}

/**
 * Records a security evaluation (the security officer; D step 3 when given a requestId). Without a
 * system yet, the evaluation waits on the request and is attached when the system is registered.
 * The report file must already be in the attachments (see the hosting.securityEvaluation.save
 * handler, which stores an uploaded report first).
 */
export function recordSecurityEvaluation(db: Db, input: Omit<SecurityEvaluationInput, 'reportUpload'>, user: User, now: Date): SecurityEvaluation {
  requireRole(user, ['security'], 'Evaluasi keamanan dicatat oleh petugas keamanan (Seksi Keamanan dan Persandian).');
  if (input.hostedSystemId === null && input.requestId === null) {
    throw new ApiError('INVALID_INPUT', 'Pilih sistem yang dievaluasi atau permohonannya.', { hostedSystemId: 'Pilih sistem yang dievaluasi.' });
  }
  if (input.passed && input.checklist.some((c) => !c.passed)) {
    throw new ApiError('INVALID_INPUT', 'Evaluasi tidak dapat dinyatakan lulus selama ada butir yang gagal.', { passed: 'Ada butir yang gagal.' });
  }
  if (!input.passed && input.findings.trim() === '') {
    throw new ApiError('INVALID_INPUT', 'Tulis temuan yang membuat evaluasi tidak lulus.', { findings: 'Tulis temuan.' });
  }
  const run = db.transaction(() => {
    const at = now.toISOString();
    const origin = input.requestId !== null ? assertCanRecord(db, input.requestId, user, now, 'security_evaluation') : null;
    let systemId = input.hostedSystemId;
    if (systemId !== null) systemRow(db, systemId);
    else if (origin) {
      const linked = db.prepare('SELECT DISTINCT hosted_system_id AS id FROM hosted_system_links WHERE request_id = ?').all(origin.requestId) as Array<{ id: number }>;
      if (linked.length === 1) systemId = linked[0]?.id ?? null;
    }
    let reportName: string | null = null;
    if (input.reportSha256 !== null) {
      if (!db.prepare('SELECT 1 FROM attachments WHERE sha256 = ?').get(input.reportSha256)) {
        throw new ApiError('INVALID_INPUT', 'Berkas laporan evaluasi belum diunggah.', { reportSha256: 'Unggah ulang berkas laporan.' });
      }
      reportName = input.reportName.trim() || 'laporan-evaluasi-keamanan';
    }
    const checklist = input.checklist.map((c) => ({ item: c.item.trim(), passed: c.passed, note: c.note.trim() }));
    const id = Number(
      db
        .prepare(
          `INSERT INTO security_evaluations (hosted_system_id, request_id, checklist, passed, findings, report_sha256, report_name, evaluated_by, evaluated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(systemId, origin?.requestId ?? null, JSON.stringify(checklist), input.passed ? 1 : 0, input.findings.trim(), input.reportSha256, reportName, user.id, at)
        .lastInsertRowid,
    );
    const after = {
      securityEvaluationId: id,
      passed: input.passed,
      failedItems: checklist.filter((c) => !c.passed).map((c) => c.item),
      findings: input.findings.trim(),
      reportSha256: input.reportSha256,
      ...(origin ? { requestId: origin.requestId, step: origin.stepId } : {}),
    };
    if (systemId !== null) {
      db.prepare('UPDATE hosted_systems SET updated_at = ? WHERE id = ?').run(at, systemId);
      appendAudit(db, { at, userId: user.id, action: 'sistem_hosting.evaluasi_keamanan', entity: HOSTED_SYSTEM_ENTITY, entityId: systemId, after });
    } else {
      // No system yet: the entry goes with the request, where the request's audit view shows it.
      appendAudit(db, { at, userId: user.id, action: 'sistem_hosting.evaluasi_keamanan', entity: 'request', entityId: origin?.requestId ?? null, after });
    }
    return id;
  });
  return getSecurityEvaluation(db, run.immediate());
}

// ---------------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------------

export interface AddressSuggestion {
  poolId: number;
  cidr: string;
  address: string | null;
  /** Why there is no suggestion (Indonesian), when there is none. */
  message: string | null;
}

/** The lowest free usable address of a pool (skipping addresses in use anywhere and the pool's reserved ones). */
export function suggestAddress(db: Db, poolId: number): AddressSuggestion {
  const pool = poolRows(db).find((p) => p.id === poolId);
  if (!pool) throw new ApiError('NOT_FOUND', 'Kumpulan alamat IP tidak ditemukan.');
  if (pool.active !== 1) return { poolId, cidr: pool.cidr, address: null, message: `Kumpulan ${pool.label} (${pool.cidr}) tidak aktif.` };
  const used = (db.prepare('SELECT address FROM hosted_system_addresses WHERE version = ?').all(pool.version) as Array<{ address: string }>).map((r) => r.address);
  const reserved = JSON.parse(pool.reserved) as string[];
  const address = nextFreeAddress(pool.cidr, [...used, ...reserved]);
  return {
    poolId,
    cidr: pool.cidr,
    address,
    message: address === null ? `Kumpulan ${pool.label} (${pool.cidr}) sudah penuh: tidak ada alamat yang bebas.` : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Web-panel password
// ---------------------------------------------------------------------------------------------

/**
 * Stores the web-panel password sealed by `secrets`: the given one, or a generated one which is
 * returned here once (to be shown and printed on the access document). The audit log records only
 * that it was changed.
 */
export function setPanelPassword(
  db: Db,
  secrets: SecretBox,
  id: number,
  input: { generate: boolean; password?: string | undefined },
  user: User,
  now: Date,
): { generatedPassword: string | null; setAt: string } {
  requireRole(user, PASSWORD_SET_ROLES, 'Kata sandi web panel diatur oleh petugas teknis atau administrator.');
  let plain: string;
  if (input.generate) plain = generatePassword();
  else {
    plain = input.password ?? '';
    if (plain.length < 12 || /\s/.test(plain)) {
      throw new ApiError('INVALID_INPUT', 'Kata sandi web panel paling sedikit 12 karakter tanpa spasi.', { password: 'Paling sedikit 12 karakter tanpa spasi.' });
    }
  }
  // The system must exist before anything is sealed: sealing creates the key file the first time.
  systemRow(db, id);
  const sealed = secrets.encrypt(plain);
  const at = now.toISOString();
  const run = db.transaction(() => {
    const row = systemRow(db, id);
    db.prepare(
      'UPDATE hosted_systems SET panel_password_sealed = ?, panel_password_box = ?, panel_password_set_at = ?, panel_password_set_by = ?, updated_at = ? WHERE id = ?',
    ).run(sealed, secrets.kind, at, user.id, at, id);
    appendAudit(db, {
      at,
      userId: user.id,
      action: 'sistem_hosting.kata_sandi_diubah',
      entity: HOSTED_SYSTEM_ENTITY,
      entityId: id,
      before: { passwordSet: row.panel_password_sealed !== null },
      after: { keterangan: 'kata sandi diubah', dibuatOtomatis: input.generate },
    });
  });
  run.immediate();
  return { generatedPassword: input.generate ? plain : null, setAt: at };
}

const BOX_LABELS: Record<string, string> = {
  keyfile: 'berkas kunci (peramban/baris perintah)',
  safestorage: 'penyimpanan aman sistem operasi (aplikasi desktop)',
};

/** Opens the stored web-panel password for an allowed role and records who opened it, when. */
export function revealPanelPassword(db: Db, secrets: SecretBox, id: number, user: User, now: Date): string {
  requireRole(user, PASSWORD_REVEAL_ROLES, 'Kata sandi web panel hanya dapat dibuka oleh petugas teknis, Kepala Bidang, Kepala Dinas, atau administrator.');
  const row = systemRow(db, id);
  if (row.panel_password_sealed === null) throw new ApiError('NOT_FOUND', 'Kata sandi web panel sistem ini belum disimpan di Loket.');
  if (row.panel_password_box !== secrets.kind) {
    const where = BOX_LABELS[row.panel_password_box ?? ''] ?? row.panel_password_box ?? 'cara lain';
    throw new ApiError('CONFLICT', `Kata sandi ini disimpan dengan ${where} dan tidak dapat dibuka dari sini. Buka dari Loket yang menyimpannya, atau atur kata sandi baru.`);
  }
  const plain = secrets.decrypt(row.panel_password_sealed);
  const run = db.transaction(() => {
    appendAudit(db, {
      at: now.toISOString(),
      userId: user.id,
      action: 'sistem_hosting.kata_sandi_dibuka',
      entity: HOSTED_SYSTEM_ENTITY,
      entityId: id,
      after: { keterangan: 'kata sandi dibuka' },
    });
  });
  run.immediate();
  return plain;
}

// ---------------------------------------------------------------------------------------------
// A request's hosting records
// ---------------------------------------------------------------------------------------------

/** The systems linked to a request and its security evaluations. */
export function hostingForRequest(db: Db, requestId: number): { systems: HostedSystemSummary[]; evaluations: SecurityEvaluation[] } {
  const ids = (
    db.prepare('SELECT DISTINCT hosted_system_id AS id FROM hosted_system_links WHERE request_id = ? ORDER BY hosted_system_id').all(requestId) as Array<{ id: number }>
  ).map((r) => r.id);
  const rows = db.prepare(`${SYSTEM_SELECT} WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY s.id`).all(JSON.stringify(ids)) as SystemRow[];
  const addresses = addressesOf(db, ids);
  const evaluations = db.prepare(`${EVALUATION_SELECT} WHERE e.request_id = ? ORDER BY e.evaluated_at, e.id`).all(requestId) as EvaluationRow[];
  return {
    systems: rows.map((r) => toSummary(r, (addresses.get(r.id) ?? []).map((a) => a.address))),
    evaluations: evaluations.map(toEvaluation),
  };
}

/** hostingForRequest plus what the current step records and whether `user` may record it now. */
export function requestHostingView(db: Db, requestId: number, user: User, now: Date): HostingForRequest {
  const step = stepRecording(db, requestId, user, now);
  return {
    ...hostingForRequest(db, requestId),
    step:
      step === null
        ? null
        : {
            id: step.stepId,
            number: step.stepNumber,
            records: step.records,
            canRecordHosting: step.canAct && step.records.includes('hosting_record') && HOSTING_EDIT_ROLES.some((r) => r === user.role),
            canRecordSecurity: step.canAct && step.records.includes('security_evaluation') && user.role === 'security',
            blockedReason: step.blockedReason,
          },
  };
}

/** The full name of a system, for messages and documents. */
export function systemName(system: Pick<HostedSystemSummary, 'subdomain' | 'parentDomain'>): string {
  return fqdn(system.subdomain, system.parentDomain);
}
