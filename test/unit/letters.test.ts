import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { LetterInputSchema, LetterSearchSchema, type LetterInput } from '../../shared/api/schemas';
import { registerLetter, searchLetters } from '../../electron/core/services/letters';
import { saveOffice, getOffice, listOpd } from '../../electron/core/services/office';
import { createTestOffice } from './helpers/core';

const base: LetterInput = {
  senderName: 'Dinas Pendidikan',
  letterNumber: '005/123/Disdik/XI/2026',
  letterDate: '2026-11-20',
  subject: 'Permohonan hosting aplikasi PPDB',
  summary: 'Mohon disediakan hosting dan subdomain ppdb untuk penerimaan peserta didik baru.',
  nature: 'segera',
  classificationCode: '500.12',
  service: 'hosting',
};

function errorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('the agenda book', () => {
  it('gives consecutive agenda numbers per year in the office format, restarting each year', async () => {
    const { core, userIds, setClock } = await createTestOffice({ now: '2026-12-31T16:00:00.000Z' });
    const reg = (input: Partial<LetterInput>) => registerLetter(core.db, LetterInputSchema.parse({ ...base, ...input }), userIds.front_desk, core.now());
    expect(reg({}).agendaNumber).toBe('1/500.12/2026');
    expect(reg({}).agendaNumber).toBe('2/500.12/2026');
    // 17.00 UTC on 31 December is 00.00 WIB on 1 January: a new year, a new counter.
    setClock('2026-12-31T17:00:00.000Z');
    const newYear = reg({ letterDate: '2026-12-30' });
    expect(newYear.agendaNumber).toBe('1/500.12/2027');
    expect(newYear.year).toBe(2027);
    saveOffice(core.db, { ...getOffice(core.db), agendaFormat: '{urut:4}/{kode}/{bulan_romawi}/{tahun}' }, core.now());
    expect(reg({ letterDate: '2026-12-30' }).agendaNumber).toBe('0002/500.12/I/2027');
  });

  it('stores the received time given in office time', async () => {
    const { core, userIds } = await createTestOffice({ now: '2026-11-23T05:00:00.000Z' });
    const letter = registerLetter(core.db, LetterInputSchema.parse({ ...base, receivedAt: '2026-11-23T09:15' }), userIds.front_desk, core.now());
    expect(letter.receivedAt).toBe('2026-11-23T02:15:00.000Z');
  });

  it('names every wrong field and writes nothing', async () => {
    const { core, userIds } = await createTestOffice({ now: '2026-11-23T05:00:00.000Z' });
    const input = LetterInputSchema.parse({
      ...base,
      senderName: 'Kelurahan Baru Sekali',
      saveSenderAsOpd: true,
      letterDate: '2026-11-25',
      receivedAt: '2026-11-24T09:00',
      classificationCode: '999',
      attachments: [{ sha256: 'a'.repeat(64), name: 'pindaian.pdf' }],
    });
    const error = errorOf(() => registerLetter(core.db, input, userIds.front_desk, core.now()));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields).toEqual({
      receivedAt: 'Tanggal diterima tidak boleh di masa depan.',
      letterDate: 'Tanggal surat tidak boleh sesudah tanggal diterima.',
      classificationCode: 'Pilih kode klasifikasi dari daftar.',
      'attachments.0': 'Berkas "pindaian.pdf" belum terunggah. Lampirkan ulang.',
    });
    expect(searchLetters(core.db, LetterSearchSchema.parse({})).total).toBe(0);
    expect(listOpd(core.db, 'Kelurahan', true)).toEqual([]);
  });

  it('rejects a letter number over 100 characters with an Indonesian message', () => {
    const parsed = LetterInputSchema.safeParse({ ...base, letterNumber: 'x'.repeat(101) });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('Nomor surat paling panjang 100 karakter.');
    expect(LetterInputSchema.safeParse({ ...base, letterNumber: 'x'.repeat(100) }).success).toBe(true);
  });

  it('takes the sender from the OPD list, or adds a new sender to it', async () => {
    const { core, userIds } = await createTestOffice();
    const [disdik] = listOpd(core.db, 'pendidikan', false);
    const a = registerLetter(core.db, LetterInputSchema.parse({ ...base, opdId: disdik?.id, senderName: 'ketikan lain' }), userIds.front_desk, core.now());
    expect(a.senderName).toBe('Dinas Pendidikan');
    expect(a.opdId).toBe(disdik?.id);
    const b = registerLetter(core.db, LetterInputSchema.parse({ ...base, senderName: 'Kecamatan Pekalongan Utara', saveSenderAsOpd: true }), userIds.front_desk, core.now());
    expect(listOpd(core.db, 'utara', false).map((o) => o.id)).toEqual([b.opdId]);
  });

  it('finds letters by a word of the perihal, the sender, the number or the summary, with filters', async () => {
    const { core, userIds } = await createTestOffice();
    const reg = (input: Partial<LetterInput>) => registerLetter(core.db, LetterInputSchema.parse({ ...base, ...input }), userIds.front_desk, core.now());
    reg({});
    reg({ senderName: 'Badan Perencanaan Pembangunan Daerah', subject: 'Permohonan subdomain e-planning', service: 'subdomain', nature: 'biasa', summary: '' });
    reg({ senderName: 'Dinas Kesehatan', letterNumber: '440/77/Dinkes', subject: 'Pembuatan situs web puskesmas', service: 'website', summary: 'Situs untuk layanan vaksinasi' });
    const search = (q: string, extra: object = {}) => searchLetters(core.db, LetterSearchSchema.parse({ q, ...extra })).items.map((l) => l.subject);
    expect(search('PPDB')).toEqual(['Permohonan hosting aplikasi PPDB']);
    expect(search('ppd')).toEqual(['Permohonan hosting aplikasi PPDB']);
    expect(search('perencanaan')).toEqual(['Permohonan subdomain e-planning']);
    expect(search('440/77')).toEqual(['Pembuatan situs web puskesmas']);
    expect(search('vaksinasi')).toEqual(['Pembuatan situs web puskesmas']);
    expect(search('permohonan')).toHaveLength(2);
    expect(search('permohonan', { service: 'subdomain' })).toEqual(['Permohonan subdomain e-planning']);
    expect(search('', { nature: 'segera' })).toHaveLength(2);
    expect(search('"; DROP TABLE letters; --')).toEqual([]);
    expect(searchLetters(core.db, LetterSearchSchema.parse({ limit: 2 }))).toMatchObject({ total: 3 });
  });
});
