/**
 * The agenda search walks the text index in agenda order and stops when its page is full (see
 * searchLetters and migration 8). Property: for random words, filters, viewers and pages it gives
 * exactly what the plain SQL gives — every match collected, filtered with VISIBLE_LETTER_CONDITION,
 * sorted by year and number — on a book with letters registered out of order (received in
 * December, registered in January), words found only in a scan (OCR), and dispositions that make
 * letters visible to one Kabid.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ftsQuery, registerLetter, searchLetters } from '../../electron/core/services/letters';
import { actOnStep, requestIdForLetter, VISIBLE_LETTER_CONDITION } from '../../electron/core/services/requests';
import { LetterInputSchema, LetterSearchSchema, type User } from '../../shared/api/schemas';
import { createTestOffice, type TestOffice } from './helpers/core';
import { makePng } from './helpers/png';

const WORDS = ['hosting', 'subdomain', 'permohonan', 'sekolah', 'pendidikan', 'kesehatan', 'simpeg', 'ppdb', 'undangan', 'rapat', 'situs', 'data'];
const SENDERS = ['Dinas Pendidikan', 'Dinas Kesehatan', 'Bappeda', 'Kecamatan Utara'];
let office: TestOffice;
const users: Record<string, User> = {};

function user(role: User['role'], id: number): User {
  return { id, username: role, fullName: role, role, officialId: null, active: true };
}

beforeAll(async () => {
  office = await createTestOffice({ now: '2026-03-10T03:00:00.000Z' });
  const { db } = office.core;
  for (const role of ['front_desk', 'kadis', 'kabid', 'technical'] as const) users[role] = user(role, office.userIds[role]);
  const random = fc.sample(fc.integer({ min: 0, max: 1_000_000 }), { numRuns: 400, seed: 5 });
  let r = 0;
  const next = (n: number) => (random[r++ % random.length] ?? 0) % n;
  // Received dates spread over 2025 and 2026; some registered late (received in December 2025,
  // registered among the January 2026 letters), so ids are not in agenda order.
  const received = ['2025-03-04T09:00', '2025-07-14T10:30', '2025-12-30T14:00', '2026-01-05T08:15', '2026-02-02T13:00', '2026-03-09T11:00'];
  for (let i = 0; i < 70; i++) {
    const words = Array.from({ length: 3 }, () => WORDS[next(WORDS.length)]).join(' ');
    const when = i % 9 === 4 ? '2025-12-31T15:00' : received[Math.min(received.length - 1, Math.floor((i / 70) * received.length))];
    const attachments = i % 17 === 3 ? [{ sha256: office.core.files.put(makePng(2 + i, 2)).sha256, name: `pindaian-${i}.png` }] : [];
    const letter = registerLetter(
      db,
      LetterInputSchema.parse({
        senderName: SENDERS[next(SENDERS.length)],
        letterNumber: `005/${i}/2026`,
        letterDate: (when ?? '2026-01-01').slice(0, 10),
        receivedAt: when,
        subject: `Surat ${words}`,
        summary: i % 3 === 0 ? WORDS[next(WORDS.length)] : '',
        nature: (['biasa', 'segera', 'sangat_segera', 'rahasia'] as const)[next(4)],
        classificationCode: '500.12',
        service: (['hosting', 'subdomain', 'website', 'lainnya'] as const)[next(4)],
        attachments,
      }),
      users.front_desk?.id ?? 0,
      office.core.now(),
    );
    // A word only in the scan: found through OCR.
    if (attachments[0]) {
      db.prepare('INSERT INTO ocr_texts (sha256, text, engine, created_at) VALUES (?, ?, ?, ?)').run(attachments[0].sha256, 'zonasi afirmasi hosting', 'uji', '2026-03-01T00:00:00Z');
    }
    // Some hosting requests disposed to the Kabid: visible to him.
    const requestId = requestIdForLetter(db, letter.id);
    if (requestId !== null && letter.service === 'hosting' && i % 2 === 0) {
      actOnStep(db, { requestId, stepId: 'a2', revision: 1, action: 'complete' }, users.front_desk as User, office.core.now());
      actOnStep(db, { requestId, stepId: 'a3', revision: 2, action: 'dispose', recipients: [office.userIds.kabid], instructions: ['Proses lebih lanjut'] }, users.kadis as User, office.core.now());
    }
  }
}, 60_000);

afterAll(() => office.core.db.close());

/** The plain way: collect every match, filter, sort, count. */
function reference(input: ReturnType<typeof LetterSearchSchema.parse>, viewer: User): { ids: number[]; total: number } {
  const where: string[] = [];
  const params: Record<string, string | number> = { viewerId: viewer.id, viewerRole: viewer.role };
  if (viewer.role !== 'front_desk' && viewer.role !== 'admin' && viewer.role !== 'kadis') where.push(VISIBLE_LETTER_CONDITION);
  const match = ftsQuery(input.q);
  if (match) {
    where.push(
      '(l.year * 10000000 + l.seq IN (SELECT rowid FROM letters_fts WHERE letters_fts MATCH @match) OR l.id IN (SELECT letter_id FROM letter_ocr_fts WHERE letter_ocr_fts MATCH @match))',
    );
    params.match = match;
  }
  for (const key of ['year', 'nature', 'service', 'status'] as const) {
    if (input[key] !== null) {
      where.push(`l.${key} = @${key}`);
      params[key] = input[key] as string | number;
    }
  }
  const all = office.core.db
    .prepare(`SELECT l.id FROM letters l ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY l.year DESC, l.seq DESC`)
    .pluck()
    .all(params) as number[];
  return { ids: all.slice(input.offset, input.offset + input.limit), total: all.length };
}

