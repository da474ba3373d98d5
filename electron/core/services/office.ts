/**
 * The office itself: its profile (letterhead), officials who sign, the OPD that write to it, its
 * users, classification codes and the disposition instruction list; and the first-run setup.
 */
import { ApiError } from '../../../shared/api/errors';
import type {
  ClassificationCode,
  Instruction,
  Official,
  OfficeProfile,
  Opd,
  User,
} from '../../../shared/api/schemas';
import type { OfficialInputSchema, OpdInputSchema, UserInputSchema, InstructionSchema } from '../../../shared/api/schemas';
import type { z } from 'zod';
import type { Db } from '../db/register';
import { hashPassword, toUser } from './auth';
import { SEED_CLASSIFICATION_CODES, SEED_INSTRUCTIONS } from './seed';
import { ensureDefaultWeek } from './calendar';
import { ensureDefaultServiceSops } from './sop';
import { appendAudit } from './audit';

type OfficialIn = z.output<typeof OfficialInputSchema>;
type OpdIn = z.output<typeof OpdInputSchema>;
type UserIn = z.output<typeof UserInputSchema>;
type InstructionIn = z.output<typeof InstructionSchema>;

export function isSetUp(db: Db): boolean {
  return db.prepare('SELECT 1 FROM office WHERE id = 1').get() !== undefined;
}

interface OfficeRow {
  government: string;
  agency_name: string;
  address: string;
  postcode: string;
  phone: string;
  website: string;
  email: string;
  city: string;
  time_zone: OfficeProfile['timeZone'];
  logo_sha256: string | null;
  agenda_format: string;
}

export function getOffice(db: Db): OfficeProfile {
  const row = db.prepare('SELECT * FROM office WHERE id = 1').get() as OfficeRow | undefined;
  if (!row) throw new ApiError('NOT_SET_UP', 'Kantor belum disiapkan. Jalankan penyiapan awal.');
  return {
    government: row.government,
    agencyName: row.agency_name,
    address: row.address,
    postcode: row.postcode,
    phone: row.phone,
    website: row.website,
    email: row.email,
    city: row.city,
    timeZone: row.time_zone,
    logoSha256: row.logo_sha256,
    agendaFormat: row.agenda_format,
  };
}

function assertLogo(db: Db, sha: string | null): void {
  if (sha === null) return;
  const row = db.prepare('SELECT mime FROM attachments WHERE sha256 = ?').get(sha) as { mime: string } | undefined;
  if (!row) throw new ApiError('INVALID_INPUT', 'Logo belum diunggah.', { logoSha256: 'Unggah ulang gambar logo.' });
  if (row.mime !== 'image/png' && row.mime !== 'image/jpeg') {
    throw new ApiError('INVALID_INPUT', 'Logo harus gambar PNG atau JPG.', { logoSha256: 'Logo harus gambar PNG atau JPG.' });
  }
}

