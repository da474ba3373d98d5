/**
 * Issue 4's acceptance test: SOP A (Pekalongan, Pelayanan Hosting — the default SOP of "Hosting")
 * from the letter to the dokumen hak akses hosting and the Berita Acara Serah Terima of a new
 * subdomain, carried by five logged-in users in Chromium:
 * - the administrator sets up the office, the parent domain, an IP pool and a server
 *   (Pengaturan → Hosting), and the users;
 * - the front desk registers the letter and completes step 2; the Kadis disposes to the Kabid (3),
 *   the Kabid to the technical officer (4);
 * - the technical officer completes 5, records the hosting data at 6 (subdomain ppdb, the suggested
 *   IP, the web-panel user, a generated password) and makes the laporan; the Kabid completes 7;
 * - the Kadis makes the access document and the BAST, approves both ("Sahkan"), completes 8, and
 *   prints both to the cups-pdf printer VirtualPDF, whose output is read back with pdftotext;
 * - Periksa dokumen says the downloaded approved access document is "Sah" and the same file with
 *   one changed byte "TIDAK SAMA";
 * - the register refuses a duplicate subdomain and an address in use next to their fields.
 * Screenshots go to /tmp/shots4 (LOKET_SHOTS4).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  ADMIN,
  FRONT_DESK,
  KABID,
  KADIS,
  KEAMANAN,
  TEKNIS,
  addUsers,
  chooseServiceSop,
  completeStep,
  dispose,
  expectCurrentStep,
  openFromQueue,
  panel,
  registerLetter,
  setupOffice,
  switchUser,
  watchErrors,
} from './desk';
import { makePdf } from './helpers';

const SHOTS = process.env.LOKET_SHOTS4 ?? '/tmp/shots4';
const PRINTER = 'VirtualPDF';
/** Where cups-pdf writes the jobs of the user running the test (and Loket): ~/PDF by default. */
const CUPS_PDF_DIR = process.env.LOKET_CUPS_PDF_DIR ?? path.join(os.homedir(), 'PDF');

const LETTER = { letterNumber: '421.5/1402/Disdik/XI/2026', subject: 'Permohonan hosting dan subdomain aplikasi PPDB' };
const PARENT = 'pekalongankota.go.id';
const FQDN = `ppdb.${PARENT}`;
const PANEL_USER = 'disdik_ppdb';

async function shot(page: Page, name: string, height?: number): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const size = page.viewportSize();
  if (height && size) await page.setViewportSize({ width: size.width, height });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  if (height && size) await page.setViewportSize(size);
}

/** Scrolls the desk's content area so that `target` is at its top. */
async function scrollTo(target: Locator): Promise<void> {
  await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

function printerInstalled(): boolean {
  try {
    return execFileSync('lpstat', ['-e'], { encoding: 'utf8', timeout: 10_000 })
      .split('\n')
      .map((l) => l.trim())
      .includes(PRINTER);
  } catch {
    return false;
  }
}

function pdfsIn(dir: string): Set<string> {
  try {
    return new Set(fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.pdf')));
  } catch {
    return new Set();
  }
}

/** Waits (up to 30 s) until `count` new PDF files are in the cups-pdf folder and stopped growing. */
async function waitForPrints(before: Set<string>, count: number): Promise<string[]> {
  const deadline = Date.now() + 30_000;
  let sizes = new Map<string, number>();
  for (;;) {
    const fresh = [...pdfsIn(CUPS_PDF_DIR)].filter((f) => !before.has(f)).map((f) => path.join(CUPS_PDF_DIR, f));
    const now = new Map(fresh.map((f) => [f, fs.statSync(f).size]));
    const stable = fresh.length >= count && fresh.every((f) => (now.get(f) ?? 0) > 0 && now.get(f) === sizes.get(f));
    if (stable) return fresh;
    if (Date.now() > deadline) {
      throw new Error(`Dalam 30 detik hanya ${fresh.length} dari ${count} berkas cetak baru muncul di ${CUPS_PDF_DIR} (printer ${PRINTER}).`);
    }
    sizes = now;
    await new Promise((r) => setTimeout(r, 700));
  }
}

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');

function renderPng(file: string, name: string): void {
  fs.mkdirSync(SHOTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '50', file, path.join(SHOTS, name)]);
}

/** One byte changed in the middle of the first page-content stream (not fonts, images, metadata). */
function flipByteInStream(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/<<([^>]*(?:>(?!>)[^>]*)*)>>\s*stream\r?\n/g)) {
    if (/\/Length1|\/Subtype|\/Type/.test(m[1] ?? '')) continue;
    const start = (m.index ?? 0) + m[0].length;
    const end = text.indexOf('endstream', start);
    const copy = Buffer.from(pdf);
    const middle = Math.floor((start + end) / 2);
    copy[middle] = (copy[middle] ?? 0) ^ 0x01;
    return copy;
  }
  throw new Error('Tidak ada aliran isi di PDF.');
}

