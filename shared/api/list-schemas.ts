/**
 * "Ekspor Excel" on the desk's lists (lists.xlsx): which list, with the same filters the list
 * screen sends to its own call, so the file holds exactly the rows the list shows.
 */
import { z } from 'zod';
import { QUEUE_FILTERS } from '../domain/queue-filter';
import { HostingListFilterSchema } from './hosting-schemas';
import { ComplaintListFilterSchema } from './report-schemas';
import { LetterSearchSchema } from './schemas';

/** More rows than this are refused: a list that long is a report (Laporan → Buku Agenda per period). */
export const LIST_EXPORT_LIMIT = 50_000;

export const LIST_KINDS = ['agenda', 'hosting', 'complaints', 'queue', 'opd'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** The filters of opd.list (the OPD list in Pengaturan). */
export const OpdListFilterSchema = z.object({ q: z.string().max(200).default(''), includeInactive: z.boolean().default(false) });

export const ListXlsxInputSchema = z.discriminatedUnion('list', [
  LetterSearchSchema.omit({ limit: true, offset: true }).extend({ list: z.literal('agenda') }),
  HostingListFilterSchema.extend({ list: z.literal('hosting') }),
  ComplaintListFilterSchema.omit({ limit: true, offset: true }).extend({ list: z.literal('complaints') }),
  z.object({ list: z.literal('queue'), filter: z.enum(QUEUE_FILTERS).default('semua') }),
  OpdListFilterSchema.extend({ list: z.literal('opd') }),
]);
export type ListXlsxInput = z.output<typeof ListXlsxInputSchema>;
export type ListXlsxInputRaw = z.input<typeof ListXlsxInputSchema>;
