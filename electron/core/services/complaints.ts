/**
 * Complaints (pengaduan). A complaint is not a letter, but it runs through the same SOP engine on
 * the office's complaint SOP (service 'pengaduan', the built-in `pengaduan` template by default):
 * the front desk records it on behalf of the complainant (step 1), an officer responds until it is
 * solved (2), decides whether it is solved (3a) and otherwise forwards it to the Pejabat Pengaduan
 * by disposition (3b), who resolves it (4). Its status is derived from its request when read.
 *
 * Deadlines: the complaint procedure of the standar pelayanan gives no times, and the built-in
 * template stays faithful to it (every step "–"). An office that promises times copies the
 * template in the SOP editor, sets the standards, and picks the copy for 'pengaduan': complaints
 * registered afterwards get deadlines from it like any request (the test shows this).
 *
 * The office's complaint contacts (telephone, e-mail, website, Twitter/X, Instagram, the Pejabat
 * Pengaduan and their telephone) are office settings; `complaintContactLines` gives them as printed
 * lines for the complaint receipt, the standar pelayanan and the hosting-access document.
 */
import { ApiError } from '../../../shared/api/errors';
import type { User } from '../../../shared/api/schemas';
import {
  COMPLAINT_CHANNEL_LABELS,
  type Complaint,
  type ComplaintInput,
  type ComplaintListFilter,
  type ComplaintSettings,
  type ComplaintStatus,
  type ComplaintSummary,
} from '../../../shared/api/report-schemas';
import { localDateTimeToUtc, toLocalParts } from '../../../shared/domain/dates';
import { formatNumber } from '../../../shared/domain/numbering';
import type { Db } from '../db/register';
import { appendAudit } from './audit';
import { getOffice } from './office';
import { seesAllLetters, startRequestForComplaint } from './requests';

export const COMPLAINT_ENTITY = 'complaint';

// ---------------------------------------------------------------------------------------------
// Settings: the office's complaint contacts
// ---------------------------------------------------------------------------------------------

interface SettingsRow {
  phone: string;
  email: string;
  website: string;
  twitter: string;
  instagram: string;
  officer_name: string;
  officer_phone: string;
  number_format: string;
}

/** The saved contacts; before the first save, the office's telephone, e-mail and website. */
export function getComplaintSettings(db: Db): ComplaintSettings {
  const row = db.prepare('SELECT * FROM complaint_settings WHERE id = 1').get() as SettingsRow | undefined;
  if (row) {
    return {
      phone: row.phone,
      email: row.email,
      website: row.website,
      twitter: row.twitter,
      instagram: row.instagram,
      officerName: row.officer_name,
      officerPhone: row.officer_phone,
      numberFormat: row.number_format,
    };
  }
  const office = db.prepare('SELECT phone, email, website FROM office WHERE id = 1').get() as { phone: string; email: string; website: string } | undefined;
  return {
    phone: office?.phone ?? '',
    email: office?.email ?? '',
    website: office?.website ?? '',
    twitter: '',
    instagram: '',
    officerName: '',
    officerPhone: '',
    numberFormat: 'ADU/{urut:3}/{tahun}',
  };
}

