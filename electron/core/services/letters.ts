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
import { seesAllLetters, startRequestForLetter } from './requests';
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

/**
 * Words of a search → an FTS5 query where every word must match: the words before the last as
 * whole words, the last one — possibly still being typed — also as the start of a word (from two
 * characters; the index keeps prefixes of 2 and 3 characters). Whole words are what keeps a search
 * of a common word fast on a register of a million letters: a prefix of a common word makes FTS5
 * gather every matching entry before it can answer (see README "Benchmark").
 */
export function ftsQuery(text: string, prefixLast = true): string {
  const words = (text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
  return words.map((w, i) => (prefixLast && i === words.length - 1 && [...w].length >= 2 ? `"${w}"*` : `"${w}"`)).join(' ');
}

/** The agenda order as one number, the key of letters_fts (migration 8): year × 10,000,000 + seq. */
export const AGENDA_KEY_FACTOR = 10_000_000;
/** A total up to this many is counted exactly; above it the total says "more than". */
export const SEARCH_COUNT_LIMIT = 10_000;
/** How many text matches a filtered search checks against its filters to count them. */
const FILTER_COUNT_WALK = 4_000;

/**
 * VISIBLE_LETTER_CONDITION (services/requests.ts) row by row: the same rule, as EXISTS subqueries
 * the planner runs for each letter it looks at, instead of first collecting every letter the user
 * may see (tens of thousands for a Kabid after ten years).
 */
const VISIBLE_LETTER_ROW = `(
  EXISTS (SELECT 1 FROM requests vr JOIN dispositions vd ON vd.request_id = vr.id AND vd.withdrawn_at IS NULL
            JOIN disposition_recipients vdr ON vdr.disposition_id = vd.id AND vdr.user_id = @viewerId WHERE vr.letter_id = l.id)
  OR EXISTS (SELECT 1 FROM requests vr JOIN request_roles vrr ON vrr.request_id = vr.id AND vrr.role = @viewerRole WHERE vr.letter_id = l.id)
)`;

export interface LetterSearchResult {
  items: LetterSummary[];
  /** The number of letters found; a lower bound when `totalExact` is false. */
  total: number;
  totalExact: boolean;
}

/**
 * The agenda book, newest first (year, then agenda number), with full-text search and filters.
 *
 * A search walks the text index in agenda order (its key is the agenda order) and joins each match
 * to its letter through the filter indexes, stopping when the page is full, so its cost follows
 * the page, not the number of matches. Words found only in a letter's scans (OCR) are merged in.
 * The total is exact up to SEARCH_COUNT_LIMIT letters (and, with filters, while the matches to
 * check stay within a few thousand); beyond that it is a lower bound and `totalExact` is false.
 */
export function searchLetters(db: Db, input: SearchIn, viewer: User | null = null): LetterSearchResult {
  const filters: string[] = [];
  const params: Record<string, string | number> = {};
  if (viewer && !seesAllLetters(viewer.role)) {
    filters.push(VISIBLE_LETTER_ROW);
    params.viewerId = viewer.id;
    params.viewerRole = viewer.role;
  }
  if (input.nature !== null) {
    filters.push('l.nature = @nature');
    params.nature = input.nature;
  }
  if (input.service !== null) {
    filters.push('l.service = @service');
    params.service = input.service;
  }
  if (input.status !== null) {
    filters.push('l.status = @status');
    params.status = input.status;
  }
  const match = ftsQuery(input.q);
  let ids: number[];
  let total: number;
  let totalExact: boolean;
  if (!match) {
    const where = [...filters];
    if (input.year !== null) {
      where.push('l.year = @year');
      params.year = input.year;
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    ids = db
      .prepare(`SELECT l.id FROM letters l ${clause} ORDER BY l.year DESC, l.seq DESC LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...params, limit: input.limit, offset: input.offset }) as number[];
    if (filters.length === 0) {
      // The whole book, or one year of it: counted exactly from the index.
      total = (db.prepare(`SELECT COUNT(*) FROM letters l ${clause}`).pluck().get(params) as number);
      totalExact = true;
    } else {
      total = db.prepare(`SELECT COUNT(*) FROM (SELECT 1 FROM letters l ${clause} LIMIT @cap)`).pluck().get({ ...params, cap: SEARCH_COUNT_LIMIT + 1 }) as number;
      totalExact = total <= SEARCH_COUNT_LIMIT;
      total = Math.min(total, SEARCH_COUNT_LIMIT);
    }
  } else {
    params.match = match;
    let range = '';
    if (input.year !== null) {
      range = ' AND rowid BETWEEN @keyFrom AND @keyTo';
      params.keyFrom = input.year * AGENDA_KEY_FACTOR;
      params.keyTo = input.year * AGENDA_KEY_FACTOR + AGENDA_KEY_FACTOR - 1;
    }
    const filterClause = filters.length > 0 ? `WHERE ${filters.join(' AND ')}` : '';
    // CROSS JOIN keeps the text index as the outer loop, in its (agenda) order.
    const walk = (limit: string) => `SELECT f.k, l.id FROM (SELECT rowid AS k FROM letters_fts WHERE letters_fts MATCH @match${range} ORDER BY rowid DESC${limit}) f
      CROSS JOIN letters l ON l.year = f.k / ${AGENDA_KEY_FACTOR} AND l.seq = f.k % ${AGENDA_KEY_FACTOR} ${filterClause} ORDER BY f.k DESC`;
    // Letters whose words are only in their scans: usually few; merged into the walk in order.
    const ocr = db
      .prepare(
        `SELECT DISTINCT l.year * ${AGENDA_KEY_FACTOR} + l.seq AS k, l.id FROM letter_ocr_fts o CROSS JOIN letters l ON l.id = o.letter_id
          WHERE letter_ocr_fts MATCH @match${input.year !== null ? ' AND l.year = @year' : ''}${filters.length > 0 ? ` AND ${filters.join(' AND ')}` : ''}
          ORDER BY k DESC`,
      )
      .all(input.year !== null ? { ...params, year: input.year } : params) as Array<{ k: number; id: number }>;
    const wanted = input.offset + input.limit;
    const page: Array<{ k: number; id: number }> = [];
    const seen = new Set<number>();
    const add = (row: { k: number; id: number }) => {
      if (seen.has(row.k)) return;
      seen.add(row.k);
      page.push(row);
    };
    let o = 0;
    for (const row of db.prepare(walk('')).iterate(params) as IterableIterator<{ k: number; id: number }>) {
      for (let extra = ocr[o]; extra && extra.k > row.k; extra = ocr[++o]) add(extra);
      add(row);
      if (page.length >= wanted) break;
    }
    for (let extra = ocr[o]; extra && page.length < wanted; extra = ocr[++o]) add(extra);
    ids = page.slice(input.offset, wanted).map((r) => r.id);

    const ftsOnly = `SELECT COUNT(*) FROM (SELECT rowid FROM letters_fts WHERE letters_fts MATCH @match${range} LIMIT @cap)`;
    const countText = (m: string): { fromText: number; exact: boolean } => {
      if (filters.length === 0) {
        const n = db.prepare(ftsOnly).pluck().get({ ...params, match: m, cap: SEARCH_COUNT_LIMIT + 1 }) as number;
        return { fromText: n, exact: n <= SEARCH_COUNT_LIMIT };
      }
      const matches = db.prepare(ftsOnly).pluck().get({ ...params, match: m, cap: FILTER_COUNT_WALK + 1 }) as number;
      const n = db
        .prepare(`SELECT COUNT(*) FROM (${walk(' LIMIT @walk')} LIMIT @cap)`)
        .pluck()
        .get({ ...params, match: m, walk: FILTER_COUNT_WALK, cap: SEARCH_COUNT_LIMIT + 1 }) as number;
      return { fromText: n, exact: matches <= FILTER_COUNT_WALK && n <= SEARCH_COUNT_LIMIT };
    };
    // The words exactly as typed match a subset of what their prefix matches, and cost far less to
    // count: when that subset alone is over the limit, the prefix need not be counted at all.
    const whole = ftsQuery(input.q, false);
    const lower = whole !== match ? countText(whole) : null;
    const counted = lower && !lower.exact ? lower : countText(match);
    const fromText = counted.fromText;
    totalExact = counted.exact;
    let onlyInScans = 0;
    if (ocr.length > 0) {
      const alsoInText = db
        .prepare(`SELECT COUNT(*) FROM letters_fts WHERE letters_fts MATCH @match AND rowid IN (SELECT value FROM json_each(@keys))`)
        .pluck()
        .get({ match, keys: JSON.stringify(ocr.map((r) => r.k)) }) as number;
      onlyInScans = ocr.length - alsoInText;
    }
    total = Math.min(fromText, SEARCH_COUNT_LIMIT) + onlyInScans;
    // Never less than what the pages shown so far prove.
    if (!totalExact) total = Math.max(total, input.offset + ids.length);
  }
  if (ids.length === 0) return { items: [], total, totalExact };
  const rows = db.prepare(`${SELECT_LETTER} WHERE l.id IN (SELECT value FROM json_each(@ids))`).all({ ids: JSON.stringify(ids) }) as LetterRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { items: ids.map((id) => byId.get(id)).filter((r): r is LetterRow => r !== undefined).map(toSummary), total, totalExact };
}

export function letterYears(db: Db): number[] {
  return (db.prepare('SELECT DISTINCT year FROM letters ORDER BY year DESC').all() as Array<{ year: number }>).map((r) => r.year);
}
