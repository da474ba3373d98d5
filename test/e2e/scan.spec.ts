/**
 * Scanning at the front desk (issue 6), end to end in Chromium against the real browser host:
 *
 * 1. With SANE's test scanner (`scanimage -d test`, enabled through SANE_CONFIG_DIR): the front desk
 *    opens Catat Surat Masuk, "Pindai…", chooses the test device and the document feeder, scans
 *    6 sheets (the test feeder holds 10; a bad limit is refused in Indonesian first), keeps 3 pages
 *    in "Atur halaman…" (drops 3, reorders
 *    with the keyboard and by drag and drop, turns one), saves the letter, and the letter's one scan
 *    is a PDF of exactly 3 pages (pdfinfo) with the turned page first.
 * 2. A letter dropped into the watched scan folder appears in the Kotak masuk pindaian (with the
 *    count in the menu), "Catat sebagai surat baru" opens the form with it, OCR suggests the
 *    number, date, sender and perihal without touching what the clerk typed, and the letter is
 *    registered; a second file is attached to that letter with "Lampirkan ke surat…".
 *
 * Screenshots go to /tmp/shots6 (LOKET_SHOTS6).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { formatDateId } from '../../shared/domain/dates';
import { hasTool, letterPdf, pdfInfo, pdfToPng, PPDB_LETTER } from '../fixtures/scan/letters';
import { ADMIN, FRONT_DESK, addUsers, apiCall, setupOffice, switchUser, watchErrors } from './desk';
import { expect, test } from './fixtures';
import { daysAgo } from './helpers';

const SHOTS = process.env.LOKET_SHOTS6 ?? '/tmp/shots6';

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

interface LetterDto {
  id: number;
  agendaNumber: string;
  attachments: Array<{ sha256: string; name: string; mime: string }>;
}

async function downloadScan(page: Page, sha256: string): Promise<Buffer> {
  const file = await apiCall<{ dataBase64: string; mime: string }>(page, 'attachments.get', { sha256 });
  expect(file.mime).toBe('application/pdf');
  return Buffer.from(file.dataBase64, 'base64');
}

/** The rest of the form: sender, letter data, service and code. */
async function fillLetter(page: Page, subject: string): Promise<void> {
  const sender = page.getByRole('combobox', { name: /Pengirim/ });
  await sender.fill('pendidikan');
  await expect(page.getByRole('option', { name: /Dinas Pendidikan/ })).toBeVisible();
  await sender.press('Enter');
  await page.getByLabel('Nomor surat').fill('421.5/77/Disdik/XI/2026');
  await page.getByLabel('Tanggal surat').fill(daysAgo(1));
  await page.getByLabel('Perihal').fill(subject);
  await page.getByLabel('Layanan yang diminta').selectOption('hosting');
  await page.getByLabel('Kode klasifikasi').selectOption('500.12');
}

// SANE's "test" backend is commented out in Debian's dll.conf: a configuration of our own enables
// it for the host the fixture starts, with a slow read so the dialog can be seen mid-scan.
const saneDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-e2e-sane-'));
fs.writeFileSync(path.join(saneDir, 'dll.conf'), 'test\n');
fs.writeFileSync(path.join(saneDir, 'test.conf'), 'test-picture "Color pattern"\nread-limit true\nread-limit-size 8192\nread-delay true\nread-delay-duration 40000\n');
let savedSaneDir: string | undefined;
test.beforeAll(() => {
  savedSaneDir = process.env.SANE_CONFIG_DIR;
  process.env.SANE_CONFIG_DIR = saneDir;
});
test.afterAll(() => {
  if (savedSaneDir === undefined) delete process.env.SANE_CONFIG_DIR;
  else process.env.SANE_CONFIG_DIR = savedSaneDir;
  fs.rmSync(saneDir, { recursive: true, force: true });
});

