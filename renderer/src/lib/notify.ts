/**
 * Desktop notifications of the desk: a new disposition for me, a step of mine gone late. The
 * shell polls `dashboard.get` every minute and hands each reading to `notificationsFor`, which
 * compares it with the previous one; nothing is shown outside office hours, and nothing at all
 * where the browser has no Notification (or the user has not allowed it).
 *
 * `notificationsFor` is pure, so it can be checked by hand:
 *   notificationsFor(null, r)                                   → []  (the first reading is the baseline)
 *   notificationsFor({unread:0,late:0}, {unread:1,late:0,on})   → [Disposisi baru]
 *   notificationsFor({unread:0,late:0}, {unread:1,late:1,off})  → []  (outside office hours)
 */

export interface DeskReading {
  unreadDispositions: number;
  late: number;
  officeHoursNow: boolean;
}

export interface DeskNotice {
  kind: 'disposition' | 'late';
  title: string;
  body: string;
}

/** What to announce between two readings (the newest unread / late item names the letter). */
export function notificationsFor(
  previous: DeskReading | null,
  next: DeskReading,
  detail: { newestUnread?: string | null; newestLate?: string | null } = {},
): DeskNotice[] {
  if (previous === null || !next.officeHoursNow) return [];
  const out: DeskNotice[] = [];
  const moreUnread = next.unreadDispositions - previous.unreadDispositions;
  if (moreUnread > 0) {
    out.push({
      kind: 'disposition',
      title: moreUnread === 1 ? `Disposisi baru: ${detail.newestUnread ?? 'satu surat menunggu Anda'}` : `Disposisi baru: ${moreUnread} surat`,
      body: 'Buka Antrian saya di Loket untuk menindaklanjutinya.',
    });
  }
  const moreLate = next.late - previous.late;
  if (moreLate > 0) {
    out.push({
      kind: 'late',
      title: 'Langkah terlambat',
      body:
        moreLate === 1 && detail.newestLate
          ? `${detail.newestLate} melewati baku waktunya.`
          : `${moreLate} langkah di antrian Anda melewati baku waktunya.`,
    });
  }
  return out;
}

type NotificationCtor = {
  new (title: string, options?: { body?: string; tag?: string }): { onclick: ((this: unknown, ev: Event) => unknown) | null; close(): void };
  permission: 'default' | 'denied' | 'granted';
  requestPermission(): Promise<'default' | 'denied' | 'granted'>;
};

function ctor(): NotificationCtor | null {
  if (typeof window === 'undefined') return null;
  const n = (window as unknown as { Notification?: NotificationCtor }).Notification;
  return typeof n === 'function' ? n : null;
}

export type NotifyPermission = 'unsupported' | 'default' | 'denied' | 'granted';

export function notificationPermission(): NotifyPermission {
  const n = ctor();
  if (!n) return 'unsupported';
  try {
    return n.permission;
  } catch {
    return 'unsupported';
  }
}

/** Asks the user once (from a button: browsers allow the prompt only after a click). */
export async function requestNotificationPermission(): Promise<NotifyPermission> {
  const n = ctor();
  if (!n) return 'unsupported';
  try {
    return await n.requestPermission();
  } catch {
    return notificationPermission();
  }
}

/** Shows the notices when allowed; a click brings the desk to the front and runs `onClick`. */
export function showNotices(notices: readonly DeskNotice[], onClick?: (notice: DeskNotice) => void): number {
  const n = ctor();
  if (!n || notificationPermission() !== 'granted') return 0;
  let shown = 0;
  for (const notice of notices) {
    try {
      const note = new n(notice.title, { body: notice.body, tag: `loket-${notice.kind}` });
      note.onclick = () => {
        window.focus();
        onClick?.(notice);
        note.close();
      };
      shown += 1;
    } catch {
      // Some platforms refuse page notifications (e.g. only a service worker may show them).
    }
  }
  return shown;
}
