import { describe, expect, it } from 'vitest';
import {
  extractLetterDate,
  extractLetterNumber,
  extractSenderName,
  extractSubject,
  monthFromName,
  ocrLines,
  suggestLetterFields,
  titleCaseAgency,
} from '../../shared/domain/letter-ocr';

/** Real tesseract output of the PPDB fixture letter (note "X1" for the Roman month XI). */
const TESSERACT_OUTPUT = `PEMERINTAH KOTA PEKALONGAN
DINAS PENDIDIKAN
Jl. Sriwijaya No. 44 Pekalongan 51111 Telepon (0285) 421066

Pekalongan, 20 November 2026
Nomor  :005/123/Disdik/X1/2026
Sifat : Biasa
Lampiran :1 (satu) berkas
Hal : Permohonan Hosting Aplikasi PPDB
Yth. Kepala Dinas Komunikasi dan Informatika Kota Pekalongan
di Pekalongan
Dengan hormat, sehubungan dengan pelaksanaan Penerimaan Peserta Didik Baru
tahun ajaran 2027/2028 dengan sistem zonasi, kami mohon bantuan penyediaan`;

describe('suggestions from the OCR text of a letter', () => {
  it('reads number, date, sender and perihal of a typical request letter', () => {
    expect(suggestLetterFields(TESSERACT_OUTPUT)).toEqual({
      letterNumber: '005/123/Disdik/XI/2026',
      letterDate: '2026-11-20',
      senderName: 'Dinas Pendidikan',
      subject: 'Permohonan Hosting Aplikasi PPDB',
    });
  });

  it('letter numbers: "No." and spaces around slashes; OCR confusions repaired; telephone numbers ignored', () => {
    expect(extractLetterNumber(ocrLines('No. 421.5/88/Bappeda/2026'))).toBe('421.5/88/Bappeda/2026');
    expect(extractLetterNumber(ocrLines('Nomor : 800 / 12 / Dinkes / VII / 2026'))).toBe('800/12/Dinkes/VII/2026');
    expect(extractLetterNumber(ocrLines('Nomor: OO5/l23/Disdik/Xl/2026'))).toBe('005/123/Disdik/XI/2026');
    expect(extractLetterNumber(ocrLines('Nomor Telepon 0285 421066\nNomor : 000.8.3.3/45/DKISP/2026'))).toBe('000.8.3.3/45/DKISP/2026');
    expect(extractLetterNumber(ocrLines('Nomor : B-123/Disdik/2026 Pekalongan, 3 Desember 2026'))).toBe('B-123/Disdik/2026');
    expect(extractLetterNumber(ocrLines('November 2026 adalah bulan baik'))).toBeNull();
    expect(extractLetterNumber(ocrLines('Hal : permohonan'))).toBeNull();
  });

  it('letter dates: full and abbreviated Indonesian month names, place first; the body is not taken', () => {
    expect(monthFromName('Nopember')).toBe(11);
    expect(monthFromName('Agust.')).toBe(8);
    expect(monthFromName('Des')).toBe(12);
    expect(monthFromName('Foo')).toBeNull();
    expect(extractLetterDate(ocrLines('Pekalongan, 20 Nov 2026'))).toBe('2026-11-20');
    expect(extractLetterDate(ocrLines('Tarakan, 5 Pebruari 2026'))).toBe('2026-02-05');
    expect(extractLetterDate(ocrLines('Nomor : 005/1/2026      Pontianak, 1 Agust. 2026'))).toBe('2026-08-01');
    expect(extractLetterDate(ocrLines('Pekalongan, 20-11-2026'))).toBe('2026-11-20');
    expect(extractLetterDate(ocrLines('Bandar Lampung, 31 Februari 2026'))).toBeNull();
    expect(extractLetterDate(ocrLines('Dengan hormat,\nrapat pada 5 Desember 2026'))).toBeNull();
  });

  it('perihal: "Hal" or "Perihal", continued on the next line, without the right column', () => {
    expect(extractSubject(ocrLines('Perihal : Permohonan Hosting dan\nSubdomain Aplikasi SIMPEG\n\nYth. Kepala Dinas'))).toBe(
      'Permohonan Hosting dan Subdomain Aplikasi SIMPEG',
    );
    expect(extractSubject(ocrLines('Hal : Permohonan Subdomain      Kepada Yth.\nYth. Kepala Dinas'))).toBe('Permohonan Subdomain');
    expect(extractSubject(ocrLines('Hal : Permohonan Hosting\nLampiran : 1 berkas'))).toBe('Permohonan Hosting');
    expect(extractSubject(ocrLines('Halaman 2'))).toBeNull();
  });

  it('sender: the letterhead below "PEMERINTAH KOTA …", over two lines, title-cased', () => {
    expect(extractSenderName(ocrLines('PEMERINTAH KOTA TARAKAN\nBADAN PERENCANAAN PEMBANGUNAN\nDAERAH\nJl. Sudirman No. 1'))).toBe(
      'Badan Perencanaan Pembangunan Daerah',
    );
    expect(extractSenderName(ocrLines('PEMERINTAH KOTA PEKALONGAN DINAS KOMUNIKASI DAN INFORMATIKA\nJl. Mataram'))).toBe('Dinas Komunikasi dan Informatika');
    expect(extractSenderName(ocrLines('DINAS KESEHATAN\nJalan Veteran 12'))).toBe('Dinas Kesehatan');
    expect(extractSenderName(ocrLines('Kepada Yth.\nBapak Kepala'))).toBeNull();
    expect(titleCaseAgency('BADAN PENDAPATAN DAERAH (BAPENDA)')).toBe('Badan Pendapatan Daerah (BAPENDA)');
  });

  it('gives nulls, not guesses, for text that is not a letter', () => {
    expect(suggestLetterFields('')).toEqual({ letterNumber: null, letterDate: null, senderName: null, subject: null });
    expect(suggestLetterFields('lorem ipsum dolor sit amet')).toEqual({ letterNumber: null, letterDate: null, senderName: null, subject: null });
  });
});
