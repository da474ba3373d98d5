/**
 * The printed documents of an incoming letter: the lembar disposisi and the tanda terima. This
 * module gathers the data from the register; the layouts live in disposition.ts and receipt.ts,
 * and the pieces they share (paper, fonts, letterhead, signature, layout helpers) in their own
 * modules for the later documents (hosting access, berita acara, cover letter, pemberitahuan).
 */
import type { DocumentKind, Letter, OfficeProfile, PaperSize } from '../../../shared/api/schemas';
import { NATURE_LABELS, SERVICE_LABELS } from '../../../shared/api/schemas';
import { formatDateId, formatInstantDateId, formatInstantDateTimeId } from '../../../shared/domain/dates';
import type { CoreContext } from '../context';
import { findOfficial, getOffice, listInstructions, listOfficials } from '../services/office';
import { getLetter } from '../services/letters';
import { drawDispositionSheet, type DispositionData } from './disposition';
import { letterheadData } from './letterhead';
import { formMargins, pageFrame, paperUnit } from './paper';
import { createPdf } from './pdfdoc';
import { drawReceipt, type ReceiptData } from './receipt';
import { signerFor } from './signature';

export interface RenderedPdf {
  data: Buffer;
  fileName: string;
  pages: number;
}

/** A file name from a document name and a number such as "0012/500.12/2026". */
export function documentFileName(prefix: string, number: string): string {
  const safe = number
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return `${prefix}-${safe || 'tanpa-nomor'}.pdf`;
}

export function dispositionData(ctx: CoreContext, office: OfficeProfile, letter: Letter): DispositionData {
  const kabids = listOfficials(ctx.db).filter((o) => o.position === 'kabid' && o.active);
  return {
    letterhead: letterheadData(ctx, office),
    agendaNumber: letter.agendaNumber,
    senderName: letter.senderName,
    letterNumber: letter.letterNumber,
    letterDate: formatDateId(letter.letterDate),
    receivedAt: formatInstantDateTimeId(letter.receivedAt, office.timeZone),
    nature: letter.nature,
    subject: letter.subject,
    summary: letter.summary,
    forwardTo: kabids.map((o) => o.title),
    instructions: listInstructions(ctx.db, false).map((i) => i.label),
    signer: signerFor(findOfficial(ctx.db, 'kadis'), 'kadis', [{ blankAfter: `${office.city}, ` }]),
  };
}

export function receiptData(ctx: CoreContext, office: OfficeProfile, letter: Letter): ReceiptData {
  const contacts: string[] = [];
  if (office.phone) contacts.push(`Telepon ${office.phone}`);
  if (office.website) contacts.push(`Laman ${office.website}`);
  if (office.email) contacts.push(`Pos-el ${office.email}`);
  return {
    letterhead: letterheadData(ctx, office),
    agendaNumber: letter.agendaNumber,
    receivedAt: formatInstantDateTimeId(letter.receivedAt, office.timeZone),
    senderName: letter.senderName,
    letterNumber: letter.letterNumber,
    letterDate: formatDateId(letter.letterDate),
    subject: letter.subject,
    nature: NATURE_LABELS[letter.nature],
    service: SERVICE_LABELS[letter.service],
    contacts,
    signer: {
      heading: [`${office.city}, ${formatInstantDateId(letter.receivedAt, office.timeZone)}`, 'Petugas penerima,'],
      name: letter.createdBy,
      rank: '',
      nip: '',
    },
  };
}

export async function renderLetterDocument(ctx: CoreContext, kind: DocumentKind, letterId: number, paper: PaperSize): Promise<RenderedPdf> {
  const office = getOffice(ctx.db);
  const letter = getLetter(ctx.db, letterId);
  const frame = pageFrame(paper, formMargins(paper));
  const unit = paperUnit(paper);
  // The date the document is about, not the moment it is printed: the same letter gives the same file.
  const createdAt = new Date(letter.receivedAt);

  if (kind === 'disposition_sheet') {
    const pdf = createPdf(ctx.resourcesDir, paper, { title: `Lembar Disposisi ${letter.agendaNumber}`, subject: letter.subject, author: office.agencyName, createdAt });
    drawDispositionSheet(pdf.doc, dispositionData(ctx, office, letter), frame, unit);
    const { data, pages } = await pdf.finish();
    return { data, pages, fileName: documentFileName('lembar-disposisi', letter.agendaNumber) };
  }
  const pdf = createPdf(ctx.resourcesDir, paper, { title: `Tanda Terima Surat ${letter.agendaNumber}`, subject: letter.subject, author: office.agencyName, createdAt });
  drawReceipt(pdf.doc, receiptData(ctx, office, letter), frame, unit);
  const { data, pages } = await pdf.finish();
  return { data, pages, fileName: documentFileName('tanda-terima', letter.agendaNumber) };
}