describe('the agenda search', () => {
  it('finds, orders, filters, pages and counts exactly as the plain query', () => {
    const query = fc.record({
      q: fc.oneof(
        fc.constant(''),
        fc.array(fc.constantFrom(...WORDS, ...SENDERS.map((s) => s.split(' ')[1] ?? ''), 'zonasi', '005', '2026'), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
        fc.constantFrom(...WORDS).chain((w) => fc.integer({ min: 2, max: w.length }).map((n) => w.slice(0, n))),
      ),
      year: fc.constantFrom(null, 2025, 2026, 2024),
      nature: fc.constantFrom(null, 'biasa', 'segera', 'rahasia'),
      service: fc.constantFrom(null, 'hosting', 'lainnya'),
      status: fc.constantFrom(null, 'baru', 'didisposisi'),
      limit: fc.integer({ min: 1, max: 12 }),
      offset: fc.integer({ min: 0, max: 40 }),
    });
    fc.assert(
      fc.property(query, fc.constantFrom('front_desk', 'kabid', 'technical'), (raw, role) => {
        const input = LetterSearchSchema.parse(raw);
        const viewer = users[role] as User;
        const got = searchLetters(office.core.db, input, viewer);
        const want = reference(input, viewer);
        expect(got.items.map((l) => l.id)).toEqual(want.ids);
        expect(got.totalExact).toBe(true);
        expect(got.total).toBe(want.total);
      }),
      { numRuns: 300, seed: 9 },
    );
  });

  it('finds a word that is only in a scan, in agenda order with the rest', () => {
    const got = searchLetters(office.core.db, LetterSearchSchema.parse({ q: 'zonasi' }));
    expect(got.total).toBeGreaterThan(0);
    expect(got.items.map((l) => l.id)).toEqual(reference(LetterSearchSchema.parse({ q: 'zonasi' }), users.front_desk as User).ids);
  });

  it('counts past the limit as "more than"', () => {
    // Not reachable with 70 letters; the rule itself: the total is a lower bound when not exact.
    const got = searchLetters(office.core.db, LetterSearchSchema.parse({ q: 'surat', limit: 5 }));
    expect(got.totalExact).toBe(true);
    expect(got.total).toBe(70);
  });
});