export function saveComplaintSettings(db: Db, input: ComplaintSettings, user: User, now: Date): ComplaintSettings {
  const run = db.transaction(() => {
    const before = getComplaintSettings(db);
    const at = now.toISOString();
    db.prepare(
      `INSERT INTO complaint_settings (id, phone, email, website, twitter, instagram, officer_name, officer_phone, number_format, updated_by, updated_at)
       VALUES (1, @phone, @email, @website, @twitter, @instagram, @officerName, @officerPhone, @numberFormat, @userId, @at)
       ON CONFLICT (id) DO UPDATE SET phone = excluded.phone, email = excluded.email, website = excluded.website, twitter = excluded.twitter,
         instagram = excluded.instagram, officer_name = excluded.officer_name, officer_phone = excluded.officer_phone,
         number_format = excluded.number_format, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    ).run({ ...input, userId: user.id, at });
    appendAudit(db, { at, userId: user.id, action: 'pengaduan.kontak_diubah', entity: 'complaint_settings', entityId: 1, before, after: input });
  });
  run.immediate();
  return getComplaintSettings(db);
}

/** "@akun" for a bare account name (dots allowed, as Instagram has them); a URL or an @name stays as written. */
function handle(value: string): string {
  const v = value.trim();
  if (v === '' || v.startsWith('@') || /[/:\s]/.test(v)) return v;
  return `@${v}`;
}

/**
 * The complaint channels as printed lines, only those that are set:
 * "Telepon: (0285) 421243", "E-mail: …", "Website: …", "Twitter/X: @…", "Instagram: @…",
 * "Pejabat Pengaduan: Nama (telepon …)". For the complaint receipt, the standar pelayanan and,
 * through the documents helper, the hosting-access document.
 */
export function complaintContactLines(settings: ComplaintSettings): string[] {
  const lines: string[] = [];
  if (settings.phone) lines.push(`Telepon: ${settings.phone}`);
  if (settings.email) lines.push(`E-mail: ${settings.email}`);
  if (settings.website) lines.push(`Website: ${settings.website}`);
  if (settings.twitter) lines.push(`Twitter/X: ${handle(settings.twitter)}`);
  if (settings.instagram) lines.push(`Instagram: ${handle(settings.instagram)}`);
  if (settings.officerName || settings.officerPhone) {
    const phone = settings.officerPhone ? ` (telepon ${settings.officerPhone})` : '';
    lines.push(`Pejabat Pengaduan: ${settings.officerName || '–'}${phone}`);
  }
  return lines;
}

/** The office's complaint contacts as printed lines (see complaintContactLines). */
export function officeComplaintContacts(db: Db): string[] {
  return complaintContactLines(getComplaintSettings(db));
}

// ---------------------------------------------------------------------------------------------
// Complaints
// ---------------------------------------------------------------------------------------------

interface ComplaintRow {
  id: number;
  year: number;
  seq: number;
  number: string;
  channel: Complaint['channel'];
  complainant_name: string;
  complainant_contact: string;
  opd_id: number | null;
  opd_name: string | null;
  hosted_system_id: number | null;
  related_letter_id: number | null;
  subject: string;
  description: string;
  received_at: string;
  created_by_name: string;
  created_at: string;
  request_id: number | null;
  request_state: string | null;
  closed_at: string | null;
  escalated: number;
  status: ComplaintStatus;
}

/** Every complaint with its request, whether it was forwarded (a live disposition), and its status. */
const COMPLAINT_SELECT = `
  SELECT * FROM (
    SELECT c.*, o.name AS opd_name, u.full_name AS created_by_name, r.id AS request_id, r.state AS request_state, r.closed_at,
           EXISTS (SELECT 1 FROM dispositions d WHERE d.request_id = r.id AND d.withdrawn_at IS NULL) AS escalated,
           CASE WHEN r.state IN ('selesai', 'dikembalikan') THEN 'selesai'
                WHEN EXISTS (SELECT 1 FROM dispositions d WHERE d.request_id = r.id AND d.withdrawn_at IS NULL) THEN 'diteruskan'
                ELSE 'ditangani' END AS status
      FROM complaints c
      JOIN users u ON u.id = c.created_by
      LEFT JOIN opd o ON o.id = c.opd_id
      LEFT JOIN requests r ON r.complaint_id = c.id
  ) c`;

/** SQL condition (on complaints aliased `c`) for what a user who does not see all may see. Uses @viewerId, @viewerRole. */
const VISIBLE_COMPLAINT_CONDITION = `(
  c.id IN (SELECT r.complaint_id FROM requests r JOIN dispositions d ON d.request_id = r.id AND d.withdrawn_at IS NULL
             JOIN disposition_recipients dr ON dr.disposition_id = d.id WHERE dr.user_id = @viewerId AND r.complaint_id IS NOT NULL)
  OR c.id IN (SELECT r.complaint_id FROM requests r JOIN request_roles rr ON rr.request_id = r.id WHERE rr.role = @viewerRole AND r.complaint_id IS NOT NULL)
)`;

function toSummary(r: ComplaintRow): ComplaintSummary {
  return {
    id: r.id,
    number: r.number,
    year: r.year,
    seq: r.seq,
    channel: r.channel,
    complainantName: r.complainant_name,
    complainantContact: r.complainant_contact,
    opdId: r.opd_id,
    opdName: r.opd_name,
    subject: r.subject,
    receivedAt: r.received_at,
    status: r.status,
    requestId: r.request_id,
    escalated: r.escalated === 1,
    resolvedAt: r.status === 'selesai' ? r.closed_at : null,
  };
}

/** Front desk, administrator and Kadis see every complaint; others those whose request reached them. */
export function canSeeComplaint(db: Db, complaintId: number, user: User): boolean {
  if (seesAllLetters(user.role)) return true;
  return db.prepare(`SELECT 1 FROM complaints c WHERE c.id = @id AND ${VISIBLE_COMPLAINT_CONDITION}`).get({ id: complaintId, viewerId: user.id, viewerRole: user.role }) !== undefined;
}

export function assertComplaintVisible(db: Db, complaintId: number, user: User): void {
  if (!canSeeComplaint(db, complaintId, user)) throw new ApiError('NOT_FOUND', 'Pengaduan tidak ditemukan.');
}

export function getComplaint(db: Db, id: number): Complaint {
  const row = db.prepare(`${COMPLAINT_SELECT} WHERE c.id = ?`).get(id) as ComplaintRow | undefined;
  if (!row) throw new ApiError('NOT_FOUND', 'Pengaduan tidak ditemukan.');
  const system = row.hosted_system_id
    ? (db.prepare('SELECT id, subdomain, parent_domain, application_name FROM hosted_systems WHERE id = ?').get(row.hosted_system_id) as
        | { id: number; subdomain: string; parent_domain: string; application_name: string }
        | undefined)
    : undefined;
  const letter = row.related_letter_id
    ? (db.prepare('SELECT id, agenda_number, subject FROM letters WHERE id = ?').get(row.related_letter_id) as { id: number; agenda_number: string; subject: string } | undefined)
    : undefined;
  return {
    ...toSummary(row),
    description: row.description,
    hostedSystem: system ? { id: system.id, fqdn: `${system.subdomain}.${system.parent_domain}`, applicationName: system.application_name } : null,
    relatedLetter: letter ? { id: letter.id, agendaNumber: letter.agenda_number, subject: letter.subject } : null,
    createdBy: row.created_by_name,
    createdAt: row.created_at,
  };
}

export function listComplaints(db: Db, filter: ComplaintListFilter, viewer: User | null): { items: ComplaintSummary[]; total: number } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (viewer && !seesAllLetters(viewer.role)) {
    where.push(VISIBLE_COMPLAINT_CONDITION);
    params.viewerId = viewer.id;
    params.viewerRole = viewer.role;
  }
  const q = filter.q.trim().toLowerCase();
  if (q) {
    where.push(
      "(lower(c.number) LIKE @like ESCAPE '\\' OR lower(c.complainant_name) LIKE @like ESCAPE '\\' OR lower(c.subject) LIKE @like ESCAPE '\\' OR lower(c.description) LIKE @like ESCAPE '\\')",
    );
    params.like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  }
  if (filter.year !== null) {
    where.push('c.year = @year');
    params.year = filter.year;
  }
  if (filter.channel !== null) {
    where.push('c.channel = @channel');
    params.channel = filter.channel;
  }
  if (filter.status !== null) {
    where.push('c.status = @status');
    params.status = filter.status;
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM (${COMPLAINT_SELECT} ${clause})`).get(params) as { n: number }).n;
  const rows = db
    .prepare(`${COMPLAINT_SELECT} ${clause} ORDER BY c.year DESC, c.seq DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: filter.limit, offset: filter.offset }) as ComplaintRow[];
  return { items: rows.map(toSummary), total };
}

/** Complaints received in [fromIso, toIso) for the reports, oldest first. */
export function complaintsBetween(db: Db, fromIso: string, toIso: string): ComplaintSummary[] {
  const rows = db.prepare(`${COMPLAINT_SELECT} WHERE c.received_at >= ? AND c.received_at < ? ORDER BY c.received_at, c.id`).all(fromIso, toIso) as ComplaintRow[];
  return rows.map(toSummary);
}

/**
 * Records a complaint, numbers it from its own yearly counter (format in the complaint settings,
 * "ADU/{urut:3}/{tahun}" by default) and starts its request on the complaint SOP, in one transaction.
 */
export function registerComplaint(db: Db, input: ComplaintInput, user: User, now: Date): Complaint {
  const office = getOffice(db);
  const receivedAt = input.receivedAt ? localDateTimeToUtc(input.receivedAt, office.timeZone) : now.toISOString();
  const fields: Record<string, string> = {};
  if (Date.parse(receivedAt) > now.getTime() + 5 * 60_000) fields.receivedAt = 'Waktu pengaduan diterima tidak boleh di masa depan.';
  let opdId = input.opdId;
  if (opdId !== null && !db.prepare('SELECT 1 FROM opd WHERE id = ?').get(opdId)) fields.opdId = 'OPD yang dipilih tidak ada di daftar.';
  if (input.hostedSystemId !== null) {
    const system = db.prepare('SELECT opd_id FROM hosted_systems WHERE id = ?').get(input.hostedSystemId) as { opd_id: number } | undefined;
    if (!system) fields.hostedSystemId = 'Sistem yang dipilih tidak ada di register hosting.';
    else if (opdId === null) opdId = system.opd_id;
  }
  if (input.relatedLetterId !== null && !db.prepare('SELECT 1 FROM letters WHERE id = ?').get(input.relatedLetterId)) {
    fields.relatedLetterId = 'Surat yang dipilih tidak ada di buku agenda.';
  }
  if (Object.keys(fields).length > 0) throw new ApiError('INVALID_INPUT', Object.values(fields)[0] ?? 'Isian pengaduan belum benar.', fields);

  const run = db.transaction((): number => {
    const settings = getComplaintSettings(db);
    const local = toLocalParts(receivedAt, office.timeZone);
    const counter = db.prepare('SELECT last_seq FROM complaint_counters WHERE year = ?').get(local.year) as { last_seq: number } | undefined;
    const seq = (counter?.last_seq ?? 0) + 1;
    db.prepare('INSERT INTO complaint_counters (year, last_seq) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last_seq = excluded.last_seq').run(local.year, seq);
    const number = formatNumber(settings.numberFormat, { seq, year: local.year, month: local.month });
    if (db.prepare('SELECT 1 FROM complaints WHERE number = ?').get(number)) {
      throw new ApiError('CONFLICT', `Nomor pengaduan ${number} sudah dipakai. Periksa format nomor pengaduan di Pengaturan (harus memuat {tahun}).`);
    }
    const at = now.toISOString();
    const id = Number(
      db
        .prepare(
          `INSERT INTO complaints (year, seq, number, channel, complainant_name, complainant_contact, opd_id, hosted_system_id, related_letter_id,
                                   subject, description, received_at, created_by, created_at)
           VALUES (@year, @seq, @number, @channel, @complainantName, @complainantContact, @opdId, @hostedSystemId, @relatedLetterId,
                   @subject, @description, @receivedAt, @userId, @at)`,
        )
        .run({
          year: local.year,
          seq,
          number,
          channel: input.channel,
          complainantName: input.complainantName,
          complainantContact: input.complainantContact,
          opdId,
          hostedSystemId: input.hostedSystemId,
          relatedLetterId: input.relatedLetterId,
          subject: input.subject,
          description: input.description,
          receivedAt,
          userId: user.id,
          at,
        }).lastInsertRowid,
    );
    appendAudit(db, {
      at,
      userId: user.id,
      action: 'pengaduan.dicatat',
      entity: COMPLAINT_ENTITY,
      entityId: id,
      after: { number, channel: COMPLAINT_CHANNEL_LABELS[input.channel], complainant: input.complainantName, subject: input.subject },
    });
    const requestId = startRequestForComplaint(db, id, receivedAt, user.id, now);
    if (requestId === null) {
      throw new ApiError('CONFLICT', 'Kantor belum memilih SOP pengaduan. Administrator dapat memilihnya di Pengaturan → SOP (layanan Pengaduan).');
    }
    return id;
  });
  return getComplaint(db, run.immediate());
}
