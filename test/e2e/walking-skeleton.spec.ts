/**
 * The walking skeleton, end to end in Chromium against the real browser host:
 * first-run setup → admin creates a front-desk user → front desk logs in, registers a letter from
 * an OPD with a scanned PDF → finds it in the Buku Agenda → opens it → saves its Lembar disposisi
 * as PDF, whose text must carry the agenda number, the sender and the letter's date in Indonesian.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { formatDateId } from '../../shared/domain/dates';
import { expect, test } from './fixtures';
import { daysAgo, LOGO_PNG, makePdf } from './helpers';

const SHOTS = process.env.LOKET_SHOTS ?? '/tmp/shots';

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

const ADMIN = { fullName: 'Bambang Setiawan', username: 'admin', password: 'rahasia-admin-1' };
const DESK = { fullName: 'Siti Aminah', username: 'siti', password: 'meja-depan-2026' };

async function apiCall(page: Page, name: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  const token = await page.evaluate(() => sessionStorage.getItem('loket.sesi'));
  const response = await page.request.post(`/api/${name}`, {
    data: input,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
}

async function completeSetup(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Penyiapan awal Loket' })).toBeVisible();
  await expect(page.getByLabel('Pemerintah daerah')).toBeFocused();

  // Step 1 checks itself: an empty required field is marked next to the field.
  await page.getByRole('button', { name: 'Lanjut →' }).click();
  await expect(page.locator('#office-government-error')).toHaveText('Nama pemerintah daerah wajib diisi.');
  await expect(page.getByLabel('Pemerintah daerah')).toBeFocused();
  await shot(page, '01-setup-profil-galat');

  await page.getByLabel('Pemerintah daerah').fill('Pemerintah Kota Pekalongan');
  await expect(page.getByLabel('Nama dinas')).toHaveValue('Dinas Komunikasi dan Informatika');
  await page.locator('#office-address').fill('Jl. Mataram No. 1');
  await page.getByLabel('Kode pos').fill('51111');
  await page.getByLabel('Telepon').fill('(0285) 421093');
  await page.getByLabel('Laman').fill('dinkominfo.pekalongankota.go.id');
  await page.getByLabel('Pos-el').fill('dinkominfo@pekalongankota.go.id');
  await page.getByLabel('Kota penulisan surat').fill('Pekalongan');
  await expect(page.getByLabel('Zona waktu')).toHaveValue('Asia/Jakarta');
  await page.getByLabel('Logo (kop surat)').setInputFiles({ name: 'logo-pekalongan.png', mimeType: 'image/png', buffer: LOGO_PNG });
  await expect(page.getByText('Terunggah: logo-pekalongan.png')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Pratinjau logo' })).toBeVisible();
  await expect(page.getByLabel('Format nomor agenda')).toHaveValue('{urut}/{kode}/{tahun}');
  await shot(page, '02-setup-profil');
  await page.getByRole('button', { name: 'Lanjut →' }).click();

  // Step 2: Kepala Dinas (Plt.) and one Kepala Bidang.
  await expect(page.getByRole('heading', { name: /Langkah 2 dari 5: Pejabat/ })).toBeVisible();
  await expect(page.locator('#kadis-title')).toHaveValue('Kepala Dinas Komunikasi dan Informatika');
  await page.locator('#kadis-name').fill('ARIF KARYADI, S.Sos');
  await page.locator('#kadis-rank').fill('Pembina Tk.I (IV/b)');
  await page.locator('#kadis-nip').fill('19711017 199903 1 007');
  await page.locator('#kadis-acting').check();
  await page.locator('#kabid-0-title').fill('Kepala Bidang Aplikasi dan Informatika');
  await page.locator('#kabid-0-unit').fill('Aplikasi dan Informatika');
  await page.locator('#kabid-0-name').fill('DWI PRASETYO, S.T., M.Kom');
  await page.locator('#kabid-0-rank').fill('Penata Tk.I (III/d)');
  await page.locator('#kabid-0-nip').fill('198003152005011002');
  await shot(page, '03-setup-pejabat');
  await page.getByRole('button', { name: 'Lanjut →' }).click();

  // Step 3: the OPD list, one typed in a row and one pasted.
  await expect(page.getByRole('heading', { name: /Langkah 3 dari 5: Daftar OPD/ })).toBeVisible();
  await page.getByLabel('Nama OPD baris 1').fill('Dinas Pendidikan');
  await page.getByLabel('Singkatan baris 1').fill('Disdik');
  await page.getByLabel('Tempel daftar, satu OPD per baris').fill('Badan Perencanaan Pembangunan Daerah (Bappeda)\nDinas Pendidikan');
  await page.getByRole('button', { name: 'Masukkan ke daftar' }).click();
  await expect(page.getByLabel('Nama OPD baris 2')).toHaveValue('Badan Perencanaan Pembangunan Daerah');
  await expect(page.getByLabel('Singkatan baris 2')).toHaveValue('Bappeda');
  await expect(page.getByLabel('Nama OPD baris 3')).toHaveCount(0);
  await shot(page, '04-setup-opd');
  await page.getByRole('button', { name: 'Lanjut →' }).click();

  // Step 4: the first administrator; a mistyped repeat is caught next to the field.
  await expect(page.getByRole('heading', { name: /Langkah 4 dari 5: Administrator/ })).toBeVisible();
  await page.getByLabel('Nama lengkap').fill(ADMIN.fullName);
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.locator('#admin-password').fill(ADMIN.password);
  await page.getByLabel('Ulangi kata sandi').fill('salah-ketik');
  await page.getByLabel('Ulangi kata sandi').press('Enter');
  await expect(page.locator('#admin-password2-error')).toHaveText('Ulangan kata sandi tidak sama.');
  await page.getByLabel('Ulangi kata sandi').fill(ADMIN.password);
  await page.getByLabel('Ulangi kata sandi').press('Enter');

  // Step 5: summary, then the one call.
  await expect(page.getByRole('heading', { name: /Langkah 5 dari 5: Selesai/ })).toBeVisible();
  await expect(page.getByText('Plt. Kepala Dinas Komunikasi dan Informatika: ARIF KARYADI, S.Sos')).toBeVisible();
  await expect(page.getByText('2 OPD')).toBeVisible();
  await shot(page, '05-setup-selesai');
  await page.getByRole('button', { name: 'Simpan dan mulai' }).click();

  // Every desk starts at the Dasbor.
  await expect(page.getByRole('heading', { name: 'Dasbor' })).toBeVisible();
  await expect(page.locator('.topbar')).toContainText('Dinas Komunikasi dan Informatika');
  await expect(page.locator('.topbar')).toContainText(ADMIN.fullName);
  await expect(page.locator('.topbar')).toContainText('Administrator');
}

test('penyiapan awal, pengguna front desk, catat surat, buku agenda, lembar disposisi PDF', async ({ page, loket }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    // Refused calls (wrong password, invalid input) are expected here and shown in the page.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(m.text());
  });

  await completeSetup(page);
  await page.keyboard.press('Alt+A');
  await expect(page.getByText('Buku agenda masih kosong.')).toBeVisible();

  // The admin creates the front-desk user in Pengaturan → Pengguna.
  await page.getByRole('link', { name: /Pengaturan/ }).click();
  await expect(page.getByRole('heading', { name: 'Profil kantor' })).toBeVisible();
  await expect(page.getByLabel('Pemerintah daerah')).toHaveValue('Pemerintah Kota Pekalongan');
  await expect(page.getByRole('img', { name: 'Pratinjau logo' })).toBeVisible();
  await shot(page, '06-pengaturan-kantor');
  await page.getByRole('link', { name: 'Pengguna' }).click();
  await page.getByRole('button', { name: '+ Tambah pengguna' }).click();
  await expect(page.getByLabel('Nama pengguna')).toBeFocused();
  await page.getByLabel('Nama pengguna').fill(DESK.username);
  await page.getByLabel('Nama lengkap').fill(DESK.fullName);
  await page.getByLabel('Peran').selectOption({ label: 'Front desk (Sekretariat/TU)' });
  await page.locator('#user-password').fill(DESK.password);
  await page.getByLabel('Ulangi kata sandi').fill(DESK.password);
  await page.getByRole('button', { name: 'Simpan pengguna' }).click();
  await expect(page.getByText(`Pengguna ${DESK.username} (${DESK.fullName}) tersimpan.`)).toBeVisible();
  await expect(page.getByRole('cell', { name: DESK.fullName })).toBeVisible();
  await shot(page, '07-pengaturan-pengguna');

  // Log out; the login screen names the office (from setup.status).
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk ke Loket' })).toBeVisible();
  await expect(page.getByText('Pemerintah Kota Pekalongan')).toBeVisible();
  await expect(page.getByLabel('Nama pengguna')).toBeFocused();
  await page.getByLabel('Nama pengguna').fill(DESK.username);
  await page.getByLabel('Kata sandi').fill('bukan-sandinya');
  await page.getByLabel('Kata sandi').press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Nama pengguna atau kata sandi salah.');
  await shot(page, '08-masuk-galat');
  await page.getByLabel('Kata sandi').fill(DESK.password);
  await page.getByLabel('Kata sandi').press('Enter');
  await expect(page.locator('.topbar')).toContainText(DESK.fullName);
  await expect(page.locator('.topbar')).toContainText('Front desk (Sekretariat/TU)');

  // Catat Surat Masuk by its shortcut.
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { name: 'Catat Surat Masuk' })).toBeVisible();
  const sender = page.getByRole('combobox', { name: /Pengirim/ });
  await expect(sender).toBeFocused();
  await sender.fill('pendidikan');
  await expect(page.getByRole('option', { name: /Dinas Pendidikan/ })).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Daftar OPD' }).getByRole('option')).toHaveCount(1);
  await shot(page, '09a-catat-pengirim');
  await sender.press('Enter');
  await expect(sender).toHaveValue('Dinas Pendidikan');
  await expect(page.getByText('OPD terdaftar')).toBeVisible();

  const letterDate = daysAgo(2);
  const letterDateId = formatDateId(letterDate);
  await page.getByLabel('Tanggal surat').fill(letterDate);
  await page.getByLabel('Perihal').fill('Permohonan hosting aplikasi PPDB');
  await page.getByLabel('Isi ringkas').fill('Mohon disediakan hosting dan subdomain ppdb.pekalongankota.go.id untuk penerimaan peserta didik baru.');
  await page.getByLabel('Segera', { exact: true }).check();
  await page.getByLabel('Layanan yang diminta').selectOption('hosting');
  await page.getByLabel('Kode klasifikasi').selectOption('500.12');

  // Without the letter number: the error appears next to that field and nothing is registered.
  await page.getByRole('button', { name: 'Simpan ke buku agenda' }).click();
  await expect(page.locator('#reg-letterNumber-error')).toHaveText('Nomor surat wajib diisi.');
  await expect(page.getByLabel('Nomor surat')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Nomor surat')).toBeFocused();
  await expect(page.getByLabel('Perihal')).toHaveValue('Permohonan hosting aplikasi PPDB');
  await expect(sender).toHaveValue('Dinas Pendidikan');
  await shot(page, '09-catat-galat');
  const none = await apiCall(page, 'letters.search', {});
  expect(none).toMatchObject({ ok: true, value: { total: 0 } });

  await page.getByLabel('Nomor surat').fill('421.5/1234/Disdik/XI/2026');
  await expect(page.locator('#reg-letterNumber-error')).toHaveCount(0);
  await expect(page.getByText('25/100')).toBeVisible();
  await page.locator('#reg-scans').setInputFiles({
    name: 'surat-permohonan-ppdb.pdf',
    mimeType: 'application/pdf',
    buffer: makePdf('Surat permohonan hosting aplikasi PPDB - Dinas Pendidikan'),
  });
  await expect(page.getByText(/Terunggah/)).toBeVisible();
  await page.getByRole('button', { name: 'Pratinjau', exact: true }).click();
  await expect(page.locator('.scan-preview iframe')).toBeVisible();
  await shot(page, '10-catat-terisi');
  await page.getByLabel('Nomor surat').press('Enter');

  // The letter's page with the banner and the agenda number Loket gave.
  await expect(page.getByText(/Surat tercatat dengan nomor agenda/)).toBeVisible();
  const agendaNumber = (await page.locator('#letter-title').innerText()).trim();
  expect(agendaNumber).toMatch(/^1\/500\.12\/\d{4}$/);
  await expect(page.getByText(`Surat tercatat dengan nomor agenda ${agendaNumber}.`)).toBeVisible();
  await expect(page.locator('.details')).toContainText(letterDateId);
  await expect(page.locator('.details')).toContainText(/pukul \d{2}\.\d{2} WIB/);
  await expect(page.getByRole('button', { name: 'Lembar disposisi' })).toBeFocused();
  await shot(page, '10b-surat-tercatat');

  // Find it again in the Buku Agenda with the search box ("/" focuses it).
  await page.getByRole('link', { name: /Buku Agenda/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Buku Agenda' })).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Cari' })).toBeFocused();
  await page.keyboard.type('PPDB');
  // The search has been applied once the filter can be cleared.
  await expect(page.getByRole('button', { name: 'Hapus saringan' })).toBeVisible();
  await expect(page.getByText('Menampilkan 1–1 dari 1 surat')).toBeVisible();
  const row = page.getByRole('row', { name: /Permohonan hosting aplikasi PPDB/ });
  await expect(row).toContainText(agendaNumber);
  await expect(row).toContainText('Dinas Pendidikan');
  await expect(row).toContainText('Segera');
  await shot(page, '11-buku-agenda');
  await page.getByRole('searchbox', { name: 'Cari' }).fill('tidakadakatainiXYZ');
  await expect(page.getByText('Tidak ada surat yang cocok.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Cari' }).fill('PPDB');
  await page.getByRole('link', { name: agendaNumber }).click();

  // Its Lembar disposisi: preview, then "Simpan PDF".
  await expect(page.locator('#letter-title')).toHaveText(agendaNumber);
  await expect(page.getByRole('tab', { name: /surat-permohonan-ppdb\.pdf/ })).toBeVisible();
  await expect(page.locator('.scan-view iframe')).toBeVisible();
  await page.getByRole('button', { name: 'Pratinjau', exact: true }).click();
  await expect(page.locator('.pdf-preview iframe')).toBeVisible();
  await expect(page.locator('.pdf-preview')).toContainText('.pdf');
  await page.waitForTimeout(1500);
  await shot(page, '12-halaman-surat');

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Simpan PDF' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-e2e-pdf-'));
  try {
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(agendaNumber);
    expect(text).toContain('Dinas Pendidikan');
    expect(text).toContain(letterDateId);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // The print dialog says what this computer has.
  await page.getByRole('button', { name: 'Cetak…' }).click();
  await expect(page.getByRole('dialog', { name: /Cetak lembar disposisi/ })).toBeVisible();
  await expect(page.getByRole('dialog').getByText(/printer|Printer|cetak/).first()).toBeVisible();
  await shot(page, '13-cetak');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // A front-desk user sees only this desk's prefs and the password change in Pengaturan.
  await page.getByRole('link', { name: /Pengaturan/ }).click();
  await expect(page.getByRole('heading', { name: 'Meja ini' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Pengguna' })).toHaveCount(0);
  await shot(page, '14-pengaturan-meja');

  expect(pageErrors).toEqual([]);
  expect(loket.log()).not.toMatch(/Galat tak terduga/);
});

test('layar terkunci setelah diam; isian tetap ada dan surat tetap bisa disimpan', async ({ page }) => {
  await page.clock.install();
  await completeSetup(page);
  const prefs = await apiCall(page, 'prefs.set', { idleLockMinutes: 1 });
  expect(prefs.ok).toBe(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dasbor' })).toBeVisible();
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { name: 'Catat Surat Masuk' })).toBeVisible();
  await page.getByLabel('Perihal').fill('Permohonan subdomain sisfo');

  await page.clock.runFor(90_000);
  await expect(page.getByRole('dialog', { name: 'Layar terkunci' })).toBeVisible();
  await expect(page.getByLabel('Kata sandi')).toBeFocused();
  await shot(page, '15-terkunci');
  await page.getByLabel('Kata sandi').fill('salah-sandi');
  await page.getByLabel('Kata sandi').press('Enter');
  await expect(page.getByRole('dialog').getByRole('alert')).toHaveText('Nama pengguna atau kata sandi salah.');
  await page.getByLabel('Kata sandi').fill(ADMIN.password);
  await page.getByLabel('Kata sandi').press('Enter');
  await expect(page.getByRole('dialog', { name: 'Layar terkunci' })).toHaveCount(0);
  await expect(page.getByLabel('Perihal')).toHaveValue('Permohonan subdomain sisfo');

  await page.getByRole('combobox', { name: /Pengirim/ }).fill('Bappeda');
  await expect(page.getByRole('option', { name: /Badan Perencanaan/ })).toBeVisible();
  await page.getByRole('combobox', { name: /Pengirim/ }).press('Enter');
  await page.getByLabel('Nomor surat').fill('005/77/Bappeda/2026');
  await page.getByLabel('Tanggal surat').fill(daysAgo(1));
  await page.getByLabel('Kode klasifikasi').selectOption('500.12');
  await page.getByRole('button', { name: 'Simpan ke buku agenda' }).click();
  await expect(page.getByText(/Surat tercatat dengan nomor agenda 1\/500\.12\/\d{4}\./)).toBeVisible();
  await expect(page.locator('.details')).toContainText('Badan Perencanaan Pembangunan Daerah');
  // The letter page has finished reading (its request, the audit log, the SOP's estimate), so the
  // next call is the one Alt+A makes.
  await expect(page.locator('.request-panel details.audit summary')).toContainText(/\d+ catatan/);
  await expect(page.getByText(/Estimasi selesai menurut SOP/)).toBeVisible();

  // The session ends behind the desk's back (here: logged out through the API). The next call
  // waits behind the lock overlay and goes through once the password is typed again.
  const ended = await apiCall(page, 'auth.logout', {});
  expect(ended.ok).toBe(true);
  await page.keyboard.press('Alt+A');
  await expect(page.getByRole('dialog', { name: 'Layar terkunci' })).toContainText('Sesi Anda tidak berlaku lagi');
  await page.getByLabel('Kata sandi').fill(ADMIN.password);
  await page.getByLabel('Kata sandi').press('Enter');
  await expect(page.getByRole('dialog', { name: 'Layar terkunci' })).toHaveCount(0);
  await expect(page.getByText('Menampilkan 1–1 dari 1 surat')).toBeVisible();
  await expect(page.getByRole('row', { name: /Permohonan subdomain sisfo/ })).toBeVisible();
});

test('pengaturan administrator: pejabat, OPD, kode klasifikasi, instruksi, meja ini, kata sandi', async ({ page }) => {
  await completeSetup(page);
  await page.keyboard.press('Alt+P');
  await expect(page.getByRole('heading', { name: 'Profil kantor' })).toBeVisible();

  // Profil kantor: a server-side check (format nomor) shows next to its field; then a real change.
  await page.getByLabel('Format nomor agenda').fill('{nomor}/{tahun}');
  await expect(page.locator('#set-office-agendaFormat-error')).toContainText('Bagian format tidak dikenal');
  await page.getByLabel('Format nomor agenda').fill('{urut:3}/{kode}/{tahun}');
  await expect(page.getByText('Contoh: 007/500.12/')).toBeVisible();
  await page.getByRole('button', { name: 'Simpan profil kantor' }).click();
  await expect(page.getByText('Profil kantor tersimpan.')).toBeVisible();

  // Pejabat: the Kadis is listed as Plt.; add a second Kabid.
  await page.getByRole('link', { name: 'Pejabat' }).click();
  await expect(page.getByRole('cell', { name: /Plt\. Kepala Dinas Komunikasi dan Informatika/ })).toBeVisible();
  await page.getByRole('button', { name: '+ Tambah pejabat' }).click();
  await page.locator('#official-title').fill('Kepala Bidang Informasi dan Komunikasi Publik');
  await page.locator('#official-name').fill('RINA WULANDARI, S.Kom');
  await page.locator('#official-nip').fill('12345');
  await page.getByRole('button', { name: 'Simpan pejabat' }).click();
  await expect(page.locator('#official-nip-error')).toHaveText('NIP harus 18 angka.');
  await shot(page, '16a-pengaturan-pejabat-galat');
  await page.locator('#official-nip').fill('198507212010012003');
  await page.getByRole('button', { name: 'Simpan pejabat' }).click();
  await expect(page.getByText('Data RINA WULANDARI, S.Kom tersimpan.')).toBeVisible();
  await shot(page, '16-pengaturan-pejabat');

  // OPD: a duplicate is refused next to the name; a new one is added and found by search.
  await page.getByRole('link', { name: 'OPD', exact: true }).click();
  await expect(page.getByRole('cell', { name: 'Dinas Pendidikan', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '+ Tambah OPD' }).click();
  await page.locator('#opd-name').fill('dinas  pendidikan');
  await page.locator('#opd-name').press('Enter');
  await expect(page.locator('#opd-name-error')).toHaveText('Nama OPD ini sudah ada di daftar.');
  await page.locator('#opd-name').fill('Dinas Kesehatan');
  await page.locator('#opd-shortName').fill('Dinkes');
  await page.locator('#opd-name').press('Enter');
  await expect(page.getByText('Dinas Kesehatan tersimpan.')).toBeVisible();
  await page.getByLabel('Cari OPD').fill('kes');
  await expect(page.getByRole('cell', { name: 'Dinas Kesehatan', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Dinas Pendidikan', exact: true })).toHaveCount(0);
  await shot(page, '17-pengaturan-opd');

  // Kode klasifikasi and instruksi disposisi.
  await page.getByRole('link', { name: 'Kode klasifikasi' }).click();
  await page.getByRole('button', { name: '+ Tambah kode' }).click();
  await page.locator('#code-code').fill('000.7');
  await page.locator('#code-description').fill('Persuratan');
  await page.getByRole('button', { name: 'Simpan kode' }).click();
  await expect(page.getByText('Kode 000.7 tersimpan.')).toBeVisible();
  // The same code again is named next to its field, and nothing typed is lost.
  await page.getByRole('button', { name: '+ Tambah kode' }).click();
  await page.locator('#code-code').fill('000.7');
  await page.locator('#code-description').fill('Persuratan lagi');
  await page.getByRole('button', { name: 'Simpan kode' }).click();
  await expect(page.locator('#code-code-error')).toHaveText('Kode ini sudah ada. Ubah kode yang ada di daftar.');
  await expect(page.locator('#code-code')).toBeFocused();
  await expect(page.locator('#code-description')).toHaveValue('Persuratan lagi');
  await page.getByRole('button', { name: 'Batal' }).click();
  await page.getByRole('link', { name: 'Instruksi disposisi' }).click();
  await expect(page.getByRole('cell', { name: 'Untuk ditindaklanjuti', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '+ Tambah instruksi' }).click();
  await page.locator('#instr-label').fill('Siapkan server dan subdomain');
  await page.locator('#instr-label').press('Enter');
  await expect(page.getByRole('cell', { name: 'Siapkan server dan subdomain', exact: true })).toBeVisible();

  // Meja ini: kertas F4, kunci layar 5 menit; kept after a reload.
  await page.getByRole('link', { name: 'Meja ini' }).click();
  await page.getByLabel('Kertas bawaan').selectOption('F4');
  await page.getByLabel('Kunci layar setelah tidak ada kegiatan (menit)').fill('0');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.locator('#desk-idle-error')).toHaveText('Isi 1 sampai 240 menit.');
  await page.getByLabel('Kunci layar setelah tidak ada kegiatan (menit)').fill('5');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByText('Pengaturan meja ini tersimpan.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Kertas bawaan')).toHaveValue('F4');
  await expect(page.getByLabel('Kunci layar setelah tidak ada kegiatan (menit)')).toHaveValue('5');

  // Ganti kata sandi: the wrong current password is marked; then it works and the new one logs in.
  await page.getByRole('link', { name: 'Ganti kata sandi' }).click();
  await page.getByLabel('Kata sandi sekarang').fill('bukan-ini');
  await page.getByRole('textbox', { name: 'Kata sandi baru', exact: true }).fill('sandi-baru-2026');
  await page.getByLabel('Ulangi kata sandi baru').fill('sandi-baru-2026');
  await page.getByLabel('Ulangi kata sandi baru').press('Enter');
  await expect(page.locator('#pw-current-error')).toHaveText('Kata sandi sekarang salah.');
  await page.getByLabel('Kata sandi sekarang').fill(ADMIN.password);
  await page.getByLabel('Kata sandi sekarang').press('Enter');
  await expect(page.getByText(/Kata sandi sudah diganti/)).toBeVisible();
  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.getByLabel('Kata sandi').fill('sandi-baru-2026');
  await page.getByLabel('Kata sandi').press('Enter');
  await expect(page.locator('.topbar')).toContainText(ADMIN.fullName);

  // The new agenda format and the remembered paper are used when registering.
  await page.keyboard.press('Alt+N');
  await page.getByRole('combobox', { name: /Pengirim/ }).fill('Warga Kelurahan Podosugih');
  await page.getByLabel('Simpan sebagai OPD baru di daftar OPD').check();
  await page.getByLabel('Nomor surat').fill('01/RW05/2026');
  await page.getByLabel('Tanggal surat').fill(daysAgo(0));
  await page.getByLabel('Perihal').fill('Permohonan subdomain kelurahan');
  await page.getByLabel('Kode klasifikasi').selectOption('000.7');
  // Leaving the form and coming back keeps what was typed.
  await page.keyboard.press('Alt+A');
  await expect(page.getByRole('heading', { name: 'Buku Agenda' })).toBeVisible();
  await page.keyboard.press('Alt+N');
  await expect(page.getByLabel('Perihal')).toHaveValue('Permohonan subdomain kelurahan');
  await page.getByLabel('Perihal').press('Enter');
  await expect(page.getByText(/Surat tercatat dengan nomor agenda 001\/000\.7\/\d{4}\./)).toBeVisible();
  await expect(page.getByLabel('Kertas')).toHaveValue('F4');
  await page.getByRole('link', { name: /Pengaturan/ }).click();
  await page.getByRole('link', { name: 'OPD', exact: true }).click();
  await expect(page.getByRole('cell', { name: 'Warga Kelurahan Podosugih', exact: true })).toBeVisible();
});
