/**
 * Importing a legacy agenda book and the OPD list: the column mapping from header names, the
 * preview, every bad row named, nothing written unless the whole file is right, progress for a
 * large file without blocking the process, and the agenda counter continuing after the imported
 * numbers.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { handlers } from '../../electron/core/api/handlers';
import { login } from '../../electron/core/services/auth';
import { verifyAudit } from '../../electron/core/services/audit';
import { commitImport, importStatus, parseDateCell, previewImport, startImport, waitForImport } from '../../electron/core/services/import';
import { listOpd } from '../../electron/core/services/office';
import { ApiError } from '../../shared/api/errors';
import { ImportOptionsSchema, type ImportKind, type ImportStatus } from '../../shared/api/report-schemas';
import { office5, registerAt, wib, type Office5 } from './helpers/issue5';

const HEADERS = ['No. Agenda', 'Tanggal Terima', 'Pengirim', 'Nomor Surat', 'Tanggal Surat', 'Perihal', 'Sifat'];
const SENDERS = ['Dinas Pendidikan', 'Bappeda', 'Dinas Kesehatan', 'Kecamatan Pekalongan Utara'];

/** A legacy agenda book of 2025 with `count` letters; `bad` rows (spreadsheet row numbers) spoilt as noted in the test. */
async function agendaBook(count: number, spoil: (row: number, values: unknown[]) => void = () => undefined): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Buku Agenda 2025');
  sheet.addRow(HEADERS);
  for (let i = 1; i <= count; i += 1) {
    const day = 1 + Math.floor(((i - 1) * 360) / count);
    const received = new Date(Date.UTC(2025, 0, day));
    const letter = new Date(received.getTime() - 2 * 86_400_000);
    const dd = String(letter.getUTCDate()).padStart(2, '0');
    const mm = String(letter.getUTCMonth() + 1).padStart(2, '0');
    const values: unknown[] = [
      `${i}/000/2025`,
      received,
      SENDERS[i % SENDERS.length],
      `005/${i}/2025`,
      `${dd}/${mm}/${letter.getUTCFullYear()}`,
      `Permohonan layanan ke-${i}`,
      i % 10 === 0 ? 'Segera' : 'Biasa',
    ];
    spoil(i + 1, values);
    sheet.addRow(values);
  }
  sheet.getColumn(2).numFmt = 'dd/mm/yyyy';
  return Buffer.from(await book.xlsx.writeBuffer());
}

const ROW_BAD_DATE = 1234;
const ROW_NO_SUBJECT = 5001;
const ROW_BAD_NATURE = 10_000;

function spoilThree(row: number, values: unknown[]): void {
  if (row === ROW_BAD_DATE) values[4] = '31/02/2025';
  if (row === ROW_NO_SUBJECT) values[5] = '';
  if (row === ROW_BAD_NATURE) values[6] = 'Penting sekali';
}

const OPTIONS = ImportOptionsSchema.parse({});

function file(kind: ImportKind, fileName: string, data: Buffer) {
  return { kind, fileName, dataBase64: data.toString('base64') };
}

/** Polls the job every 20 ms, as the screen would, and watches how long the event loop is held. */
async function runToEnd(o: Office5, jobId: string): Promise<{ status: ImportStatus; progress: number[]; maxGapMs: number }> {
  const progress: number[] = [];
  let maxGapMs = 0;
  let last = Date.now();
  const timer = setInterval(() => {
    const now = Date.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
    progress.push(importStatus(o.core.db, jobId, o.users.front_desk).progress);
  }, 20);
  const status = await waitForImport(o.core.db, jobId, o.users.front_desk);
  clearInterval(timer);
  progress.push(status.progress);
  return { status, progress, maxGapMs };
}

function letterCount(o: Office5): number {
  return (o.core.db.prepare('SELECT COUNT(*) AS n FROM letters').get() as { n: number }).n;
}

