/**
 * "Ekspor Excel" on the desk's lists (lists.xlsx), through the API as each user calls it, and
 * every workbook read back with exceljs: the agenda book with a search word holds only the
 * matching letters and says which filters made it; a Kabid's file holds only the letters disposed
 * to him; the complaints list's status filter, the hosted systems' search, the OPD list with and
 * without inactive OPDs; my queue with its deadline as an Excel date; more rows than the limit are
 * refused in Indonesian.
 */
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { handlers } from '../../electron/core/api/handlers';
import { renderListXlsx } from '../../electron/core/reports/lists';
import { login } from '../../electron/core/services/auth';
import { registerComplaint } from '../../electron/core/services/complaints';
import { saveOpd } from '../../electron/core/services/office';
import { requestIdForComplaint, type QueueItem } from '../../electron/core/services/requests';
import { myQueue } from '../../electron/core/services/requests';
import type { ApiResult } from '../../shared/api/errors';
import type { CallInput, CallOutput } from '../../shared/api/contract';
import { ListXlsxInputSchema } from '../../shared/api/list-schemas';
import { ComplaintInputSchema } from '../../shared/api/report-schemas';
import { OpdInputSchema } from '../../shared/api/schemas';
import { act, addSystem, hostingSetup, office5, readXlsx, registerAt, walk, wib, type Office5 } from './helpers/issue5';

let o: Office5;
const EXPORT_AT = wib('2026-11-23', '10:00');

beforeAll(async () => {
  o = await office5();
  const kabid2 = o.addUser('kabid', 'kabid2', 'Kabid Dua');
  // Three letters; the PPDB one is disposed to the Kabid, the e-Kinerja one to the other Kabid.
  const ppdb = registerAt(o, wib('2026-11-23', '08:00'));
  const ekin = registerAt(o, wib('2026-11-23', '08:10'), { subject: 'Permohonan subdomain e-Kinerja', senderName: 'Bappeda', service: 'subdomain', nature: 'biasa' });
  registerAt(o, wib('2026-11-23', '08:20'), { subject: 'Undangan rapat koordinasi', senderName: 'Sekretariat Daerah', service: 'lainnya', nature: 'biasa' });
  act(o, o.users.front_desk, ppdb.requestId ?? 0, wib('2026-11-23', '08:35'), { action: 'complete' });
  act(o, o.users.front_desk, ekin.requestId ?? 0, wib('2026-11-23', '08:36'), { action: 'complete' });
  act(o, o.users.kadis, ppdb.requestId ?? 0, wib('2026-11-23', '08:40'), { action: 'dispose', recipients: [o.users.kabid.id] });
  act(o, o.users.kadis, ekin.requestId ?? 0, wib('2026-11-23', '08:50'), { action: 'dispose', recipients: [kabid2.id] });

  // Two complaints; the first is answered by the officer until it is resolved.
  const complaint = (when: Date, subject: string, complainantName: string) => {
    o.setClock(when.toISOString());
    return registerComplaint(o.core.db, ComplaintInputSchema.parse({ channel: 'telepon', complainantName, complainantContact: '0812 1111 2222', subject }), o.users.front_desk, when);
  };
  const solved = complaint(wib('2026-11-23', '09:00'), 'Laman PPDB tidak dapat dibuka', 'Budi Santoso');
  complaint(wib('2026-11-23', '09:05'), 'Surel dinas tidak terkirim', 'Siti Aminah');
  walk(o, requestIdForComplaint(o.core.db, solved.id) ?? 0, wib('2026-11-23', '09:10'), { minutes: 2 });

  hostingSetup(o, wib('2026-11-23', '09:30'));
  addSystem(o, wib('2026-11-23', '09:31'), { applicationName: 'PPDB Online', subdomain: 'ppdb', addresses: ['10.10.1.5'] });
  addSystem(o, wib('2026-11-23', '09:32'), { applicationName: 'SIPD Perencanaan', subdomain: 'sipd', addresses: ['10.10.1.6'], opdId: o.opd.bappeda });

  saveOpd(o.core.db, OpdInputSchema.parse({ name: 'Kantor Arsip Lama', shortName: 'Arsip', active: false }));
  o.setClock(EXPORT_AT.toISOString());
});

const PASSWORDS: Record<string, string> = { admin: 'rahasia-admin-1' };

async function exportAs(username: string, input: CallInput<'lists.xlsx'>): Promise<{ file: CallOutput<'lists.xlsx'>; book: ExcelJS.Workbook }> {
  const token = login(o.core.db, username, PASSWORDS[username] ?? 'kata-sandi-1', o.core.now()).token;
  const result = (await dispatch(o.core, handlers, 'lists.xlsx', input, token)) as ApiResult<CallOutput<'lists.xlsx'>>;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return { file: result.value, book: await readXlsx(Buffer.from(result.value.dataBase64, 'base64')) };
}

