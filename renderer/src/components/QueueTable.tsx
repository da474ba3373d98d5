/** "Antrian saya" as a table: late first, then by deadline (the order queue.mine returns). */
import { useRef, type KeyboardEvent } from 'react';
import type { QueueItemDto } from '../../../shared/api/engine-schemas';
import { formatDeadline } from '../lib/format';
import { href, navigate } from '../lib/router';
import { TimingBadge } from './timing';

interface Props {
  items: QueueItemDto[];
  timeZone: string;
  caption: string;
}

function deadlineCell(item: QueueItemDto, tz: string) {
  const t = item.timing;
  if (t.dueAt) {
    return (
      <>
        {formatDeadline(t.dueAt, tz)}
        <span className="cell-sub">baku waktu {item.step.standard}</span>
      </>
    );
  }
  if (t.status === 'paused') return <span className="muted">Jam berhenti selama dijeda</span>;
  return <span className="muted">Tanpa baku waktu</span>;
}

export function QueueTable({ items, timeZone, caption }: Props) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  function onRowsKey(e: KeyboardEvent<HTMLTableSectionElement>) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = Array.from(bodyRef.current?.querySelectorAll<HTMLAnchorElement>('a.row-link') ?? []);
    const index = links.findIndex((a) => a === document.activeElement);
    if (index < 0) return;
    e.preventDefault();
    links[e.key === 'ArrowDown' ? Math.min(links.length - 1, index + 1) : Math.max(0, index - 1)]?.focus();
  }

  return (
    <div className="table-wrap">
      <table className="table table--queue">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">No. agenda</th>
            <th scope="col">Pengirim</th>
            <th scope="col">Perihal</th>
            <th scope="col">Langkah dan SOP</th>
            <th scope="col">Tenggat</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody ref={bodyRef} onKeyDown={onRowsKey}>
          {items.map((q) => {
            // A letter's page, or a complaint's (its number stands in the agenda column).
            const to = q.letterId !== null ? `/surat/${q.letterId}` : q.complaintId !== null ? `/pengaduan/${q.complaintId}` : null;
            return (
              <tr
                key={q.requestId}
                className={`${to !== null ? 'row-clickable ' : ''}queue-row queue-row--${q.timing.status}${q.unreadDisposition ? ' is-unread' : ''}`}
                onClick={to !== null ? () => navigate(to) : undefined}
              >
                <td className="nowrap">
                  {to !== null ? (
                    <a className="row-link" href={href(to)} onClick={(e) => e.stopPropagation()}>
                      {q.agendaNumber}
                    </a>
                  ) : (
                    q.agendaNumber
                  )}
                  {q.complaintId !== null && <span className="tag tag--complaint">Pengaduan</span>}
                  {q.unreadDisposition && <span className="tag tag--unread">Belum dibaca</span>}
                </td>
                <td>{q.senderName}</td>
                <td className="cell-subject">{q.subject}</td>
                <td className="cell-step">
                  <span className="step-no">{q.step.number}</span> {q.step.title}
                  <span className="cell-sub">SOP {q.templateName}</span>
                </td>
                <td className="cell-deadline">{deadlineCell(q, timeZone)}</td>
                <td>
                  <TimingBadge timing={q.timing} short />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
