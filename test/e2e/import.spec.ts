/**
 * Impor dari Excel, end to end in Chromium against the real browser host (issue 5):
 * - at the front desk, a legacy agenda book of 10,000 letters with 3 bad rows (an impossible date, a missing sender,
 *   a duplicate agenda number) is refused with exactly those 3 rows named with their reasons and
 *   nothing written; the fixed book is accepted whole, and the agenda book then holds 10,000
 *   letters and finds an imported one by a word of its subject;
 * - the OPD list from a .csv: a refused file, the fixed file chosen again right in the wizard,
 *   new OPD added and a known one updated.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addUsers, FRONT_DESK, setupOffice, shot, switchUser, watchErrors } from './desk';

const LETTERS = 10_000;
const SENDERS = ['Dinas Pendidikan', 'Badan Perencanaan Pembangunan Daerah', 'Dinas Kesehatan', 'Kecamatan Pekalongan Utara'];
/** Spreadsheet rows (a title in row 1, the column names in row 2, letter i in row i + 2). */
const ROW_BAD_DATE = 1234;
const ROW_NO_SENDER = 5001;
const ROW_DUPLICATE = LETTERS + 2;
/** The letter with a word no other subject has. */
const SPECIAL = 7777;

/** A legacy agenda book of 2025 as an office keeps it in Excel: a title row above the column names. */
async function agendaBook(spoil: boolean): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Agenda 2025');
  sheet.addRow(['BUKU AGENDA SURAT MASUK TAHUN 2025']);
  sheet.addRow(['No. Agenda', 'Tanggal Terima', 'Pengirim', 'Nomor Surat', 'Tanggal Surat', 'Perihal', 'Sifat']);
  for (let i = 1; i <= LETTERS; i += 1) {
    const row = i + 2;
    const received = new Date(Date.UTC(2025, 0, 1 + Math.floor(((i - 1) * 360) / LETTERS)));
    const written = new Date(received.getTime() - 3 * 86_400_000);
    const letterDate = `${String(written.getUTCDate()).padStart(2, '0')}/${String(written.getUTCMonth() + 1).padStart(2, '0')}/${written.getUTCFullYear()}`;
    const values = [
      `${i}/000/2025`,
      received,
      SENDERS[i % SENDERS.length],
      `005/${i}/${i % 2 === 0 ? 'Disdik' : 'Setda'}/2025`,
      letterDate,
      i === SPECIAL ? 'Permohonan subdomain aplikasi Sidaring Kelurahan Kraton' : `Permohonan hosting aplikasi layanan ke-${i}`,
      i % 10 === 0 ? 'Segera' : 'Biasa',
    ];
    if (spoil && row === ROW_BAD_DATE) values[4] = '31/02/2025';
    if (spoil && row === ROW_NO_SENDER) values[2] = '';
    if (spoil && row === ROW_DUPLICATE) values[0] = `${i - 1}/000/2025`;
    sheet.addRow(values);
  }
  sheet.getColumn(2).numFmt = 'dd/mm/yyyy';
  return Buffer.from(await book.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The bad-row list shows exactly these rows, in order, each with its reason. */
async function expectBadRows(page: Page, rows: Array<[string, string]>): Promise<void> {
  const body = page.locator('.import-errors tbody tr');
  await expect(body).toHaveCount(rows.length);
  for (const [i, [row, reason]] of rows.entries()) {
    await expect(body.nth(i).locator('td').nth(0)).toHaveText(row);
    await expect(body.nth(i).locator('td').nth(1)).toHaveText(reason);
  }
}

/** Records every value the progress bar shows, from now on. */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { progressSeen: number[] }).progressSeen = seen;
    const record = () => {
      const bar = document.querySelector('[role="progressbar"]');
      const value = bar ? Number(bar.getAttribute('aria-valuenow')) : NaN;
      if (!Number.isNaN(value) && seen.at(-1) !== value) seen.push(value);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
}

const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);