test('pindai dari pengumpan pemindai uji, atur halaman, surat tercatat dengan PDF 3 halaman', async ({ page }) => {
  test.skip(!hasTool('scanimage', '-V'), 'scanimage (paket sane-utils) belum terpasang; .ci/run memasangnya.');
  const errors = watchErrors(page);
  await setupOffice(page);
  await addUsers(page, [FRONT_DESK]);
  await switchUser(page, FRONT_DESK);

  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { name: 'Catat Surat Masuk' })).toBeVisible();
  await page.getByRole('button', { name: 'Pindai…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pindai surat' });
  const device = dialog.getByLabel('Pemindai');
  await expect(device).toBeVisible({ timeout: 15_000 });
  await expect(device.locator('option')).toHaveText([/test:0/, /test:1/]);
  await device.selectOption('test:0');
  await expect(dialog.getByLabel('Sumber kertas')).toBeVisible();
  await dialog.getByLabel('Sumber kertas').selectOption('ADF');
  await dialog.getByLabel('Mode warna').selectOption('Color');
  await dialog.getByLabel('Resolusi').selectOption('75');
  await dialog.getByLabel('Nama berkas (boleh kosong)').fill('surat-disdik-pindai');
  // The feeder holds 10 sheets; the clerk takes 6. A limit the scanner cannot take is named first.
  const limit = dialog.getByLabel('Jumlah lembar (boleh kosong)');
  await limit.fill('0');
  await expect(dialog.getByText('Isi dengan angka 1–500, atau kosongkan untuk semua lembar.')).toBeVisible();
  await limit.fill('6');
  await expect(dialog.getByText('Isi dengan angka 1–500, atau kosongkan untuk semua lembar.')).toBeHidden();
  await dialog.getByRole('button', { name: 'Mulai memindai' }).click();

  // Mid-scan: the pages are counted as they come; the dialog stays until the PDF is made.
  await expect(dialog.getByText(/^Halaman [2-9] terpindai…$/)).toBeVisible({ timeout: 15_000 });
  await expect(dialog.getByRole('button', { name: 'Batalkan pemindaian' })).toBeVisible();
  await shot(page, '01-pindai-berjalan');
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const scans = page.getByRole('list', { name: 'Berkas pindaian' });
  await expect(scans.getByRole('listitem')).toHaveCount(1);
  await expect(scans).toContainText('surat-disdik-pindai.pdf');
  await expect(scans).toContainText('Hasil pindai, 6 halaman');

  // Atur halaman: keep 3 of the 6 scanned pages, in a new order, one turned.
  await page.getByRole('button', { name: 'Atur halaman…' }).click();
  const editor = page.getByRole('dialog', { name: 'Atur halaman pindaian' });
  const tiles = editor.locator('.page-tile');
  await expect(tiles).toHaveCount(6);
  await expect(tiles.first().locator('img')).toBeVisible();
  for (let n = 6; n >= 4; n--) await editor.getByRole('button', { name: `Buang Halaman ${n} (hal. asli ${n})` }).click();
  await expect(editor.getByText('3 halaman akan digabung, 3 dibuang.')).toBeVisible();
  // Keyboard: Alt+→ on the first page moves it after the second (2, 1, 3).
  await editor.getByRole('listitem', { name: 'Halaman 1 (hal. asli 1)' }).focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(tiles.nth(1)).toHaveAccessibleName('Halaman 2 (hal. asli 1)');
  await expect(tiles.nth(1)).toBeFocused();
  // Drag and drop: the third page onto the first place (3, 2, 1).
  await editor.getByRole('listitem', { name: 'Halaman 3 (hal. asli 3)' }).dragTo(editor.getByRole('listitem', { name: 'Halaman 1 (hal. asli 2)' }));
  await expect(tiles.nth(0)).toHaveAccessibleName('Halaman 1 (hal. asli 3)');
  await expect(tiles.nth(2)).toHaveAccessibleName('Halaman 3 (hal. asli 1)');
  // The buttons: turn the (new) first page, and move the last one left and back again.
  await editor.getByRole('button', { name: 'Putar Halaman 1 (hal. asli 3) 90°' }).click();
  await expect(tiles.nth(0)).toHaveAccessibleName('Halaman 1 (hal. asli 3), diputar 90°');
  await editor.getByRole('button', { name: 'Geser Halaman 3 (hal. asli 1) ke kiri' }).click();
  await editor.getByRole('button', { name: 'Geser Halaman 2 (hal. asli 1) ke kanan' }).click();
  await expect(tiles.nth(2)).toHaveAccessibleName('Halaman 3 (hal. asli 1)');
  await shot(page, '02-atur-halaman');
  await editor.getByRole('button', { name: 'Gabungkan jadi satu PDF' }).click();
  await expect(editor).toBeHidden();
  await expect(scans.getByRole('listitem')).toHaveCount(1);
  await expect(scans).toContainText('Halaman tersusun, 3 halaman');

  // OCR runs in the background and never holds the form: fill it and save at once.
  await fillLetter(page, 'Permohonan hosting aplikasi PPDB (hasil pindai)');
  await page.getByRole('button', { name: 'Simpan ke buku agenda' }).scrollIntoViewIfNeeded();
  await shot(page, '03-catat-dengan-pindaian');
  await page.getByRole('button', { name: 'Simpan ke buku agenda' }).click();
  await expect(page.getByText(/Surat tercatat dengan nomor agenda/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Pindaian (1)' })).toBeVisible();
  const letterId = Number(/#\/surat\/(\d+)/.exec(page.url())?.[1]);
  const letter = await apiCall<LetterDto>(page, 'letters.get', { id: letterId });
  expect(letter.attachments).toHaveLength(1);
  expect(letter.attachments[0]?.name).toBe('surat-disdik-pindai.pdf');
  const info = pdfInfo(await downloadScan(page, letter.attachments[0]?.sha256 ?? ''));
  expect(info.pages).toBe(3);
  expect(info.sizes.map((s) => s.rot)).toEqual([90, 0, 0]);
  expect(errors).toEqual([]);
});

test('berkas di folder pindaian masuk kotak masuk, dicatat sebagai surat baru dengan saran OCR, berkas kedua dilampirkan', async ({ page }) => {
  const errors = watchErrors(page);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-e2e-folder-'));
  try {
    await setupOffice(page);
    await addUsers(page, [FRONT_DESK]);

    // The administrator sets the scan folder.
    await page.getByRole('link', { name: 'Folder pindaian' }).click();
    await expect(page.getByRole('heading', { name: 'Folder pindaian' })).toBeVisible();
    await expect(page.getByText('Folder pindaian belum diatur: tidak ada folder yang dipantau.')).toBeVisible();
    await page.getByLabel('Lokasi folder').fill('pindaian');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await expect(page.locator('#scan-folder-error')).toHaveText('Lokasi folder harus lengkap (absolut).');
    await page.getByLabel('Lokasi folder').fill(folder);
    await page.getByLabel('Periksa folder secara berkala').check();
    await page.getByLabel('Selang pemeriksaan (detik)').fill('0,5');
    await page.getByLabel('Tunggu berkas selesai ditulis (detik)').fill('0,5');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await expect(page.getByText('Tersimpan. Folder pindaian dipantau mulai sekarang.')).toBeVisible();
    await expect(page.getByText(/sedang dipantau \(diperiksa setiap 0,5 detik\)/)).toBeVisible();
    // Too big for the register: refused, and listed in the settings.
    fs.writeFileSync(path.join(folder, 'terlalu-besar.pdf'), Buffer.alloc(26 * 1024 * 1024));
    await switchUser(page, FRONT_DESK);

    // The copier drops a letter (a recent one: the form refuses future dates).
    const letterDate = daysAgo(2);
    const letterText = { ...PPDB_LETTER, date: formatDateId(letterDate), number: '005/321/Disdik/XI/2026' };
    const pdf = await letterPdf(letterText);
    const half = Math.floor(pdf.length / 2);
    fs.writeFileSync(path.join(folder, 'surat-disdik.pdf'), pdf.subarray(0, half));
    await new Promise((r) => setTimeout(r, 300));
    fs.appendFileSync(path.join(folder, 'surat-disdik.pdf'), pdf.subarray(half));

    const navInbox = page.getByRole('link', { name: /Kotak masuk pindaian/ });
    await navInbox.click();
    await expect(page.getByRole('heading', { name: 'Kotak masuk pindaian' })).toBeVisible();
    const item = page.locator('.inbox-item', { hasText: 'surat-disdik.pdf' });
    await expect(item).toBeVisible({ timeout: 15_000 });
    await expect(item.getByRole('img', { name: 'Halaman pertama surat-disdik.pdf' })).toBeVisible();
    await expect(navInbox.locator('.nav-count')).toHaveText('1');
    await shot(page, '04-kotak-masuk');

    // "Catat sebagai surat baru": the form opens with the file; what the clerk typed stays.
    await item.getByRole('button', { name: 'Catat surat-disdik.pdf sebagai surat baru' }).click();
    await expect(page.getByRole('heading', { name: 'Catat Surat Masuk' })).toBeVisible();
    const scans = page.getByRole('list', { name: 'Berkas pindaian' });
    await expect(scans).toContainText('surat-disdik.pdf');
    await expect(scans).toContainText('Dari kotak masuk pindaian');
    await page.getByLabel('Perihal').fill('Hosting PPDB');
    const useNumber = page.getByRole('button', { name: `Pakai saran Nomor surat: ${letterText.number}` });
    await expect(useNumber).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: `Pakai saran Perihal: ${letterText.subject}` })).toBeVisible();
    await expect(page.getByRole('button', { name: `Pakai saran Tanggal surat: ${formatDateId(letterDate)}` })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Pakai saran Pengirim: Dinas Pendidikan (OPD terdaftar)' })).toBeVisible();
    await expect(page.getByLabel('Perihal')).toHaveValue('Hosting PPDB');
    await expect(page.getByLabel('Nomor surat')).toHaveValue('');
    await shot(page, '05-saran-ocr');
    await useNumber.click();
    await expect(page.getByLabel('Nomor surat')).toHaveValue(letterText.number);
    await expect(useNumber).toBeHidden();
    await page.getByRole('button', { name: 'Pakai semua' }).click();
    await expect(page.getByLabel('Perihal')).toHaveValue(letterText.subject);
    await expect(page.getByLabel('Tanggal surat')).toHaveValue(letterDate);
    await expect(page.getByRole('combobox', { name: /Pengirim/ })).toHaveValue('Dinas Pendidikan');
    await expect(page.getByText('Isian sudah sesuai saran dari pindaian.')).toBeVisible();
    await page.getByLabel('Kode klasifikasi').selectOption('500.12');
    await page.getByRole('button', { name: 'Simpan ke buku agenda' }).click();
    await expect(page.getByText(/Surat tercatat dengan nomor agenda/)).toBeVisible();
    const agendaNumber = (await page.locator('#letter-title').innerText()).trim();

    // The inbox is empty again; the file is listed as attached to the letter.
    await navInbox.click();
    await expect(page.getByText('Tidak ada pindaian baru.')).toBeVisible();
    await expect(navInbox.locator('.nav-count')).toHaveCount(0);
    await page.getByRole('tab', { name: /Sudah dilampirkan/ }).click();
    await expect(page.locator('.inbox-item', { hasText: 'surat-disdik.pdf' })).toContainText(`Dilampirkan pada surat ${agendaNumber}`);
    await page.getByRole('tab', { name: /Baru/ }).click();

    // A second page arrives as an image: "Lampirkan ke surat…" the letter just registered.
    fs.writeFileSync(path.join(folder, 'lampiran.png'), pdfToPng(pdf, 40));
    const second = page.locator('.inbox-item', { hasText: 'lampiran.png' });
    await expect(second).toBeVisible({ timeout: 15_000 });
    await second.getByRole('button', { name: 'Lampirkan lampiran.png ke surat…' }).click();
    const attach = page.getByRole('dialog', { name: 'Lampirkan ke surat' });
    await attach.getByLabel('Cari surat').fill(letterText.number);
    await attach.getByRole('radio', { name: new RegExp(agendaNumber.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')) }).check();
    await shot(page, '06-lampirkan-ke-surat');
    await attach.getByRole('button', { name: 'Lampirkan' }).click();
    await expect(page.getByText(`lampiran.png dilampirkan pada surat ${agendaNumber}.`)).toBeVisible();
    await page.getByRole('link', { name: 'Buka surat' }).click();
    await expect(page.getByRole('heading', { name: 'Pindaian (2)' })).toBeVisible();

    // The files the folder refused are listed for the administrator.
    await switchUser(page, ADMIN);
    await page.keyboard.press('Alt+P');
    await page.getByRole('link', { name: 'Folder pindaian' }).click();
    await expect(page.getByRole('row', { name: /terlalu-besar\.pdf/ })).toContainText('Lebih besar dari 25 MB.');
    await page.setViewportSize({ width: 1366, height: 1250 });
    await shot(page, '07-pengaturan-folder');
    expect(errors).toEqual([]);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