function docs(page: Page): Locator {
  return page.locator('.hosting-docs');
}

function docItem(page: Page, typeLabel: string): Locator {
  return docs(page).locator('.doc-item').filter({ has: page.locator('.eyebrow', { hasText: typeLabel }) });
}

async function createDocument(page: Page, label: string): Promise<Locator> {
  await docs(page).getByLabel('Jenis dokumen baru').selectOption({ label });
  await docs(page).getByRole('button', { name: 'Buat dokumen' }).click();
  return docs(page).getByRole('form', { name: `Buat ${label.toLowerCase()}` });
}

async function approve(page: Page, typeLabel: string): Promise<void> {
  const item = docItem(page, typeLabel);
  await item.getByRole('button', { name: 'Sahkan' }).click();
  await item.getByRole('button', { name: 'Ya, sahkan versi 1' }).click();
  await expect(docs(page).getByText(new RegExp(`${typeLabel} .* versi 1 disahkan\\.`))).toBeVisible();
  await expect(item.getByRole('row', { name: /Versi 1/ }).locator('.badge')).toHaveText('Disahkan');
}

async function printVersion(page: Page, typeLabel: string): Promise<void> {
  const item = docItem(page, typeLabel);
  await item.getByRole('button', { name: /^Cetak .* versi 1$/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Printer')).toBeVisible();
  await dialog.getByLabel('Printer').selectOption(PRINTER);
  await dialog.getByLabel('Jumlah salinan').fill('1');
  await dialog.getByRole('button', { name: 'Cetak', exact: true }).click();
  await expect(dialog.getByText(new RegExp(`Terkirim ke printer ${PRINTER}`))).toBeVisible();
  await dialog.getByRole('button', { name: 'Tutup' }).click();
  await expect(dialog).toHaveCount(0);
}

async function verify(page: Page, name: string, data: Buffer): Promise<Locator> {
  await page.locator('#verify-file').setInputFiles({ name, mimeType: 'application/pdf', buffer: data });
  const verdict = page.locator('.verdict');
  await expect(verdict).toBeVisible();
  return verdict;
}

test('SOP A: surat sampai dokumen hak akses dan BAST, disahkan, dicetak ke cups-pdf, diperiksa', async ({ page, loket }) => {
  test.setTimeout(300_000);
  if (!printerInstalled()) {
    const message = `Printer virtual ${PRINTER} (cups-pdf) tidak terpasang: \`lpstat -e\` tidak menyebutnya. Pasang dengan .ci/run atau: lpadmin -p ${PRINTER} -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd -E`;
    if (process.env.CI) throw new Error(message);
    test.skip(true, message);
  }
  const errors = watchErrors(page);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-e2e-sop-a-'));

  // ---- The administrator: office, Pengaturan → Hosting, Penomoran dokumen, users.
  await setupOffice(page);
  await page.keyboard.press('Alt+P');
  await page.getByRole('navigation', { name: 'Bagian pengaturan' }).getByRole('link', { name: 'Hosting', exact: true }).click();
  const settings = page.getByRole('form', { name: 'Pengaturan hosting' });
  await settings.getByRole('button', { name: '+ Tambah domain induk' }).click();
  await settings.getByLabel('Domain induk 1', { exact: true }).fill('https://pekalongankota.go.id');
  await settings.getByRole('button', { name: '+ Tambah kumpulan' }).click();
  await settings.getByLabel('Nama kumpulan 1', { exact: true }).fill('DMZ server aplikasi');
  await settings.getByLabel('Blok CIDR kumpulan 1', { exact: true }).fill('10.10.1.0/24');
  await settings.getByLabel('Alamat dicadangkan kumpulan 1', { exact: true }).fill('10.10.1.1');
  await settings.getByRole('button', { name: '+ Tambah server' }).click();
  await settings.getByLabel('Nama server 1', { exact: true }).fill('srv-web-01');
  await settings.getByLabel('Catatan server 1', { exact: true }).fill('Ruang server Diskominfo, cPanel');
  // A parent domain written as an address is refused next to its field.
  await settings.getByRole('button', { name: 'Simpan pengaturan hosting' }).click();
  await expect(settings.locator('#hset-domain-0-error')).toContainText('tanpa "https://"');
  await settings.getByLabel('Domain induk 1', { exact: true }).fill(PARENT);
  await settings.getByRole('button', { name: 'Simpan pengaturan hosting' }).click();
  await expect(settings.getByText('Pengaturan hosting tersimpan.')).toBeVisible();
  await expect(settings.locator('.cell-sub').first()).toContainText('IPv4 · 10.10.1.1 – 10.10.1.254 · 0 dari 254 alamat terpakai');
  await page.locator('.content').evaluate((el) => el.scrollTo({ top: 0 }));
  await shot(page, '10-pengaturan-hosting', 1250);

  await page.getByRole('navigation', { name: 'Bagian pengaturan' }).getByRole('link', { name: 'Penomoran dokumen' }).click();
  const numbering = page.getByRole('form', { name: 'Penomoran dokumen' });
  const year = new Date().getFullYear();
  await expect(numbering.locator('.next-number').first()).toContainText(`500.12/001/Diskominfo/${year}`);
  await numbering.locator('#dt-bast-format').fill('{kode}/BAST-{urut:3}/{unit}/{bulan_romawi}/{tahun}');
  await expect(numbering.locator('.next-number').nth(2)).toContainText(new RegExp(`500\\.12/BAST-001/Diskominfo/[IVX]+/${year}`));
  await numbering.locator('#dt-bast-format').fill('{kode}/BAST-{nomor}/{tahun}');
  await expect(numbering.locator('#dt-bast-format-error')).toContainText('Bagian format tidak dikenal: {nomor}');
  await numbering.locator('#dt-bast-format').fill('{kode}/BAST-{urut:3}/{unit}/{tahun}');
  await numbering.getByRole('button', { name: 'Simpan penomoran' }).click();
  await expect(numbering.getByText('Penomoran dokumen tersimpan.')).toBeVisible();
  await page.locator('.content').evaluate((el) => el.scrollTo({ top: 0 }));
  await shot(page, '11-pengaturan-penomoran', 1150);

  await addUsers(page, [FRONT_DESK, KADIS, KABID, TEKNIS]);

  // ---- Front desk: the letter; SOP A is the default of "Hosting"; step 2.
  await switchUser(page, FRONT_DESK);
  await registerLetter(page, LETTER);
  await expect(panel(page).getByRole('heading', { name: /Pelayanan Hosting/ })).toBeVisible();
  await completeStep(page, '2', 'Surat diserahkan kepada Kepala Dinas.');

  // ---- Kadis → Kabid (3), Kabid → technical officer (4).
  await switchUser(page, KADIS);
  await openFromQueue(page, LETTER.subject);
  await dispose(page, '3', KABID.fullName);
  await switchUser(page, KABID);
  await openFromQueue(page, LETTER.subject);
  await dispose(page, '4', TEKNIS.fullName);

  // ---- Technical officer: 5, then the hosting record and the laporan at 6.
  await switchUser(page, TEKNIS);
  await openFromQueue(page, LETTER.subject);
  await completeStep(page, '5', 'Surat permohonan lengkap.');
  await expectCurrentStep(page, '6');
  await docs(page).getByRole('button', { name: 'Isi data hosting' }).click();
  const form = page.getByRole('form', { name: /Data hosting — langkah 6/ });
  await expect(form.getByLabel('OPD pemilik')).toHaveValue(/\d+/);
  await expect(form.getByLabel('OPD pemilik').locator('option:checked')).toHaveText(/Dinas Pendidikan/);
  await expect(form.getByLabel('Domain induk')).toHaveValue(PARENT);
  await form.getByLabel('Nama aplikasi / situs').fill('PPDB Online Dinas Pendidikan');
  // The label is checked while typing: a reserved name, then one with a dot.
  await form.getByLabel('Nama subdomain').fill('www');
  await expect(form.locator('#hs-subdomain-error')).toContainText('dicadangkan');
  await form.getByLabel('Nama subdomain').fill('ppdb.pekalongankota.go.id');
  await expect(form.locator('#hs-subdomain-error')).toContainText('tanpa titik');
  await form.getByLabel('Nama subdomain').fill('ppdb');
  await expect(form.locator('#hs-subdomain-error')).toHaveCount(0);
  await expect(form.locator('.fqdn-preview')).toContainText(`Alamat lengkap: ${FQDN}`);
  await form.getByRole('button', { name: 'Sarankan IP' }).click();
  await expect(form.getByLabel('Alamat IP 1')).toHaveValue('10.10.1.2');
  const ip = await form.getByLabel('Alamat IP 1').inputValue();
  await expect(form.getByLabel('Server')).toHaveValue(/\d+/);
  await form.getByLabel('Teknologi (stack)').fill('PHP 8.2, Laravel 11');
  await form.getByLabel('Basis data').fill('MariaDB 10.11');
  await form.getByLabel('Alamat web panel').fill('https://panel.pekalongankota.go.id:2083');
  await form.getByLabel('Nama pengguna web panel').fill(PANEL_USER);
  await form.getByLabel('Nama kontak teknis').fill('Agus Salim');
  await form.getByLabel('Telepon kontak teknis').fill('0812-2900-1122');
  await expect(form.getByLabel('Buat otomatis (ditampilkan sekali)')).toBeChecked();
  await shot(page, '12-form-hosting-langkah-6', 1400);
  await form.getByRole('button', { name: 'Simpan sistem' }).click();
  await expect(docs(page).getByText(`Data hosting ${FQDN} tersimpan.`)).toBeVisible();
  const password = (await docs(page).locator('.generated-password .password-value').innerText()).trim();
  expect(password).toMatch(/^\S{16}$/);
  await expect(docs(page).locator('.system-list')).toContainText(FQDN);
  await expect(docs(page).locator('.system-list')).toContainText(ip);

  const report = await createDocument(page, 'Laporan pembuatan domain dan hosting');
  await report.getByLabel('Keterangan').fill('Subdomain dan ruang hosting sudah disiapkan; akun web panel dibuat.');
  await report.getByRole('button', { name: 'Buat dokumen' }).click();
  await expect(docs(page).getByText(/Laporan pembuatan domain dan hosting dibuat dengan nomor 500\.12\/001\/Diskominfo\/\d{4}\./)).toBeVisible();
  await expect(docItem(page, 'Laporan pembuatan domain dan hosting').getByRole('row', { name: /Versi 1/ }).locator('.badge')).toHaveText('Konsep');
  // The technical officer may not make the access document (the Kadis's step).
  await expect(docs(page).getByLabel('Jenis dokumen baru').locator('option', { hasText: 'Dokumen hak akses hosting' })).toHaveCount(0);
  await completeStep(page, '6', 'Domain dan hosting siap; laporan terlampir.');

  // ---- Kabid: 7.
  await switchUser(page, KABID);
  await openFromQueue(page, LETTER.subject);
  await completeStep(page, '7', 'Mohon pengesahan dokumen hosting.');

  // ---- Kadis: the access document and the BAST, approved; 8; printed.
  await switchUser(page, KADIS);
  await openFromQueue(page, LETTER.subject);
  await expectCurrentStep(page, '8');
  const access = await createDocument(page, 'Dokumen hak akses hosting');
  await access.getByRole('button', { name: 'Buat dokumen' }).click();
  await expect(docs(page).getByText(/Dokumen hak akses hosting dibuat dengan nomor/)).toBeVisible();
  const bast = await createDocument(page, 'Berita Acara Serah Terima');
  await expect(bast.getByLabel('Pokok berita acara')).toHaveValue('PENGELOLAAN HOSTING DAN SUBDOMAIN');
  // PIHAK KEDUA without a name is refused next to the field.
  await bast.getByRole('button', { name: 'Buat dokumen' }).click();
  await expect(bast.locator('#doc-bast-second-name-error')).toContainText('Nama wajib diisi.');
  await bast.locator('#doc-bast-second-name').fill('Drs. SLAMET RIYADI, M.Pd.');
  await bast.locator('#doc-bast-second-nip').fill('19680512 199403 1 007');
  await bast.locator('#doc-bast-second-rank').fill('Pembina Utama Muda (IV/c)');
  await bast.locator('#doc-bast-second-position').fill('Kepala Dinas Pendidikan Kota Pekalongan');
  await bast.getByRole('button', { name: 'Buat dokumen' }).click();
  await expect(docs(page).getByText(new RegExp(`Berita Acara Serah Terima dibuat dengan nomor 500\\.12/BAST-001/Diskominfo/${year}\\.`))).toBeVisible();

  await approve(page, 'Dokumen hak akses hosting');
  await approve(page, 'Berita Acara Serah Terima');
  await completeStep(page, '8', 'Dokumen hosting disahkan.');
  await expectCurrentStep(page, '9');

  await docItem(page, 'Dokumen hak akses hosting').getByRole('button', { name: /^Pratinjau .* versi 1$/ }).click();
  await expect(docs(page).locator('.pdf-preview iframe')).toBeVisible();
  await page.waitForTimeout(1200);
  await scrollTo(docs(page));
  await shot(page, '13-dokumen-disahkan', 1500);

  const before = pdfsIn(CUPS_PDF_DIR);
  await printVersion(page, 'Dokumen hak akses hosting');
  await printVersion(page, 'Berita Acara Serah Terima');
  const printed = await waitForPrints(before, 2);
  const texts = printed.map((f) => ({ file: f, text: pdfText(f) }));
  if (texts.every((t) => !/[A-Za-z]{4}/.test(t.text))) {
    throw new Error(
      `Cetakan ${PRINTER} tidak memuat teks yang dapat dibaca pdftotext (${printed.join(', ')}): konversi PDF→PostScript CUPS memakai Ghostscript. ` +
        `Atur: lpadmin -p ${PRINTER} -o pdftops-renderer-default=pdftocairo (.ci/run melakukannya).`,
    );
  }
  const accessPrint = texts.find((t) => t.text.includes(FQDN) && !t.text.includes('BERITA ACARA SERAH TERIMA'));
  const bastPrint = texts.find((t) => t.text.includes('BERITA ACARA SERAH TERIMA'));
  expect(accessPrint, `cetakan dokumen hak akses di antara ${printed.join(', ')}`).toBeTruthy();
  expect(bastPrint, `cetakan BAST di antara ${printed.join(', ')}`).toBeTruthy();
  if (!accessPrint || !bastPrint) return;
  expect(accessPrint.text).toContain(FQDN);
  expect(accessPrint.text).toContain(ip);
  expect(accessPrint.text).toContain(PANEL_USER);
  expect(accessPrint.text).toContain(password);
  expect(bastPrint.text).toContain('BERITA ACARA SERAH TERIMA');
  expect(bastPrint.text).toContain('PIHAK PERTAMA');
  expect(bastPrint.text).toContain('PIHAK KEDUA');
  expect(bastPrint.text).toContain('SLAMET RIYADI');
  renderPng(accessPrint.file, 'cetak-hak-akses');
  renderPng(bastPrint.file, 'cetak-bast');
  // The prints carry the password: keep only their pictures.
  for (const f of printed) fs.rmSync(f, { force: true });

  // Changing an approved document makes version 2, a draft that needs the Kadis again.
  const bastItem = docItem(page, 'Berita Acara Serah Terima');
  await bastItem.getByRole('button', { name: 'Ubah' }).click();
  const bastEdit = bastItem.getByRole('form', { name: /^Ubah berita acara serah terima 500\.12\/BAST-001/ });
  await expect(bastEdit.getByText('Versi 1 sudah disahkan.', { exact: false })).toBeVisible();
  await expect(bastEdit.locator('#doc-bast-second-name')).toHaveValue('Drs. SLAMET RIYADI, M.Pd.');
  await bastEdit.getByLabel('Dibuat rangkap').fill('3');
  await bastEdit.getByRole('button', { name: 'Simpan sebagai versi baru' }).click();
  await expect(docs(page).getByText('Berita Acara Serah Terima 500.12/BAST-001/Diskominfo/' + year + ' versi 2 tersimpan; menunggu pengesahan Kepala Dinas.')).toBeVisible();
  await expect(bastItem.getByRole('row', { name: 'Versi 2' }).locator('.badge')).toHaveText('Konsep');
  await expect(bastItem.getByRole('row', { name: 'Versi 1' }).locator('.badge')).toHaveText('Disahkan');
  await expect(bastItem.getByRole('button', { name: 'Sahkan' })).toBeVisible();

  // The approved access document, saved as PDF.
  const downloadPromise = page.waitForEvent('download');
  await docItem(page, 'Dokumen hak akses hosting').getByRole('button', { name: /^Simpan PDF .* versi 1$/ }).click();
  const download = await downloadPromise;
  const saved = path.join(tmp, download.suggestedFilename());
  await download.saveAs(saved);
  const approvedPdf = fs.readFileSync(saved);
  expect(approvedPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  renderPng(saved, 'unduhan-hak-akses');
  const bastDownload = page.waitForEvent('download');
  await docItem(page, 'Berita Acara Serah Terima').getByRole('button', { name: /^Simpan PDF .* versi 1$/ }).click();
  const bastFile = path.join(tmp, (await bastDownload).suggestedFilename());
  await (await bastDownload).saveAs(bastFile);
  renderPng(bastFile, 'unduhan-bast');

  // ---- Periksa dokumen: the approved file is Sah; one changed byte is TIDAK SAMA.
  await page.getByRole('link', { name: 'Periksa dokumen' }).click();
  await expect(page.getByRole('heading', { name: 'Periksa dokumen' })).toBeVisible();
  const ok = await verify(page, download.suggestedFilename(), approvedPdf);
  await expect(ok).toHaveClass(/verdict--ok/);
  await expect(ok.locator('.verdict-title')).toContainText(/^.?Sah: sama dengan Dokumen hak akses hosting Nomor 500\.12\/001\/Diskominfo\/\d{4} versi 1 yang disahkan oleh (ARIF KARYADI, S\.Sos|Arif Karyadi) pada \d+ \w+ \d{4} pukul/);
  await shot(page, '14-periksa-sah');
  const bad = await verify(page, 'hak-akses-diubah.pdf', flipByteInStream(approvedPdf));
  await expect(bad).toHaveClass(/verdict--bad/);
  await expect(bad.locator('.verdict-title')).toContainText('TIDAK SAMA dengan dokumen yang disahkan');
  await expect(bad.locator('.verdict-message')).toContainText('1 bita berbeda');
  await shot(page, '15-periksa-tidak-sama');

  // ---- The register: list, the system's page, and the refusals (as the administrator).
  await switchUser(page, ADMIN);
  await page.getByRole('link', { name: 'Sistem yang dihosting' }).click();
  await expect(page.getByRole('heading', { name: 'Sistem yang dihosting' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(FQDN.replace(/\./g, '\\.')) });
  await expect(row).toContainText('PPDB Online Dinas Pendidikan');
  await expect(row).toContainText('Dinas Pendidikan');
  await expect(row).toContainText(ip);
  await expect(row).toContainText('srv-web-01');
  await expect(row.locator('.badge')).toHaveText('Aktif');
  await page.getByLabel('Status').selectOption('ditangguhkan');
  await expect(page.getByText('Tidak ada sistem yang cocok.')).toBeVisible();
  await page.getByLabel('Status').selectOption('');
  await page.getByLabel('Cari').fill('10.10.1.2');
  await expect(row).toBeVisible();
  await shot(page, '16-daftar-hosting');

  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { name: FQDN })).toBeVisible();
  await expect(page.locator('.hosting-detail')).toContainText(PANEL_USER);
  await expect(page.getByRole('link', { name: /Surat \d+/ })).toBeVisible();
  await page.getByRole('button', { name: 'Tampilkan kata sandi' }).click();
  await expect(page.locator('.revealed-password .password-value')).toHaveText(password);
  await expect(page.locator('.revealed-password')).toContainText('tercatat di log audit');
  // Status with a reason; the history keeps it.
  await page.getByRole('button', { name: 'Ubah status' }).click();
  const statusForm = page.getByRole('form', { name: 'Ubah status' });
  await statusForm.getByRole('button', { name: 'Simpan status' }).click();
  await expect(statusForm.locator('#status-reason-error')).toHaveText('Tulis alasan perubahan status.');
  await statusForm.getByLabel('Alasan').fill('Pemeliharaan server terjadwal.');
  await statusForm.getByRole('button', { name: 'Simpan status' }).click();
  await expect(page.getByText('Status diubah menjadi ditangguhkan.')).toBeVisible();
  await page.getByRole('button', { name: 'Catat pemeliharaan' }).click();
  const maint = page.getByRole('form', { name: 'Catat pemeliharaan' });
  await maint.getByLabel('Uraian pekerjaan').fill('Pembaruan PHP 8.2.12 dan sertifikat TLS.');
  await maint.getByRole('button', { name: 'Simpan catatan' }).click();
  await expect(page.getByText('Pemeliharaan tercatat.')).toBeVisible();
  await page.locator('.content').evaluate((el) => el.scrollTo({ top: 0 }));
  await shot(page, '17-detail-hosting', 1300);

  // A duplicate subdomain and an address in use are refused next to their fields.
  await page.getByRole('link', { name: '← Sistem yang dihosting' }).click();
  await page.getByRole('link', { name: '+ Daftarkan sistem' }).click();
  const again = page.getByRole('form', { name: 'Daftarkan sistem yang dihosting' });
  await again.getByLabel('OPD pemilik').selectOption({ label: 'Dinas Pendidikan (Disdik)' });
  await again.getByLabel('Nama aplikasi / situs').fill('PPDB Online (duplikat)');
  await again.getByLabel('Nama subdomain').fill('PPDB');
  await expect(again.locator('.fqdn-preview')).toContainText(FQDN);
  await again.getByLabel('Alamat IP 1').fill(ip);
  await again.getByRole('radio', { name: 'Nanti saja' }).check();
  await again.getByRole('button', { name: 'Simpan sistem' }).click();
  await expect(again.locator('#hs-subdomain-error')).toHaveText(`Subdomain ${FQDN} sudah dipakai oleh PPDB Online Dinas Pendidikan (Dinas Pendidikan).`);
  await expect(again.locator('#hs-ip-0-error')).toContainText(`Alamat IP ${ip} sudah dipakai oleh PPDB Online Dinas Pendidikan`);
  await expect(again.getByLabel('Nama subdomain')).toBeFocused();
  await scrollTo(again);
  await shot(page, '18-form-subdomain-ganda', 1100);

  fs.rmSync(tmp, { recursive: true, force: true });
  expect(errors).toEqual([]);
  expect(loket.log()).not.toMatch(/Galat tak terduga/);
  expect(loket.log()).not.toContain(password);
});

test('SOP D: evaluasi keamanan di langkah 3 oleh petugas persandian, lalu data hosting di langkah 4', async ({ page, loket }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  const letter = { letterNumber: '005/91/Diskes/XI/2026', subject: 'Permohonan hosting aplikasi SIMPUS' };

  await setupOffice(page);
  await page.keyboard.press('Alt+P');
  await page.getByRole('navigation', { name: 'Bagian pengaturan' }).getByRole('link', { name: 'Hosting', exact: true }).click();
  const settings = page.getByRole('form', { name: 'Pengaturan hosting' });
  await settings.getByRole('button', { name: '+ Tambah domain induk' }).click();
  await settings.getByLabel('Domain induk 1', { exact: true }).fill('pontianak.go.id');
  await settings.getByRole('button', { name: '+ Tambah kumpulan' }).click();
  await settings.getByLabel('Nama kumpulan 1', { exact: true }).fill('Server aplikasi IPv6');
  await settings.getByLabel('Blok CIDR kumpulan 1', { exact: true }).fill('2001:db8:10::/64');
  await settings.getByRole('button', { name: 'Simpan pengaturan hosting' }).click();
  await expect(settings.getByText('Pengaturan hosting tersimpan.')).toBeVisible();
  await addUsers(page, [KADIS, KABID, TEKNIS, KEAMANAN]);
  await chooseServiceSop(page, 'Hosting', 'pontianak-hosting');
  await registerLetter(page, letter);

  await switchUser(page, KADIS);
  await openFromQueue(page, letter.subject);
  await dispose(page, '0', KABID.fullName);
  await switchUser(page, KABID);
  await openFromQueue(page, letter.subject);
  await dispose(page, '1', TEKNIS.fullName);
  await switchUser(page, TEKNIS);
  await openFromQueue(page, letter.subject);
  await completeStep(page, '2', 'File aplikasi diterima.');
  // Not the technical officer's step: no evaluation form, no hosting form.
  await expect(docs(page).getByRole('button', { name: 'Isi evaluasi keamanan' })).toHaveCount(0);
  await expect(docs(page).getByRole('button', { name: 'Isi data hosting' })).toHaveCount(0);

  await switchUser(page, KEAMANAN);
  await openFromQueue(page, letter.subject);
  await expectCurrentStep(page, '3');
  await docs(page).getByRole('button', { name: 'Isi evaluasi keamanan' }).click();
  const evaluation = docs(page).getByRole('form', { name: 'Evaluasi keamanan' });
  const rows = evaluation.locator('.checklist-table tbody tr');
  const count = await rows.count();
  for (let i = 0; i < count; i++) await rows.nth(i).getByLabel('Lulus').check();
  await rows.nth(7).getByLabel('Gagal').check();
  await rows.nth(7).getByRole('textbox').fill('Sertifikat TLS belum dipasang');
  await expect(evaluation.locator('.security-verdict')).toHaveText('Hasil: TIDAK LULUS (1 butir gagal).');
  await evaluation.getByRole('button', { name: 'Simpan evaluasi keamanan' }).click();
  await expect(evaluation.getByRole('alert')).toHaveText('Tulis temuan yang membuat evaluasi tidak lulus.');
  await rows.nth(7).getByLabel('Lulus').check();
  await expect(evaluation.locator('.security-verdict')).toHaveText('Hasil: LULUS evaluasi keamanan.');
  await evaluation.getByLabel('Temuan').fill('Sertifikat TLS dipasang saat evaluasi; tidak ada temuan lain.');
  await evaluation.locator('#sec-report').setInputFiles({ name: 'laporan-evaluasi.pdf', mimeType: 'application/pdf', buffer: makePdf('Laporan evaluasi keamanan SIMPUS') });
  await page.waitForTimeout(500);
  await scrollTo(docs(page).locator('.inline-panel'));
  await shot(page, '19-evaluasi-keamanan', 1200);
  await evaluation.getByRole('button', { name: 'Simpan evaluasi keamanan' }).click();
  await expect(docs(page).getByText('Evaluasi keamanan tersimpan.')).toBeVisible();
  await expect(docs(page).locator('.req-evaluations .evaluation')).toContainText('Lulus');
  await expect(docs(page).locator('.req-evaluations')).toContainText('Sertifikat TLS dipasang saat evaluasi');
  await completeStep(page, '3', 'Lulus evaluasi keamanan.');

  await switchUser(page, TEKNIS);
  await openFromQueue(page, letter.subject);
  await expectCurrentStep(page, '4');
  await docs(page).getByRole('button', { name: 'Isi data hosting' }).click();
  const form = page.getByRole('form', { name: /Data hosting — langkah 4/ });
  await form.getByLabel('Nama aplikasi / situs').fill('SIMPUS Dinas Kesehatan');
  await form.getByLabel('Nama subdomain').fill('simpus');
  await form.getByRole('button', { name: 'Sarankan IP' }).click();
  await expect(form.getByLabel('Alamat IP 1')).toHaveValue('2001:db8:10::1');
  await form.getByRole('radio', { name: 'Tulis sendiri' }).check();
  await form.getByLabel('Kata sandi', { exact: true }).fill('pendek');
  await form.getByRole('button', { name: 'Simpan sistem' }).click();
  await expect(form.locator('#hs-password-error')).toContainText('paling sedikit 12 karakter');
  await form.getByLabel('Kata sandi', { exact: true }).fill('Simpus-Pontianak-2026');
  await form.getByRole('button', { name: 'Simpan sistem' }).click();
  await expect(docs(page).getByText('Data hosting simpus.pontianak.go.id tersimpan.')).toBeVisible();
  await expect(docs(page).locator('.generated-password')).toHaveCount(0);
  await docs(page).getByRole('link', { name: 'simpus.pontianak.go.id' }).click();
  await expect(page.getByRole('heading', { name: 'simpus.pontianak.go.id' })).toBeVisible();
  await expect(page.locator('.head-badges')).toContainText('Lulus evaluasi');
  const security = page.getByRole('region', { name: 'Evaluasi keamanan' });
  await expect(security).toContainText(KEAMANAN.fullName);
  const downloadPromise = page.waitForEvent('download');
  await security.getByRole('button', { name: /Unduh laporan/ }).click();
  expect((await downloadPromise).suggestedFilename()).toBe('laporan-evaluasi.pdf');
  await page.getByRole('button', { name: 'Tampilkan kata sandi' }).click();
  await expect(page.locator('.revealed-password .password-value')).toHaveText('Simpus-Pontianak-2026');

  expect(errors).toEqual([]);
  expect(loket.log()).not.toMatch(/Galat tak terduga/);
});
