/**
 * The tanda terima surat: the proof, for whoever delivered the letter, that it was received and
 * under which agenda number to ask about it. One page on every paper.
 */
import { FONT } from './fonts';
import { breakBefore, drawFittedText, drawGridRows, drawText, GREY, labelColumnWidth, lineHeight, type Doc, type LabelRow, type TextStyle } from './layout';
import { drawLetterhead, drawTitle, type LetterheadData } from './letterhead';
import type { PageFrame } from './paper';
import { drawSignature, type Signer } from './signature';
import { drawFooter, fitScale } from './sheet';

export interface ReceiptData {
  letterhead: LetterheadData;
  agendaNumber: string;
  /** "24 Desember 2026 pukul 09.05 WIB". */
  receivedAt: string;
  senderName: string;
  letterNumber: string;
  letterDate: string;
  subject: string;
  nature: string;
  service: string;
  /**
   * The planned completion on the SOP ("Senin, 30 November 2026 pukul 08.50 WIB") and the SOP's
   * name; null when the letter has no request or its SOP gives no time.
   */
  estimate: { at: string; sopName: string } | null;
  /** Telephone, website and e-mail of the office, one per line. */
  contacts: string[];
  signer: Signer;
}

export const RECEIPT_NOTE = 'Simpan tanda terima ini. Sebutkan nomor agenda bila menanyakan permohonan Anda.';

function layout(doc: Doc, d: ReceiptData, frame: PageFrame, k: number, dry: boolean): number {
  const x = frame.x;
  const W = frame.contentWidth;
  const base: TextStyle = { font: FONT.regular, size: 10.5 * k };
  const lh = lineHeight(doc, base);
  let y = frame.y;

  y += drawLetterhead(doc, d.letterhead, x, y, W, k, dry);
  y += 10 * k;
  y += drawTitle(doc, 'TANDA TERIMA SURAT', x, y, W, 13 * k, dry);
  y += 8 * k;

  const rows: LabelRow[] = [
    { label: 'Nomor agenda', value: d.agendaNumber, style: { font: FONT.bold, size: 16 * k }, maxHeight: 3 * 16 * k * 1.15, minSize: 10 * k },
    { label: 'Diterima tanggal', value: d.receivedAt, breakBefore: 'pukul' },
    { label: 'Surat dari', value: d.senderName, maxHeight: 6 * lh, minSize: base.size * 0.8 },
    { label: 'Nomor surat', value: d.letterNumber, maxHeight: 4 * lh, minSize: base.size * 0.8 },
    { label: 'Tanggal surat', value: d.letterDate },
    { label: 'Perihal', value: d.subject, maxHeight: 6 * lh, minSize: base.size * 0.75 },
    { label: 'Sifat', value: d.nature },
    { label: 'Layanan', value: d.service },
  ];
  const estimate = d.estimate;
  if (estimate) {
    const sopStyle: TextStyle = { font: FONT.italic, size: 8.5 * k, color: GREY };
    rows.push({
      label: 'Estimasi selesai',
      value: '',
      draw: (vx, vy, vw, dr) => {
        const style: TextStyle = { font: FONT.bold, size: base.size };
        const h = drawText(doc, breakBefore(doc, estimate.at, 'pukul', vw, style), vx, vy, vw, style, Infinity, dr);
        return h + drawFittedText(doc, `Menurut SOP: ${estimate.sopName}`, vx, vy + h, vw, 3 * lineHeight(doc, sopStyle), sopStyle, sopStyle.size * 0.85, dr);
      },
    });
  }
  const pad = 4 * k;
  const labelWidth = labelColumnWidth(doc, rows.map((r) => r.label), base) + 2 * pad;
  y += drawGridRows(doc, rows, x, y, W, { label: base, value: base, labelWidth, pad }, dry);
  y += 7 * k;
  y += drawText(doc, RECEIPT_NOTE, x, y, W, { font: FONT.italic, size: 9.5 * k }, Infinity, dry);
  y += 12 * k;

  // Contact at the left, the clerk's signature at the right.
  const half = W / 2;
  const small: TextStyle = { font: FONT.regular, size: 9 * k };
  let contactH = 0;
  if (d.contacts.length > 0) {
    contactH += drawText(doc, 'Informasi lebih lanjut:', x, y, half - 8 * k, { ...small, font: FONT.bold }, Infinity, dry);
    for (const line of d.contacts) contactH += drawText(doc, line, x, y + contactH, half - 8 * k, small, Infinity, dry);
  }
  const signH = drawSignature(doc, d.signer, x + half, y, half, { text: base, space: 42 * k }, dry);
  y += Math.max(contactH, signH);

  if (!dry) drawFooter(doc, frame, `Dicetak dari Loket — No. agenda ${d.agendaNumber}`, k);
  return y - frame.y;
}

export function drawReceipt(doc: Doc, d: ReceiptData, frame: PageFrame, unit: number): void {
  const { scale } = fitScale((k) => layout(doc, d, frame, k, true), frame.contentHeight, unit);
  layout(doc, d, frame, scale, false);
}
