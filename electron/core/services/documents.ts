/**
 * The document register: the numbered documents Loket issues for a request — laporan pembuatan
 * domain dan hosting, dokumen hak akses hosting, Berita Acara Serah Terima, surat pengantar, surat
 * pemberitahuan — with their versions and the Kadis's approval (pengesahan).
 *
 * - A document gets its number when it is first created: the counter per type and year is taken
 *   inside the transaction that inserts it (no gaps, no duplicates), in the type's number format.
 * - A version is immutable. Its content is the JSON the PDF is rendered from (pdf/content.ts),
 *   gathered from the register and the user's fields; its content hash is SHA-256 over the
 *   canonical JSON. `documents.update` always makes a new version with the same number; a new
 *   version is not approved, whatever the one before it was.
 * - `approveDocument` (the Kadis) renders the latest version once, stores that PDF in the file store,
 *   records its SHA-256 and locks the version; from then on the version's PDF is the stored bytes.
 * - The access document prints the web panel's initial password. Its content holds only a
 *   reference to the sealed password, which is kept sealed with the version and opened while
 *   rendering; it is never in the content, the audit log, or a log line.
 *
 * Who may create and change a document of a request: the Loket role of an SOP step whose `records`
 * include that document (laporan: document_report, hak akses: document_hosting_access, BAST:
 * document_bast, surat pengantar: document_cover_letter; the surat pemberitahuan: the actor of the
 * decision that returns the request), and the Kadis, a Kabid or the administrator in any case. Who
 * may open the access document's PDF: technical staff, Kabid, Kadis, administrator, and the front
 * desk once a version is approved (it sends it); each opening is audited.
 *
 * Every change is in the audit log under entity 'document'.
 */
import crypto from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import { ROLE_LABELS } from '../../../shared/api/roles';
import type { Letter, OfficeProfile, Official, User } from '../../../shared/api/schemas';
import {
  ACCESS_DOCUMENT_READER_ROLES,
  DOCUMENT_APPROVER_ROLES,
  DOCUMENT_MANAGER_ROLES,
  DOCUMENT_STEP_RECORDS,
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  DocumentFieldsSchema,
  type CreateDocumentInput,
  type DocumentFields,
  type DocumentPaper,
  type DocumentType,
  type DocumentTypeSetting,
  type DocumentTypeSettingInput,
  type DocumentView,
  type DocumentsForRequest,
  type UpdateDocumentInput,
} from '../../../shared/api/document-schemas';
import { formatDateId, formatInstantDateTimeId, localIsoDate, toLocalParts } from '../../../shared/domain/dates';
import { formatNumber } from '../../../shared/domain/numbering';
import type { SopTemplate } from '../../../shared/domain/sop/model';
import type { CoreContext } from '../context';
import type { Db } from '../db/register';
import { bastClosing, bastOpening, BAST_HANDOVER, defaultBastClauses } from '../pdf/bast';
import { DocumentContentSchema, type DocumentContent, type LetterheadContent, type PartyContent, type RequestRef, type SignerContent, type SystemContent } from '../pdf/content';
import { coverBody, COVER_FAREWELL, enclosureCount } from '../pdf/cover-letter';
import { documentFileName, returnNoticeData, type RenderedPdf } from '../pdf/documents';
import { addressLine, contactLine } from '../pdf/letterhead';
import { addresseeOf, returnNoticeLetter } from '../pdf/notice';
import { renderRegistered } from '../pdf/registered';
import { officeTitle, signerFor, type Signer } from '../pdf/signature';
import { appendAudit, canonicalJson } from './audit';
import { officeComplaintContacts } from './complaints';
import type { FileStore } from './files';
import { getHostedSystem, hostingForRequest } from './hosting';
import { getLetter } from './letters';
import { findOfficial, getOffice, listOfficials } from './office';
import { canSeeLetter, type RequestState } from './requests';
import type { SecretBox } from './secrets';
import { getTemplate } from './sop';

export const DOCUMENT_ENTITY = 'document';
export const DOCUMENT_TYPE_ENTITY = 'document_type';

const sha256 = (data: string | Buffer): string => crypto.createHash('sha256').update(data).digest('hex');

/** SHA-256 of the canonical JSON of a content: the version's content hash (what the QR code carries). */
export function contentHashOf(content: DocumentContent): string {
  return sha256(canonicalJson(content));
}

function officeTimeZone(db: Db): string {
  const row = db.prepare('SELECT time_zone FROM office WHERE id = 1').get() as { time_zone: string } | undefined;
  return row?.time_zone ?? 'Asia/Jakarta';
}

function userName(db: Db, id: number | null): string | null {
  if (id === null) return null;
  const row = db.prepare('SELECT full_name, official_id FROM users WHERE id = ?').get(id) as { full_name: string; official_id: number | null } | undefined;
  if (!row) return null;
  if (row.official_id !== null) {
    const official = listOfficials(db).find((o) => o.id === row.official_id);
    if (official) return official.name;
  }
  return row.full_name;
}

// ---------------------------------------------------------------------------------------------
// Type settings and numbering
// ---------------------------------------------------------------------------------------------

interface TypeRow {
  key: DocumentType;
  label: string;
  number_format: string;
  code: string;
  unit: string;
}

function typeRow(db: Db, type: DocumentType): TypeRow {
  const row = db.prepare('SELECT key, label, number_format, code, unit FROM document_types WHERE key = ?').get(type) as TypeRow | undefined;
  if (!row) throw new ApiError('INTERNAL', `Jenis dokumen ${type} tidak ada di register.`);
  return row;
}

