/**
 * The surat pemberitahuan: the official letter (naskah dinas, surat biasa) telling the OPD that its
 * request is returned for correction, with the reason the Kabid wrote at the decision. The letter's
 * skeleton (letterhead, Nomor / Sifat / Lampiran / Hal, addressee, body, signature, pagination) is
 * letter.ts; this module writes its words.
 *
 * Printed from the letter alone its number is a dotted line to write by hand; issued through the
 * document register (services/documents.ts) it carries its number and the verification stamp.
 */
import type { Piece } from './flow';
import type { Doc } from './layout';
import { drawLetter, type LetterData } from './letter';
import type { LetterheadData } from './letterhead';
import type { PageFrame } from './paper';
import type { Signer } from './signature';

export interface ReturnNoticeData {
  letterhead: LetterheadData;
  /** "Pekalongan, 23 November 2026": the date of the return decision. */
  placeDate: string;
  /** The return decision (ISO instant): the document's date. */
  decidedAt: string;
  /** "Pengembalian Permohonan Hosting". */
  subjectLine: string;
  /** "Kepala Dinas Pendidikan". */
  addressee: string;
  letterNumber: string;
  /** "20 November 2026". */
  letterDate: string;
  subject: string;
  /** "23 November 2026". */
  receivedDate: string;
  agendaNumber: string;
  /** The office's name as the body writes it ("Dinas Komunikasi dan Informatika"). */
  agencyName: string;
  reason: string;
  signer: Signer;
  /** The number from the document register; absent or null prints a dotted line. */
  number?: string | null;
}

/** "Yth. Kepala {sender}", without doubling "Kepala" when the sender is already written so. */
export function addresseeOf(senderName: string): string {
  const name = senderName.trim();
  return /^kepala\s/i.test(name) ? name : `Kepala ${name}`;
}

/** The paragraphs of the body around the reason. */
export function noticeParagraphs(d: Pick<ReturnNoticeData, 'letterNumber' | 'letterDate' | 'subject' | 'receivedDate' | 'agendaNumber' | 'agencyName'>): {
  opening: string;
  closing: string;
  farewell: string;
} {
  const subject = d.subject.trim().replace(/[.\s]+$/, '');
  return {
    opening:
      `Menindaklanjuti surat Saudara nomor ${d.letterNumber} tanggal ${d.letterDate} perihal ${subject}, ` +
      `yang kami terima pada tanggal ${d.receivedDate} dengan nomor agenda ${d.agendaNumber}, bersama ini kami beritahukan ` +
      'bahwa permohonan tersebut belum dapat kami laksanakan dengan alasan sebagai berikut:',
    closing:
      'Sehubungan dengan hal tersebut, surat permohonan kami kembalikan untuk dikaji ulang dan diperbaiki, ' +
      `dan selanjutnya dapat diajukan kembali kepada ${d.agencyName}.`,
    farewell: 'Demikian pemberitahuan ini kami sampaikan. Atas perhatian dan kerja sama Saudara, kami ucapkan terima kasih.',
  };
}

/** The surat pemberitahuan as a letter of the shared skeleton. */
export function returnNoticeLetter(d: ReturnNoticeData): LetterData {
  const p = noticeParagraphs(d);
  return {
    letterhead: d.letterhead,
    placeDate: d.placeDate,
    number: d.number ?? null,
    nature: 'Biasa',
    attachment: '–',
    subjectLine: d.subjectLine,
    addressee: d.addressee,
    body: [
      { kind: 'paragraph', text: p.opening },
      { kind: 'indented', text: d.reason || '–' },
      { kind: 'paragraph', text: p.closing },
    ],
    farewell: p.farewell,
    signer: d.signer,
  };
}

/** Draws the letter from the document's first page, adding a page when needed. Returns the page count. */
export function drawReturnNotice(doc: Doc, d: ReturnNoticeData, frame: PageFrame, unit: number, tail: readonly Piece[] = []): number {
  return drawLetter(doc, returnNoticeLetter(d), frame, unit, tail);
}