export function saveOffice(db: Db, office: OfficeProfile, now: Date): OfficeProfile {
  assertLogo(db, office.logoSha256);
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO office (id, government, agency_name, address, postcode, phone, website, email, city, time_zone,
                         logo_sha256, agenda_format, created_at, updated_at)
     VALUES (1, @government, @agencyName, @address, @postcode, @phone, @website, @email, @city, @timeZone,
             @logoSha256, @agendaFormat, @at, @at)
     ON CONFLICT (id) DO UPDATE SET government = excluded.government, agency_name = excluded.agency_name,
       address = excluded.address, postcode = excluded.postcode, phone = excluded.phone, website = excluded.website,
       email = excluded.email, city = excluded.city, time_zone = excluded.time_zone, logo_sha256 = excluded.logo_sha256,
       agenda_format = excluded.agenda_format, updated_at = excluded.updated_at`,
  ).run({ ...office, at });
  return getOffice(db);
}

interface OfficialRow {
  id: number;
  position: Official['position'];
  title: string;
  unit: string;
  name: string;
  rank: string;
  nip: string;
  acting: number;
  active: number;
}

const toOfficial = (r: OfficialRow): Official => ({
  id: r.id,
  position: r.position,
  title: r.title,
  unit: r.unit,
  name: r.name,
  rank: r.rank,
  nip: r.nip,
  acting: r.acting === 1,
  active: r.active === 1,
});

export function listOfficials(db: Db): Official[] {
  return (db.prepare("SELECT * FROM officials ORDER BY position = 'kabid', active DESC, unit, name").all() as OfficialRow[]).map(toOfficial);
}

export function saveOfficial(db: Db, input: OfficialIn): Official {
  const values = { ...input, acting: input.acting ? 1 : 0, active: input.active ? 1 : 0 };
  let id = input.id;
  if (id === undefined) {
    id = Number(
      db
        .prepare('INSERT INTO officials (position, title, unit, name, rank, nip, acting, active) VALUES (@position, @title, @unit, @name, @rank, @nip, @acting, @active)')
        .run(values).lastInsertRowid,
    );
  } else {
    const r = db
      .prepare('UPDATE officials SET position=@position, title=@title, unit=@unit, name=@name, rank=@rank, nip=@nip, acting=@acting, active=@active WHERE id=@id')
      .run(values);
    if (r.changes === 0) throw new ApiError('NOT_FOUND', 'Pejabat tidak ditemukan.');
  }
  return toOfficial(db.prepare('SELECT * FROM officials WHERE id = ?').get(id) as OfficialRow);
}

/** The active official in a position; for a Kabid, the one of the given unit when there are several. */
export function findOfficial(db: Db, position: Official['position']): Official | null {
  const row = db.prepare('SELECT * FROM officials WHERE position = ? AND active = 1 ORDER BY id LIMIT 1').get(position) as
    | OfficialRow
    | undefined;
  return row ? toOfficial(row) : null;
}

export function opdNameKey(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('id-ID').replace(/\s+/g, ' ').trim();
}

interface OpdRow {
  id: number;
  name: string;
  short_name: string;
  address: string;
  active: number;
}
const toOpd = (r: OpdRow): Opd => ({ id: r.id, name: r.name, shortName: r.short_name, address: r.address, active: r.active === 1 });

export function listOpd(db: Db, query: string, includeInactive: boolean): Opd[] {
  const q = opdNameKey(query);
  const rows = db
    .prepare(
      `SELECT id, name, short_name, address, active FROM opd
        WHERE (@all = 1 OR active = 1)
          AND (@q = '' OR name_key LIKE '%' || @q || '%' ESCAPE '\\' OR lower(short_name) LIKE '%' || @q || '%' ESCAPE '\\')
        ORDER BY name_key LIMIT 500`,
    )
    .all({ q: q.replace(/[\\%_]/g, (c) => `\\${c}`), all: includeInactive ? 1 : 0 }) as OpdRow[];
  return rows.map(toOpd);
}

export function getOpd(db: Db, id: number): Opd {
  const row = db.prepare('SELECT id, name, short_name, address, active FROM opd WHERE id = ?').get(id) as OpdRow | undefined;
  if (!row) throw new ApiError('NOT_FOUND', 'OPD tidak ditemukan.');
  return toOpd(row);
}

export function saveOpd(db: Db, input: OpdIn): Opd {
  const key = opdNameKey(input.name);
  const clash = db.prepare('SELECT id FROM opd WHERE name_key = ?').get(key) as { id: number } | undefined;
  if (clash && clash.id !== input.id) {
    throw new ApiError('CONFLICT', `OPD "${input.name}" sudah ada di daftar.`, { name: 'Nama OPD ini sudah ada di daftar.' });
  }
  const values = { name: input.name, key, shortName: input.shortName, address: input.address, active: input.active ? 1 : 0 };
  if (input.id === undefined) {
    const id = Number(
      db.prepare('INSERT INTO opd (name, name_key, short_name, address, active) VALUES (@name, @key, @shortName, @address, @active)').run(values)
        .lastInsertRowid,
    );
    return getOpd(db, id);
  }
  const r = db
    .prepare('UPDATE opd SET name=@name, name_key=@key, short_name=@shortName, address=@address, active=@active WHERE id=@id')
    .run({ ...values, id: input.id });
  if (r.changes === 0) throw new ApiError('NOT_FOUND', 'OPD tidak ditemukan.');
  return getOpd(db, input.id);
}

export function listUsers(db: Db): User[] {
  return (db.prepare('SELECT id, username, full_name, role, official_id, active FROM users ORDER BY active DESC, full_name').all() as Parameters<typeof toUser>[0][]).map(
    toUser,
  );
}

export function saveUser(db: Db, input: UserIn, now: Date): User {
  const clash = db.prepare('SELECT id FROM users WHERE username = ?').get(input.username) as { id: number } | undefined;
  if (clash && clash.id !== input.id) {
    throw new ApiError('CONFLICT', `Nama pengguna "${input.username}" sudah dipakai.`, { username: 'Nama pengguna ini sudah dipakai.' });
  }
  if (input.officialId !== null && !db.prepare('SELECT 1 FROM officials WHERE id = ?').get(input.officialId)) {
    throw new ApiError('INVALID_INPUT', 'Pejabat yang dipilih tidak ada.', { officialId: 'Pejabat yang dipilih tidak ada.' });
  }
  const values = {
    username: input.username,
    fullName: input.fullName,
    role: input.role,
    officialId: input.officialId,
    active: input.active ? 1 : 0,
  };
  let id = input.id;
  if (id === undefined) {
    if (!input.password) throw new ApiError('INVALID_INPUT', 'Kata sandi wajib diisi untuk pengguna baru.', { password: 'Kata sandi wajib diisi.' });
    id = Number(
      db
        .prepare(
          'INSERT INTO users (username, full_name, role, official_id, password_hash, active, created_at) VALUES (@username, @fullName, @role, @officialId, @hash, @active, @at)',
        )
        .run({ ...values, hash: hashPassword(input.password), at: now.toISOString() }).lastInsertRowid,
    );
  } else {
    const current = db.prepare('SELECT role, active FROM users WHERE id = ?').get(id) as { role: string; active: number } | undefined;
    if (!current) throw new ApiError('NOT_FOUND', 'Pengguna tidak ditemukan.');
    const losesAdmin = current.role === 'admin' && current.active === 1 && (values.role !== 'admin' || values.active !== 1);
    if (losesAdmin) {
      const admins = db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND active = 1").get() as { n: number };
      if (admins.n <= 1) throw new ApiError('CONFLICT', 'Harus tetap ada paling sedikit satu administrator aktif.', { role: 'Ini administrator aktif terakhir.' });
    }
    db.prepare('UPDATE users SET username=@username, full_name=@fullName, role=@role, official_id=@officialId, active=@active WHERE id=@id').run({
      ...values,
      id,
    });
    if (input.password) db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hashPassword(input.password), id);
    if (values.active !== 1) db.prepare('UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL').run(now.toISOString(), id);
  }
  return listUsers(db).find((u) => u.id === id) as User;
}

export function listCodes(db: Db, includeInactive: boolean): ClassificationCode[] {
  const rows = db
    .prepare('SELECT code, description, active FROM classification_codes WHERE (? = 1 OR active = 1) ORDER BY code')
    .all(includeInactive ? 1 : 0) as Array<{ code: string; description: string; active: number }>;
  return rows.map((r) => ({ code: r.code, description: r.description, active: r.active === 1 }));
}

export function saveCode(db: Db, code: ClassificationCode): ClassificationCode {
  db.prepare(
    'INSERT INTO classification_codes (code, description, active) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET description = excluded.description, active = excluded.active',
  ).run(code.code, code.description, code.active ? 1 : 0);
  return code;
}

export function listInstructions(db: Db, includeInactive: boolean): Instruction[] {
  const rows = db
    .prepare('SELECT id, label, active FROM disposition_instructions WHERE (? = 1 OR active = 1) ORDER BY position, id')
    .all(includeInactive ? 1 : 0) as Array<{ id: number; label: string; active: number }>;
  return rows.map((r) => ({ id: r.id, label: r.label, active: r.active === 1 }));
}

export function saveInstruction(db: Db, input: InstructionIn): Instruction {
  let id = input.id;
  if (id === undefined) {
    const next = db.prepare('SELECT COALESCE(MAX(position), 0) + 1 AS p FROM disposition_instructions').get() as { p: number };
    id = Number(db.prepare('INSERT INTO disposition_instructions (label, position, active) VALUES (?, ?, ?)').run(input.label, next.p, input.active ? 1 : 0).lastInsertRowid);
  } else {
    const r = db.prepare('UPDATE disposition_instructions SET label = ?, active = ? WHERE id = ?').run(input.label, input.active ? 1 : 0, id);
    if (r.changes === 0) throw new ApiError('NOT_FOUND', 'Instruksi disposisi tidak ditemukan.');
  }
  return { id, label: input.label, active: input.active };
}

export interface SetupInput {
  office: OfficeProfile;
  officials: OfficialIn[];
  opd: OpdIn[];
  admin: { username: string; fullName: string; password: string };
}

/** First run: everything in one transaction, so a failed setup leaves an empty register. */
export function initializeOffice(db: Db, input: SetupInput, now: Date): User {
  const run = db.transaction(() => {
    if (isSetUp(db)) throw new ApiError('ALREADY_SET_UP', 'Kantor sudah disiapkan sebelumnya. Ubah data kantor lewat Pengaturan.');
    saveOffice(db, input.office, now);
    if (!input.officials.some((o) => o.position === 'kadis')) {
      throw new ApiError('INVALID_INPUT', 'Isi data Kepala Dinas.', { 'officials.0.name': 'Isi data Kepala Dinas.' });
    }
    for (const official of input.officials) saveOfficial(db, official);
    for (const opd of input.opd) saveOpd(db, opd);
    for (const code of SEED_CLASSIFICATION_CODES) saveCode(db, { ...code, active: true });
    for (const label of SEED_INSTRUCTIONS) saveInstruction(db, { label, active: true });
    ensureDefaultWeek(db);
    ensureDefaultServiceSops(db);
    appendAudit(db, { at: now.toISOString(), userId: null, action: 'kantor.disiapkan', entity: 'office', entityId: 1, after: { ...input.office } });
    return saveUser(
      db,
      { username: input.admin.username, fullName: input.admin.fullName, role: 'admin', officialId: null, active: true, password: input.admin.password },
      now,
    );
  });
  return run.immediate();
}
