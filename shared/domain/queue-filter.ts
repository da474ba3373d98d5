/**
 * The chips of "Antrian saya" (#/antrian/terlambat …): which of my waiting steps a filter shows.
 * Shared by the desk (the list) and the register (its .xlsx export, lists.xlsx), so both hold the same rows.
 */
import { zoneOffsetMinutes } from './dates';

export const QUEUE_FILTERS = ['semua', 'belum-dibaca', 'belum-ditindaklanjuti', 'hari-ini', 'terlambat', 'hampir-terlambat'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

export const QUEUE_FILTER_LABELS: Record<QueueFilter, string> = {
  semua: 'Semua',
  'belum-dibaca': 'Disposisi belum dibaca',
  'belum-ditindaklanjuti': 'Belum ditindaklanjuti',
  'hari-ini': 'Tenggat hari ini',
  terlambat: 'Terlambat',
  'hampir-terlambat': 'Hampir terlambat',
};

/** The office-local end of the day of `now` (for "tenggat hari ini"). */
export function endOfOfficeDay(now: Date, timeZone: string): string {
  const offsetMs = zoneOffsetMinutes(timeZone) * 60_000;
  const day = 86_400_000;
  return new Date(Math.floor((now.getTime() + offsetMs) / day) * day + day - offsetMs).toISOString();
}

/** What a queue filter looks at in an item. */
export interface FilterableQueueItem {
  unreadDisposition: boolean;
  timing: { dueAt: string | null; status: string };
}

export function filterQueue<T extends FilterableQueueItem>(items: T[], filter: QueueFilter, timeZone: string, now = new Date()): T[] {
  switch (filter) {
    case 'semua':
      return items;
    case 'belum-dibaca':
      return items.filter((q) => q.unreadDisposition);
    case 'belum-ditindaklanjuti':
      return items.filter((q) => !q.unreadDisposition);
    case 'hari-ini': {
      const end = endOfOfficeDay(now, timeZone);
      return items.filter((q) => q.timing.dueAt !== null && q.timing.dueAt < end && q.timing.status !== 'late');
    }
    case 'terlambat':
      return items.filter((q) => q.timing.status === 'late');
    case 'hampir-terlambat':
      return items.filter((q) => q.timing.status === 'at_risk');
  }
}