function numberFor(row: TypeRow, seq: number, year: number, month: number): string {
  return formatNumber(row.number_format, { seq, code: row.code, unit: row.unit, year, month });
}

export function listDocumentTypes(db: Db, now: Date): DocumentTypeSetting[] {
  const local = toLocalParts(now, officeTimeZone(db));
  return DOCUMENT_TYPES.map((key) => {
    const row = typeRow(db, key);
    const counter = db.prepare('SELECT last_seq FROM document_counters WHERE type = ? AND year = ?').get(key, local.year) as { last_seq: number } | undefined;
    const issued = counter?.last_seq ?? 0;
    return {
      key,
      label: row.label,
      numberFormat: row.number_format,
      code: row.code,
      unit: row.unit,
      nextNumber: numberFor(row, issued + 1, local.year, local.month),
      issuedThisYear: issued,
    };
  });
}

/** documents.types.save (administrator): label, number format, classification code and unit per type. */
export function saveDocumentTypes(db: Db, types: readonly DocumentTypeSettingInput[], user: User, now: Date): DocumentTypeSetting[] {
  if (user.role !== 'admin') throw new ApiError('FORBIDDEN', 'Pengaturan jenis dokumen hanya dapat diubah oleh administrator.');
  const run = db.transaction(() => {
    const at = now.toISOString();
    for (const t of types) {
      const before = typeRow(db, t.key);
      const after = { label: t.label.trim(), number_format: t.numberFormat.trim(), code: t.code.trim(), unit: t.unit.trim() };
      const changed = (Object.keys(after) as Array<keyof typeof after>).filter((k) => before[k] !== after[k]);
      if (changed.length === 0) continue;
      db.prepare('UPDATE document_types SET label = @label, number_format = @number_format, code = @code, unit = @unit, updated_by = @by, updated_at = @at WHERE key = @key').run({
        ...after,
        by: user.id,
        at,
        key: t.key,
      });
      appendAudit(db, {
        at,
        userId: user.id,
        action: 'jenis_dokumen.diubah',
        entity: DOCUMENT_TYPE_ENTITY,
        entityId: t.key,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      });
    }
  });
  run.immediate();
  return listDocumentTypes(db, now);
}

/** Takes the next number of a type for the year of `at` (office time). Call inside the inserting transaction. */
function issueNumber(db: Db, type: DocumentType, at: Date): { year: number; seq: number; number: string } {
  const local = toLocalParts(at, officeTimeZone(db));
  const counter = db.prepare('SELECT last_seq FROM document_counters WHERE type = ? AND year = ?').get(type, local.year) as { last_seq: number } | undefined;
  const seq = (counter?.last_seq ?? 0) + 1;
  db.prepare('INSERT INTO document_counters (type, year, last_seq) VALUES (?, ?, ?) ON CONFLICT (type, year) DO UPDATE SET last_seq = excluded.last_seq').run(type, local.year, seq);
  return { year: local.year, seq, number: numberFor(typeRow(db, type), seq, local.year, local.month) };
}

// ---------------------------------------------------------------------------------------------
// Permissions
// ---------------------------------------------------------------------------------------------

interface RequestInfo {
  id: number;
  letterId: number;
  state: RequestState;
  template: SopTemplate;
}

function requestInfo(db: Db, requestId: number): RequestInfo {
  const row = db.prepare('SELECT id, letter_id, template_id, state FROM requests WHERE id = ?').get(requestId) as
    | { id: number; letter_id: number; template_id: number; state: RequestState }
    | undefined;
  if (!row) throw new ApiError('NOT_FOUND', 'Permohonan tidak ditemukan.');
  return { id: row.id, letterId: row.letter_id, state: row.state, template: getTemplate(db, row.template_id) };
}

/** The Loket roles of the SOP steps that make a document of this type. */
export function stepRolesFor(template: SopTemplate, type: DocumentType): Set<User['role']> {
  const record = DOCUMENT_STEP_RECORDS[type];
  const roles = new Set<User['role']>();
  for (const step of template.steps) {
    if (step.kind === 'end') continue;
    const makes = record === null ? step.kind === 'decision' && step.branches.some((b) => b.returnsToOpd) : (step.records ?? []).includes(record);
    if (!makes) continue;
    const role = template.roles.find((r) => r.key === step.actor);
    if (role) roles.add(role.systemRole);
  }
  return roles;
}

export function mayEditDocument(template: SopTemplate, type: DocumentType, user: User): boolean {
  return (DOCUMENT_MANAGER_ROLES as readonly string[]).includes(user.role) || stepRolesFor(template, type).has(user.role);
}

function assertMayEdit(db: Db, request: RequestInfo, type: DocumentType, user: User): void {
  if (!canSeeLetter(db, request.letterId, user)) throw new ApiError('NOT_FOUND', 'Permohonan tidak ditemukan.');
  if (mayEditDocument(request.template, type, user)) return;
  const roles = [...stepRolesFor(request.template, type), ...DOCUMENT_MANAGER_ROLES].map((r) => ROLE_LABELS[r]);
  throw new ApiError('FORBIDDEN', `${DOCUMENT_TYPE_LABELS[type]} permohonan ini dibuat atau diubah oleh: ${[...new Set(roles)].join(', ')}.`);
}

