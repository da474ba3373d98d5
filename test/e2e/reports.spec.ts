/**
 * Reports end to end (issue 5): an office with a letter whose first step is done, two hosted
 * systems (one stopped, one with a maintenance), and a complaint; then the Kepala Dinas produces
 * every report kind from the Laporan page, on screen, as PDF and as .xlsx through real downloads,
 * and each file is opened: the PDF with pdftotext (title, a seeded agenda number / OPD / subdomain,
 * the signature name of the Kepala Dinas), the .xlsx with exceljs (sheets and cells). The
 * Evaluasi kinerja page shows its figures and charts and says that paused time is not counted.
 * "Ekspor Excel" on the lists: the technical officer's queue, then the front desk's agenda book with a
 * search word (only the matching letter), the hosted systems and the complaints, each with its filters.
 *
 * The office, the users and the letter go through the UI; the hosting register and the complaint
 * are seeded through the same HTTP API the page uses (POST /api/<call>), which is quicker.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Page } from '@playwright/test';
import {
  ADMIN,
  FRONT_DESK,
  KABID,
  KADIS,
  TEKNIS,
  addUsers,
  apiCall,
  chooseServiceSop,
  completeStep,
  disposeToTechnical,
  panel,
  registerLetter,
  setupOffice,
  shot,
  switchUser,
  watchErrors,
} from './desk';
import { expect, test } from './fixtures';
import { daysAgo } from './helpers';

const KADIS_SIGNATURE = 'ARIF KARYADI, S.Sos';
const PARENT = 'pekalongankota.go.id';
const LETTER = { letterNumber: '005/417/Disdik/2026', subject: 'Permohonan hosting aplikasi PPDB online' };

/** Clicks the button and keeps the file it downloads. */
async function download(page: Page, button: string, dir: string): Promise<{ file: string; name: string }> {
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const d: Download = await waiting;
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return { file, name: d.suggestedFilename() };
}

function pdfText(file: string): string {
  expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // One line per text line, spaces collapsed, so table cells and wrapped names read as words.
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
}

/** Every sheet's cells as text rows. */
async function readXlsx(file: string): Promise<Map<string, string[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheets = new Map<string, string[][]>();
  book.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const values: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => values.push(cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : String(cell.text ?? '')));
      rows.push(values);
    });
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

function allCells(sheets: Map<string, string[][]>): string {
  return [...sheets.values()].flatMap((rows) => rows.map((r) => r.join(' | '))).join('\n');
}

