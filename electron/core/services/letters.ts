/**
 * The agenda book (buku agenda surat masuk): registering an incoming letter with its scans, and
 * finding letters again. The agenda number is taken inside the insert's transaction, so numbers
 * have no gaps and no duplicates even when several desks or processes register at once.
 */
import { ApiError } from '../../../shared/api/errors';
import type { Letter, LetterSearchSchema, LetterInputSchema, LetterSummary } from '../../../shared/api/schemas';
import { localDateTimeToUtc, localIsoDate, toLocalParts } from '../../../shared/domain/dates';
import { formatNumber } from '../../../shared/domain/numbering';
import type { z } from 'zod';
import type { Db } from '../db/register';
import { getOffice, saveOpd, getOpd } from './office';
import { appendAudit } from './audit';
import { seesAllLetters, startRequestForLetter, VISIBLE_LETTER_CONDITION } from './requests';
import type { User } from '../../../shared/api/schemas';

type LetterIn = z.output<typeof LetterInputSchema>;
type SearchIn = z.output<typeof LetterSearchSchema>;

interface LetterRow {
  id: number;
  year: number;
  seq: number;
  agenda_number: string;
  opd_id: number | null;
  sender_name: string;
  letter_number: string;
  letter_date: string;
  received_at: string;
  subject: string;
  summary: string;
  nature: Letter['nature'];
  classification_code: string;
  service: Letter['service'];
  status: Letter['status'];
  created_by_name: string;
  created_at: string;
  attachment_count: number;
}

const SELECT_LETTER = `
  SELECT l.*, u.full_name AS created_by_name,
         (SELECT COUNT(*) FROM letter_attachments a WHERE a.letter_id = l.id) AS attachment_count
    FROM letters l JOIN users u ON u.id = l.created_by`;

function toSummary(r: LetterRow): LetterSummary {
  return {
    id: r.id,
    agendaNumber: r.agenda_number,
    year: r.year,
    seq: r.seq,
    senderName: r.sender_name,
    letterNumber: r.letter_number,
    letterDate: r.letter_date,
    receivedAt: r.received_at,
    subject: r.subject,
    nature: r.nature,
    service: r.service,
    status: r.status,
    attachmentCount: r.attachment_count,
  };
}

export function getLetter(db: Db, id: number): Letter {
  const row = db.prepare(`${SELECT_LETTER} WHERE l.id = ?`).get(id) as LetterRow | undefined;
  if (!row) throw new ApiError('NOT_FOUND', 'Surat tidak ditemukan di buku agenda.');
  const attachments = db
    .prepare(
      `SELECT a.sha256, la.name, a.mime, a.size FROM letter_attachments la JOIN attachments a ON a.sha256 = la.sha256
        WHERE la.letter_id = ? ORDER BY la.position`,
    )
    .all(id) as Letter['attachments'];
  return {
    ...toSummary(row),
    opdId: row.opd_id,
    summary: row.summary,
    classificationCode: row.classification_code,
    createdBy: row.created_by_name,
    createdAt: row.created_at,
    attachments,
  };
}