// ---------------------------------------------------------------------------------------------
// Gathering the content
// ---------------------------------------------------------------------------------------------

function letterheadContent(office: OfficeProfile): LetterheadContent {
  return {
    government: office.government.toLocaleUpperCase('id-ID'),
    agencyName: office.agencyName.toLocaleUpperCase('id-ID'),
    addressLine: addressLine(office),
    contactLine: contactLine(office),
    logoSha256: office.logoSha256,
  };
}

function requestRef(letter: Letter): RequestRef {
  return {
    agendaNumber: letter.agendaNumber,
    letterNumber: letter.letterNumber,
    letterDate: formatDateId(letter.letterDate),
    senderName: letter.senderName,
    subject: letter.subject,
  };
}

const signerContent = (s: Signer): SignerContent => ({ heading: [...s.heading], name: s.name, rank: s.rank, nip: s.nip });

/** "Dinas Komunikasi dan Informatika Kota Pekalongan": the agency with its government. */
function agencyWithRegion(office: OfficeProfile): string {
  return `${office.agencyName} ${office.government.replace(/^pemerintah\s+/i, '')}`.trim();
}

function officialOfUser(db: Db, userId: number): { user: { fullName: string; role: User['role'] }; official: Official | null } {
  const row = db.prepare('SELECT full_name, role, official_id FROM users WHERE id = ?').get(userId) as
    | { full_name: string; role: User['role']; official_id: number | null }
    | undefined;
  if (!row) throw new ApiError('NOT_FOUND', 'Pengguna tidak ditemukan.');
  const official = row.official_id === null ? null : (listOfficials(db).find((o) => o.id === row.official_id) ?? null);
  return { user: { fullName: row.full_name, role: row.role }, official };
}

/** The officer's position: the linked official's title, else the SOP's label of the step that makes the document, else the role's label. */
function officerPosition(template: SopTemplate, type: DocumentType, role: User['role'], official: Official | null): string {
  if (official) return officeTitle(official);
  const record = DOCUMENT_STEP_RECORDS[type];
  for (const step of template.steps) {
    if (step.kind === 'end' || record === null || !(step.records ?? []).includes(record)) continue;
    const sopRole = template.roles.find((r) => r.key === step.actor);
    if (sopRole?.systemRole === role) return sopRole.label;
  }
  return ROLE_LABELS[role];
}

function officerSigner(db: Db, template: SopTemplate, type: DocumentType, userId: number, heading: string[]): Signer {
  const { user, official } = officialOfUser(db, userId);
  if (official) return signerFor(official, official.position, heading);
  return { heading: [...heading, `${officerPosition(template, type, user.role, null)},`], name: user.fullName, rank: '', nip: '' };
}

function kadisOrFail(db: Db): Official {
  const kadis = findOfficial(db, 'kadis');
  if (!kadis) throw new ApiError('CONFLICT', 'Data Kepala Dinas belum diisi. Isi di Pengaturan → Pejabat.');
  return kadis;
}

/** The Kabid a report goes to: the one chosen, else the Kabid the letter was disposed to, else the first active one. */
function reportKabid(db: Db, requestId: number, chosen: number | null): Official | null {
  const officials = listOfficials(db);
  if (chosen !== null) {
    const official = officials.find((o) => o.id === chosen && o.position === 'kabid');
    if (!official) throw new ApiError('INVALID_INPUT', 'Kepala Bidang yang dipilih tidak ada.', { kabidOfficialId: 'Pilih Kepala Bidang dari daftar pejabat.' });
    return official;
  }
  const disposed = db
    .prepare(
      `SELECT u.official_id FROM dispositions d JOIN disposition_recipients dr ON dr.disposition_id = d.id JOIN users u ON u.id = dr.user_id
        WHERE d.request_id = ? AND d.withdrawn_at IS NULL AND u.official_id IS NOT NULL ORDER BY d.id`,
    )
    .all(requestId) as Array<{ official_id: number }>;
  for (const d of disposed) {
    const official = officials.find((o) => o.id === d.official_id && o.position === 'kabid');
    if (official) return official;
  }
  return findOfficial(db, 'kabid');
}

function systemContent(db: Db, id: number): SystemContent {
  const s = getHostedSystem(db, id);
  return {
    opdName: s.opdName,
    applicationName: s.applicationName,
    fqdn: s.fqdn,
    addresses: s.addresses,
    server: s.serverName ?? '',
    stack: s.stack,
    database: s.database,
    panelUrl: s.panelUrl,
    panelUsername: s.panelUsername,
  };
}

/** The hosted system a document is about: the one given (linked to the request), or the request's only one. */
function pickSystem(db: Db, requestId: number, chosen: number | null): number {
  const linked = hostingForRequest(db, requestId).systems;
  if (chosen !== null) {
    if (!linked.some((s) => s.id === chosen)) {
      throw new ApiError('INVALID_INPUT', 'Sistem yang dipilih tidak terkait dengan permohonan ini.', { hostedSystemId: 'Pilih sistem dari permohonan ini.' });
    }
    return chosen;
  }
  const only = linked[0];
  if (!only) {
    throw new ApiError(
      'CONFLICT',
      'Permohonan ini belum memiliki data hosting. Catat data hosting (subdomain, alamat IP, web panel) pada langkah penyediaan terlebih dahulu.',
    );
  }
  if (linked.length > 1) {
    throw new ApiError('INVALID_INPUT', `Permohonan ini memiliki ${linked.length} sistem; pilih sistem yang dimaksud dokumen.`, {
      hostedSystemId: 'Pilih sistem yang dimaksud dokumen.',
    });
  }
  return only.id;
}