describe('import of a legacy agenda book', () => {
  it('refuses 10,000 rows with 3 bad ones, naming exactly those, and accepts them whole once fixed', async () => {
    const started = Date.now();
    const o = await office5();
    const bad = await agendaBook(10_000, spoilThree);

    const preview = await previewImport(o.core.db, file('agenda', 'agenda-2025.xlsx', bad), o.core.now());
    expect(preview).toMatchObject({ format: 'xlsx', sheetName: 'Buku Agenda 2025', headerRow: 1, missing: [] });
    expect(preview.mapping).toMatchObject({ agendaNumber: 0, receivedDate: 1, senderName: 2, letterNumber: 3, letterDate: 4, subject: 5, nature: 6, classificationCode: null });
    expect(preview.rows).toHaveLength(20);
    expect(preview.rows[0]).toEqual({
      row: 2,
      values: expect.objectContaining({ agendaNumber: '1/000/2025', receivedDate: '01/01/2025', letterDate: '30/12/2024', subject: 'Permohonan layanan ke-1' }),
      problems: [],
    });

    const job = startImport(o.core.db, { ...file('agenda', 'agenda-2025.xlsx', bad), mapping: null, options: OPTIONS }, o.users.front_desk, o.core.now());
    expect(job.state).toBe('membaca');
    const { status, progress, maxGapMs } = await runToEnd(o, job.jobId);
    expect(status.state).toBe('ditolak');
    expect(status.totalRows).toBe(10_000);
    expect(status.errorCount).toBe(3);
    expect(status.errors).toEqual([
      { row: 1234, message: 'Baris 1.234: Tanggal surat tidak sah (31/02/2025).' },
      { row: 5001, message: 'Baris 5.001: Perihal kosong.' },
      { row: 10_000, message: 'Baris 10.000: Sifat surat tidak dikenal (Penting sekali); pakai Biasa, Segera, Sangat Segera, atau Rahasia.' },
    ]);
    expect(status.message).toContain('Tidak ada yang disimpan');
    // Progress only goes up, ends at 100; the process never stood still for seconds.
    expect(progress.every((p, i) => i === 0 || p >= (progress[i - 1] ?? 0))).toBe(true);
    expect(progress.at(-1)).toBe(100);
    expect(progress.some((p) => p > 0 && p < 100)).toBe(true);
    expect(maxGapMs).toBeLessThan(1500);

    expect(() => commitImport(o.core.db, job.jobId, o.users.front_desk, o.core.now())).toThrow(ApiError);
    expect(letterCount(o)).toBe(0);
    expect(o.core.db.prepare('SELECT COUNT(*) AS n FROM import_batches').get()).toEqual({ n: 0 });

    // Fixed: accepted whole, in one transaction.
    const good = await agendaBook(10_000);
    const again = startImport(o.core.db, { ...file('agenda', 'agenda-2025.xlsx', good), mapping: null, options: OPTIONS }, o.users.front_desk, o.core.now());
    const fixed = await runToEnd(o, again.jobId);
    expect(fixed.status).toMatchObject({ state: 'siap', totalRows: 10_000, validRows: 10_000, errorCount: 0, errors: [], years: [{ year: 2025, count: 10_000, minSeq: 1, maxSeq: 10_000 }] });
    const result = commitImport(o.core.db, again.jobId, o.users.front_desk, o.core.now());
    expect(result).toMatchObject({ letters: 10_000, counters: [{ year: 2025, lastSeq: 10_000 }] });
    expect(letterCount(o)).toBe(10_000);
    expect(o.core.db.prepare('SELECT COUNT(*) AS n FROM letters WHERE import_batch_id = ? AND status = ?').get(result.batchId, 'selesai')).toEqual({ n: 10_000 });
    const sample = o.core.db.prepare('SELECT agenda_number, seq, year, letter_date, received_at, subject, nature, opd_id FROM letters WHERE seq = 10').get();
    expect(sample).toEqual({
      agenda_number: '10/000/2025',
      seq: 10,
      year: 2025,
      letter_date: '2024-12-30',
      received_at: '2024-12-31T17:00:00.000Z', // 1 January 2025, 00.00 WIB
      subject: 'Permohonan layanan ke-10',
      nature: 'segera',
      opd_id: null, // "Kecamatan Pekalongan Utara" is not in the OPD list
    });
    const disdik = o.core.db.prepare("SELECT COUNT(*) AS n FROM letters WHERE sender_name = 'Dinas Pendidikan' AND opd_id = ?").get(o.opd.disdik);
    expect(disdik).toEqual({ n: 2500 });
    expect(() => commitImport(o.core.db, again.jobId, o.users.front_desk, o.core.now())).toThrow(/sudah disimpan/);

    // The next letter of 2025 continues after the highest imported number.
    const late = registerAt(o, wib('2025-12-31', '10:00'), { letterDate: '2025-12-30' });
    expect(o.core.db.prepare('SELECT seq, agenda_number FROM letters WHERE id = ?').get(late.letterId)).toEqual({ seq: 10_001, agenda_number: '10001/500.12/2025' });
    // Another year is not touched.
    const next = registerAt(o, wib('2026-11-23', '09:00'));
    expect(o.core.db.prepare('SELECT seq FROM letters WHERE id = ?').get(next.letterId)).toEqual({ seq: 1 });
    expect(verifyAudit(o.core.db).ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);

  it('reads a semicolon CSV with Indonesian dates, keeps numbers as given, and refuses clashes with the book', async () => {
    const o = await office5();
    registerAt(o, wib('2026-03-02', '09:00'), { letterDate: '2026-03-01' }); // 1/500.12/2026
    registerAt(o, wib('2026-03-02', '09:05'), { letterDate: '2026-03-01' }); // 2/500.12/2026
    o.setClock(wib('2026-03-20', '09:00').toISOString());
    const csv = (rows: string[]) => Buffer.from(`\uFEFF${['No. Agenda;Tgl Terima;Asal Surat;No. Surat;Tgl Surat;Hal;Sifat;Kode', ...rows].join('\r\n')}\r\n`, 'utf8');
    const rows = [
      '0003/500.12/2026;3 Maret 2026;Dinas Pendidikan;421/55/2026;2 Maret 2026;"Permohonan hosting; dan subdomain";Biasa;500.12',
      '0007/500.12/2026;04-03-2026 10:15;Dinas Kesehatan;440/9/2026;01-03-2026;"Surat dengan\nbaris kedua";Segera;',
      '2/500.12/2026;05/03/2026;Bappeda;050/1/2026;05/03/2026;Koordinasi;Rahasia;500.12',
      '0009/500.12/2025;06/03/2026;Bappeda;050/2/2026;06/03/2026;Undangan;Biasa;999',
    ];
    const preview = await previewImport(o.core.db, file('agenda', 'agenda.csv', csv(rows)), o.core.now());
    expect(preview.format).toBe('csv');
    expect(preview.columns.map((c) => c.header)).toEqual(['No. Agenda', 'Tgl Terima', 'Asal Surat', 'No. Surat', 'Tgl Surat', 'Hal', 'Sifat', 'Kode']);
    expect(preview.mapping).toMatchObject({ agendaNumber: 0, receivedDate: 1, senderName: 2, letterNumber: 3, letterDate: 4, subject: 5, nature: 6, classificationCode: 7 });
    expect(preview.rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(preview.rows[0]?.values.subject).toBe('Permohonan hosting; dan subdomain');

    const job = startImport(o.core.db, { ...file('agenda', 'agenda.csv', csv(rows)), mapping: null, options: OPTIONS }, o.users.front_desk, o.core.now());
    const { status } = await runToEnd(o, job.jobId);
    expect(status.errors).toEqual([
      { row: 4, message: 'Baris 4: Nomor urut 2 tahun 2026 sudah ada di buku agenda.' },
      {
        row: 5,
        message: 'Baris 5: Kode klasifikasi 999 tidak ada di daftar kode klasifikasi; Tahun pada no. agenda (2025) tidak sama dengan tahun tanggal terima (2026).',
      },
    ]);
    expect(letterCount(o)).toBe(2);

    const fixed = startImport(o.core.db, { ...file('agenda', 'agenda.csv', csv(rows.slice(0, 2))), mapping: null, options: OPTIONS }, o.users.front_desk, o.core.now());
    expect((await runToEnd(o, fixed.jobId)).status.state).toBe('siap');
    expect(commitImport(o.core.db, fixed.jobId, o.users.front_desk, o.core.now()).counters).toEqual([{ year: 2026, lastSeq: 7 }]);
    const imported = o.core.db.prepare('SELECT agenda_number, seq, received_at, subject, classification_code FROM letters WHERE import_batch_id IS NOT NULL ORDER BY seq').all();
    expect(imported).toEqual([
      { agenda_number: '0003/500.12/2026', seq: 3, received_at: '2026-03-02T17:00:00.000Z', subject: 'Permohonan hosting; dan subdomain', classification_code: '500.12' },
      { agenda_number: '0007/500.12/2026', seq: 7, received_at: '2026-03-04T03:15:00.000Z', subject: 'Surat dengan\nbaris kedua', classification_code: '000' },
    ]);
    // Numbers 4–6 stay free; the next letter is 8.
    const next = registerAt(o, wib('2026-03-10', '09:00'), { letterDate: '2026-03-09' });
    expect(o.core.db.prepare('SELECT seq FROM letters WHERE id = ?').get(next.letterId)).toEqual({ seq: 8 });
    // A lower import never lowers the counter.
    const low = Buffer.from('No. Agenda;Tanggal Terima;Pengirim;Nomor Surat;Tanggal Surat;Perihal\r\n5;10/03/2026;Bappeda;1/2026;09/03/2026;Lama\r\n', 'utf8');
    const lowJob = startImport(o.core.db, { ...file('agenda', 'low.csv', low), mapping: null, options: OPTIONS }, o.users.front_desk, o.core.now());
    await runToEnd(o, lowJob.jobId);
    expect(commitImport(o.core.db, lowJob.jobId, o.users.front_desk, o.core.now()).counters).toEqual([{ year: 2026, lastSeq: 8 }]);
  });

  it('maps columns by hand when the names are unknown, and reads a legacy number format', async () => {
    const o = await office5();
    const data = Buffer.from('A,B,C,D,E,F\r\n2025/III/0042,2025-03-04,Bappeda,050/3/2025,2025-03-01,Rapat\r\n', 'utf8');
    const preview = await previewImport(o.core.db, file('agenda', 'lama.csv', data), o.core.now());
    expect(preview.missing).toEqual(['agendaNumber', 'receivedDate', 'senderName', 'letterNumber', 'letterDate', 'subject']);
    expect(preview.rows[0]?.problems[0]).toMatch(/^Kolom wajib tidak ditemukan: No. Agenda, Tanggal Terima/);
    const mapping = { agendaNumber: 0, receivedDate: 1, senderName: 2, letterNumber: 3, letterDate: 4, subject: 5 };
    const options = ImportOptionsSchema.parse({ agendaFormat: '{tahun}/{bulan_romawi}/{urut:4}' });
    const mapped = await previewImport(o.core.db, { ...file('agenda', 'lama.csv', data), mapping, options }, o.core.now());
    expect(mapped.missing).toEqual([]);
    expect(mapped.headerRow).toBe(1);
    expect(mapped.rows[0]?.problems).toEqual([]);
    const job = startImport(o.core.db, { ...file('agenda', 'lama.csv', data), mapping, options }, o.users.front_desk, o.core.now());
    await runToEnd(o, job.jobId);
    expect(commitImport(o.core.db, job.jobId, o.users.front_desk, o.core.now()).counters).toEqual([{ year: 2025, lastSeq: 42 }]);
    // Read with the office's format instead, the number is misread, and the year check says so.
    const plain = startImport(o.core.db, { ...file('agenda', 'lama.csv', data), mapping, options: OPTIONS }, o.users.front_desk, o.core.now());
    expect((await runToEnd(o, plain.jobId)).status.errors[0]?.message).toBe('Baris 2: Tahun pada no. agenda (42) tidak sama dengan tahun tanggal terima (2025).');
    const words = Buffer.from('A,B,C,D,E,F\r\nSurat-IV,2025-03-04,Bappeda,050/3/2025,2025-03-01,Rapat\r\n', 'utf8');
    const unreadable = startImport(o.core.db, { ...file('agenda', 'lama.csv', words), mapping, options: OPTIONS }, o.users.front_desk, o.core.now());
    expect((await runToEnd(o, unreadable.jobId)).status.errors[0]?.message).toBe(
      'Baris 2: Nomor urut tidak terbaca dari no. agenda Surat-IV (format {urut}/{kode}/{tahun}).',
    );
  });

  it('reads dates as offices write them', () => {
    expect(parseDateCell('31/02/2025')).toEqual({ bad: '31/02/2025' });
    expect(parseDateCell('29/02/2024')).toEqual({ date: '2024-02-29', time: null });
    expect(parseDateCell('5 Agustus 2025')).toEqual({ date: '2025-08-05', time: null });
    expect(parseDateCell('5 Agt 2025')).toEqual({ date: '2025-08-05', time: null });
    expect(parseDateCell('2025-08-05 14:30')).toEqual({ date: '2025-08-05', time: '14:30' });
    expect(parseDateCell('05.08.2025')).toEqual({ date: '2025-08-05', time: null });
    expect(parseDateCell(45_874)).toEqual({ date: '2025-08-05', time: null });
    expect(parseDateCell(new Date('2025-08-05T00:00:00Z'))).toEqual({ date: '2025-08-05', time: null });
    expect(parseDateCell('kemarin')).toEqual({ bad: 'kemarin' });
    expect(parseDateCell('')).toBeNull();
  });
});

describe('import of the OPD list', () => {
  it('names duplicate and empty rows, then adds new OPD and updates known ones, through the API', async () => {
    const o = await office5();
    const opdBook = async (rows: unknown[][]) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('OPD');
      sheet.addRow(['DAFTAR PERANGKAT DAERAH KOTA PEKALONGAN']);
      sheet.addRow([]);
      sheet.addRow(['No', 'Nama Perangkat Daerah', 'Singkatan', 'Alamat']);
      for (const row of rows) sheet.addRow(row);
      return Buffer.from(await book.xlsx.writeBuffer());
    };
    const goodRows = [
      [1, 'Dinas Pendidikan', 'Disdik', 'Jl. Sriwijaya No. 44'],
      [2, 'Dinas Kesehatan', 'Dinkes', 'Jl. Mataram No. 1'],
    ];
    const withErrors = await opdBook([...goodRows, [3, 'dinas  kesehatan', 'Dinkes', ''], [4, '', 'X', '']]);
    const token = login(o.core.db, 'frontdesk', 'kata-sandi-1', o.core.now()).token;

    const preview = await dispatch(o.core, handlers, 'import.preview', file('opd', 'opd.xlsx', withErrors), token);
    expect(preview).toMatchObject({ ok: true, value: { headerRow: 3, mapping: { name: 1, shortName: 2, address: 3 } } });
    const started = await dispatch(o.core, handlers, 'import.start', file('opd', 'opd.xlsx', withErrors), token);
    if (!started.ok) throw new Error(started.error.message);
    const jobId = (started.value as ImportStatus).jobId;
    await waitForImport(o.core.db, jobId, o.users.front_desk);
    const status = await dispatch(o.core, handlers, 'import.status', { jobId }, token);
    expect(status).toMatchObject({
      ok: true,
      value: {
        state: 'ditolak',
        errors: [
          { row: 6, message: 'Baris 6: OPD dinas kesehatan sudah ada di baris 5.' },
          { row: 7, message: 'Baris 7: Nama OPD kosong.' },
        ],
      },
    });
    expect(await dispatch(o.core, handlers, 'import.commit', { jobId }, token)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(listOpd(o.core.db, '', true)).toHaveLength(2);

    const fixed = await opdBook(goodRows);
    const again = await dispatch(o.core, handlers, 'import.start', file('opd', 'opd.xlsx', fixed), token);
    if (!again.ok) throw new Error(again.error.message);
    const againId = (again.value as ImportStatus).jobId;
    const ready = await waitForImport(o.core.db, againId, o.users.front_desk);
    expect(ready.errors).toEqual([]);
    expect(ready).toMatchObject({ state: 'siap', opdNew: 1, opdUpdated: 1 });
    expect(await dispatch(o.core, handlers, 'import.commit', { jobId: againId }, token)).toMatchObject({ ok: true, value: { opdAdded: 1, opdUpdated: 1 } });
    const list = listOpd(o.core.db, '', true);
    expect(list.map((x) => [x.name, x.shortName, x.address])).toEqual([
      ['Badan Perencanaan Pembangunan Daerah', 'Bappeda', ''],
      ['Dinas Kesehatan', 'Dinkes', 'Jl. Mataram No. 1'],
      ['Dinas Pendidikan', 'Disdik', 'Jl. Sriwijaya No. 44'],
    ]);
    // Only the front desk and the administrator import.
    const kabid = login(o.core.db, 'kabid', 'kata-sandi-1', o.core.now()).token;
    expect(await dispatch(o.core, handlers, 'import.preview', file('opd', 'opd.xlsx', fixed), kabid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Another user cannot see the job.
    const admin = login(o.core.db, 'admin', 'rahasia-admin-1', o.core.now()).token;
    expect((await dispatch(o.core, handlers, 'import.status', { jobId: againId }, admin)).ok).toBe(true);
    expect(await dispatch(o.core, handlers, 'import.preview', file('agenda', 'x.xlsx', Buffer.from('bukan zip')), token)).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_FILE' } });
  });
});
