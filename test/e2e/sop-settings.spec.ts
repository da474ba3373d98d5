/**
 * The administrator's SOP and calendar settings in Chromium: view a built-in SOP, "Salin dan ubah"
 * with live validation that names the step and blocks saving, save the copy as a new template and
 * let it serve a service; office hours with the Pekalongan preset and a refused overlap, the
 * national holidays from the library, a cuti bersama by hand, a partial closure.
 */
import { expect, test } from './fixtures';
import { setupOffice, shot, watchErrors } from './desk';

test('pengaturan SOP (salin dan ubah) dan kalender kerja', async ({ page, loket }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await setupOffice(page);

  // The viewer of a built-in SOP.
  await page.keyboard.press('Alt+P');
  await page.getByRole('link', { name: 'SOP', exact: true }).click();
  await page.getByRole('button', { name: 'Lihat SOP Pelayanan Hosting (pekalongan-hosting)' }).click();
  const viewer = page.locator('.sop-viewer');
  await expect(viewer.getByRole('heading', { name: 'Pelayanan Hosting' })).toBeVisible();
  await expect(viewer.getByRole('row', { name: /Memverifikasi dan mengecek kelengkapan/ })).toContainText('10 menit');
  await expect(viewer).toContainText('2 hari kerja');
  await expect(viewer.getByRole('button', { name: 'Ubah (versi baru)' })).toHaveCount(0);

  // Salin dan ubah: the key is required and may not be a built-in one.
  await viewer.getByRole('button', { name: 'Salin dan ubah' }).click();
  const editor = page.locator('form.sop-editor');
  const problems = editor.getByRole('region', { name: 'Pemeriksaan SOP' });
  await expect(editor.getByLabel('Kunci (kode) SOP')).toBeFocused();
  await expect(problems).toContainText('Kunci salinan wajib diisi');
  await editor.getByLabel('Kunci (kode) SOP').fill('pekalongan-hosting');
  await expect(problems).toContainText('milik SOP bawaan');
  await editor.getByLabel('Kunci (kode) SOP').fill('pekalongan-hosting-kantor');
  await editor.getByLabel('Nama SOP').fill('Pelayanan Hosting (kantor)');
  await expect(problems).toContainText('Pemeriksaan: SOP ini sah.');

  // A time standard the editor cannot read, and a disposition without its target: each problem
  // names its step, and saving is blocked.
  const step = (n: string) => editor.locator('.step-edit').filter({ has: page.locator('.step-edit-title', { hasText: new RegExp(`^Langkah ${n} `) }) });
  const step3 = step('3');
  const step5 = step('5');
  await step5.getByLabel('Waktu').fill('sepuluh menit');
  await expect(step5.locator('.field-error')).toContainText('Tidak terbaca');
  await expect(problems).toContainText(/Langkah 5 "Memverifikasi dan mengecek kelengkapan dokumen …": waktu “sepuluh menit” tidak terbaca\./);
  await step3.getByLabel('Disposisi kepada').selectOption('');
  await expect(problems).toContainText('Langkah 3 "Disposisi ke Kabid INS": tujuan disposisi wajib dipilih.');
  await step5.getByLabel('Waktu').focus();
  await shot(page, '07-sop-editor-masalah');
  await editor.getByRole('button', { name: 'Simpan sebagai versi baru' }).click();
  await expect(editor.getByRole('alert')).toContainText('SOP belum dapat disimpan: ada 2 masalah');
  await expect(page.getByRole('row', { name: /pekalongan-hosting-kantor/ })).toHaveCount(0);

  // Fixed: 15 minutes, the disposition's target back, a pause point; saved as a new template.
  await step5.getByLabel('Waktu').fill('15 menit');
  await expect(step5.getByText('Dibaca: 15 menit')).toBeVisible();
  await step3.getByLabel('Disposisi kepada').selectOption({ label: 'Kabid INS' });
  await step5.getByLabel('Dapat dijeda (menunggu OPD)').check();
  await step5.getByLabel('Alasan jeda').fill('Menunggu kelengkapan dokumen dari OPD pemohon');
  await expect(problems).toContainText('Pemeriksaan: SOP ini sah.');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('SOP “Pelayanan Hosting (kantor)” tersimpan sebagai pekalongan-hosting-kantor versi 1.')).toBeVisible();
  await expect(page.locator('.sop-viewer').getByRole('row', { name: /Memverifikasi dan mengecek kelengkapan/ })).toContainText('15 menit');
  await expect(page.locator('.sop-viewer')).toContainText('Dapat dijeda: Menunggu kelengkapan dokumen dari OPD pemohon');
  await expect(page.getByRole('row', { name: /pekalongan-hosting-kantor/ })).toContainText('Salinan kantor');
  await page.getByLabel('Hosting', { exact: true }).selectOption('pekalongan-hosting-kantor');
  await expect(page.getByText(/Layanan Hosting sekarang memakai SOP “Pelayanan Hosting \(kantor\)”/)).toBeVisible();
  await page.locator('.content').evaluate((el) => el.scrollTo({ top: 0 }));
  await shot(page, '06b-pengaturan-sop-salinan');

  // Kalender kerja: the Perpres week by default; the Pekalongan preset; an overlap is refused.
  await page.getByRole('link', { name: 'Kalender kerja' }).click();
  await expect(page.getByRole('heading', { name: 'Jam kerja mingguan' })).toBeVisible();
  await expect(page.getByLabel('Senin rentang 1 mulai')).toHaveValue('07:30');
  await expect(page.getByLabel('Jumat rentang 2 selesai')).toHaveValue('16:30');
  await page.getByRole('button', { name: 'Pakai jam Pekalongan (SOP)' }).click();
  await expect(page.getByLabel('Senin rentang 1 mulai')).toHaveValue('08:00');
  await expect(page.getByRole('row', { name: /Jumat/ })).toContainText('3 jam');
  await page.getByLabel('Selasa rentang 1 selesai').fill('13:30');
  await expect(page.getByText('Selasa: rentang 08:00–13:30 dan 13:00–15:45 tumpang tindih')).toBeVisible();
  await page.getByRole('button', { name: 'Simpan jam kerja' }).click();
  await expect(page.getByText('Jam kerja belum benar.')).toBeVisible();
  await page.getByLabel('Selasa rentang 1 selesai').fill('12:00');
  await expect(page.getByText('Jumlah jam kerja seminggu: 30 jam.')).toBeVisible();
  await page.getByRole('button', { name: 'Simpan jam kerja' }).click();
  await expect(page.getByText(/Jam kerja tersimpan/)).toBeVisible();

  // Closed days: the library's national holidays, then a cuti bersama by hand.
  await page.getByRole('button', { name: 'Isi libur nasional dari pustaka' }).click();
  await expect(page.getByText(/\d+ hari libur nasional ditambahkan untuk tahun \d{4}/)).toBeVisible();
  await expect(page.getByText(/Cuti bersama tidak ikut/)).toBeVisible();
  await expect(page.locator('.badge--day-libur_nasional').first()).toHaveText('Libur nasional');
  const year = (await page.getByLabel('Tahun', { exact: true }).inputValue()).trim();
  await page.getByRole('button', { name: '+ Tambah hari' }).click();
  await page.getByRole('textbox', { name: 'Tanggal', exact: true }).fill(`${year}-12-24`);
  await page.getByRole('textbox', { name: 'Nama', exact: true }).fill('Cuti bersama Hari Raya Natal');
  await page.getByRole('button', { name: 'Simpan hari' }).click();
  await expect(page.getByRole('row', { name: /Cuti bersama Hari Raya Natal/ })).toContainText('Cuti bersama');

  // A partial closure in office time.
  await page.getByRole('button', { name: '+ Tambah penutupan' }).click();
  await page.getByLabel('Alasan').fill('Pemadaman listrik terjadwal');
  await page.getByRole('button', { name: 'Simpan penutupan' }).click();
  await expect(page.locator('.closure-list')).toContainText('Pemadaman listrik terjadwal');
  await expect(page.locator('.closure-list')).toContainText(/pukul 13\.00 WIB sampai 16\.00 WIB/);
  await page.locator('.content').evaluate((el) => el.scrollTo({ top: 0 }));
  await shot(page, '08-kalender-kerja', 1400);

  // Meja ini: desktop notifications are switched on here (Chromium headless has no permission yet).
  await page.getByRole('link', { name: 'Meja ini' }).click();
  await expect(page.getByRole('heading', { name: 'Pemberitahuan desktop' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Aktifkan pemberitahuan desktop' }).or(page.getByText(/Ditolak|Aktif:|tidak mendukung/))).toBeVisible();
  await shot(page, '09-meja-ini-pemberitahuan', 1000);

  expect(errors).toEqual([]);
  expect(loket.log()).not.toMatch(/Galat tak terduga/);
});
