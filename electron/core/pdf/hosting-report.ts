/**
 * The laporan pembuatan domain dan hosting (SOP A step 6, B step 15, C steps 7–8): the officer
 * reports to the Kabid that the subdomain and the hosting are ready. Letterhead; the title and its
 * number; "Yth. {Kabid}"; what was asked (the letter, its agenda number); the hosted system's
 * particulars (subdomain, IP addresses, server, stack, database, web panel and its user name — never
 * the password); notes; the officer's signature at the right and, optionally, "Mengetahui" at the left.
 */
import { formatDateId } from '../../../shared/domain/dates';
import type { ReportContent } from './content';
import { block, paragraph, type Piece } from './flow';
import { drawText, textHeight, type Doc, type LabelRow } from './layout';
import type { LetterheadData } from './letterhead';
import type { PageFrame } from './paper';
import { bodyStyle, gridPiece, letterheadPiece, signaturePairPiece, titlePiece } from './parts';

export const REPORT_TITLE = 'LAPORAN PEMBUATAN DOMAIN DAN HOSTING';
export const REPORT_PASSWORD_NOTE = 'Disimpan terenkripsi di Loket; tidak dicantumkan pada laporan ini.';

export function reportOpening(c: Pick<ReportContent, 'request'>): string {
  const r = c.request;
  const subject = r.subject.trim().replace(/[.\s]+$/, '');
  return (
    `Menindaklanjuti disposisi atas surat ${r.senderName} nomor ${r.letterNumber} tanggal ${r.letterDate} perihal ${subject} ` +
    `(nomor agenda ${r.agendaNumber}), dengan ini kami laporkan bahwa subdomain dan hosting telah dibuat dan disiapkan ` +
    'dengan rincian sebagai berikut:'
  );
}

export const REPORT_CLOSING =
  'Demikian laporan ini kami sampaikan. Selanjutnya dokumen hak akses hosting dapat disiapkan untuk disahkan oleh Kepala Dinas ' +
  'dan disampaikan kepada perangkat daerah pemohon.';

export function systemRows(c: Pick<ReportContent, 'system'>): LabelRow[] {
  const s = c.system;
  const dash = (v: string) => (v.trim() === '' ? '–' : v);
  return [
    { label: 'Perangkat Daerah', value: s.opdName },
    { label: 'Nama aplikasi', value: s.applicationName },
    { label: 'Subdomain', value: s.fqdn },
    { label: 'Alamat IP', value: s.addresses.join('\n') || '–' },
    { label: 'Server', value: dash(s.server) },
    { label: 'Teknologi', value: dash(s.stack) },
    { label: 'Basis data', value: dash(s.database) },
    { label: 'Alamat web panel', value: dash(s.panelUrl) },
    { label: 'Nama pengguna web panel', value: dash(s.panelUsername) },
  ];
}

export function reportPieces(doc: Doc, c: ReportContent, letterhead: LetterheadData, frame: PageFrame, k: number, unit: number): Piece[] {
  const { x, contentWidth: W } = frame;
  const text = bodyStyle(k, unit);
  const body = { ...text, align: 'justify' as const };
  const gap = text.size * 0.7;
  const out: Piece[] = [letterheadPiece(doc, letterhead, frame, unit), titlePiece(doc, [REPORT_TITLE], c.number, frame, k, unit, 16 * k)];

  const to = `Yth. ${c.addressee.title}${c.addressee.name ? `\n${c.addressee.name}` : ''}\ndi Tempat`;
  const toW = W * 0.7;
  out.push(block(16 * k, textHeight(doc, to, toW, text), (y) => drawText(doc, to, x, y, toW, text)));
  out.push(paragraph(doc, reportOpening(c), x, W, body, 14 * k));
  const rows: LabelRow[] = [
    ...systemRows(c),
    { label: 'Kata sandi web panel', value: REPORT_PASSWORD_NOTE },
    { label: 'Tanggal selesai', value: formatDateId(c.date) },
  ];
  out.push(gridPiece(doc, rows, frame, text, gap));
  if (c.notes.trim() !== '') out.push(paragraph(doc, `Keterangan: ${c.notes.trim()}`, x, W, body, gap));
  out.push(paragraph(doc, REPORT_CLOSING, x, W, body, gap));
  out.push(signaturePairPiece(doc, c.acknowledger, c.officer, frame, text, 56 * k, 18 * k));
  return out;
}