test('a 10,000-row agenda book with 3 bad rows is refused naming those rows, and accepted whole once fixed', async ({ page }) => {
  test.setTimeout(150_000);
  const errors = watchErrors(page);
  const timings: Record<string, number> = {};
  let t = Date.now();
  const lap = (name: string) => {
    timings[name] = Date.now() - t;
    t = Date.now();
  };
  const [bad, good] = await Promise.all([agendaBook(true), agendaBook(false)]);
  lap('generate both workbooks');
  await setupOffice(page);
  await addUsers(page, [FRONT_DESK]);
  await switchUser(page, FRONT_DESK);
  lap('setup office, front desk logs in');

  // The front desk's way in: the menu.
  await page.getByRole('link', { name: 'Impor dari Excel' }).click();
  await expect(page.getByRole('heading', { name: 'Impor dari Excel' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Buku agenda lama/ })).toBeChecked();
  await expect(page.locator('#import-file')).toBeFocused();
  await shot(page, 'impor-01-pilih-berkas');

  // A file that is no spreadsheet is refused at once.
  await page.locator('#import-file').setInputFiles({ name: 'agenda.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
  await expect(page.locator('#import-file-error')).toContainText('agenda.pdf bukan berkas .xlsx atau .csv');

  await page.locator('#import-file').setInputFiles({ name: 'agenda-2025.xlsx', mimeType: XLSX, buffer: bad });
  await expect(page.getByRole('heading', { name: 'Langkah 2 dari 4: Pemetaan kolom' })).toBeVisible();
  lap('upload + preview');
  // Mapped from the column names found in row 2, under the title row.
  await expect(page.getByText(/lembar “Agenda 2025” · judul kolom di baris 2 · 7 kolom/)).toBeVisible();
  await expect(page.getByLabel('No. Agenda')).toHaveValue('0');
  await expect(page.getByLabel('Pengirim')).toHaveValue('2');
  await expect(page.getByLabel('Perihal')).toHaveValue('5');
  await expect(page.getByLabel('Kode Klasifikasi', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Kode klasifikasi bawaan')).toHaveValue('000');
  const preview = page.locator('.import-preview tbody tr');
  await expect(preview).toHaveCount(20);
  await expect(preview.first()).toContainText('1/000/2025');
  await expect(preview.first()).toContainText('01/01/2025');
  await expect(page.getByText('semua baris pratinjau benar')).toBeVisible();
  await shot(page, 'impor-02-pemetaan', 1100);

  // The mapping is editable; a required field left out stops the check and says which.
  await page.getByLabel('Perihal').selectOption('');
  await expect(page.getByText('Kolom wajib belum dipetakan: Perihal.')).toBeVisible();
  await page.getByRole('button', { name: 'Periksa semua baris →' }).click();
  await expect(page.getByLabel('Perihal')).toBeFocused();
  await expect(page.getByLabel('Perihal')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Perihal').selectOption({ label: 'F: Perihal' });
  await expect(page.getByText('semua baris pratinjau benar')).toBeVisible();

  // The whole file: a progress bar, then the refusal with exactly the 3 bad rows.
  await watchProgress(page);
  const checkStarted = Date.now();
  await page.getByRole('button', { name: 'Periksa semua baris →' }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await shot(page, 'impor-03-kemajuan');
  await expect(page.getByText('Impor ditolak. Tidak ada yang disimpan.')).toBeVisible({ timeout: 60_000 });
  timings['check 10,000 rows (refused)'] = Date.now() - checkStarted;
  t = Date.now();
  const seen = await progressSeen(page);
  expect(seen[0]).toBeLessThan(100);
  expect(seen.every((v, i) => i === 0 || v >= (seen[i - 1] ?? 0))).toBe(true);
  await expect(page.locator('.alert--error')).toContainText('Impor ditolak. Tidak ada yang disimpan. 3 dari 10.000 baris salah.');
  await expect(page.getByRole('heading', { name: 'Baris yang salah (3 dari 10.000)' })).toBeVisible();
  await expectBadRows(page, [
    ['1.234', 'Tanggal surat tidak sah (31/02/2025).'],
    ['5.001', 'Pengirim kosong.'],
    ['10.002', 'Nomor urut 9999 tahun 2025 sudah dipakai baris 10.001.'],
  ]);
  await expect(page.getByRole('button', { name: /^Simpan/ })).toHaveCount(0);
  await shot(page, 'impor-04-ditolak', 900);

  // The list goes along to Excel.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh daftar (.csv)' }).click();
  const csv = fs.readFileSync(await (await download).path(), 'utf8');
  expect(csv.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
    'Baris;Alasan',
    '1234;Tanggal surat tidak sah (31/02/2025).',
    '5001;Pengirim kosong.',
    '10002;Nomor urut 9999 tahun 2025 sudah dipakai baris 10.001.',
    '',
  ]);

  // Nothing was written: the agenda book is still empty, and it leads back to the import.
  await page.keyboard.press('Alt+A');
  await expect(page.getByText('Buku agenda masih kosong.')).toBeVisible();
  await page.getByRole('link', { name: 'Impor buku agenda lama' }).click();
  await expect(page.getByRole('heading', { name: 'Langkah 1 dari 4: Pilih berkas' })).toBeVisible();
  lap('refusal checks');

  // The fixed book: accepted whole.
  await page.locator('#import-file').setInputFiles({ name: 'agenda-2025.xlsx', mimeType: XLSX, buffer: good });
  await expect(page.getByRole('heading', { name: 'Langkah 2 dari 4: Pemetaan kolom' })).toBeVisible();
  await page.getByRole('button', { name: 'Periksa semua baris →' }).click();
  await expect(page.getByRole('button', { name: 'Simpan 10.000 surat ke buku agenda' })).toBeVisible({ timeout: 60_000 });
  lap('upload + check 10,000 rows (accepted)');
  await expect(page.getByText('10.000 baris benar dan siap disimpan.')).toBeVisible();
  await expect(page.locator('.import-years tbody tr')).toHaveText(['202510.0001–10.000']);
  await expect(page.getByRole('button', { name: 'Simpan 10.000 surat ke buku agenda' })).toBeFocused();
  await shot(page, 'impor-05-siap');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Langkah 4 dari 4: Impor selesai' })).toBeVisible({ timeout: 30_000 });
  lap('commit 10,000 letters');
  await expect(page.locator('.alert--success')).toContainText('10.000 surat dari agenda-2025.xlsx tersimpan di buku agenda');
  await expect(page.getByText('Surat baru tahun 2025 akan bernomor urut mulai 10.001.')).toBeVisible();
  await shot(page, 'impor-06-selesai');

  // The agenda book holds them all and finds one by a word of its subject.
  await expect(page.getByRole('link', { name: 'Buka buku agenda' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Buku Agenda' })).toBeVisible();
  await expect(page.getByText(/Menampilkan 1–50 dari 10\.000 surat/)).toBeVisible();
  await page.locator('#agenda-search').fill('Sidaring');
  await expect(page.getByText('Menampilkan 1–1 dari 1 surat')).toBeVisible();
  const found = page.locator('.table--agenda tbody tr');
  await expect(found).toHaveCount(1);
  await expect(found).toContainText(`${SPECIAL}/000/2025`);
  await expect(found).toContainText('Permohonan subdomain aplikasi Sidaring Kelurahan Kraton');
  await expect(found).toContainText('Selesai');
  await shot(page, 'impor-07-agenda');
  lap('agenda book checks');
  console.log(`import.spec timings (ms): ${JSON.stringify(timings)}; progress seen: ${JSON.stringify(seen)}`);
  expect(errors).toEqual([]);
});

test('the OPD list from a .csv: refused with its bad rows, the fixed file chosen again in the wizard, then saved', async ({ page }) => {
  const errors = watchErrors(page);
  await setupOffice(page);
  // The administrator's way in: Pengaturan → OPD.
  await page.keyboard.press('Alt+P');
  await page.getByRole('link', { name: 'OPD', exact: true }).click();
  await page.getByRole('link', { name: 'Impor dari Excel/CSV…' }).click();
  await expect(page.getByRole('radio', { name: /Daftar OPD/ })).toBeChecked();

  const header = 'Nama OPD;Singkatan;Alamat';
  const rows = ['Dinas Pendidikan;Disdik;Jl. Sriwijaya No. 44', 'Badan Perencanaan Pembangunan Daerah;Bappeda;Jl. Mataram No. 1', 'Dinas Kesehatan;Dinkes;Jl. Kurinci No. 2'];
  const badCsv = [header, ...rows, 'DINAS KESEHATAN;DINKES;', ';;Jl. Tanpa Nama No. 3'].join('\r\n');
  await page.locator('#import-file').setInputFiles({ name: 'daftar-opd.csv', mimeType: 'text/csv', buffer: Buffer.from(badCsv, 'utf8') });
  await expect(page.getByRole('heading', { name: 'Langkah 2 dari 4: Pemetaan kolom' })).toBeVisible();
  await expect(page.getByLabel('Nama OPD')).toHaveValue('0');
  await expect(page.getByText('2 baris pratinjau bermasalah')).toBeVisible();
  await expect(page.locator('.import-preview tr.is-bad')).toHaveCount(2);
  await shot(page, 'impor-08-opd-pemetaan');
  await page.getByRole('button', { name: 'Periksa semua baris →' }).click();
  await expect(page.getByText('Impor ditolak. Tidak ada yang disimpan.')).toBeVisible();
  await expectBadRows(page, [
    ['5', 'OPD DINAS KESEHATAN sudah ada di baris 4.'],
    ['6', 'Nama OPD kosong.'],
  ]);

  // Fixed in Excel and chosen again right here; the mapping stays.
  await page.getByLabel('Pilih berkas yang sudah diperbaiki…').setInputFiles({ name: 'daftar-opd.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\r\n'), 'utf8') });
  await expect(page.getByRole('heading', { name: 'Langkah 2 dari 4: Pemetaan kolom' })).toBeVisible();
  await expect(page.getByText('semua baris pratinjau benar')).toBeVisible();
  await page.getByRole('button', { name: 'Periksa semua baris →' }).click();
  await expect(page.getByText('2 OPD baru akan ditambah, 1 OPD yang sudah ada diperbarui')).toBeVisible();
  await page.getByRole('button', { name: 'Simpan 3 OPD' }).click();
  await expect(page.locator('.alert--success')).toContainText('2 OPD ditambah, 1 diperbarui');
  await shot(page, 'impor-09-opd-selesai');
  await page.getByRole('link', { name: 'Lihat daftar OPD' }).click();
  await expect(page.getByRole('row', { name: /Badan Perencanaan Pembangunan Daerah Bappeda Jl\. Mataram No\. 1/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Dinas Kesehatan Dinkes Jl\. Kurinci No\. 2/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Dinas Pendidikan Disdik Jl\. Sriwijaya No\. 44/ })).toBeVisible();
  expect(errors).toEqual([]);
});