test('every report from the Laporan page as PDF and .xlsx, the evaluation with charts, Ekspor Excel on the lists', async ({ page }) => {
  test.setTimeout(150_000);
  const errors = watchErrors(page);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-e2e-reports-'));

  // ---- Seeding: office, users, hosting register, a complaint, a letter with its step 2 done.
  await setupOffice(page);
  await addUsers(page, [FRONT_DESK, KADIS, KABID, TEKNIS]);
  const opd = (await apiCall<Array<{ id: number; name: string }>>(page, 'opd.list', { q: '', includeInactive: false })).find((o) => o.name === 'Dinas Pendidikan');
  expect(opd).toBeDefined();
  const opdId = opd?.id ?? 0;
  const settings = await apiCall<{ servers: Array<{ id: number }> }>(page, 'hosting.settings.save', {
    parentDomains: [{ domain: PARENT }],
    pools: [{ label: 'DMZ server aplikasi', cidr: '10.10.1.0/24', reserved: ['10.10.1.1'] }],
    servers: [{ name: 'srv-web-01', notes: 'Ruang server Diskominfo' }],
  });
  const serverId = settings.servers[0]?.id ?? null;
  const ppdb = await apiCall<{ id: number }>(page, 'hosting.save', {
    opdId,
    applicationName: 'PPDB Online',
    subdomain: 'ppdb',
    parentDomain: PARENT,
    addresses: ['10.10.1.10'],
    serverId,
  });
  await apiCall(page, 'hosting.addMaintenance', { id: ppdb.id, date: daysAgo(0), description: 'Pembaruan PHP 8.2 dan sertifikat TLS', performedBy: 'Rudi Hartono' });
  const old = await apiCall<{ id: number }>(page, 'hosting.save', {
    opdId,
    applicationName: 'Arsip Sekolah Lama',
    subdomain: 'arsip-sekolah',
    parentDomain: PARENT,
    addresses: ['10.10.1.11'],
    serverId,
  });
  await apiCall(page, 'hosting.setStatus', { id: old.id, status: 'dihentikan', reason: 'Aplikasi diganti PPDB Online' });
  await apiCall(page, 'complaints.register', { channel: 'telepon', complainantName: 'Budi Santoso', complainantContact: '0812 3456 7890', opdId, subject: 'Laman PPDB tidak dapat dibuka' });

  // The letter goes through Pontianak's SOP: the Kadis and the Kabid dispose (steps 0, 1), the
  // technical officer waits for the OPD's files a moment (paused), then completes step 2.
  await chooseServiceSop(page, 'Hosting', 'pontianak-hosting');
  const agendaNumber = await registerLetter(page, LETTER);
  // A second letter, which a search for "PPDB" leaves out.
  const other = await apiCall<{ agendaNumber: string }>(page, 'letters.register', {
    senderName: 'Badan Perencanaan Pembangunan Daerah',
    letterNumber: '050/88/Bappeda/2026',
    letterDate: daysAgo(1),
    subject: 'Undangan rapat koordinasi SPBE',
    nature: 'biasa',
    classificationCode: '500.12',
    service: 'lainnya',
  });
  await disposeToTechnical(page, LETTER.subject, { kadis: KADIS, kabid: KABID, technical: TEKNIS });
  await panel(page).getByRole('button', { name: 'Jeda (menunggu OPD)…' }).click();
  await panel(page).getByLabel('Alasan jeda (yang ditunggu dari OPD)').fill('Menunggu file aplikasi');
  await panel(page).getByRole('button', { name: 'Jeda sekarang' }).click();
  await expect(panel(page).locator('.badge--state-dijeda')).toHaveText('Dijeda (menunggu OPD)');
  await panel(page).getByRole('button', { name: 'Lanjutkan' }).click();
  await expect(panel(page).locator('.badge--state-berjalan')).toHaveText('Berjalan');
  await completeStep(page, '2', 'File aplikasi diterima.');

  // The technical officer exports "Antrian saya": the complaint waiting for him, as the list shows it
  // (its step has no time standard, so no deadline; deadlines as Excel dates: test/unit/lists-xlsx.test.ts).
  await page.keyboard.press('Alt+S');
  await expect(page.getByRole('heading', { name: 'Antrian saya' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Budi Santoso/ })).toBeVisible();
  const queueXlsx = await download(page, 'Ekspor Excel', dir);
  expect(queueXlsx.name).toMatch(/^antrian-.*\.xlsx$/);
  const queueBook = new ExcelJS.Workbook();
  await queueBook.xlsx.readFile(queueXlsx.file);
  const queueSheet = queueBook.getWorksheet('Antrian Saya');
  expect(queueSheet?.getCell(4, 8).value).toBe('Tenggat');
  expect(queueSheet?.getCell(5, 5).value).toBe('Laman PPDB tidak dapat dibuka');
  expect(queueSheet?.getCell(5, 8).value).toBeNull();
  expect(queueSheet?.getCell(5, 10).value).toBe('Tanpa baku waktu');
  await switchUser(page, FRONT_DESK);

  // The front desk sees Laporan but not Evaluasi kinerja; the agenda book exports as .xlsx.
  const nav = page.getByRole('navigation', { name: 'Menu utama' });
  await expect(nav.getByRole('link', { name: 'Laporan' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Evaluasi kinerja' })).toHaveCount(0);
  await page.keyboard.press('Alt+A');
  await expect(page.getByRole('heading', { name: 'Buku Agenda' })).toBeVisible();
  const year = new Date().getFullYear();
  await page.getByLabel('Tahun').selectOption(String(year));
  await expect(page.getByText('Menampilkan 1–2 dari 2 surat')).toBeVisible();
  // The file holds what the list shows: with a search word, only the matching letter.
  await page.locator('#agenda-search').fill('PPDB');
  await expect(page.getByText('Menampilkan 1–1 dari 1 surat')).toBeVisible();
  await shot(page, 'r01-agenda-ekspor');
  const agendaXlsx = await download(page, 'Ekspor Excel', dir);
  expect(agendaXlsx.name).toMatch(/^buku-agenda-daftar-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const agendaSheets = await readXlsx(agendaXlsx.file);
  const agendaRows = (agendaSheets.get('Buku Agenda') ?? []).slice(4);
  expect(agendaRows.map((r) => r[1])).toEqual([agendaNumber]);
  expect(allCells(agendaSheets)).not.toContain(other.agendaNumber);
  expect(allCells(agendaSheets)).toContain(`Kata kunci: “PPDB”; Tahun: ${year}`);

  // The hosted-systems list exports what its OPD/status filters show.
  await nav.getByRole('link', { name: 'Sistem yang dihosting' }).click();
  await page.getByLabel('Status').selectOption({ label: 'Aktif' });
  await expect(page.getByRole('row', { name: /ppdb/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /arsip-sekolah/ })).toHaveCount(0);
  const hostingXlsx = await download(page, 'Ekspor Excel', dir);
  const hostingCells = allCells(await readXlsx(hostingXlsx.file));
  expect(hostingCells).toContain(`ppdb.${PARENT}`);
  expect(hostingCells).not.toContain(`arsip-sekolah.${PARENT}`);

  // The complaints list exports with its filters.
  await nav.getByRole('link', { name: 'Pengaduan' }).click();
  await page.getByLabel('Status').selectOption({ label: 'Ditangani petugas' });
  await expect(page.getByRole('row', { name: /Budi Santoso/ })).toBeVisible();
  const complaintCells = allCells(await readXlsx((await download(page, 'Ekspor Excel', dir)).file));
  expect(complaintCells).toContain('Laman PPDB tidak dapat dibuka');
  expect(complaintCells).toContain('Status: Ditangani petugas');

  // ---- The Kepala Dinas produces every report from the Laporan page.
  await switchUser(page, KADIS);
  await nav.getByRole('link', { name: 'Laporan' }).click();
  await expect(page.getByRole('heading', { name: 'Laporan', exact: true })).toBeVisible();
  await expect(page.getByLabel('Jenis laporan')).toBeFocused();
  const kind = page.getByLabel('Jenis laporan');

  interface Case {
    label: string;
    setup: () => Promise<void>;
    /** On screen, in the PDF's text and somewhere in the .xlsx. */
    expectText: string[];
    /** Only in the PDF (its notes). */
    pdfText?: string[];
    sheet: string;
  }
  const cases: Case[] = [
    {
      label: 'Buku Agenda Surat Masuk',
      setup: async () => {
        await page.getByRole('button', { name: 'Tahun ini' }).click();
        await expect(page.getByLabel('Dari tanggal')).toHaveValue(`${year}-01-01`);
      },
      expectText: [agendaNumber, 'Dinas Pendidikan', LETTER.subject],
      sheet: 'Buku Agenda',
    },
    { label: 'Daftar Sistem Informasi/Aplikasi yang Dihosting', setup: async () => undefined, expectText: [`ppdb.${PARENT}`, 'PPDB Online', 'Dinas Pendidikan'], sheet: '' },
    { label: 'Laporan Tahunan Subdomain', setup: async () => expect(page.getByLabel('Tahun')).toHaveValue(String(year)), expectText: ['Dinas Pendidikan', `arsip-sekolah.${PARENT}`], sheet: '' },
    {
      label: 'Laporan Penggunaan dan Pemeliharaan Hosting',
      setup: async () => {
        await page.getByRole('button', { name: 'Tahun ini' }).click();
      },
      expectText: ['srv-web-01', 'Pembaruan PHP 8.2'],
      sheet: '',
    },
    {
      label: 'Rekapitulasi Permohonan Layanan',
      setup: async () => {
        await page.getByRole('button', { name: 'Tahun ini' }).click();
      },
      expectText: ['Dinas Pendidikan', 'Berjalan', 'Dijeda (menunggu OPD)'],
      sheet: '',
    },
    {
      label: 'Laporan Pengaduan',
      setup: async () => {
        await page.getByRole('button', { name: 'Tahun ini' }).click();
      },
      expectText: ['Budi Santoso', 'Laman PPDB tidak dapat dibuka'],
      sheet: '',
    },
    { label: 'Evaluasi Kinerja Pelayanan', setup: async () => undefined, expectText: [TEKNIS.fullName, KABID.fullName, 'Permohonan Hosting'], pdfText: ['tanpa waktu jeda selama permohonan menunggu OPD', '1 permohonan dijeda menunggu OPD; waktu jeda tidak dihitung.'], sheet: 'Per langkah' },
  ];
  expect(await kind.locator('option').allInnerTexts()).toEqual(cases.map((c) => c.label));

  for (const [i, c] of cases.entries()) {
    await kind.selectOption({ label: c.label });
    await c.setup();
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    const report = page.locator('article.report');
    await expect(report.locator('#report-title')).toHaveText(c.label);
    await expect(page.getByRole('button', { name: 'Tampilkan' })).toBeEnabled();
    for (const t of c.expectText) await expect(report).toContainText(t);
    await shot(page, `r1${i}-laporan-${i}`, 1100);

    const pdf = await download(page, 'Simpan PDF', dir);
    expect(pdf.name).toMatch(/\.pdf$/);
    const text = pdfText(pdf.file);
    expect(text.toUpperCase()).toContain(c.label.toUpperCase());
    expect(text).toContain(KADIS_SIGNATURE);
    for (const t of [...c.expectText, ...(c.pdfText ?? [])]) expect(text, `${c.label}: ${t} in the PDF`).toContain(t);
    if (i === 0 || i === cases.length - 1) fs.copyFileSync(pdf.file, path.join(os.tmpdir(), `loket-report-${i}.pdf`));

    const xlsx = await download(page, 'Unduh Excel (.xlsx)', dir);
    expect(xlsx.name).toBe(pdf.name.replace(/\.pdf$/, '.xlsx'));
    const sheets = await readXlsx(xlsx.file);
    if (c.sheet) expect([...sheets.keys()]).toContain(c.sheet);
    const cells = allCells(sheets);
    for (const t of c.expectText) expect(cells, `${c.label}: ${t} in the .xlsx`).toContain(t);
  }

  // The agenda sheet: a header row, then the seeded letter with its date as an Excel date.
  await kind.selectOption({ label: 'Buku Agenda Surat Masuk' });
  await page.getByRole('button', { name: 'Tahun ini' }).click();
  const agendaBook = await readXlsx((await download(page, 'Unduh Excel (.xlsx)', dir)).file);
  const rows = agendaBook.get('Buku Agenda') ?? [];
  const letterRow = rows.find((r) => r.includes(agendaNumber));
  expect(letterRow).toBeDefined();
  expect(letterRow?.join(' ')).toContain(LETTER.letterNumber);

  // A period that ends before it starts is refused next to the field, in Indonesian.
  await page.getByLabel('Sampai tanggal').fill(`${year - 1}-01-01`);
  await page.getByLabel('Sampai tanggal').press('Enter');
  await expect(page.locator('#report-to-error')).toHaveText('Tanggal akhir tidak boleh sebelum tanggal awal.');
  await expect(page.getByRole('button', { name: 'Simpan PDF' })).toBeDisabled();

  // The PDF preview in the page.
  await page.getByRole('button', { name: 'Tahun ini' }).click();
  await page.getByRole('button', { name: 'Pratinjau PDF' }).click();
  await expect(page.locator('.pdf-preview iframe')).toBeVisible();

  // ---- Evaluasi kinerja: figures, charts, and the paused time stated.
  await nav.getByRole('link', { name: 'Evaluasi kinerja' }).click();
  await expect(page.getByRole('heading', { name: 'Evaluasi kinerja', exact: true })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Waktu jeda tidak dihitung: permohonan yang dijeda menunggu OPD diukur tanpa waktu jedanya');
  await expect(page.getByRole('note')).toContainText('1 permohonan dijeda menunggu OPD; waktu jeda tidak dihitung.');
  const summary = page.getByRole('list', { name: 'Ringkasan triwulan' });
  await expect(summary).toContainText('Langkah selesai');
  await expect(summary.locator('.count-value').nth(1)).toHaveText('3');
  const evaluation = page.locator('article.report');
  await expect(evaluation.locator('#report-title')).toHaveText('Evaluasi Kinerja Pelayanan');
  // The trend over four quarters and the per-step chart are drawn as SVG with their values.
  const charts = evaluation.getByRole('img');
  expect(await charts.count()).toBeGreaterThanOrEqual(2);
  await expect(evaluation.getByRole('img', { name: /Tren empat triwulan/ })).toBeVisible();
  await expect(evaluation.getByRole('img', { name: /per langkah/ }).first()).toBeVisible();
  // Only this quarter has measured steps: one point on the trend line, the other quarters "–".
  await expect(evaluation.getByRole('img', { name: /Tren empat triwulan/ })).toHaveAttribute('aria-label', new RegExp(`TW ${['I', 'II', 'III', 'IV'][Math.floor(new Date().getMonth() / 3)] ?? ''} ${year}: 100%`));
  await expect(evaluation.locator('.chart-svg circle')).toHaveCount(1);
  await expect(evaluation.locator('.chart-svg rect.chart-bar').first()).toBeVisible();
  const stepTable = evaluation.locator('section', { has: page.getByRole('heading', { name: 'Per langkah SOP' }) }).locator('table');
  await expect(stepTable.getByRole('columnheader', { name: 'Median' })).toBeVisible();
  await expect(stepTable.getByRole('columnheader', { name: 'P90' })).toBeVisible();
  await expect(stepTable.getByRole('columnheader', { name: '% tepat waktu' })).toBeVisible();
  // Step 2 was paused: counted once, on time against its 15 minutes (the pause left out), "Dijeda" 1.
  const stepRow = stepTable.getByRole('row').filter({ hasText: 'Meminta file aplikasi' });
  await expect(stepRow).toContainText('15 menit');
  await expect(stepRow).toContainText('1 dari 1');
  await expect(stepRow.getByRole('cell').last()).toHaveText('1');
  const officers = evaluation.locator('section', { has: page.getByRole('heading', { name: 'Per petugas' }) });
  for (const u of [KADIS, KABID, TEKNIS]) await expect(officers).toContainText(u.fullName);
  await shot(page, 'r20-evaluasi', 1400);

  // The administrator too; an earlier quarter reads without errors.
  await switchUser(page, ADMIN);
  await nav.getByRole('link', { name: 'Evaluasi kinerja' }).click();
  await page.getByLabel('Tahun').selectOption(String(year - 1));
  await expect(page.locator('article.report .report-subtitle')).toContainText(String(year - 1));

  // Pengaturan → OPD exports the OPD list it shows with its search.
  await page.keyboard.press('Alt+P');
  await page.getByRole('link', { name: 'OPD', exact: true }).click();
  await page.getByLabel('Cari OPD').fill('pendidikan');
  await expect(page.getByRole('row', { name: /Dinas Pendidikan/ })).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(2);
  const opdRows = (await readXlsx((await download(page, 'Ekspor Excel', dir)).file)).get('Daftar OPD') ?? [];
  expect(opdRows.slice(4).map((r) => r[1])).toEqual(['Dinas Pendidikan']);

  expect(errors).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});
