/**
 * The content of a registered document version: everything its PDF prints, as JSON, so that the
 * version renders the same again whatever changes later in the register (the office's address, an
 * official, the hosted system). Its SHA-256 over the canonical JSON is the version's content hash.
 *
 * It never holds a password: the dokumen hak akses hosting keeps a reference to the sealed value
 * stored with its version (`password.ref`), and the password is opened only while rendering.
 */
import { z } from 'zod';

export const LetterheadContentSchema = z.object({
  government: z.string(),
  agencyName: z.string(),
  addressLine: z.string(),
  contactLine: z.string(),
  /** The emblem in the file store (content-addressed, so it cannot change under the same hash). */
  logoSha256: z.string().nullable(),
});
export type LetterheadContent = z.infer<typeof LetterheadContentSchema>;

export const SignerContentSchema = z.object({
  heading: z.array(z.union([z.string(), z.object({ blankAfter: z.string() })])),
  name: z.string().nullable(),
  rank: z.string(),
  nip: z.string().nullable(),
});
export type SignerContent = z.infer<typeof SignerContentSchema>;

export const RequestRefSchema = z.object({
  agendaNumber: z.string(),
  letterNumber: z.string(),
  /** "20 November 2026". */
  letterDate: z.string(),
  senderName: z.string(),
  subject: z.string(),
});
export type RequestRef = z.infer<typeof RequestRefSchema>;

export const SystemContentSchema = z.object({
  opdName: z.string(),
  applicationName: z.string(),
  fqdn: z.string(),
  addresses: z.array(z.string()),
  server: z.string(),
  stack: z.string(),
  database: z.string(),
  panelUrl: z.string(),
  panelUsername: z.string(),
});
export type SystemContent = z.infer<typeof SystemContentSchema>;

export const PartyContentSchema = z.object({
  name: z.string(),
  nip: z.string(),
  rank: z.string(),
  position: z.string(),
  agency: z.string(),
});
export type PartyContent = z.infer<typeof PartyContentSchema>;

const base = {
  number: z.string(),
  title: z.string(),
  letterhead: LetterheadContentSchema,
  /** The date printed on the document, "YYYY-MM-DD". */
  date: z.string(),
  /** "Pekalongan, 23 November 2026". */
  placeDate: z.string(),
};

export const ReportContentSchema = z.object({
  type: z.literal('laporan_hosting'),
  ...base,
  /** The Kabid the report goes to. */
  addressee: z.object({ title: z.string(), name: z.string().nullable() }),
  request: RequestRefSchema,
  system: SystemContentSchema,
  notes: z.string(),
  officer: SignerContentSchema,
  /** The "Mengetahui" block, if any. */
  acknowledger: SignerContentSchema.nullable(),
});
export type ReportContent = z.infer<typeof ReportContentSchema>;

export const AccessContentSchema = z.object({
  type: z.literal('hak_akses_hosting'),
  ...base,
  request: RequestRefSchema,
  system: SystemContentSchema,
  /** "sealed:<sha256 of the sealed password stored with the version>" — never the password. */
  password: z.object({ ref: z.string() }),
  notes: z.string(),
  /** The office's complaint channels, one per line. */
  contacts: z.array(z.string()),
  agencyName: z.string(),
  signer: SignerContentSchema,
});
export type AccessContent = z.infer<typeof AccessContentSchema>;

export const BastContentSchema = z.object({
  type: z.literal('bast'),
  ...base,
  subjectLine: z.string(),
  /** "Pada hari ini Senin tanggal … (23-11-2026), bertempat di …, kami yang bertanda tangan di bawah ini:". */
  opening: z.string(),
  first: PartyContentSchema,
  second: PartyContentSchema,
  /** "PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA …". */
  handover: z.string(),
  items: z.array(z.object({ label: z.string(), value: z.string() })),
  clauses: z.array(z.string()),
  closing: z.string(),
  witnesses: z.array(PartyContentSchema),
});
export type BastContent = z.infer<typeof BastContentSchema>;

export const BodyItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), text: z.string() }),
  z.object({ kind: z.literal('indented'), text: z.string() }),
  z.object({ kind: z.literal('list'), items: z.array(z.string()) }),
]);

export const LetterContentSchema = z.object({
  type: z.enum(['surat_pengantar', 'surat_pemberitahuan']),
  ...base,
  nature: z.string(),
  attachment: z.string(),
  subjectLine: z.string(),
  addressee: z.string(),
  body: z.array(BodyItemSchema),
  farewell: z.string(),
  signer: SignerContentSchema,
});
export type LetterContent = z.infer<typeof LetterContentSchema>;

export const DocumentContentSchema = z.union([ReportContentSchema, AccessContentSchema, BastContentSchema, LetterContentSchema]);
export type DocumentContent = z.infer<typeof DocumentContentSchema>;
