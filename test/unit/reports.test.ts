/**
 * Every report built from seeded data, printed as a PDF (read back with pdftotext) and written as
 * an .xlsx (read back with exceljs): the agenda book, the hosted systems, the annual subdomain
 * report, hosting usage and maintenance, the requests recap, the complaints report; the PDF pages
 * are saved as PNG under /tmp/pdfcheck5 for a person to look at.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { dispatch } from '../../electron/core/api/dispatch';
import { handlers } from '../../electron/core/api/handlers';
import { login } from '../../electron/core/services/auth';
import { verifyAudit } from '../../electron/core/services/audit';
import { addMaintenance, setHostedSystemStatus, updateHostedSystem, getHostedSystem } from '../../electron/core/services/hosting';
import { registerComplaint, saveComplaintSettings } from '../../electron/core/services/complaints';
import { buildReport } from '../../electron/core/reports/builders';
import { renderReportPdf } from '../../electron/core/reports/pdf';
import { getOffice, saveOffice } from '../../electron/core/services/office';
import { renderReportXlsx } from '../../electron/core/reports/xlsx';
import { HostedSystemInputSchema } from '../../shared/api/hosting-schemas';
import { ComplaintInputSchema, ComplaintSettingsSchema, type Report, type ReportParamsInput, type ServiceStandard } from '../../shared/api/report-schemas';
import { sumOfStandards } from '../../electron/core/reports/standard';
import { builtinTemplate } from '../../shared/domain/sop/builtin';
import { ReportParamsSchema } from '../../shared/api/report-schemas';
import type { ApiResult } from '../../shared/api/errors';
import { act, addSystem, hostingSetup, office5, pdfPages, pdftextPage, pdftotext, readXlsx, registerAt, snapshot, walk, wib, type Office5 } from './helpers/issue5';

let o: Office5;
let systems: { ppdb: number; sipd: number; lama: number; ekin: number };

beforeAll(async () => {
  o = await office5('2025-06-01T02:00:00.000Z');
  hostingSetup(o, wib('2025-06-01', '08:00'));
  const lama = addSystem(o, wib('2025-06-01', '09:00'), { applicationName: 'Portal Lama', subdomain: 'lama', addresses: ['10.10.1.9'] });
  const ppdb = addSystem(o, wib('2026-02-10', '09:00'), { applicationName: 'PPDB Online', subdomain: 'ppdb', addresses: ['10.10.1.5'] });
  const sipd = addSystem(o, wib('2026-03-02', '09:00'), { applicationName: 'SIPD Perencanaan', subdomain: 'sipd', addresses: ['10.10.1.6'], opdId: o.opd.bappeda });
  const ekin = addSystem(o, wib('2026-04-01', '09:00'), { applicationName: 'e-Kinerja', subdomain: 'ekin', addresses: ['10.10.1.8'], opdId: o.opd.bappeda });
  systems = { ppdb, sipd, lama, ekin };

  // sipd is renamed and moved to another address; lama is stopped; ekin suspended.
  o.setClock(wib('2026-05-05', '10:00').toISOString());
  const current = getHostedSystem(o.core.db, sipd);
  updateHostedSystem(
    o.core.db,
    sipd,
    HostedSystemInputSchema.parse({
      opdId: current.opdId,
      applicationName: current.applicationName,
      subdomain: 'sipd2',
      parentDomain: current.parentDomain,
      addresses: ['10.10.1.7'],
      serverId: current.serverId,
      stack: current.stack,
      database: current.database,
      technicalContact: current.technicalContact,
      administrativeContact: current.administrativeContact,
    }),
    o.users.technical,
    wib('2026-05-05', '10:00'),
  );
  setHostedSystemStatus(o.core.db, lama, 'dihentikan', 'Aplikasi diganti Portal Baru.', o.users.kabid, wib('2026-08-03', '10:00'));
  setHostedSystemStatus(o.core.db, ekin, 'ditangguhkan', 'Sertifikat kedaluwarsa.', o.users.kabid, wib('2026-09-09', '10:00'));
  o.setClock(wib('2026-11-20', '10:00').toISOString());
  addMaintenance(o.core.db, { id: ppdb, date: '2026-10-12', description: 'Pembaruan PHP ke 8.3 dan pencadangan basis data.', performedBy: 'Tim Pusat Data' }, o.users.technical, wib('2026-11-20', '10:00'));
  addMaintenance(o.core.db, { id: sipd, date: '2026-11-02', description: 'Perpanjangan sertifikat TLS.', performedBy: '' }, o.users.technical, wib('2026-11-20', '10:00'));

  // Letters of November: hosting done, subdomain returned, website under way, one without SOP.
  const l1 = registerAt(o, wib('2026-11-23', '08:00'), { opdId: o.opd.disdik, senderName: 'x', subject: 'Permohonan hosting PPDB' });
  walk(o, l1.requestId ?? 0, wib('2026-11-23', '08:00'));
  const l2 = registerAt(o, wib('2026-11-23', '09:00'), { opdId: o.opd.bappeda, senderName: 'x', service: 'subdomain', subject: 'Permohonan subdomain sipd' });
  walk(o, l2.requestId ?? 0, wib('2026-11-23', '09:00'), { branch: 'tidak' });
  const l3 = registerAt(o, wib('2026-11-24', '08:00'), { service: 'website', subject: 'Pembuatan situs web sekolah' });
  act(o, o.users.front_desk, l3.requestId ?? 0, wib('2026-11-24', '08:30'), { action: 'complete' });
  registerAt(o, wib('2026-11-24', '09:00'), { service: 'lainnya', senderName: 'Kecamatan Pekalongan Barat', subject: 'Undangan rapat koordinasi' });
  // Enough letters in October for the agenda book to run over several pages.
  for (let i = 0; i < 70; i += 1) {
    registerAt(o, wib(`2026-10-${String(1 + (i % 28)).padStart(2, '0')}`, '10:00'), {
      service: 'lainnya',
      senderName: i % 2 ? 'Dinas Kesehatan' : 'Dinas Pendidikan',
      subject: `Surat ke-${i + 1} tentang koordinasi layanan aplikasi dan pemutakhiran data pada sistem informasi perangkat daerah`,
      letterNumber: `800/${i + 1}/2026`,
      letterDate: '2026-09-30',
    });
  }

  saveComplaintSettings(
    o.core.db,
    ComplaintSettingsSchema.parse({ phone: '(0285) 421243', email: 'pengaduan@pekalongankota.go.id', instagram: 'diskominfo.pkl', officerName: 'BUDI SANTOSO, S.Kom', officerPhone: '0812 0000 1111' }),
    o.users.admin,
    wib('2026-11-20', '10:00'),
  );
  o.setClock(wib('2026-11-25', '09:00').toISOString());
  const c1 = registerComplaint(o.core.db, ComplaintInputSchema.parse({ channel: 'telepon', complainantName: 'Rina', subject: 'Situs PPDB tidak dapat dibuka', hostedSystemId: ppdb }), o.users.front_desk, wib('2026-11-25', '09:00'));
  walk(o, c1.requestId ?? 0, wib('2026-11-25', '09:00'), { minutes: 30 });
  registerComplaint(o.core.db, ComplaintInputSchema.parse({ channel: 'instagram', complainantName: '@wargapkl', subject: 'Laman kecamatan lambat' }), o.users.front_desk, wib('2026-11-25', '10:00'));
  o.setClock(wib('2026-11-30', '10:00').toISOString());
}, 120_000);

async function both(params: ReportParamsInput, name: string): Promise<{ report: Report; text: string; pdf: Buffer; book: ExcelJS.Workbook }> {
  const report = buildReport(o.core.db, ReportParamsSchema.parse(params), o.core.now());
  const pdf = await renderReportPdf(o.core, report, 'A4');
  snapshot(pdf.data, name);
  const xlsx = await renderReportXlsx(report, 'Asia/Jakarta', 'Dinas Komunikasi dan Informatika');
  expect(xlsx.fileName).toBe(`${report.fileBase}.xlsx`);
  const book = await readXlsx(xlsx.data);
  // Every table sheet: title row, bold frozen header with an autofilter.
  for (const sheet of book.worksheets.filter((w) => w.name !== 'Keterangan')) {
    expect(String(sheet.getCell(1, 1).value)).not.toBe('');
    expect(sheet.getCell(1, 1).font?.bold).toBe(true);
    expect(sheet.getRow(4).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(1).width).toBeGreaterThan(0);
  }
  const text = pdftotext(pdf.data);
  expect(text).toContain(report.title.toLocaleUpperCase('id-ID'));
  expect(text).toContain('ARIF KARYADI, S.Sos');
  expect(text).toMatch(/Halaman 1 dari \d+/);
  return { report, text, pdf: pdf.data, book };
}

describe('reports from seeded data, as PDF and .xlsx', () => {
  it('buku agenda surat masuk: a period, header repeated on every page, dates as Excel dates', async () => {
    const { report, text, pdf, book } = await both({ kind: 'agenda', from: '2026-10-01', to: '2026-11-30' }, 'buku-agenda');
    const rows = report.sections[0]?.table?.rows ?? [];
    expect(rows).toHaveLength(74);
    expect(text).toContain('Periode 1 Oktober 2026 s.d. 30 November 2026');
    expect(text).toContain('Undangan rapat koordinasi');
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThan(1);
    for (let p = 2; p <= pages; p += 1) {
      const page = pdftextPage(pdf, p);
      if (/Surat ke-|Permohonan|Undangan|Pembuatan/.test(page)) expect(page).toMatch(/No\. Agenda/);
      expect(page).toContain(`Halaman ${p} dari ${pages}`);
    }
    const sheet = book.getWorksheet('Buku Agenda');
    expect(sheet?.getRow(4).getCell(2).value).toBe('No. Agenda');
    const first = sheet?.getRow(5);
    expect(first?.getCell(1).value).toBe(1);
    expect(first?.getCell(3).value).toBeInstanceOf(Date);
    expect((first?.getCell(3).value as Date).toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(first?.getCell(3).numFmt).toBe('dd/mm/yyyy');
    expect(sheet?.rowCount).toBe(4 + 74);
  });

  it('daftar sistem yang dihosting', async () => {
    const { report, text, book } = await both({ kind: 'hosted_systems' }, 'daftar-sistem-hosting');
    expect(report.sections[0]?.table?.rows).toHaveLength(4);
    expect(text).toContain('sipd2.pekalongankota.go.id');
    expect(text).toContain('10.10.1.7');
    expect(text).toMatch(/Jumlah sistem: 4 \(aktif 2, ditangguhkan 1, dihentikan 1\)/);
    const sheet = book.getWorksheet('Sistem Hosting');
    const apps = [5, 6, 7, 8].map((r) => sheet?.getRow(r).getCell(2).value);
    expect(apps).toContain('e-Kinerja');
    expect(sheet?.getRow(5).getCell(10).value).toBeInstanceOf(Date);
    const onlyStopped = buildReport(o.core.db, ReportParamsSchema.parse({ kind: 'hosted_systems', status: 'dihentikan' }), o.core.now());
    expect(onlyStopped.sections[0]?.table?.rows.map((r) => r[1])).toEqual(['Portal Lama']);
  });

  it('laporan tahunan subdomain: new, changed and stopped in the year, per OPD', async () => {
    const { report, text, book } = await both({ kind: 'subdomain_annual', year: 2026 }, 'laporan-tahunan-subdomain');
    const summary = report.sections[0]?.table;
    // OPD | baru | diubah | ditangguhkan | dihentikan | aktif akhir tahun
    expect(summary?.rows.map((r) => r.slice(1))).toEqual([
      ['Badan Perencanaan Pembangunan Daerah', 2, 1, 1, 0, 1],
      ['Dinas Pendidikan', 1, 0, 0, 1, 1],
    ]);
    expect(summary?.totals?.slice(1)).toEqual(['Jumlah', 3, 1, 1, 1, 2]);
    const detail = report.sections[1]?.table?.rows ?? [];
    expect(detail.map((r) => [r[1], r[5]])).toEqual([
      ['2026-02-10', 'Baru'],
      ['2026-03-02', 'Baru'],
      ['2026-04-01', 'Baru'],
      ['2026-05-05', 'Diubah'],
      ['2026-08-03', 'Dihentikan'],
      ['2026-09-09', 'Ditangguhkan'],
    ]);
    expect(detail[3]?.[6]).toBe('Diubah: subdomain: sipd.pekalongankota.go.id → sipd2.pekalongankota.go.id; alamat IP: 10.10.1.6 → 10.10.1.7.');
    expect(text).toContain('Tahun 2026');
    expect(text).toContain('Aplikasi diganti Portal Baru.');
    expect(report.sections[0]?.charts[0]?.kind).toBe('bar');
    const sheet = book.getWorksheet('Rekap per OPD');
    expect(sheet?.getRow(5).getCell(3).value).toBe(2);
    expect(sheet?.getRow(7).getCell(2).value).toBe('Jumlah');
    expect(sheet?.getRow(7).getCell(2).font?.bold).toBe(true);
    // 2025: only the old portal was new.
    const y2025 = buildReport(o.core.db, ReportParamsSchema.parse({ kind: 'subdomain_annual', year: 2025 }), o.core.now());
    expect(y2025.sections[0]?.table?.rows.map((r) => r.slice(1))).toEqual([['Dinas Pendidikan', 1, 0, 0, 0, 1]]);
  });

  it('penggunaan dan pemeliharaan hosting', async () => {
    const { report, text, book } = await both({ kind: 'hosting_usage', from: '2026-10-01', to: '2026-12-31' }, 'penggunaan-hosting');
    const servers = report.sections[0]?.table;
    expect(servers?.rows.map((r) => r.slice(1))).toEqual([
      ['srv-web-01', 2, 1, 1, 4],
      ['srv-web-02', 0, 0, 0, 0],
    ]);
    const pools = report.sections[1]?.table?.rows ?? [];
    // 10.10.1.0/24: 254 usable, 1 reserved → 253; 4 used.
    expect(pools[0]?.slice(1)).toEqual(['DMZ Pusat Data', '10.10.1.0/24', 4, 253, 4 / 253]);
    expect(report.sections[3]?.table?.rows.map((r) => [r[1], r[2]])).toEqual([
      ['2026-10-12', 'ppdb.pekalongankota.go.id'],
      ['2026-11-02', 'sipd2.pekalongankota.go.id'],
    ]);
    expect(text).toContain('Perpanjangan sertifikat TLS.');
    expect(report.sections[3]?.table?.rows[1]?.[5]).toBe('Pengguna technical'); // the recorder when no performer is written
    const sheet = book.getWorksheet('Alamat IP');
    expect(sheet?.getRow(5).getCell(6).value).toBeCloseTo(4 / 253, 6);
    expect(sheet?.getRow(5).getCell(6).numFmt).toBe('0.0%');
    expect(book.getWorksheet('Pemeliharaan')?.getRow(5).getCell(2).value).toBeInstanceOf(Date);
  });

  it('permohonan per status, per layanan dan per OPD', async () => {
    const { report, text, book } = await both({ kind: 'requests', from: '2026-11-01', to: '2026-11-30' }, 'rekap-permohonan');
    expect(report.sections[0]?.table?.rows).toEqual([
      ['Berjalan', 1, 0.25],
      ['Dijeda (menunggu OPD)', 0, 0],
      ['Selesai', 1, 0.25],
      ['Dikembalikan ke OPD', 1, 0.25],
      ['Tanpa SOP', 1, 0.25],
    ]);
    const services = report.sections[1]?.table?.rows ?? [];
    // Hosting (Pekalongan): 9 steps after the letter, 5 minutes apart = 45 minutes, within 2 working days.
    expect(services[0]?.slice(0, 7)).toEqual(['Hosting', 1, 0, 0, 1, 0, 0]);
    expect(services[0]?.slice(7)).toEqual([45, 45, 1]);
    expect(services[1]?.slice(0, 7)).toEqual(['Subdomain', 1, 0, 0, 0, 1, 0]);
    const opd = report.sections[2]?.table?.rows.map((r) => r.slice(1, 3));
    expect(opd).toEqual([
      ['Badan Perencanaan Pembangunan Daerah', 1],
      ['Dinas Pendidikan', 2],
      ['Kecamatan Pekalongan Barat', 1],
    ]);
    expect(text).toContain('Permohonan per layanan menurut status');
    expect(book.getWorksheet('Per layanan')?.getRow(5).getCell(8).value).toBe(45);
    expect(book.getWorksheet('Per layanan')?.getRow(4).getCell(8).value).toBe('Median waktu selesai (menit kerja)');
  });

  it('pengaduan per saluran, status, dan penyelesaian', async () => {
    const { report, text, book } = await both({ kind: 'complaints', from: '2026-11-01', to: '2026-11-30' }, 'laporan-pengaduan');
    const channels = report.sections[0]?.table?.rows ?? [];
    expect(channels.find((r) => r[0] === 'Telepon')).toEqual(['Telepon', 1, 1, 0]);
    expect(channels.find((r) => r[0] === 'Instagram')).toEqual(['Instagram', 1, 0, 0]);
    // The telephone complaint was solved by the officer: steps 2 and 3a, 30 minutes each.
    expect(report.sections[2]?.table?.rows[0]).toEqual(['Diselesaikan oleh petugas', 1, 60, 60]);
    expect(text).toContain('ADU/001/2026');
    expect(text).toContain('Situs PPDB tidak dapat dibuka');
    const sheet = book.getWorksheet('Daftar pengaduan');
    expect(sheet?.getRow(5).getCell(3).value).toBeInstanceOf(Date);
    expect((sheet?.getRow(5).getCell(3).value as Date).toISOString()).toBe('2026-11-25T09:00:00.000Z'); // 09.00 WIB as written
    expect(sheet?.getRow(5).getCell(3).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(sheet?.getRow(5).getCell(10).value).toBe(60);
  });

  it('through the API: the PDF and the .xlsx as base64 with a file name; the agenda only for who sees every letter', async () => {
    const token = (username: string, password = 'kata-sandi-1') => login(o.core.db, username, password, o.core.now()).token;
    const kadis = token('kadis');
    const pdf = (await dispatch(o.core, handlers, 'reports.pdf', { report: { kind: 'subdomain_annual', year: 2026 }, paper: 'F4' }, kadis)) as ApiResult<{ fileName: string; dataBase64: string; pages: number }>;
    expect(pdf.ok).toBe(true);
    if (pdf.ok) {
      expect(pdf.value.fileName).toBe('laporan-tahunan-subdomain-2026.pdf');
      expect(pdftotext(Buffer.from(pdf.value.dataBase64, 'base64'))).toContain('LAPORAN TAHUNAN SUBDOMAIN');
    }
    const xlsx = (await dispatch(o.core, handlers, 'reports.xlsx', { report: { kind: 'agenda', from: '2026-11-01', to: '2026-11-30' } }, kadis)) as ApiResult<{ fileName: string; dataBase64: string }>;
    expect(xlsx.ok && xlsx.value.fileName).toBe('buku-agenda-2026-11-01-sd-2026-11-30.xlsx');
    if (xlsx.ok) expect((await readXlsx(Buffer.from(xlsx.value.dataBase64, 'base64'))).getWorksheet('Buku Agenda')?.rowCount).toBe(8);

    // Printed through the operating system, on the paper asked for.
    const printed = await dispatch(o.core, handlers, 'reports.print', { report: { kind: 'subdomain_annual', year: 2026 }, paper: 'F4', printer: 'Uji', copies: 3 }, kadis);
    expect(printed).toMatchObject({ ok: true, value: { printer: 'Uji' } });
    expect(await dispatch(o.core, handlers, 'reports.print', { report: { kind: 'subdomain_annual', year: 2026 }, printer: '', copies: 1 }, kadis)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { printer: 'Pilih printer.' } },
    });

    const technical = token('technical');
    const refused = await dispatch(o.core, handlers, 'reports.data', { report: { kind: 'agenda', from: '2026-11-01', to: '2026-11-30' } }, technical);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Nor printed for who may not see it.
    expect(await dispatch(o.core, handlers, 'reports.print', { report: { kind: 'agenda', from: '2026-11-01', to: '2026-11-30' }, printer: 'Uji', copies: 1 }, technical)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const allowed = await dispatch(o.core, handlers, 'reports.data', { report: { kind: 'hosted_systems' } }, technical);
    expect(allowed.ok).toBe(true);
    const badPeriod = await dispatch(o.core, handlers, 'reports.data', { report: { kind: 'requests', from: '2026-12-01', to: '2026-11-01' } }, kadis);
    expect(badPeriod).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Tanggal akhir tidak boleh sebelum tanggal awal.' } });
    expect(verifyAudit(o.core.db).ok).toBe(true);
    expect(systems.ekin).toBeGreaterThan(0);
  });
});

describe('standar pelayanan', () => {
  it('is generated from the SOP, the office calendar and the complaint contacts, edited by the administrator, and printed', async () => {
    const admin = login(o.core.db, 'admin', 'rahasia-admin-1', o.core.now()).token;
    const frontDesk = login(o.core.db, 'frontdesk', 'kata-sandi-1', o.core.now()).token;
    const list = (await dispatch(o.core, handlers, 'standards.list', {}, frontDesk)) as ApiResult<ServiceStandard[]>;
    if (!list.ok) throw new Error(list.error.message);
    const hosting = list.value.find((s) => s.service === 'hosting');
    expect(hosting).toMatchObject({ serviceLabel: 'Hosting', time: '2 hari kerja', timeBasis: 'sop', fee: 'Tidak dipungut biaya (gratis)', template: { key: 'pekalongan-hosting' } });
    expect(hosting?.procedure.map((p) => p.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(hosting?.hours).toEqual(['Senin–Kamis: 07.30–16.00 (istirahat 12.00–13.00)', 'Jumat: 07.30–16.30 (istirahat 11.30–13.00)']);
    expect(hosting?.complaintContacts).toContain('Pejabat Pengaduan: BUDI SANTOSO, S.Kom (telepon 0812 0000 1111)');
    // Tarakan gives no whole-service time: the sum of its steps.
    expect(list.value.find((s) => s.service === 'subdomain')).toMatchObject({ time: '2 hari kerja dan 46 menit', timeBasis: 'steps' });
    expect(list.value.find((s) => s.service === 'lainnya')).toMatchObject({ template: null, time: '–', timeBasis: 'none' });
    expect(sumOfStandards((builtinTemplate('pontianak-hosting')?.steps ?? []).flatMap((s) => (s.kind === 'end' ? [] : [s.standard])))).toBe('21–49 jam');

    expect(await dispatch(o.core, handlers, 'standards.save', { service: 'hosting', requirements: ['x'] }, frontDesk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const saved = await dispatch(
      o.core,
      handlers,
      'standards.save',
      { service: 'hosting', requirements: ['Surat permohonan dari Kepala OPD', 'Formulir data aplikasi', 'Berkas aplikasi yang akan dihosting'], fee: 'Gratis', product: 'Dokumen hak akses hosting' },
      admin,
    );
    expect(saved).toMatchObject({ ok: true, value: { requirements: ['Surat permohonan dari Kepala OPD', 'Formulir data aplikasi', 'Berkas aplikasi yang akan dihosting'], fee: 'Gratis' } });

    const pdf = (await dispatch(o.core, handlers, 'standards.pdf', { service: 'hosting', paper: 'A4' }, frontDesk)) as ApiResult<{ fileName: string; dataBase64: string }>;
    if (!pdf.ok) throw new Error(pdf.error.message);
    expect(pdf.value.fileName).toBe('standar-pelayanan-hosting.pdf');
    const bytes = Buffer.from(pdf.value.dataBase64, 'base64');
    snapshot(bytes, 'standar-pelayanan-hosting');
    const text = pdftotext(bytes).replace(/\s+/g, ' ');
    for (const part of [
      'STANDAR PELAYANAN',
      'HOSTING',
      'Persyaratan',
      'Formulir data aplikasi',
      'Sistem, mekanisme, dan prosedur',
      '3. Disposisi ke Kabid INS (Kepala Dinas; 5 menit).',
      'Jangka waktu penyelesaian 2 hari kerja.',
      'Biaya/tarif Gratis',
      'Produk pelayanan Dokumen hak akses hosting',
      'Senin–Kamis: 07.30–16.00 (istirahat 12.00–13.00)',
      'Instagram: @diskominfo.pkl',
      'Pejabat Pengaduan: BUDI SANTOSO, S.Kom',
      'ARIF KARYADI, S.Sos',
    ]) {
      expect(text).toContain(part);
    }
    const subdomain = (await dispatch(o.core, handlers, 'standards.pdf', { service: 'subdomain' }, frontDesk)) as ApiResult<{ dataBase64: string }>;
    if (!subdomain.ok) throw new Error(subdomain.error.message);
    snapshot(Buffer.from(subdomain.value.dataBase64, 'base64'), 'standar-pelayanan-subdomain');
    expect(pdftotext(Buffer.from(subdomain.value.dataBase64, 'base64')).replace(/\s+/g, ' ')).toContain('2 hari kerja dan 46 menit (jumlah mutu baku waktu langkah-langkah SOP)');
  });
});

describe('a broken emblem', () => {
  it('is left out of the letterhead instead of stopping the document', async () => {
    const chunk = (type: string, body: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(body.length);
      return Buffer.concat([length, Buffer.from(type, 'latin1'), body, Buffer.alloc(4)]);
    };
    const broken = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', Buffer.alloc(13, 1)), chunk('IEND', Buffer.alloc(0))]);
    const fresh = await office5();
    // Stored by an older Loket, before the file store checked PNGs on the way in.
    const sha256 = crypto.createHash('sha256').update(broken).digest('hex');
    fs.mkdirSync(path.join(fresh.dataDir, 'files', sha256.slice(0, 2)), { recursive: true });
    fs.writeFileSync(path.join(fresh.dataDir, 'files', sha256.slice(0, 2), sha256), broken);
    fresh.core.db.prepare("INSERT INTO attachments (sha256, mime, size, created_at) VALUES (?, 'image/png', ?, 't')").run(sha256, broken.length);
    saveOffice(fresh.core.db, { ...getOffice(fresh.core.db), logoSha256: sha256 }, fresh.core.now());
    const report = buildReport(fresh.core.db, ReportParamsSchema.parse({ kind: 'hosting_usage', from: '2999-12-31', to: '2999-12-31' }), fresh.core.now());
    const pdf = await renderReportPdf(fresh.core, report, 'F4');
    expect(pdftotext(pdf.data)).toContain('31 Desember 2999');
    const evaluation = buildReport(fresh.core.db, ReportParamsSchema.parse({ kind: 'evaluation', year: 2999, quarter: 4 }), fresh.core.now());
    expect(evaluation.subtitle).toBe('Triwulan IV Tahun 2999 (1 Oktober 2999 s.d. 31 Desember 2999)');
  });
});
