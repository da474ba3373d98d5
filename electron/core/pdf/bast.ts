/**
 * The Berita Acara Serah Terima (BAST) of a hosting and subdomain: centred title and subject with
 * its number; "Pada hari ini Senin tanggal Dua Puluh Tiga bulan November tahun Dua Ribu Dua Puluh
 * Enam (23-11-2026), bertempat di …, kami yang bertanda tangan di bawah ini:"; the two parties
 * (Nama / NIP / Pangkat/Gol. / Jabatan / Instansi), "selanjutnya disebut PIHAK PERTAMA / PIHAK
 * KEDUA"; what PIHAK PERTAMA hands over and PIHAK KEDUA receives; numbered clauses; "Demikian Berita
 * Acara ini dibuat dalam rangkap 2 (dua) …"; both signatures side by side (PIHAK KEDUA at the left,
 * PIHAK PERTAMA at the right, as the office's official signs at the right of its letters), and the
 * witnesses below when there are any.
 */
import { countWithWords, spelledDate } from '../../../shared/domain/terbilang';
import type { BastContent, PartyContent } from './content';
import { FONT } from './fonts';
import { block, paragraph, type Piece } from './flow';
import { listPieces } from './letter';
import { drawLabelRows, drawText, labelColumnWidth, lineHeight, textHeight, textWidth, type Doc, type LabelRow, type TextStyle } from './layout';
import type { LetterheadData } from './letterhead';
import type { PageFrame } from './paper';
import { bodyStyle, letterheadPiece, signaturePairPiece, titlePiece } from './parts';
import { formatNip, type Signer } from './signature';

export const BAST_TITLE = 'BERITA ACARA SERAH TERIMA';

/** "Pada hari ini Senin tanggal … (23-11-2026), bertempat di …, kami yang bertanda tangan di bawah ini:". */
export function bastOpening(isoDate: string, place: string): string {
  return `Pada hari ini ${spelledDate(isoDate)}, bertempat di ${place.trim()}, kami yang bertanda tangan di bawah ini:`;
}

export const BAST_HANDOVER =
  'PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA dan PIHAK KEDUA menerima dari PIHAK PERTAMA hak pengelolaan hosting dan subdomain ' +
  'dengan rincian sebagai berikut:';

export function bastClosing(copies: number): string {
  return (
    `Demikian Berita Acara ini dibuat dalam rangkap ${countWithWords(copies)} yang masing-masing mempunyai kekuatan hukum yang sama, ` +
    'untuk dipergunakan sebagaimana mestinya.'
  );
}

/** The standard clauses, for an office that writes none of its own. */
export function defaultBastClauses(agencyName: string): string[] {
  return [
    'PIHAK KEDUA bertanggung jawab atas isi, pengelolaan, dan keamanan aplikasi atau situs web yang ditempatkan pada hosting tersebut.',
    'PIHAK KEDUA wajib segera mengganti kata sandi awal web panel dan menjaga kerahasiaan hak akses yang diterimanya.',
    'PIHAK KEDUA wajib memperbarui aplikasi secara berkala dan tidak menempatkan konten yang melanggar ketentuan peraturan perundang-undangan.',
    'PIHAK PERTAMA berwenang menangguhkan layanan hosting apabila ditemukan pelanggaran atau ancaman keamanan, dengan pemberitahuan kepada PIHAK KEDUA.',
    `Gangguan dan pengaduan tentang layanan hosting disampaikan PIHAK KEDUA kepada ${agencyName.trim()} melalui kanal pengaduan yang tersedia.`,
  ];
}

/** A party's signature block: "PIHAK KEDUA," and the position, the name, rank and NIP. */
export function partySigner(party: PartyContent, which: 'PIHAK PERTAMA' | 'PIHAK KEDUA'): Signer {
  return { heading: [`${which},`, `${party.position},`], name: party.name, rank: party.rank, nip: party.nip };
}

const dash = (v: string) => (v.trim() === '' ? '–' : v);

function partyRows(p: PartyContent): LabelRow[] {
  return [
    { label: 'Nama', value: p.name },
    { label: 'NIP', value: p.nip ? formatNip(p.nip) : '–' },
    { label: 'Pangkat/Gol.', value: dash(p.rank) },
    { label: 'Jabatan', value: p.position },
    { label: 'Instansi', value: dash(p.agency) },
  ];
}

