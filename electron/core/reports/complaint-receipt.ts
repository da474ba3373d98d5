/**
 * The Tanda Terima Pengaduan: proof for the complainant that the complaint was recorded, under
 * which number to ask about it, and the office's complaint channels with its Pejabat Pengaduan (as
 * the standar pelayanan requires). One page on A4, F4 and the half folio.
 *
 * `drawComplaintContacts` is the contacts block on its own, for other documents (the documents
 * helper prints it on the hosting-access document): pass it `officeComplaintContacts(db)`.
 */
import type { PaperSize } from '../../../shared/api/schemas';
import { COMPLAINT_CHANNEL_LABELS, COMPLAINT_STATUS_LABELS, type Complaint } from '../../../shared/api/report-schemas';
import { formatInstantDateId, formatInstantDateTimeId } from '../../../shared/domain/dates';
import type { CoreContext } from '../context';
import { getComplaint, officeComplaintContacts } from '../services/complaints';
import { getOffice } from '../services/office';
import { documentFileName } from '../pdf/documents';
import { FONT } from '../pdf/fonts';
import { drawGridRows, drawText, labelColumnWidth, lineHeight, strokeRect, type Doc, type LabelRow, type TextStyle } from '../pdf/layout';
import { drawLetterhead, drawTitle, letterheadData, type LetterheadData } from '../pdf/letterhead';
import { formMargins, pageFrame, paperUnit, type PageFrame } from '../pdf/paper';
import { createPdf } from '../pdf/pdfdoc';
import { drawFooter, fitScale } from '../pdf/sheet';
import { drawSignature, type Signer } from '../pdf/signature';
import type { RenderedFile } from './pdf';

/**
 * A framed "Saluran pengaduan" block: the heading and one line per channel. Returns its height;
 * with `dry` it only measures. `k` scales the type (1 = 9 pt lines).
 */
export function drawComplaintContacts(doc: Doc, lines: readonly string[], x: number, y: number, width: number, k = 1, dry = false, heading = 'Saluran pengaduan'): number {
  if (lines.length === 0) return 0;
  const pad = 5 * k;
  const style: TextStyle = { font: FONT.regular, size: 9 * k };
  let h = pad;
  h += drawText(doc, `${heading}:`, x + pad, y + h, width - 2 * pad, { ...style, font: FONT.bold }, Infinity, dry) + 1.5 * k;
  for (const line of lines) h += drawText(doc, line, x + pad, y + h, width - 2 * pad, style, Infinity, dry);
  h += pad;
  if (!dry) strokeRect(doc, { x, y, w: width, h }, 0.6);
  return h;
}

export interface ComplaintReceiptData {
  letterhead: LetterheadData;
  number: string;
  receivedAt: string;
  channel: string;
  complainant: string;
  contact: string;
  opd: string;
  subject: string;
  description: string;
  about: string;
  status: string;
  contacts: string[];
  signer: Signer;
}

export const COMPLAINT_RECEIPT_NOTE =
  'Simpan tanda terima ini. Sebutkan nomor pengaduan bila menanyakan tindak lanjutnya. Bila petugas tidak dapat menyelesaikan masalah, pengaduan diteruskan kepada Pejabat Pengaduan.';

export function complaintReceiptData(ctx: CoreContext, complaint: Complaint): ComplaintReceiptData {
  const office = getOffice(ctx.db);
  const about: string[] = [];
  if (complaint.hostedSystem) about.push(`${complaint.hostedSystem.applicationName} (${complaint.hostedSystem.fqdn})`);
  if (complaint.relatedLetter) about.push(`Surat no. agenda ${complaint.relatedLetter.agendaNumber}: ${complaint.relatedLetter.subject}`);
  return {
    letterhead: letterheadData(ctx, office),
    number: complaint.number,
    receivedAt: formatInstantDateTimeId(complaint.receivedAt, office.timeZone),
    channel: COMPLAINT_CHANNEL_LABELS[complaint.channel],
    complainant: complaint.complainantName,
    contact: complaint.complainantContact,
    opd: complaint.opdName ?? '',
    subject: complaint.subject,
    description: complaint.description,
    about: about.join('; '),
    status: COMPLAINT_STATUS_LABELS[complaint.status],
    contacts: officeComplaintContacts(ctx.db),
    signer: {
      heading: [`${office.city}, ${formatInstantDateId(complaint.receivedAt, office.timeZone)}`, 'Petugas penerima,'],
      name: complaint.createdBy,
      rank: '',
      nip: '',
    },
  };
}

