/**
 * Pengaduan end to end, by real clicks in Chromium, with four users:
 * - the administrator sets the office's complaint channels and its Pejabat Pengaduan (the Kabid,
 *   whom the complaint SOP maps the Pejabat Pengaduan to) and the hosting service's standard;
 * - the front desk records a letter, then a complaint that came by Instagram about it (an empty
 *   save first names what is missing and keeps nothing lost), and saves the Tanda Terima
 *   Pengaduan: its text carries the number, the complainant and the office's complaint channels;
 * - the technical officer opens it from the queue, responds (2), cannot solve it (3a "Tidak") and
 *   forwards it to the Pejabat Pengaduan (3b);
 * - the Kabid finds it unread in the queue, opens it, and resolves it (4): the complaint shows as
 *   solved by the Pejabat Pengaduan, with the whole timeline and the history;
 * - the front desk finds it among the solved complaints, and prints the standar pelayanan.
 */
import { expect, test } from './fixtures';
import {
  FRONT_DESK,
  KABID,
  TEKNIS,
  addUsers,
  completeStep,
  expectCurrentStep,
  panel,
  registerLetter,
  savePdfText,
  setupOffice,
  shot,
  switchUser,
  watchErrors,
} from './desk';

const LETTER = { letterNumber: '421.5/1501/Disdik/XI/2026', subject: 'Permohonan hosting aplikasi PPDB online' };
const SUBJECT = 'Permohonan hosting PPDB belum ada kabar';
const OFFICER = 'DWI PRASETYO, S.Kom';

function countCard(page: import('@playwright/test').Page, label: string) {
  return page.locator('.count-card').filter({ has: page.locator('.count-label').getByText(label, { exact: true }) }).locator('.count-value');
}

