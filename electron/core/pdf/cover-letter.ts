/**
 * The surat pengantar: the letter (naskah dinas, the skeleton of letter.ts) with which the Kadis
 * hands the result to the OPD — Hal "Penyampaian Hak Akses Hosting", the enclosed documents listed
 * with their numbers (Lampiran: n berkas), the reminder to change the initial password, and where to
 * complain.
 */
import { countWithWords } from '../../../shared/domain/terbilang';
import type { BodyItem } from './letter';

export interface CoverWords {
  letterNumber: string;
  letterDate: string;
  subject: string;
  agendaNumber: string;
  fqdn: string;
  applicationName: string;
  enclosures: readonly string[];
  /** The office's complaint channels ("Telepon (0285) 421243", …). */
  contacts: readonly string[];
}

export const COVER_FAREWELL = 'Demikian kami sampaikan. Atas perhatian dan kerja sama Saudara, kami ucapkan terima kasih.';

/** "1 (satu) berkas", or "–" when nothing is enclosed. */
export function enclosureCount(n: number): string {
  return n > 0 ? `${countWithWords(n)} berkas` : '–';
}

export function coverBody(w: CoverWords): BodyItem[] {
  const subject = w.subject.trim().replace(/[.\s]+$/, '');
  const opening =
    `Menindaklanjuti surat Saudara nomor ${w.letterNumber} tanggal ${w.letterDate} perihal ${subject} ` +
    `(nomor agenda ${w.agendaNumber}), bersama ini kami sampaikan bahwa hosting dan subdomain ${w.fqdn} ` +
    `untuk aplikasi ${w.applicationName} telah selesai kami siapkan` +
    (w.enclosures.length > 0 ? '. Bersama surat ini kami sampaikan:' : '.');
  const body: BodyItem[] = [{ kind: 'paragraph', text: opening }];
  if (w.enclosures.length > 0) body.push({ kind: 'list', items: [...w.enclosures] });
  body.push({
    kind: 'paragraph',
    text:
      'Kata sandi awal yang tercantum pada dokumen hak akses hosting bersifat rahasia dan harus segera diganti saat pertama kali masuk.' +
      (w.contacts.length > 0 ? ` Gangguan, pertanyaan, dan pengaduan tentang layanan hosting dapat disampaikan melalui ${w.contacts.join(', ')}.` : ''),
  });
  return body;
}