/** "1." and the party's rows, then "selanjutnya disebut PIHAK …" with the party's name in bold. */
function partyPiece(doc: Doc, n: number, p: PartyContent, which: string, frame: PageFrame, text: TextStyle, gap: number): Piece {
  const { x, contentWidth: W } = frame;
  const numberW = textWidth(doc, '2.', text) + text.size * 0.6;
  const rowsX = x + numberW;
  const rowsW = W - numberW;
  const rows = partyRows(p);
  const opts = { label: { ...text, lineGap: 0 }, value: { ...text, lineGap: 0 }, rowGap: text.size * 0.1, labelWidth: labelColumnWidth(doc, rows.map((r) => r.label), text) };
  const rowsH = drawLabelRows(doc, rows, rowsX, 0, rowsW, opts, true);
  const lh = lineHeight(doc, text);
  const height = rowsH + text.size * 0.3 + lh;
  return block(gap, height, (y) => {
    drawText(doc, `${n}.`, x, y, numberW, text);
    drawLabelRows(doc, rows, rowsX, y, rowsW, opts);
    const ly = y + rowsH + text.size * 0.3;
    doc.font(FONT.regular).fontSize(text.size).fillColor('#000000');
    doc.text('selanjutnya disebut ', rowsX, ly, { continued: true, lineBreak: false });
    doc.font(FONT.bold).text(`${which}.`, { lineBreak: false });
  });
}

export function bastPieces(doc: Doc, c: BastContent, letterhead: LetterheadData, frame: PageFrame, k: number, unit: number): Piece[] {
  const { x, contentWidth: W } = frame;
  const text = bodyStyle(k, unit);
  const body = { ...text, align: 'justify' as const };
  const gap = text.size * 0.7;
  const out: Piece[] = [letterheadPiece(doc, letterhead, frame, unit), titlePiece(doc, [BAST_TITLE, c.subjectLine], c.number, frame, k, unit, 16 * k)];
  out.push(paragraph(doc, c.opening, x, W, body, 16 * k));
  out.push(partyPiece(doc, 1, c.first, 'PIHAK PERTAMA', frame, text, gap));
  out.push(partyPiece(doc, 2, c.second, 'PIHAK KEDUA', frame, text, gap));
  out.push(paragraph(doc, c.handover, x, W, body, gap));
  // What is handed over: numbered "label : value" rows.
  if (c.items.length > 0) {
    const numbered = c.items.map((item, i) => ({ label: `${i + 1}. ${item.label}`, value: item.value }));
    const opts = { label: { ...text, lineGap: 0 }, value: { ...text, lineGap: 0 }, rowGap: text.size * 0.15, labelWidth: labelColumnWidth(doc, numbered.map((r) => r.label), text) };
    const indent = text.size * 1.2;
    numbered.forEach((row, i) => {
      out.push(
        block(i === 0 ? text.size * 0.3 : opts.rowGap, drawLabelRows(doc, [row], x + indent, 0, W - indent, opts, true), (y) => drawLabelRows(doc, [row], x + indent, y, W - indent, opts)),
      );
    });
  }
  if (c.clauses.length > 0) {
    out.push(paragraph(doc, 'dengan ketentuan sebagai berikut:', x, W, body, gap));
    out.push(...listPieces(doc, c.clauses, x, W, text, text.size * 0.3, text.size * 0.2));
  }
  // The closing stays with the signatures.
  const closingH = textHeight(doc, c.closing, W, body);
  const signatures = signaturePairPiece(doc, partySigner(c.second, 'PIHAK KEDUA'), partySigner(c.first, 'PIHAK PERTAMA'), frame, text, 56 * k, 18 * k);
  out.push(
    block(gap, closingH + signatures.gap + signatures.height, (y) => {
      drawText(doc, c.closing, x, y, W, body);
      signatures.draw(y + closingH + signatures.gap);
    }),
  );
  if (c.witnesses.length > 0) {
    const heading: TextStyle = { font: FONT.bold, size: text.size, align: 'center' };
    out.push(block(16 * k, lineHeight(doc, heading), (y) => drawText(doc, 'Saksi-saksi:', x, y, W, heading)));
    for (let i = 0; i < c.witnesses.length; i += 2) {
      const signer = (p: PartyContent | undefined, n: number): Signer | null =>
        p ? { heading: [`${n}. ${p.position}${p.agency ? ` ${p.agency}` : ''},`], name: p.name, rank: p.rank, nip: p.nip } : null;
      out.push(signaturePairPiece(doc, signer(c.witnesses[i], i + 1), signer(c.witnesses[i + 1], i + 2), frame, text, 48 * k, i === 0 ? 8 * k : 14 * k));
    }
  }
  return out;
}