interface Built {
  content: DocumentContent;
  title: string;
  hostedSystemId: number | null;
  secret: { sealed: string; box: string } | null;
  /** The fields as stored: defaults resolved where the content depends on "today". */
  fields: DocumentFields;
}

interface BuildContext {
  ctx: CoreContext;
  request: RequestInfo;
  number: string;
  /** The user the document names as its officer: who created it. */
  creatorId: number;
  /** The date to use when the fields give none. */
  defaultDate: string;
  /** The system already chosen for the document (updates keep it). */
  hostedSystemId: number | null;
}

function buildContent(b: BuildContext, fields: DocumentFields): Built {
  const { ctx, request } = b;
  const db = ctx.db;
  const office = getOffice(db);
  const letter = getLetter(db, request.letterId);
  const date = fields.date ?? b.defaultDate;
  const placeDate = `${office.city}, ${formatDateId(date)}`;
  const base = { number: b.number, letterhead: letterheadContent(office), date, placeDate };
  const resolved = { ...fields, date } as DocumentFields;

  if (fields.type === 'surat_pemberitahuan') {
    const notice = returnNoticeData(ctx, office, letter);
    const letterData = returnNoticeLetter({ ...notice, reason: fields.reason.trim() || notice.reason, placeDate: fields.date ? placeDate : notice.placeDate });
    const noticeDate = fields.date ?? localIsoDate(notice.decidedAt, office.timeZone);
    return {
      title: `Surat pemberitahuan pengembalian permohonan (agenda ${letter.agendaNumber})`,
      hostedSystemId: null,
      secret: null,
      fields: { ...fields, date: noticeDate },
      content: {
        type: 'surat_pemberitahuan',
        ...base,
        date: noticeDate,
        placeDate: letterData.placeDate,
        title: `Surat pemberitahuan pengembalian permohonan (agenda ${letter.agendaNumber})`,
        nature: letterData.nature,
        attachment: letterData.attachment,
        subjectLine: letterData.subjectLine,
        addressee: letterData.addressee,
        body: letterData.body,
        farewell: letterData.farewell,
        signer: signerContent(letterData.signer),
      },
    };
  }

  const systemId = b.hostedSystemId ?? pickSystem(db, request.id, fields.hostedSystemId);
  const system = systemContent(db, systemId);
  const withSystem = { ...resolved, hostedSystemId: systemId } as DocumentFields;

  switch (fields.type) {
    case 'laporan_hosting': {
      const kabid = reportKabid(db, request.id, fields.kabidOfficialId);
      const acknowledger =
        fields.acknowledgedBy === 'none'
          ? null
          : signerContent(
              fields.acknowledgedBy === 'kabid' ? signerFor(kabid, 'kabid', ['Mengetahui,']) : signerFor(findOfficial(db, 'kadis'), 'kadis', ['Mengetahui,']),
            );
      const title = `Laporan pembuatan domain dan hosting ${system.fqdn}`;
      return {
        title,
        hostedSystemId: systemId,
        secret: null,
        fields: withSystem,
        content: {
          type: 'laporan_hosting',
          ...base,
          title,
          addressee: { title: kabid ? officeTitle(kabid) : 'Kepala Bidang', name: kabid?.name ?? null },
          request: requestRef(letter),
          system,
          notes: fields.notes.trim(),
          officer: signerContent(officerSigner(db, request.template, 'laporan_hosting', b.creatorId, [placeDate, 'Yang melaporkan,'])),
          acknowledger,
        },
      };
    }
    case 'hak_akses_hosting': {
      const row = db.prepare('SELECT panel_password_sealed, panel_password_box FROM hosted_systems WHERE id = ?').get(systemId) as {
        panel_password_sealed: string | null;
        panel_password_box: string | null;
      };
      if (row.panel_password_sealed === null || row.panel_password_box === null) {
        throw new ApiError(
          'CONFLICT',
          `Kata sandi web panel ${system.fqdn} belum disimpan di Loket. Atur kata sandinya di register hosting (buat otomatis atau tulis sendiri), lalu buat dokumen ini.`,
        );
      }
      const title = `Hak akses hosting ${system.fqdn}`;
      return {
        title,
        hostedSystemId: systemId,
        secret: { sealed: row.panel_password_sealed, box: row.panel_password_box },
        fields: withSystem,
        content: {
          type: 'hak_akses_hosting',
          ...base,
          title,
          request: requestRef(letter),
          system,
          password: { ref: `sealed:${sha256(row.panel_password_sealed)}` },
          notes: fields.notes.trim(),
          contacts: officeComplaintContacts(db),
          agencyName: office.agencyName,
          signer: signerContent(signerFor(kadisOrFail(db), 'kadis', [placeDate, 'Mengesahkan,'])),
        },
      };
    }
    case 'bast': {
      let first: PartyContent;
      if (fields.firstParty === 'kadis') {
        const kadis = kadisOrFail(db);
        first = { name: kadis.name, nip: kadis.nip, rank: kadis.rank, position: officeTitle(kadis), agency: agencyWithRegion(office) };
      } else {
        const { user, official } = officialOfUser(db, b.creatorId);
        first = {
          name: official?.name ?? user.fullName,
          nip: official?.nip ?? '',
          rank: official?.rank ?? '',
          position: officerPosition(request.template, 'bast', user.role, official),
          agency: agencyWithRegion(office),
        };
      }
      const p = fields.secondParty;
      const second: PartyContent = { name: p.name, nip: p.nip, rank: p.rank, position: p.position, agency: p.agency || system.opdName };
      const items =
        fields.items.length > 0
          ? fields.items.map((i) => ({ label: i.label, value: i.value }))
          : [
              { label: 'Subdomain', value: system.fqdn },
              { label: 'Alamat IP', value: system.addresses.join(', ') },
              ...(system.panelUrl ? [{ label: 'Akses web panel', value: `${system.panelUrl}${system.panelUsername ? ` (nama pengguna: ${system.panelUsername})` : ''}` }] : []),
              { label: 'Aplikasi/situs web', value: system.applicationName },
            ];
      const title = `Berita Acara Serah Terima ${system.fqdn}`;
      return {
        title,
        hostedSystemId: systemId,
        secret: null,
        fields: withSystem,
        content: {
          type: 'bast',
          ...base,
          title,
          subjectLine: fields.subjectLine.trim().toLocaleUpperCase('id-ID'),
          opening: bastOpening(date, fields.place.trim() || `${office.agencyName} ${office.city}`),
          first,
          second,
          handover: BAST_HANDOVER,
          items,
          clauses: fields.clauses.length > 0 ? fields.clauses.map((c) => c.trim()) : defaultBastClauses(office.agencyName),
          closing: bastClosing(fields.copies),
          witnesses: fields.witnesses.map((w) => ({ name: w.name, nip: w.nip, rank: w.rank, position: w.position, agency: w.agency })),
        },
      };
    }
    case 'surat_pengantar': {
      const enclosures =
        fields.enclosures.length > 0
          ? fields.enclosures.map((e) => e.trim())
          : (
              db
                .prepare(
                  `SELECT type, number FROM documents WHERE request_id = ? AND type IN ('hak_akses_hosting', 'bast') AND (hosted_system_id = ? OR hosted_system_id IS NULL)
                    ORDER BY CASE type WHEN 'hak_akses_hosting' THEN 0 ELSE 1 END, id`,
                )
                .all(request.id, systemId) as Array<{ type: DocumentType; number: string }>
            ).map((d) => `${DOCUMENT_TYPE_LABELS[d.type]} Nomor ${d.number}`);
      const body = coverBody({
        letterNumber: letter.letterNumber,
        letterDate: formatDateId(letter.letterDate),
        subject: letter.subject,
        agendaNumber: letter.agendaNumber,
        fqdn: system.fqdn,
        applicationName: system.applicationName,
        enclosures,
        contacts: officeComplaintContacts(db),
      });
      const title = `Surat pengantar hak akses hosting ${system.fqdn}`;
      return {
        title,
        hostedSystemId: systemId,
        secret: null,
        fields: withSystem,
        content: {
          type: 'surat_pengantar',
          ...base,
          title,
          nature: 'Biasa',
          attachment: enclosureCount(enclosures.length),
          subjectLine: fields.subjectLine.trim(),
          addressee: addresseeOf(system.opdName || letter.senderName),
          body,
          farewell: COVER_FAREWELL,
          signer: signerContent(signerFor(kadisOrFail(db), 'kadis', [])),
        },
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

interface DocumentRow {
  id: number;
  type: DocumentType;
  request_id: number | null;
  letter_id: number;
  hosted_system_id: number | null;
  number: string;
  title: string;
  created_by: number;
  created_at: string;
}

interface VersionRow {
  document_id: number;
  version: number;
  fields: string;
  content: string;
  content_hash: string;
  paper: DocumentPaper;
  secret_sealed: string | null;
  secret_box: string | null;
  created_by: number;
  created_at: string;
  approved_by: number | null;
  approved_at: string | null;
  locked: number;
  pdf_sha256: string | null;
  pdf_sealed: string | null;
  pdf_box: string | null;
}

function documentRow(db: Db, id: number): DocumentRow {
  const row = db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
  if (!row) throw new ApiError('NOT_FOUND', 'Dokumen tidak ditemukan.');
  return row;
}

function versionRows(db: Db, documentId: number): VersionRow[] {
  return db.prepare('SELECT * FROM document_versions WHERE document_id = ? ORDER BY version DESC').all(documentId) as VersionRow[];
}

function latestVersion(db: Db, documentId: number): VersionRow {
  const row = db.prepare('SELECT * FROM document_versions WHERE document_id = ? ORDER BY version DESC LIMIT 1').get(documentId) as VersionRow | undefined;
  if (!row) throw new ApiError('INTERNAL', 'Dokumen tanpa versi.');
  return row;
}

function parseContent(row: VersionRow): DocumentContent {
  return DocumentContentSchema.parse(JSON.parse(row.content));
}

export function getDocument(db: Db, id: number): DocumentView {
  const doc = documentRow(db, id);
  const versions = versionRows(db, id);
  const latest = versions[0];
  if (!latest) throw new ApiError('INTERNAL', 'Dokumen tanpa versi.');
  const approved = versions.find((v) => v.locked === 1);
  return {
    id: doc.id,
    type: doc.type,
    typeLabel: DOCUMENT_TYPE_LABELS[doc.type],
    number: doc.number,
    title: doc.title,
    requestId: doc.request_id,
    letterId: doc.letter_id,
    hostedSystemId: doc.hosted_system_id,
    createdBy: userName(db, doc.created_by) ?? '',
    createdAt: doc.created_at,
    latestVersion: latest.version,
    approvedVersion: approved?.version ?? null,
    awaitingApproval: latest.locked !== 1,
    fields: DocumentFieldsSchema.parse(JSON.parse(latest.fields)),
    versions: versions.map((v) => ({
      version: v.version,
      contentHash: v.content_hash,
      paper: v.paper,
      createdBy: userName(db, v.created_by) ?? '',
      createdAt: v.created_at,
      approvedBy: userName(db, v.approved_by),
      approvedAt: v.approved_at,
      locked: v.locked === 1,
      pdfSha256: v.pdf_sha256,
    })),
  };
}

/** documents.forRequest: the request's documents (newest first within type order) and what the viewer may do. */
export function documentsForRequest(db: Db, requestId: number, user: User): DocumentsForRequest {
  const request = requestInfo(db, requestId);
  if (!canSeeLetter(db, request.letterId, user)) throw new ApiError('NOT_FOUND', 'Permohonan tidak ditemukan.');
  const ids = db.prepare('SELECT id FROM documents WHERE request_id = ? ORDER BY id').all(requestId) as Array<{ id: number }>;
  return {
    documents: ids.map((r) => getDocument(db, r.id)),
    canCreate: DOCUMENT_TYPES.filter((t) => (t !== 'surat_pemberitahuan' || request.state === 'dikembalikan') && mayEditDocument(request.template, t, user)),
    canApprove: (DOCUMENT_APPROVER_ROLES as readonly string[]).includes(user.role),
  };
}

// ---------------------------------------------------------------------------------------------
// Creating, changing, approving
// ---------------------------------------------------------------------------------------------

function fieldsOf(input: CreateDocumentInput | UpdateDocumentInput): DocumentFields {
  const raw: Record<string, unknown> = { ...input };
  delete raw.requestId;
  delete raw.documentId;
  delete raw.paper;
  return DocumentFieldsSchema.parse(raw);
}

function insertVersion(db: Db, documentId: number, version: number, built: Built, paper: DocumentPaper, userId: number, at: string): string {
  const hash = contentHashOf(built.content);
  db.prepare(
    `INSERT INTO document_versions (document_id, version, fields, content, content_hash, paper, secret_sealed, secret_box, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(documentId, version, canonicalJson(built.fields), canonicalJson(built.content), hash, paper, built.secret?.sealed ?? null, built.secret?.box ?? null, userId, at);
  return hash;
}

/** documents.create: issues the number and makes version 1 (not approved). */
export function createDocument(ctx: CoreContext, input: CreateDocumentInput, user: User): DocumentView {
  const db = ctx.db;
  const fields = fieldsOf(input);
  const now = ctx.now();
  const run = db.transaction((): number => {
    const request = requestInfo(db, input.requestId);
    assertMayEdit(db, request, fields.type, user);
    if (fields.type === 'surat_pemberitahuan' && request.state !== 'dikembalikan') {
      throw new ApiError('CONFLICT', 'Surat pemberitahuan hanya untuk permohonan yang dikembalikan.');
    }
    const at = now.toISOString();
    const issued = issueNumber(db, fields.type, now);
    const built = buildContent(
      { ctx, request, number: issued.number, creatorId: user.id, defaultDate: localIsoDate(now, officeTimeZone(db)), hostedSystemId: null },
      fields,
    );
    const id = Number(
      db
        .prepare(
          `INSERT INTO documents (type, request_id, letter_id, hosted_system_id, year, seq, number, title, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(fields.type, request.id, request.letterId, built.hostedSystemId, issued.year, issued.seq, issued.number, built.title, user.id, at).lastInsertRowid,
    );
    const hash = insertVersion(db, id, 1, built, input.paper, user.id, at);
    appendAudit(db, {
      at,
      userId: user.id,
      action: 'dokumen.dibuat',
      entity: DOCUMENT_ENTITY,
      entityId: id,
      after: { type: fields.type, number: issued.number, version: 1, contentHash: hash, paper: input.paper, requestId: request.id, hostedSystemId: built.hostedSystemId },
    });
    return id;
  });
  return getDocument(db, run.immediate());
}

/**
 * documents.update: a new version from the fields given (the register's data read again), with the
 * same number and not approved. Refused when nothing would change.
 */
export function updateDocument(ctx: CoreContext, input: UpdateDocumentInput, user: User): DocumentView {
  const db = ctx.db;
  const fields = fieldsOf(input);
  const now = ctx.now();
  const run = db.transaction(() => {
    const doc = documentRow(db, input.documentId);
    if (doc.type !== fields.type) throw new ApiError('INVALID_INPUT', `Dokumen ini adalah ${DOCUMENT_TYPE_LABELS[doc.type]}, bukan ${DOCUMENT_TYPE_LABELS[fields.type]}.`);
    if (doc.request_id === null) throw new ApiError('CONFLICT', 'Dokumen ini tidak terkait dengan permohonan.');
    const request = requestInfo(db, doc.request_id);
    assertMayEdit(db, request, doc.type, user);
    const previous = latestVersion(db, doc.id);
    const previousContent = parseContent(previous);
    if (fields.type !== 'surat_pemberitahuan' && fields.hostedSystemId !== null && fields.hostedSystemId !== doc.hosted_system_id) {
      throw new ApiError('INVALID_INPUT', 'Sistem yang dimaksud dokumen tidak dapat diganti; buat dokumen baru untuk sistem lain.', { hostedSystemId: 'Sistem tidak dapat diganti.' });
    }
    const built = buildContent(
      { ctx, request, number: doc.number, creatorId: doc.created_by, defaultDate: previousContent.date, hostedSystemId: doc.hosted_system_id },
      fields,
    );
    const paper = input.paper ?? previous.paper;
    const hash = contentHashOf(built.content);
    if (hash === previous.content_hash && paper === previous.paper && canonicalJson(built.fields) === previous.fields) {
      throw new ApiError('CONFLICT', `Tidak ada perubahan dibanding versi ${previous.version}.`);
    }
    const at = now.toISOString();
    const version = previous.version + 1;
    insertVersion(db, doc.id, version, built, paper, user.id, at);
    db.prepare('UPDATE documents SET title = ? WHERE id = ?').run(built.title, doc.id);
    const before = JSON.parse(previous.fields) as Record<string, unknown>;
    const after: Record<string, unknown> = { ...built.fields };
    const changed = Object.keys(after).filter((k) => canonicalJson(before[k]) !== canonicalJson(after[k]));
    appendAudit(db, {
      at,
      userId: user.id,
      action: 'dokumen.diubah',
      entity: DOCUMENT_ENTITY,
      entityId: doc.id,
      before: { version: previous.version, contentHash: previous.content_hash, paper: previous.paper, approved: previous.locked === 1 },
      after: { version, contentHash: hash, paper, changedFields: changed, registerDataChanged: hash !== previous.content_hash && changed.length === 0 },
    });
  });
  run.immediate();
  return getDocument(db, input.documentId);
}

function approvalLine(db: Db, approvedBy: number, approvedAt: string): string {
  return `Disahkan oleh ${userName(db, approvedBy) ?? 'Kepala Dinas'} pada ${formatInstantDateTimeId(approvedAt, officeTimeZone(db))}.`;
}

function logoOf(ctx: CoreContext, sha: string | null): Buffer | null {
  if (sha === null) return null;
  try {
    const file = ctx.files.read(sha);
    return file.mime === 'image/png' || file.mime === 'image/jpeg' ? file.data : null;
  } catch {
    return null;
  }
}

/** Opens the sealed password of an access document's version (never logged). */
function passwordOf(ctx: CoreContext, row: VersionRow): string {
  if (row.secret_sealed === null || row.secret_box === null) throw new ApiError('INTERNAL', 'Kata sandi dokumen hak akses tidak tersimpan bersama versinya.');
  if (row.secret_box !== ctx.secrets.kind) {
    throw new ApiError(
      'CONFLICT',
      'Kata sandi pada dokumen ini disimpan dengan cara lain (aplikasi desktop atau peramban) dan tidak dapat dibuka dari sini. Buka dari Loket yang menyimpannya.',
    );
  }
  return ctx.secrets.decrypt(row.secret_sealed);
}

async function renderVersionRow(ctx: CoreContext, row: VersionRow, approval: { by: number; at: string } | null): Promise<{ data: Buffer; pages: number }> {
  const content = parseContent(row);
  return renderRegistered(ctx.resourcesDir, {
    content,
    version: row.version,
    contentHash: row.content_hash,
    paper: row.paper,
    approval: approval ? approvalLine(ctx.db, approval.by, approval.at) : null,
    password: content.type === 'hak_akses_hosting' ? passwordOf(ctx, row) : null,
    logo: logoOf(ctx, content.letterhead.logoSha256),
    createdAt: new Date(approval ? approval.at : row.created_at),
  });
}

/**
 * documents.approve (the Kadis): approves the latest version — renders it once, stores the PDF in
 * the file store with its SHA-256, and locks the version.
 */
export async function approveDocument(ctx: CoreContext, documentId: number, version: number, user: User): Promise<DocumentView> {
  const db = ctx.db;
  if (!(DOCUMENT_APPROVER_ROLES as readonly string[]).includes(user.role)) throw new ApiError('FORBIDDEN', 'Dokumen disahkan oleh Kepala Dinas.');
  const doc = documentRow(db, documentId);
  if (!canSeeLetter(db, doc.letter_id, user)) throw new ApiError('NOT_FOUND', 'Dokumen tidak ditemukan.');
  const latest = latestVersion(db, documentId);
  if (version !== latest.version) {
    throw new ApiError('CONFLICT', `Sudah ada versi yang lebih baru (versi ${latest.version}). Periksa versi itu sebelum mengesahkan.`);
  }
  if (latest.locked === 1) throw new ApiError('CONFLICT', `Versi ${version} dokumen ${doc.number} sudah disahkan.`);
  const at = ctx.now().toISOString();
  const pdf = await renderVersionRow(ctx, latest, { by: user.id, at });
  // The access document prints the password: its PDF is kept sealed, not in the plain file store.
  const pdfSha = sha256(pdf.data);
  const sealed = doc.type === 'hak_akses_hosting' ? { sealed: ctx.secrets.encrypt(pdf.data.toString('base64')), box: ctx.secrets.kind } : null;
  if (sealed === null) ctx.files.put(pdf.data);
  const run = db.transaction(() => {
    const again = latestVersion(db, documentId);
    if (again.version !== version || again.locked === 1) {
      throw new ApiError('CONFLICT', `Dokumen ${doc.number} baru saja diubah atau disahkan di meja lain. Muat ulang dan periksa lagi.`);
    }
    db.prepare(
      'UPDATE document_versions SET approved_by = ?, approved_at = ?, locked = 1, pdf_sha256 = ?, pdf_sealed = ?, pdf_box = ? WHERE document_id = ? AND version = ?',
    ).run(user.id, at, pdfSha, sealed?.sealed ?? null, sealed?.box ?? null, documentId, version);
    appendAudit(db, {
      at,
      userId: user.id,
      action: 'dokumen.disahkan',
      entity: DOCUMENT_ENTITY,
      entityId: documentId,
      after: { number: doc.number, version, contentHash: latest.content_hash, pdfSha256: pdfSha, pdfSealed: sealed !== null },
    });
  });
  run.immediate();
  return getDocument(db, documentId);
}

/** The stored PDF of an approved version: from the file store, or opened from its sealed copy (access document). */
function approvedPdf(files: FileStore | null, secrets: SecretBox | null, row: VersionRow): Buffer {
  if (row.pdf_sealed === null) {
    if (!files || row.pdf_sha256 === null) throw new ApiError('NOT_FOUND', 'Berkas PDF yang disahkan tidak dapat dibaca di sini.');
    return files.read(row.pdf_sha256).data;
  }
  if (!secrets || row.pdf_box !== secrets.kind) {
    throw new ApiError(
      'CONFLICT',
      'Dokumen hak akses ini disahkan dan disimpan dengan cara lain (aplikasi desktop atau peramban) dan tidak dapat dibuka dari sini. Buka dari Loket yang menyimpannya.',
    );
  }
  return Buffer.from(secrets.decrypt(row.pdf_sealed), 'base64');
}

/** The approved PDF of a version, to compare a file against it; null when it cannot be read here. */
export function approvedPdfFor(db: Db, files: FileStore | null, secrets: SecretBox | null, documentId: number, version: number): Buffer | null {
  const row = db.prepare('SELECT * FROM document_versions WHERE document_id = ? AND version = ? AND locked = 1').get(documentId, version) as VersionRow | undefined;
  if (!row) return null;
  try {
    return approvedPdf(files, secrets, row);
  } catch {
    return null;
  }
}

const FILE_PREFIX: Record<DocumentType, string> = {
  laporan_hosting: 'laporan-hosting',
  hak_akses_hosting: 'hak-akses-hosting',
  bast: 'berita-acara-serah-terima',
  surat_pengantar: 'surat-pengantar',
  surat_pemberitahuan: 'surat-pemberitahuan',
};

/** Pages of a PDF written by pdfkit (page objects are not compressed there). */
export function countPdfPages(data: Buffer): number {
  return (data.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/**
 * documents.renderVersion: the PDF of a version (the latest when absent). An approved version is
 * always the stored PDF; a version not approved is rendered as a draft (KONSEP).
 */
export async function renderDocumentVersion(ctx: CoreContext, documentId: number, version: number | null, user: User): Promise<RenderedPdf & { paper: DocumentPaper; version: number }> {
  const db = ctx.db;
  const doc = documentRow(db, documentId);
  if (!canSeeLetter(db, doc.letter_id, user)) throw new ApiError('NOT_FOUND', 'Dokumen tidak ditemukan.');
  const row =
    version === null
      ? latestVersion(db, documentId)
      : (db.prepare('SELECT * FROM document_versions WHERE document_id = ? AND version = ?').get(documentId, version) as VersionRow | undefined);
  if (!row) throw new ApiError('NOT_FOUND', `Dokumen ${doc.number} tidak memiliki versi ${version ?? ''}.`);
  if (doc.type === 'hak_akses_hosting') {
    const reader = (ACCESS_DOCUMENT_READER_ROLES as readonly string[]).includes(user.role);
    if (!reader && !(user.role === 'front_desk' && row.locked === 1)) {
      throw new ApiError(
        'FORBIDDEN',
        row.locked === 1
          ? 'Dokumen hak akses memuat kata sandi; hanya dapat dibuka oleh petugas teknis, Kepala Bidang, Kepala Dinas, administrator, atau Sekretariat (yang mengirimkannya).'
          : 'Dokumen hak akses yang belum disahkan hanya dapat dibuka oleh petugas teknis, Kepala Bidang, Kepala Dinas, atau administrator.',
      );
    }
  }
  let data: Buffer;
  let pages: number;
  if (row.locked === 1 && row.pdf_sha256 !== null) {
    data = approvedPdf(ctx.files, ctx.secrets, row);
    if (sha256(data) !== row.pdf_sha256) {
      throw new ApiError('INTERNAL', `Berkas PDF ${doc.number} versi ${row.version} yang disahkan di folder data telah berubah. Pulihkan folder data dari cadangan.`);
    }
    pages = countPdfPages(data);
  } else {
    ({ data, pages } = await renderVersionRow(ctx, row, null));
  }
  if (doc.type === 'hak_akses_hosting') {
    db.transaction(() =>
      appendAudit(db, {
        at: ctx.now().toISOString(),
        userId: user.id,
        action: 'dokumen.dibuka',
        entity: DOCUMENT_ENTITY,
        entityId: doc.id,
        after: { number: doc.number, version: row.version, keterangan: 'dokumen hak akses (memuat kata sandi) dibuka' },
      }),
    ).immediate();
  }
  const status = row.locked === 1 ? '' : '-konsep';
  return { data, pages, paper: row.paper, version: row.version, fileName: documentFileName(FILE_PREFIX[doc.type], `${doc.number}-v${row.version}${status}`) };
}