export function registerLetter(db: Db, input: LetterIn, userId: number, now: Date): Letter {
  const office = getOffice(db);
  const receivedAt = input.receivedAt ? localDateTimeToUtc(input.receivedAt, office.timeZone) : now.toISOString();
  const fields: Record<string, string> = {};
  if (Date.parse(receivedAt) > now.getTime() + 5 * 60_000) fields.receivedAt = 'Tanggal diterima tidak boleh di masa depan.';
  if (input.letterDate > localIsoDate(receivedAt, office.timeZone)) fields.letterDate = 'Tanggal surat tidak boleh sesudah tanggal diterima.';
  const code = db.prepare('SELECT active FROM classification_codes WHERE code = ?').get(input.classificationCode) as { active: number } | undefined;
  if (!code || code.active !== 1) fields.classificationCode = 'Pilih kode klasifikasi dari daftar.';
  input.attachments.forEach((a, i) => {
    if (!db.prepare('SELECT 1 FROM attachments WHERE sha256 = ?').get(a.sha256)) fields[`attachments.${i}`] = `Berkas "${a.name}" belum terunggah. Lampirkan ulang.`;
  });
  if (new Set(input.attachments.map((a) => a.sha256)).size !== input.attachments.length) fields.attachments = 'Berkas yang sama terlampir dua kali.';
  if (Object.keys(fields).length > 0) throw new ApiError('INVALID_INPUT', 'Isian surat belum benar. Periksa kolom yang ditandai.', fields);

  const register = db.transaction((): number => {
    let opdId = input.opdId;
    let senderName = input.senderName;
    if (opdId !== null) {
      senderName = getOpd(db, opdId).name;
    } else if (input.saveSenderAsOpd) {
      opdId = saveOpd(db, { name: senderName, shortName: '', address: '', active: true }).id;
    }
    const local = toLocalParts(receivedAt, office.timeZone);
    const counter = db.prepare('SELECT last_seq FROM agenda_counters WHERE year = ?').get(local.year) as { last_seq: number } | undefined;
    const seq = (counter?.last_seq ?? 0) + 1;
    db.prepare('INSERT INTO agenda_counters (year, last_seq) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last_seq = excluded.last_seq').run(local.year, seq);
    const agendaNumber = formatNumber(office.agendaFormat, { seq, code: input.classificationCode, year: local.year, month: local.month });
    const id = Number(
      db
        .prepare(
          `INSERT INTO letters (year, seq, agenda_number, opd_id, sender_name, letter_number, letter_date, received_at, subject, summary,
                                nature, classification_code, service, status, created_by, created_at)
           VALUES (@year, @seq, @agendaNumber, @opdId, @senderName, @letterNumber, @letterDate, @receivedAt, @subject, @summary,
                   @nature, @classificationCode, @service, 'baru', @userId, @createdAt)`,
        )
        .run({
          year: local.year,
          seq,
          agendaNumber,
          opdId,
          senderName,
          letterNumber: input.letterNumber,
          letterDate: input.letterDate,
          receivedAt,
          subject: input.subject,
          summary: input.summary,
          nature: input.nature,
          classificationCode: input.classificationCode,
          service: input.service,
          userId,
          createdAt: now.toISOString(),
        }).lastInsertRowid,
    );
    const attach = db.prepare('INSERT INTO letter_attachments (letter_id, sha256, position, name) VALUES (?, ?, ?, ?)');
    input.attachments.forEach((a, i) => attach.run(id, a.sha256, i + 1, a.name));
    appendAudit(db, {
      at: now.toISOString(),
      userId,
      action: 'surat.dicatat',
      entity: 'letter',
      entityId: id,
      after: { agendaNumber, senderName, letterNumber: input.letterNumber, subject: input.subject, attachments: input.attachments.map((a) => a.sha256) },
    });
    startRequestForLetter(db, id, input.service, receivedAt, userId, now);
    return id;
  });
  return getLetter(db, register.immediate());
}

/** Words of a search → an FTS5 query where every word must match as a prefix. */
export function ftsQuery(text: string): string {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.slice(0, 12).map((w) => `"${w}"*`).join(' ');
}

export function searchLetters(db: Db, input: SearchIn, viewer: User | null = null): { items: LetterSummary[]; total: number } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (viewer && !seesAllLetters(viewer.role)) {
    where.push(VISIBLE_LETTER_CONDITION);
    params.viewerId = viewer.id;
    params.viewerRole = viewer.role;
  }
  const match = ftsQuery(input.q);
  if (match) {
    where.push('l.id IN (SELECT rowid FROM letters_fts WHERE letters_fts MATCH @match)');
    params.match = match;
  }
  if (input.year !== null) {
    where.push('l.year = @year');
    params.year = input.year;
  }
  if (input.nature !== null) {
    where.push('l.nature = @nature');
    params.nature = input.nature;
  }
  if (input.service !== null) {
    where.push('l.service = @service');
    params.service = input.service;
  }
  if (input.status !== null) {
    where.push('l.status = @status');
    params.status = input.status;
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM letters l ${clause}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(`${SELECT_LETTER} ${clause} ORDER BY l.year DESC, l.seq DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: input.limit, offset: input.offset }) as LetterRow[];
  return { items: rows.map(toSummary), total };
}

export function letterYears(db: Db): number[] {
  return (db.prepare('SELECT DISTINCT year FROM letters ORDER BY year DESC').all() as Array<{ year: number }>).map((r) => r.year);
}
