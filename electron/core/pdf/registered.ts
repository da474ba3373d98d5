/**
 * Renders a version of a registered document from its content JSON (content.ts): the layout of its
 * type on letter margins, A4 or F4, the verification stamp (QR code and "Nomor … · versi … · hash")
 * at the bottom left of the last page, the payload in the PDF's Keywords, and a light "KONSEP" on
 * every page while the version is not approved. The same content, version and approval give the
 * same bytes.
 */
import { DOCUMENT_TYPE_LABELS, type DocumentPaper } from '../../../shared/api/document-schemas';
import { bastPieces } from './bast';
import type { DocumentContent } from './content';
import { drawFlow } from './flow';
import { accessPieces } from './hosting-access';
import { reportPieces } from './hosting-report';
import { drawLetter } from './letter';
import type { LetterheadData } from './letterhead';
import { letterMargins, pageFrame, paperUnit } from './paper';
import { createPdf } from './pdfdoc';
import { buildQrPayload, drawDraftMark, stampPiece } from './qr';

export interface RegisteredRender {
  content: DocumentContent;
  version: number;
  contentHash: string;
  paper: DocumentPaper;
  /** The approval line for an approved version; null prints it as a draft (KONSEP). */
  approval: string | null;
  /** The initial password, for the dokumen hak akses hosting only (opened from its sealed value). */
  password: string | null;
  /** The emblem's bytes (from content.letterhead.logoSha256), or null. */
  logo: Buffer | null;
  /** The PDF's creation date: the version's creation, or its approval. */
  createdAt: Date;
}

/** Scales tried to keep a document on one page, before it runs on at full size. */
const SCALES = [1, 0.95, 0.9, 0.86] as const;

export async function renderRegistered(resourcesDir: string, r: RegisteredRender): Promise<{ data: Buffer; pages: number }> {
  const c = r.content;
  const payload = { type: c.type, number: c.number, version: r.version, contentHash: r.contentHash };
  const pdf = createPdf(resourcesDir, r.paper, {
    title: `${DOCUMENT_TYPE_LABELS[c.type]} ${c.number}`,
    subject: c.title,
    author: c.letterhead.agencyName,
    keywords: buildQrPayload(payload),
    createdAt: r.createdAt,
  });
  const { doc } = pdf;
  // Read by services/verify-doc.ts: a draft printed before approval is told apart from a changed file.
  Object.assign(doc.info, { LoketStatus: r.approval === null ? 'konsep' : 'disahkan' });
  const frame = pageFrame(r.paper, letterMargins(r.paper));
  const unit = paperUnit(r.paper);
  const letterhead: LetterheadData = {
    government: c.letterhead.government,
    agencyName: c.letterhead.agencyName,
    addressLine: c.letterhead.addressLine,
    contactLine: c.letterhead.contactLine,
    logo: r.logo,
  };
  const stamp = stampPiece(doc, { payload, approval: r.approval }, frame, unit);
  switch (c.type) {
    case 'laporan_hosting':
      drawFlow(doc, (k) => [...reportPieces(doc, c, letterhead, frame, k, unit), stamp], frame, unit, SCALES);
      break;
    case 'hak_akses_hosting': {
      const password = r.password;
      if (password === null) throw new Error('renderRegistered: the access document needs its password');
      drawFlow(doc, (k) => [...accessPieces(doc, c, password, letterhead, frame, k, unit), stamp], frame, unit, SCALES);
      break;
    }
    case 'bast':
      drawFlow(doc, (k) => [...bastPieces(doc, c, letterhead, frame, k, unit), stamp], frame, unit, SCALES);
      break;
    case 'surat_pengantar':
    case 'surat_pemberitahuan':
      drawLetter(
        doc,
        {
          letterhead,
          placeDate: c.placeDate,
          number: c.number,
          nature: c.nature,
          attachment: c.attachment,
          subjectLine: c.subjectLine,
          addressee: c.addressee,
          body: c.body,
          farewell: c.farewell,
          signer: c.signer,
        },
        frame,
        unit,
        [stamp],
      );
      break;
  }
  if (r.approval === null) drawDraftMark(doc, frame);
  return pdf.finish();
}
