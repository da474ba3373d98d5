/**
 * SOP templates in the register. Built-in templates are installed from code at start; an
 * administrator copies one and edits the copy. Every save is a new version; a running request keeps
 * the version (row) it started with, so editing an SOP never changes a request under way.
 */
import { ApiError } from '../../../shared/api/errors';
import { fieldErrors } from '../api/dispatch';
import type { SopTemplate } from '../../../shared/domain/sop/model';
import { BUILTIN_TEMPLATES } from '../../../shared/domain/sop/builtin';
import { SopTemplateSchema, validateTemplate } from '../../../shared/domain/sop/validate';
import type { Db } from '../db/register';
import { canonicalJson } from './audit';

export const SOP_SERVICES = ['hosting', 'subdomain', 'website', 'lainnya', 'pengaduan'] as const;
export type SopService = (typeof SOP_SERVICES)[number];

/** Which built-in SOP serves each service in a new office; the office changes it in Pengaturan. */
export const DEFAULT_SERVICE_SOPS: Partial<Record<SopService, string>> = {
  hosting: 'pekalongan-hosting',
  subdomain: 'tarakan-hosting-subdomain',
  website: 'pekalongan-domain',
  pengaduan: 'pengaduan',
};

export interface TemplateRow {
  id: number;
  key: string;
  version: number;
  name: string;
  subject: SopTemplate['subject'];
  builtin: boolean;
  createdAt: string;
}

const cache = new Map<string, SopTemplate>();

function cacheKey(db: Db, id: number): string {
  return `${db.name}#${id}`;
}

export function getTemplate(db: Db, id: number): SopTemplate {
  const key = cacheKey(db, id);
  const hit = cache.get(key);
  if (hit) return hit;
  const row = db.prepare('SELECT definition FROM sop_templates WHERE id = ?').get(id) as { definition: string } | undefined;
  if (!row) throw new ApiError('NOT_FOUND', 'SOP tidak ditemukan.');
  const template = JSON.parse(row.definition) as SopTemplate;
  cache.set(key, template);
  return template;
}

export function latestTemplateId(db: Db, key: string): number | null {
  const row = db.prepare('SELECT id FROM sop_templates WHERE key = ? ORDER BY version DESC LIMIT 1').get(key) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Installs the built-in templates, as a new version when the code's definition changed. */
export function ensureBuiltinTemplates(db: Db, now: Date): void {
  const install = db.transaction(() => {
    for (const template of BUILTIN_TEMPLATES) {
      const latest = db.prepare('SELECT version, definition FROM sop_templates WHERE key = ? ORDER BY version DESC LIMIT 1').get(template.key) as
        | { version: number; definition: string }
        | undefined;
      const definition = canonicalJson(template);
      if (latest && latest.definition === definition) continue;
      db.prepare(
        'INSERT INTO sop_templates (key, version, name, subject, builtin, definition, created_by, created_at) VALUES (?, ?, ?, ?, 1, ?, NULL, ?)',
      ).run(template.key, (latest?.version ?? 0) + 1, template.name, template.subject, definition, now.toISOString());
    }
  });
  install.immediate();
}

export function ensureDefaultServiceSops(db: Db): void {
  const insert = db.prepare('INSERT OR IGNORE INTO service_sops (service, template_key) VALUES (?, ?)');
  for (const [service, key] of Object.entries(DEFAULT_SERVICE_SOPS)) insert.run(service, key);
}

export function listTemplates(db: Db): TemplateRow[] {
  const rows = db
    .prepare('SELECT id, key, version, name, subject, builtin, created_at FROM sop_templates ORDER BY builtin DESC, key, version DESC')
    .all() as Array<{ id: number; key: string; version: number; name: string; subject: SopTemplate['subject']; builtin: number; created_at: string }>;
  return rows.map((r) => ({ id: r.id, key: r.key, version: r.version, name: r.name, subject: r.subject, builtin: r.builtin === 1, createdAt: r.created_at }));
}

export function serviceSops(db: Db): Array<{ service: SopService; templateKey: string | null }> {
  const rows = db.prepare('SELECT service, template_key FROM service_sops').all() as Array<{ service: SopService; template_key: string }>;
  const map = new Map(rows.map((r) => [r.service, r.template_key]));
  return SOP_SERVICES.map((service) => ({ service, templateKey: map.get(service) ?? null }));
}

export function setServiceSop(db: Db, service: SopService, templateKey: string | null): void {
  if (templateKey === null) {
    db.prepare('DELETE FROM service_sops WHERE service = ?').run(service);
    return;
  }
  const id = latestTemplateId(db, templateKey);
  if (id === null) throw new ApiError('NOT_FOUND', 'SOP tidak ditemukan.', { templateKey: 'Pilih SOP dari daftar.' });
  const subject = getTemplate(db, id).subject;
  if ((service === 'pengaduan') !== (subject === 'complaint')) {
    throw new ApiError('INVALID_INPUT', service === 'pengaduan' ? 'Pengaduan harus dilayani SOP pengaduan.' : 'Layanan permohonan tidak dapat dilayani SOP pengaduan.', {
      templateKey: 'SOP ini tidak cocok untuk layanan tersebut.',
    });
  }
  db.prepare('INSERT INTO service_sops (service, template_key) VALUES (?, ?) ON CONFLICT (service) DO UPDATE SET template_key = excluded.template_key').run(
    service,
    templateKey,
  );
}

/**
 * Saves an edited template as a new version of its key. Built-in keys cannot be edited: the editor
 * copies them under a new key first.
 */
export function saveTemplate(db: Db, raw: unknown, userId: number, now: Date): TemplateRow {
  const parsed = SopTemplateSchema.safeParse(raw);
  if (!parsed.success) {
    // zod's own messages are English: the dispatcher's Indonesian wording, with the field's path.
    const fields = fieldErrors(parsed.error);
    const [path, message] = Object.entries(fields)[0] ?? [];
    throw new ApiError('INVALID_INPUT', `SOP tidak sah: ${path && message ? `${path === '_' ? 'isi SOP' : path}: ${message}` : 'periksa isinya.'}`, fields);
  }
  const template = parsed.data as SopTemplate;
  const problems = validateTemplate(template);
  if (problems.length > 0) {
    throw new ApiError(
      'INVALID_INPUT',
      `SOP belum benar: ${problems.map((p) => p.message).join(' ')}`,
      Object.fromEntries(problems.map((p, i) => [p.stepId ? `steps.${p.stepId}` : `template.${i}`, p.message])),
    );
  }
  const builtin = db.prepare('SELECT 1 FROM sop_templates WHERE key = ? AND builtin = 1').get(template.key);
  if (builtin) {
    throw new ApiError('CONFLICT', 'SOP bawaan tidak dapat diubah. Salin dulu dengan kode baru, lalu ubah salinannya.', { key: 'Kode ini milik SOP bawaan.' });
  }
  const latest = db.prepare('SELECT version FROM sop_templates WHERE key = ? ORDER BY version DESC LIMIT 1').get(template.key) as { version: number } | undefined;
  const id = Number(
    db
      .prepare('INSERT INTO sop_templates (key, version, name, subject, builtin, definition, created_by, created_at) VALUES (?, ?, ?, ?, 0, ?, ?, ?)')
      .run(template.key, (latest?.version ?? 0) + 1, template.name, template.subject, canonicalJson(template), userId, now.toISOString()).lastInsertRowid,
  );
  const row = listTemplates(db).find((t) => t.id === id);
  if (!row) throw new ApiError('INTERNAL', 'SOP gagal disimpan.');
  return row;
}
