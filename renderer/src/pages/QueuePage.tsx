/**
 * Antrian saya: the steps waiting for me, late first and then by deadline, refreshed every minute
 * and when the window gets the focus back. The dashboard's counts link here with a filter
 * (#/antrian/terlambat …).
 */
import { useCallback, useState } from 'react';
import type { QueueItemDto } from '../../../shared/api/engine-schemas';
import { QUEUE_FILTERS, QUEUE_FILTER_LABELS, filterQueue, type QueueFilter } from '../../../shared/domain/queue-filter';
import { asApiError, call } from '../api';
import { Alert, cls } from '../components/fields';
import { QueueTable } from '../components/QueueTable';
import { href } from '../lib/router';
import { usePolling } from '../lib/usePolling';
import { useDeskPulse } from '../pulse';
import { useSession } from '../session';
import { ExportExcelButton } from '../reports/ReportFiles';

export function asQueueFilter(value: string | undefined): QueueFilter {
  return (QUEUE_FILTERS as readonly string[]).includes(value ?? '') ? (value as QueueFilter) : 'semua';
}

/** queue.mine, polled; `reload` reads it again now. */
export function useMyQueue(): { items: QueueItemDto[] | null; error: string | null; reload: () => void } {
  const [items, setItems] = useState<QueueItemDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { refresh } = useDeskPulse();
  const load = useCallback(() => {
    refresh();
    call('queue.mine', {}, { retryAfterLogin: false })
      .then((list) => {
        setItems(list);
        setError(null);
      })
      .catch((e: unknown) => setError(asApiError(e).message));
  }, [refresh]);
  usePolling(load, 60_000);
  return { items, error, reload: load };
}

export function QueuePage({ filter }: { filter: QueueFilter }) {
  const { office } = useSession();
  const queue = useMyQueue();
  const tz = office.timeZone;
  const all = queue.items ?? [];
  const shown = filterQueue(all, filter, tz);

  return (
    <section aria-labelledby="queue-title">
      <div className="page-head">
        <div>
          <h1 id="queue-title">Antrian saya</h1>
          <p className="muted">Langkah SOP yang menunggu Anda: yang terlambat di atas, lalu menurut tenggat. Diperbarui setiap menit.</p>
        </div>
        <div className="actions">
          {shown.length > 0 && <ExportExcelButton id="queue-export" make={() => call('lists.xlsx', { list: 'queue', filter })} />}
          <button type="button" className="btn btn--secondary" onClick={queue.reload}>
            Muat ulang
          </button>
        </div>
      </div>
      <nav className="chips" aria-label="Saring antrian">
        {QUEUE_FILTERS.map((f) => {
          const count = filterQueue(all, f, tz).length;
          return (
            <a key={f} href={href(f === 'semua' ? '/antrian' : `/antrian/${f}`)} className={cls('chip', f === filter && 'is-active')} aria-current={f === filter ? 'page' : undefined}>
              {QUEUE_FILTER_LABELS[f]} <span className="chip-count">{queue.items ? count : '…'}</span>
            </a>
          );
        })}
      </nav>
      {queue.error && <Alert kind="error">{queue.error}</Alert>}
      {queue.items === null && !queue.error && <p role="status">Memuat antrian…</p>}
      {queue.items &&
        (shown.length === 0 ? (
          <div className="empty-state">
            <p className="empty-title">{filter === 'semua' ? 'Antrian Anda kosong.' : `Tidak ada yang ${QUEUE_FILTER_LABELS[filter].toLowerCase()}.`}</p>
            <p className="muted">Surat yang didisposisikan kepada Anda atau langkah yang menjadi tugas peran Anda akan tampil di sini.</p>
          </div>
        ) : (
          <QueueTable items={shown} timeZone={tz} caption={`Antrian saya: ${QUEUE_FILTER_LABELS[filter]}`} />
        ))}
    </section>
  );
}
