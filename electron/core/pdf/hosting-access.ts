/**
 * The dokumen hak akses hosting: what the OPD needs to reach its hosting — subdomain, IP
 * address(es), server, web panel address, user name and the INITIAL PASSWORD with the instruction
 * to change it at the first login — with the office's complaint channels, approved (pengesahan) by
 * the Kadis ("Plt." when acting).
 *
 * The password is passed in at rendering only (opened from the sealed value kept with the version);
 * the content JSON holds a reference to it, never the password.
 */
import type { AccessContent } from './content';
import { FONT } from './fonts';
import { block, paragraph, type Piece } from './flow';
import type { Doc, LabelRow, TextStyle } from './layout';
import type { LetterheadData } from './letterhead';
import type { PageFrame } from './paper';
import { bodyStyle, boxedPiece, gridPiece, letterheadPiece, signaturePairPiece, titlePiece } from './parts';
import { systemRows } from './hosting-report';
import { drawComplaintContacts } from '../reports/complaint-receipt';

export const ACCESS_TITLE = 'DOKUMEN HAK AKSES HOSTING';
/** Printed under the password, as the issue requires, word for word. */
export const CHANGE_PASSWORD_INSTRUCTION = 'Segera ganti kata sandi ini saat pertama kali masuk.';
export const ACCESS_SECRECY_NOTE =
  'Dokumen ini bersifat rahasia. Simpan di tempat yang aman dan jangan berikan nama pengguna atau kata sandi kepada pihak lain.';

export function accessOpening(c: Pick<AccessContent, 'request' | 'agencyName'>): string {
  const r = c.request;
  const subject = r.subject.trim().replace(/[.\s]+$/, '');
  return (
    `Berdasarkan surat ${r.senderName} nomor ${r.letterNumber} tanggal ${r.letterDate} perihal ${subject} ` +
    `(nomor agenda ${r.agendaNumber}), ${c.agencyName} telah menyediakan hosting dan subdomain dengan hak akses sebagai berikut:`
  );
}

export function complaintsLead(agencyName: string): string {
  return `Gangguan, pertanyaan, dan pengaduan tentang layanan hosting dapat disampaikan kepada ${agencyName} melalui:`;
}

export function accessPieces(doc: Doc, c: AccessContent, password: string, letterhead: LetterheadData, frame: PageFrame, k: number, unit: number): Piece[] {
  const { x, contentWidth: W } = frame;
  const text = bodyStyle(k, unit);
  const body = { ...text, align: 'justify' as const };
  const gap = text.size * 0.7;
  const out: Piece[] = [letterheadPiece(doc, letterhead, frame, unit), titlePiece(doc, [ACCESS_TITLE], c.number, frame, k, unit, 16 * k)];
  out.push(paragraph(doc, accessOpening(c), x, W, body, 16 * k));

  const passwordStyle: TextStyle = { font: FONT.monoBold, size: 13 * k * unit };
  const rows: LabelRow[] = [
    ...systemRows(c).filter((r) => r.label !== 'Teknologi' && r.label !== 'Basis data'),
    { label: 'Kata sandi awal', value: password, style: passwordStyle },
  ];
  out.push(gridPiece(doc, rows, frame, text, gap));
  const strong: TextStyle = { font: FONT.bold, size: text.size };
  out.push(
    boxedPiece(
      doc,
      [
        [CHANGE_PASSWORD_INSTRUCTION, strong],
        [ACCESS_SECRECY_NOTE, { font: FONT.regular, size: text.size * 0.92 }],
      ],
      frame,
      gap,
    ),
  );
  if (c.notes.trim() !== '') out.push(paragraph(doc, `Catatan: ${c.notes.trim()}`, x, W, body, gap));
  const signature = signaturePairPiece(doc, null, c.signer, frame, text, 56 * k, 18 * k);
  if (c.contacts.length === 0) {
    out.push(signature);
    return out;
  }
  out.push(paragraph(doc, complaintsLead(c.agencyName), x, W, body, gap));
  // The framed channels of the Tanda Terima Pengaduan in the left half, beside the Kadis's signature.
  const kc = (text.size * 0.9) / 9;
  const boxW = W / 2 - 12 * k;
  const boxH = drawComplaintContacts(doc, c.contacts, x, 0, boxW, kc, true);
  out.push(
    block(signature.gap, Math.max(signature.height, boxH), (y) => {
      drawComplaintContacts(doc, c.contacts, x, y, boxW, kc);
      signature.draw(y);
    }),
  );
  return out;
}