test('Pengaduan lewat Instagram: tanda terima, diteruskan ke Pejabat Pengaduan, diselesaikan', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  const year = new Date().getFullYear();
  const number = `ADU/001/${year}`;

  // The administrator: users, the office's complaint channels, the hosting standard.
  await setupOffice(page);
  await addUsers(page, [FRONT_DESK, TEKNIS, KABID]);
  await page.locator('.subnav').getByRole('link', { name: 'Pengaduan' }).click();
  await expect(page.getByRole('heading', { name: 'Pengaduan', level: 2 })).toBeVisible();
  // Before the first save: the office's telephone, e-mail and website.
  await expect(page.getByLabel('Telepon pengaduan')).toHaveValue('(0285) 421093');
  await page.getByLabel('Akun Instagram').fill('diskominfo.pkl');
  await page.getByLabel('Akun Twitter/X').fill('kominfopkl');
  await page.getByLabel('Nama Pejabat Pengaduan').fill(OFFICER);
  await page.getByLabel('Telepon Pejabat Pengaduan').fill('0812 0000 1111');
  await page.getByLabel('E-mail pengaduan').fill('bukan e-mail');
  await page.getByRole('button', { name: 'Simpan kontak pengaduan' }).click();
  await expect(page.getByRole('alert')).toHaveText('Periksa isian yang ditandai.');
  await expect(page.locator('#complaint-email-error')).toHaveText('Alamat pos-el tidak sah.');
  await expect(page.getByLabel('E-mail pengaduan')).toBeFocused();
  await expect(page.getByLabel('Akun Instagram')).toHaveValue('diskominfo.pkl');
  await page.getByLabel('E-mail pengaduan').fill('pengaduan@pekalongankota.go.id');
  await page.getByRole('button', { name: 'Simpan kontak pengaduan' }).click();
  await expect(page.getByText('Kontak pengaduan tersimpan.')).toBeVisible();
  const printed = page.locator('.printed-lines');
  await expect(printed).toContainText('Instagram: @diskominfo.pkl');
  await expect(printed).toContainText(`Pejabat Pengaduan: ${OFFICER} (telepon 0812 0000 1111)`);
  await shot(page, 'c01-pengaturan-pengaduan');

  await page.locator('.subnav').getByRole('link', { name: 'Standar pelayanan' }).click();
  await page.getByRole('button', { name: 'Ubah standar Hosting' }).click();
  await page.getByLabel('Persyaratan').fill('Surat permohonan dari Kepala Perangkat Daerah\nNama subdomain yang dimohon');
  await page.getByLabel('Biaya/tarif').fill('Tidak dipungut biaya');
  await page.getByLabel('Produk pelayanan').fill('Dokumen hak akses hosting');
  await page.getByRole('button', { name: 'Simpan standar' }).click();
  await expect(page.getByText('Standar pelayanan Hosting tersimpan.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Hosting/ }).first()).toContainText('2 butir');
  await shot(page, 'c02-pengaturan-standar');

  // The front desk: the letter, then the complaint about it.
  await switchUser(page, FRONT_DESK);
  const agenda = await registerLetter(page, LETTER);
  await page.getByRole('link', { name: 'Pengaduan', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Pengaduan', level: 1 })).toBeVisible();
  await expect(page.getByText('Belum ada pengaduan.')).toBeVisible();
  await page.getByRole('link', { name: '+ Catat pengaduan' }).click();
  await expect(page.getByRole('heading', { name: 'Catat pengaduan' })).toBeVisible();
  await page.getByLabel('Nama pengadu').fill('@wargapkl');
  await page.getByRole('button', { name: 'Catat pengaduan' }).click();
  await expect(page.getByText('Periksa 2 isian yang ditandai.')).toBeVisible();
  await expect(page.getByText('Pilih saluran pengaduan.')).toBeVisible();
  await expect(page.getByText('Pokok pengaduan wajib diisi.')).toBeVisible();
  await expect(page.getByLabel('Nama pengadu')).toHaveValue('@wargapkl');
  await page.getByRole('radio', { name: 'Instagram' }).check();
  await expect(page.getByText('Pilih saluran pengaduan.')).toHaveCount(0);
  await expect(page.getByText('Akun Instagram pengadu, mis. @wargapkl.')).toBeVisible();
  await page.getByLabel('Kontak pengadu').fill('@wargapkl (pesan langsung)');
  await page.getByLabel('OPD terkait').selectOption({ label: 'Dinas Pendidikan' });
  await page.getByLabel('Surat terkait').fill('PPDB online');
  await page.getByRole('list', { name: 'Surat yang cocok' }).getByRole('button', { name: agenda }).click();
  await expect(page.locator('.picked-letter')).toContainText(agenda);
  await page.getByLabel('Pokok pengaduan').fill(SUBJECT);
  await page.getByLabel('Uraian pengaduan').fill('Sudah seminggu belum ada tanggapan atas surat permohonan hosting PPDB.');
  await shot(page, 'c03-catat-pengaduan', 900);
  await page.getByRole('button', { name: 'Catat pengaduan' }).click();

  await expect(page.getByText(`Pengaduan tercatat dengan nomor ${number}.`)).toBeVisible();
  await expect(page.locator('#complaint-title')).toHaveText(number);
  await expect(page.locator('.badge--complaint-ditangani')).toHaveText('Ditangani petugas');
  await expect(panel(page).getByRole('heading', { name: /Pengelolaan Pengaduan/ })).toBeVisible();
  await expectCurrentStep(page, '2');
  await expect(panel(page).locator('.blocked')).toContainText('Anda tidak dapat mengerjakan langkah ini.');
  const data = page.locator('.details').first();
  await expect(data).toContainText('Instagram');
  await expect(data).toContainText(`${agenda}: ${LETTER.subject}`);

  // The receipt: previewed, saved, and its text read back.
  await page.getByRole('button', { name: 'Tanda terima pengaduan' }).click();
  await expect(page.locator('iframe[title="Pratinjau tanda terima pengaduan"]')).toBeVisible();
  await shot(page, 'c04-pengaduan-tercatat', 1100);
  const receipt = (await savePdfText(page)).replace(/\s+/g, ' ');
  for (const expected of [
    'TANDA TERIMA PENGADUAN',
    number,
    '@wargapkl',
    'Instagram',
    SUBJECT,
    'Saluran pengaduan:',
    'Telepon: (0285) 421093',
    'E-mail: pengaduan@pekalongankota.go.id',
    'Twitter/X: @kominfopkl',
    'Instagram: @diskominfo.pkl',
    `Pejabat Pengaduan: ${OFFICER}`,
    FRONT_DESK.fullName,
  ]) {
    expect(receipt, expected).toContain(expected);
  }
  await page.getByRole('button', { name: 'Cetak…' }).click();
  await expect(page.getByRole('heading', { name: 'Cetak tanda terima pengaduan' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Cetak tanda terima pengaduan' })).toHaveCount(0);

  // The technical officer: from the queue; responds, cannot solve it, forwards it.
  await switchUser(page, TEKNIS);
  await page.keyboard.press('Alt+S');
  const row = page.getByRole('row', { name: new RegExp(SUBJECT) });
  await expect(row.locator('.tag--complaint')).toHaveText('Pengaduan');
  await row.click();
  await expect(page.locator('#complaint-title')).toHaveText(number);
  await completeStep(page, '2', 'Pengadu sudah dihubungi; jadwal hosting perlu keputusan pimpinan.');
  await expectCurrentStep(page, '3a');
  const decide = panel(page).getByRole('form', { name: 'Keputusan' });
  await decide.getByRole('button', { name: 'Tidak', exact: true }).click();
  await decide.getByRole('button', { name: 'Simpan keputusan' }).click();
  await expect(panel(page).getByText('Keputusan tersimpan: Tidak.')).toBeVisible();
  await expectCurrentStep(page, '3b');
  const dispose = panel(page).getByRole('form', { name: 'Disposisi' });
  await expect(dispose.getByLabel(KABID.fullName)).toBeChecked();
  await dispose.getByLabel('Catatan disposisi').fill('Mohon diselesaikan, pengadu menunggu.');
  await dispose.getByRole('button', { name: 'Kirim disposisi' }).click();
  await expect(panel(page).getByText(`Disposisi terkirim kepada ${KABID.fullName}.`)).toBeVisible();
  await expect(page.locator('.badge--complaint-diteruskan')).toHaveText('Diteruskan ke Pejabat Pengaduan');
  await expectCurrentStep(page, '4');

  // The Pejabat Pengaduan (the Kabid): unread on the dashboard, opened from the queue, resolved.
  await switchUser(page, KABID);
  await expect(countCard(page, 'Disposisi belum dibaca')).toHaveText('1');
  await page.getByRole('link', { name: /^1 Disposisi belum dibaca/ }).click();
  const unread = page.getByRole('row', { name: new RegExp(SUBJECT) });
  await expect(unread.locator('.tag--unread')).toHaveText('Belum dibaca');
  await expect(unread.locator('.tag--complaint')).toHaveText('Pengaduan');
  await shot(page, 'c05-antrian-pejabat-pengaduan');
  await unread.getByRole('link', { name: number }).click();
  await expect(page.locator('#complaint-title')).toHaveText(number);
  await expect(page.locator('.disp-reads')).toContainText(`${KABID.fullName}: Dibaca`);
  await expect(panel(page).locator('#step-now-title')).toContainText('Pejabat Kominfo menyelesaikan permasalahan');
  await completeStep(page, '4', 'Hosting PPDB dijadwalkan hari ini; pengadu sudah diberi tahu lewat Instagram.');
  await expect(panel(page).locator('.step-now--closed')).toContainText('Pengaduan selesai');
  await expect(page.locator('.badge--complaint-selesai')).toHaveText('Selesai');
  await expect(page.locator('.details').first()).toContainText(/Selesai \d+ \w+ \d{4} pukul \d{2}\.\d{2} WIB, oleh Pejabat Pengaduan/);
  const timeline = panel(page).locator('.timeline .tl-no');
  await expect(timeline).toHaveText(['1', '2', '3a', '3b', '4']);
  // The complaint SOP gives its steps no time standard: done, neither on time nor late.
  await expect(panel(page).locator('.timeline .badge--timing')).toHaveText(Array(5).fill('✓ Selesai'));
  await expect(panel(page).locator('.tl-decision')).toContainText('Tidak');
  await panel(page).getByText(/Riwayat \(log audit\)/).click();
  await expect(panel(page).locator('.audit-list')).toContainText(`${FRONT_DESK.fullName} mencatat pengaduan nomor ${number} dari @wargapkl (saluran Instagram).`);
  await expect(panel(page).locator('.audit-list')).toContainText('Pengaduan selesai.');
  await shot(page, 'c06-pengaduan-selesai', 1300);
  await page.keyboard.press('Alt+S');
  await expect(page.getByText('Antrian Anda kosong.')).toBeVisible();

  // The front desk: the solved complaint in the list; the standar pelayanan for a visitor.
  await switchUser(page, FRONT_DESK);
  await page.getByRole('link', { name: 'Pengaduan', exact: true }).click();
  await page.getByLabel('Status').selectOption({ label: 'Selesai' });
  await page.getByLabel('Saluran').selectOption({ label: 'Instagram' });
  const solved = page.getByRole('row', { name: new RegExp(number) });
  await expect(solved).toContainText('@wargapkl');
  await expect(solved.locator('.badge--complaint-selesai')).toBeVisible();
  await page.getByLabel('Status').selectOption({ label: 'Ditangani petugas' });
  await expect(page.getByText('Tidak ada pengaduan yang cocok.')).toBeVisible();
  await page.getByRole('button', { name: 'Hapus saringan' }).click();
  await page.getByLabel('Cari').fill('PPDB');
  await expect(page.getByRole('row', { name: new RegExp(number) })).toBeVisible();
  await shot(page, 'c07-daftar-pengaduan');

  await page.getByRole('link', { name: 'Standar pelayanan', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Standar pelayanan', level: 1 })).toBeVisible();
  await page.locator('.subnav').getByRole('link', { name: 'Hosting', exact: true }).click();
  const standard = page.locator('.standard-view');
  await expect(standard).toContainText('Surat permohonan dari Kepala Perangkat Daerah');
  await expect(standard).toContainText('Tidak dipungut biaya');
  await expect(standard).toContainText('Instagram: @diskominfo.pkl');
  const standardText = (await savePdfText(page)).replace(/\s+/g, ' ');
  expect(standardText).toContain('Surat permohonan dari Kepala Perangkat Daerah');
  expect(standardText).toContain(`Pejabat Pengaduan: ${OFFICER}`);
  await shot(page, 'c08-standar-pelayanan', 1100);

  expect(errors).toEqual([]);
});