function layout(doc: Doc, d: ComplaintReceiptData, frame: PageFrame, k: number, dry: boolean): number {
  const x = frame.x;
  const W = frame.contentWidth;
  const base: TextStyle = { font: FONT.regular, size: 10.5 * k };
  const lh = lineHeight(doc, base);
  let y = frame.y;
  y += drawLetterhead(doc, d.letterhead, x, y, W, k, dry);
  y += 10 * k;
  y += drawTitle(doc, 'TANDA TERIMA PENGADUAN', x, y, W, 13 * k, dry);
  y += 8 * k;
  const rows: LabelRow[] = [
    { label: 'Nomor pengaduan', value: d.number, style: { font: FONT.bold, size: 15 * k }, maxHeight: 2 * 15 * k * 1.15, minSize: 10 * k },
    { label: 'Diterima', value: d.receivedAt, breakBefore: 'pukul' },
    { label: 'Saluran', value: d.channel },
    { label: 'Nama pengadu', value: d.complainant, maxHeight: 3 * lh, minSize: base.size * 0.8 },
  ];
  if (d.contact) rows.push({ label: 'Kontak pengadu', value: d.contact, maxHeight: 2 * lh, minSize: base.size * 0.8 });
  if (d.opd) rows.push({ label: 'OPD', value: d.opd, maxHeight: 3 * lh, minSize: base.size * 0.8 });
  if (d.about) rows.push({ label: 'Terkait', value: d.about, maxHeight: 4 * lh, minSize: base.size * 0.75 });
  rows.push({ label: 'Pokok pengaduan', value: d.subject, maxHeight: 4 * lh, minSize: base.size * 0.75 });
  if (d.description) rows.push({ label: 'Uraian', value: d.description, maxHeight: 8 * lh, minSize: base.size * 0.7 });
  rows.push({ label: 'Status', value: d.status });
  const pad = 4 * k;
  const labelWidth = labelColumnWidth(doc, rows.map((r) => r.label), base) + 2 * pad;
  y += drawGridRows(doc, rows, x, y, W, { label: base, value: base, labelWidth, pad }, dry);
  y += 7 * k;
  y += drawText(doc, COMPLAINT_RECEIPT_NOTE, x, y, W, { font: FONT.italic, size: 9 * k }, Infinity, dry);
  y += 12 * k;
  const half = W / 2;
  const contactsH = drawComplaintContacts(doc, d.contacts, x, y, half - 10 * k, k, dry);
  const signH = drawSignature(doc, d.signer, x + half, y, half, { text: base, space: 42 * k }, dry);
  y += Math.max(contactsH, signH);
  if (!dry) drawFooter(doc, frame, `Dicetak dari Loket — Pengaduan ${d.number}`, k);
  return y - frame.y;
}

export function drawComplaintReceipt(doc: Doc, d: ComplaintReceiptData, frame: PageFrame, unit: number): void {
  const { scale } = fitScale((k) => layout(doc, d, frame, k, true), frame.contentHeight, unit);
  layout(doc, d, frame, scale, false);
}

export async function renderComplaintReceipt(ctx: CoreContext, complaintId: number, paper: PaperSize): Promise<RenderedFile> {
  const complaint = getComplaint(ctx.db, complaintId);
  const office = getOffice(ctx.db);
  const data = complaintReceiptData(ctx, complaint);
  const pdf = createPdf(ctx.resourcesDir, paper, {
    title: `Tanda Terima Pengaduan ${complaint.number}`,
    subject: complaint.subject,
    author: office.agencyName,
    createdAt: new Date(complaint.receivedAt),
  });
  drawComplaintReceipt(pdf.doc, data, pageFrame(paper, formMargins(paper)), paperUnit(paper));
  const { data: bytes, pages } = await pdf.finish();
  return { data: bytes, pages, fileName: documentFileName('tanda-terima-pengaduan', complaint.number) };
}
