/**
 * The printed documents of an incoming letter: the lembar disposisi, the tanda terima and, for a
 * request returned to the OPD, the surat pemberitahuan. This module gathers the data from the
 * register (records.ts reads the SOP engine's tables); the layouts live in disposition.ts,
 * receipt.ts and notice.ts, and the pieces they share (paper, fonts, letterhead, signature, layout
 * helpers) in their own modules for the later documents (hosting access, berita acara, cover letter).
 */
import { ApiError } from '../../../shared/api/errors';
import type { DocumentKind, Letter, OfficeProfile, PaperSize } from '../../../shared/api/schemas';
import { NATURE_LABELS, SERVICE_LABELS } from '../../../shared/api/schemas';
import { formatDateId, formatInstantDateId, formatInstantDateTimeId } from '../../../shared/domain/dates';
import type { CoreContext } from '../context';
import { findOfficial, getOffice, listInstructions, listOfficials } from '../services/office';
import { getLetter } from '../services/letters';
import { drawDispositionSheet, type DispositionData } from './disposition';
import { letterheadData } from './letterhead';
import { addresseeOf, drawReturnNotice, type ReturnNoticeData } from './notice';
import { formMargins, letterMargins, pageFrame, paperUnit } from './paper';
import { createPdf } from './pdfdoc';
import { drawReceipt, type ReceiptData } from './receipt';
import { dispositionChain, formatDayDateTimeId, plannedCompletion, requestOfLetter, returnDecision } from './records';
import { signerFor, type Signer } from './signature';

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
  const request = requestOfLetter(ctx.db, letter.id);
  const chain = request ? dispositionChain(ctx.db, request, office.timeZone) : [];
  const first = chain[0];
  // The first level signs the sheet: its official (with "Plt.", rank and NIP) when the disposer's
  // account is linked to one, else the disposer's name under the SOP's label of the role. Before any
  // disposition, the Kadis with a date to write by hand.
  let signer: Signer = signerFor(findOfficial(ctx.db, 'kadis'), 'kadis', [{ blankAfter: `${office.city}, ` }]);
  if (first) {
    const heading = [`${office.city}, ${formatInstantDateId(first.createdAt, office.timeZone)}`];
    signer = first.fromOfficial
      ? signerFor(first.fromOfficial, first.fromOfficial.position, heading)
      : { heading: [...heading, `${first.fromRoleLabel || 'Pejabat pemberi disposisi'},`], name: first.fromUserName, rank: '', nip: '' };
  }
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
    forwardTo: kabids.map((o) => ({ officialId: o.id, title: o.title })),
    instructions: listInstructions(ctx.db, false).map((i) => i.label),
    chain: chain.map((c) => c.level),
    signer,
  };
}

export function receiptData(ctx: CoreContext, office: OfficeProfile, letter: Letter): ReceiptData {
  const contacts: string[] = [];
  if (office.phone) contacts.push(`Telepon ${office.phone}`);
  if (office.website) contacts.push(`Laman ${office.website}`);
  if (office.email) contacts.push(`Pos-el ${office.email}`);
  const request = requestOfLetter(ctx.db, letter.id);
  const estimated = request ? plannedCompletion(ctx.db, request, letter.receivedAt) : null;
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
    estimate: request && estimated ? { at: formatDayDateTimeId(estimated, office.timeZone), sopName: request.template.name } : null,
    contacts,
    signer: {
      heading: [`${office.city}, ${formatInstantDateId(letter.receivedAt, office.timeZone)}`, 'Petugas penerima,'],
      name: letter.createdBy,
      rank: '',
      nip: '',
    },
  };
}

const capitalizeWords = (text: string): string => text.replace(/(^|\s)(\p{Ll})/gu, (_m, space: string, c: string) => space + c.toLocaleUpperCase('id-ID'));

/** The surat pemberitahuan of a returned request; CONFLICT when the letter's request is not returned. */
export function returnNoticeData(ctx: CoreContext, office: OfficeProfile, letter: Letter): ReturnNoticeData {
  const request = requestOfLetter(ctx.db, letter.id);
  if (!request || request.state !== 'dikembalikan') throw new ApiError('CONFLICT', 'Surat pemberitahuan hanya untuk permohonan yang dikembalikan.');
  const decision = returnDecision(ctx.db, request);
  const decidedAt = decision?.at ?? request.closedAt ?? letter.receivedAt;
  return {
    letterhead: letterheadData(ctx, office),
    placeDate: `${office.city}, ${formatInstantDateId(decidedAt, office.timeZone)}`,
    decidedAt,
    subjectLine: `Pengembalian Permohonan ${capitalizeWords(SERVICE_LABELS[letter.service])}`,
    addressee: addresseeOf(letter.senderName),
    letterNumber: letter.letterNumber,
    letterDate: formatDateId(letter.letterDate),
    subject: letter.subject,
    receivedDate: formatInstantDateId(letter.receivedAt, office.timeZone),
    agendaNumber: letter.agendaNumber,
    agencyName: office.agencyName,
    reason: decision?.reason ?? '',
    signer: signerFor(findOfficial(ctx.db, 'kadis'), 'kadis', []),
  };
}

export async function renderLetterDocument(ctx: CoreContext, kind: DocumentKind, letterId: number, paper: PaperSize): Promise<RenderedPdf> {
  const office = getOffice(ctx.db);
  const letter = getLetter(ctx.db, letterId);
  const frame = pageFrame(paper, formMargins(paper));
  const unit = paperUnit(paper);
  // The date the document is about, not the moment it is printed: the same letter gives the same file.
  const createdAt = new Date(letter.receivedAt);

  if (kind === 'return_notice') {
    const data = returnNoticeData(ctx, office, letter);
    const pdf = createPdf(ctx.resourcesDir, paper, {
      title: `Surat Pemberitahuan ${letter.agendaNumber}`,
      subject: data.subjectLine,
      author: office.agencyName,
      createdAt: new Date(data.decidedAt),
    });
    drawReturnNotice(pdf.doc, data, pageFrame(paper, letterMargins(paper)), unit);
    const { data: bytes, pages } = await pdf.finish();
    return { data: bytes, pages, fileName: documentFileName('surat-pemberitahuan', letter.agendaNumber) };
  }
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