/** The data rows of a list sheet (under the header on row 4) as cell values, without the "No." column. */
function dataRows(book: ExcelJS.Workbook, sheet: string): ExcelJS.CellValue[][] {
  const ws = book.getWorksheet(sheet);
  expect(ws, `sheet ${sheet}`).toBeDefined();
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = 5; r <= (ws?.rowCount ?? 0); r += 1) {
    const values = ws?.getRow(r).values;
    if (Array.isArray(values) && typeof values[1] === 'number') rows.push(values.slice(2));
  }
  return rows;
}

const header = (book: ExcelJS.Workbook, sheet: string) => (book.getWorksheet(sheet)?.getRow(4).values as ExcelJS.CellValue[]).slice(1);
const notes = (book: ExcelJS.Workbook) => {
  const ws = book.getWorksheet('Keterangan');
  return Array.from({ length: ws?.rowCount ?? 0 }, (_v, i) => String(ws?.getCell(i + 1, 1).value ?? '')).join('\n');
};

describe('lists.xlsx', () => {
  it('the agenda book with a search word: only the matching letters, the filter written in the file', async () => {
    const { file, book } = await exportAs('frontdesk', { list: 'agenda', q: 'PPDB', service: 'hosting' });
    expect(file.fileName).toBe('buku-agenda-daftar-2026-11-23.xlsx');
    expect(book.worksheets.map((w) => w.name)).toEqual(['Keterangan', 'Buku Agenda']);
    const rows = dataRows(book, 'Buku Agenda');
    expect(rows.map((r) => r[5])).toEqual(['Permohonan hosting aplikasi PPDB']);
    expect(rows[0]?.[1]).toEqual(new Date('2026-11-23T08:00:00.000Z')); // received 08.00 WIB, as Excel shows it
    expect(notes(book)).toContain('Saringan: Kata kunci: “PPDB”; Layanan: Hosting.');
    expect(notes(book)).toContain('Jumlah: 1 surat.');
    expect(String(book.getWorksheet('Buku Agenda')?.getCell(2, 1).value)).toContain('Kata kunci: “PPDB”');

    // The title row, a bold header that stays frozen and carries a filter.
    const sheet = book.getWorksheet('Buku Agenda');
    expect(sheet?.getCell(1, 1).value).toBe('Buku Agenda Surat Masuk');
    expect(header(book, 'Buku Agenda')).toEqual(['No.', 'No. Agenda', 'Diterima', 'Pengirim', 'Nomor Surat', 'Tanggal Surat', 'Perihal', 'Sifat', 'Layanan', 'Status', 'Pindaian']);
    expect(sheet?.getCell(4, 1).font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet?.autoFilter).toBeTruthy();

    const everything = await exportAs('frontdesk', { list: 'agenda' });
    expect(dataRows(everything.book, 'Buku Agenda').map((r) => r[5])).toEqual(['Undangan rapat koordinasi', 'Permohonan subdomain e-Kinerja', 'Permohonan hosting aplikasi PPDB']);
    expect(notes(everything.book)).toContain('Saringan: tanpa saringan.');
  });

  it("a Kabid's file holds only the letters disposed to him, and says so", async () => {
    const { book } = await exportAs('kabid', { list: 'agenda' });
    expect(dataRows(book, 'Buku Agenda').map((r) => r[5])).toEqual(['Permohonan hosting aplikasi PPDB']);
    expect(notes(book)).toContain('Hanya surat yang dapat dilihat Pengguna kabid (Kepala Bidang)');
    const other = await exportAs('kabid2', { list: 'agenda', q: 'PPDB' });
    expect(dataRows(other.book, 'Buku Agenda')).toEqual([]);
    expect(other.book.getWorksheet('Buku Agenda')?.getCell(5, 1).value).toBe('Tidak ada surat yang cocok dengan saringan ini.');
  });

  it('the complaints list with its status filter', async () => {
    const resolved = await exportAs('frontdesk', { list: 'complaints', status: 'selesai' });
    const rows = dataRows(resolved.book, 'Pengaduan');
    expect(rows.map((r) => [r[0], r[3], r[7]])).toEqual([['ADU/001/2026', 'Budi Santoso', 'Selesai']]);
    expect(rows[0]?.[9]).toBeInstanceOf(Date); // resolved at
    expect(notes(resolved.book)).toContain('Saringan: Status: Selesai.');
    const open = await exportAs('frontdesk', { list: 'complaints', status: 'ditangani' });
    expect(dataRows(open.book, 'Pengaduan').map((r) => r[3])).toEqual(['Siti Aminah']);
  });

  it("my queue: the Kabid's waiting step with its deadline as an Excel date; the chips' filters", async () => {
    const queue: QueueItem[] = myQueue(o.core.db, o.users.kabid, EXPORT_AT);
    expect(queue).toHaveLength(1);
    const { file, book } = await exportAs('kabid', { list: 'queue' });
    expect(file.fileName).toBe('antrian-kabid-2026-11-23.xlsx');
    const sheet = book.getWorksheet('Antrian Saya');
    expect(sheet?.getCell(1, 1).value).toBe('Antrian Saya — Pengguna kabid');
    const rows = dataRows(book, 'Antrian Saya');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.slice(0, 4)).toEqual([queue[0]?.agendaNumber, 'Surat', 'Dinas Pendidikan', 'Permohonan hosting aplikasi PPDB']);
    const deadline = sheet?.getCell(5, 8);
    expect(header(book, 'Antrian Saya')[7]).toBe('Tenggat');
    expect(deadline?.value).toBeInstanceOf(Date);
    // 08.45 WIB (due 5 minutes of work after the disposition at 08.40), written as the office's wall clock.
    expect((deadline?.value as Date).toISOString()).toBe('2026-11-23T08:45:00.000Z');
    expect(deadline?.numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(rows[0]?.[10]).toBe('Belum dibaca');

    expect(dataRows((await exportAs('kabid', { list: 'queue', filter: 'terlambat' })).book, 'Antrian Saya')).toHaveLength(1);
    const none = await exportAs('kabid', { list: 'queue', filter: 'belum-ditindaklanjuti' });
    expect(dataRows(none.book, 'Antrian Saya')).toEqual([]);
    expect(notes(none.book)).toContain('Saringan: Antrian: Belum ditindaklanjuti.');
  });

  it('the hosted systems with the search box, and the OPD list with and without inactive OPDs', async () => {
    const hosting = await exportAs('technical', { list: 'hosting', q: 'sipd' });
    expect(dataRows(hosting.book, 'Sistem Hosting').map((r) => [r[0], r[1], r[2]])).toEqual([['sipd.pekalongankota.go.id', 'SIPD Perencanaan', 'Badan Perencanaan Pembangunan Daerah']]);
    expect(notes(hosting.book)).toContain('Kata kunci: “sipd”');
    const disdik = await exportAs('technical', { list: 'hosting', opdId: o.opd.disdik });
    expect(dataRows(disdik.book, 'Sistem Hosting').map((r) => r[0])).toEqual(['ppdb.pekalongankota.go.id']);
    expect(notes(disdik.book)).toContain('OPD: Dinas Pendidikan');

    const active = dataRows((await exportAs('admin', { list: 'opd', q: 'arsip' })).book, 'Daftar OPD');
    expect(active).toEqual([]);
    const all = await exportAs('admin', { list: 'opd', q: 'arsip', includeInactive: true });
    expect(dataRows(all.book, 'Daftar OPD').map((r) => [r[0], r[1], r[3]])).toEqual([['Kantor Arsip Lama', 'Arsip', 'Nonaktif']]);
    expect(notes(all.book)).toContain('Termasuk OPD nonaktif');
  });

  it('reads a paged list page by page: every row once, in the order of the list', async () => {
    const letters = await renderListXlsx(o.core.db, ListXlsxInputSchema.parse({ list: 'agenda' }), o.users.front_desk, EXPORT_AT, { pageSize: 1 });
    expect(dataRows(await readXlsx(letters.data), 'Buku Agenda').map((r) => r[5])).toEqual(['Undangan rapat koordinasi', 'Permohonan subdomain e-Kinerja', 'Permohonan hosting aplikasi PPDB']);
    const searched = await renderListXlsx(o.core.db, ListXlsxInputSchema.parse({ list: 'agenda', q: 'permohonan' }), o.users.front_desk, EXPORT_AT, { pageSize: 1 });
    expect(dataRows(await readXlsx(searched.data), 'Buku Agenda').map((r) => r[5])).toEqual(['Permohonan subdomain e-Kinerja', 'Permohonan hosting aplikasi PPDB']);
    const complaints = await renderListXlsx(o.core.db, ListXlsxInputSchema.parse({ list: 'complaints' }), o.users.front_desk, EXPORT_AT, { pageSize: 1 });
    expect(dataRows(await readXlsx(complaints.data), 'Pengaduan').map((r) => r[0])).toEqual(['ADU/002/2026', 'ADU/001/2026']);
  });

  it('refuses more rows than the limit, pointing to Laporan → Buku Agenda', async () => {
    const input = ListXlsxInputSchema.parse({ list: 'agenda' });
    await expect(renderListXlsx(o.core.db, input, o.users.front_desk, EXPORT_AT, { limit: 2 })).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringContaining('lebih dari 2 baris') as unknown,
    });
    await expect(renderListXlsx(o.core.db, input, o.users.front_desk, EXPORT_AT, { limit: 2 })).rejects.toThrow(/Laporan → Buku Agenda per periode/);
    // A search the limit allows is written.
    const fits = await renderListXlsx(o.core.db, ListXlsxInputSchema.parse({ list: 'agenda', q: 'permohonan' }), o.users.front_desk, EXPORT_AT, { limit: 2 });
    expect(dataRows(await readXlsx(fits.data), 'Buku Agenda')).toHaveLength(2);
    await expect(renderListXlsx(o.core.db, ListXlsxInputSchema.parse({ list: 'complaints' }), o.users.front_desk, EXPORT_AT, { limit: 1 })).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });
});
