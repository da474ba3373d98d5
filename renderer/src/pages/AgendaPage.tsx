/**
 * Buku Agenda: the register of incoming letters. Full-text search (debounced), filters on year,
 * urgency, service and status, 50 letters a page. A row (or Enter on its agenda number) opens the letter.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CallOutput } from '../../../shared/api/contract';
import {
  LETTER_NATURES,
  LETTER_STATUSES,
  LETTER_STATUS_LABELS,
  NATURE_LABELS,
  SERVICES,
  SERVICE_LABELS,
  type LetterNature,
  type LetterStatus,
  type ServiceKind,
} from '../../../shared/api/schemas';
import { formatInstantDateId, toLocalParts, zoneAbbreviation } from '../../../shared/domain/dates';
import { asApiError, call } from '../api';
import { NatureBadge, StatusBadge, serviceLabel } from '../components/badges';
import { Alert, SelectField } from '../components/fields';
import { PaperclipIcon, Slashed } from '../components/text';
import { href, navigate } from '../lib/router';
import { useDebounced } from '../lib/useDebounced';
import { useLiveChange } from '../live';
import { canRegister, useSession } from '../session';
import { ExportExcelButton } from '../reports/ReportFiles';

export const PAGE_SIZE = 50;

export interface AgendaQuery {
  q: string;
  year: number | null;
  nature: LetterNature | null;
  service: ServiceKind | null;
  status: LetterStatus | null;
  page: number;
}

export const initialAgendaQuery: AgendaQuery = { q: '', year: null, nature: null, service: null, status: null, page: 0 };

function pick<T extends string>(values: readonly T[], v: string): T | null {
  return (values as readonly string[]).includes(v) ? (v as T) : null;
}

const nf = new Intl.NumberFormat('id-ID');

interface Props {
  query: AgendaQuery;
  onQueryChange: (query: AgendaQuery) => void;
}

export function AgendaPage({ query, onQueryChange }: Props) {
  const { office, user } = useSession();
  const tz = office.timeZone;
  const [text, setText] = useState(query.q);
  const debounced = useDebounced(text, 300);
  const [years, setYears] = useState<number[]>([]);
  const [result, setResult] = useState<CallOutput<'letters.search'> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const requestNo = useRef(0);
  const tableRef = useRef<HTMLTableSectionElement>(null);

  const lastDebounced = useRef(debounced);
  useEffect(() => {
    if (debounced === lastDebounced.current) return;
    lastDebounced.current = debounced;
    if (debounced.trim() !== query.q) onQueryChange({ ...query, q: debounced.trim(), page: 0 });
  }, [debounced, query, onQueryChange]);

  useEffect(() => {
    call('letters.years', {})
      .then(setYears)
      .catch(() => setYears([]));
  }, []);

  useEffect(() => {
    const no = ++requestNo.current;
    setLoading(true);
    call('letters.search', {
      q: query.q,
      year: query.year,
      nature: query.nature,
      service: query.service,
      status: query.status,
      limit: PAGE_SIZE,
      offset: query.page * PAGE_SIZE,
    })
      .then((r) => {
        if (no !== requestNo.current) return;
        setResult(r);
        setError(null);
      })
      .catch((e: unknown) => {
        if (no !== requestNo.current) return;
        setError(asApiError(e).message);
      })
      .finally(() => {
        if (no === requestNo.current) setLoading(false);
      });
  }, [query, reload]);
  // Letters registered or moved on at other desks (issue 8): read the page again.
  useLiveChange(() => setReload((n) => n + 1), (e) => e.entity === 'letter' || e.entity === 'request');

  const set = useCallback((patch: Partial<AgendaQuery>) => onQueryChange({ ...query, ...patch, page: patch.page ?? 0 }), [query, onQueryChange]);

  const filtered = query.q !== '' || query.year !== null || query.nature !== null || query.service !== null || query.status !== null;
  const total = result?.total ?? 0;
  const from = total === 0 ? 0 : query.page * PAGE_SIZE + 1;
  const to = Math.min(total, (query.page + 1) * PAGE_SIZE);
  const lastPage = Math.max(0, Math.ceil(total / PAGE_SIZE) - 1);

  function onRowsKey(e: KeyboardEvent<HTMLTableSectionElement>) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = Array.from(tableRef.current?.querySelectorAll<HTMLAnchorElement>('a.row-link') ?? []);
    const index = links.findIndex((a) => a === document.activeElement);
    if (index < 0) return;
    e.preventDefault();
    links[e.key === 'ArrowDown' ? Math.min(links.length - 1, index + 1) : Math.max(0, index - 1)]?.focus();
  }

  return (
    <section aria-labelledby="agenda-title">
      <div className="page-head">
        <div>
          <h1 id="agenda-title">Buku Agenda</h1>
          <p className="muted">Surat masuk yang sudah dicatat, terbaru di atas.</p>
        </div>
        {canRegister(user.role) && (
          <a className="btn btn--primary" href={href('/catat')}>
            + Catat surat masuk
          </a>
        )}
      </div>

      <form
        className="filters"
        role="search"
        aria-label="Cari di buku agenda"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim() !== query.q) set({ q: text.trim() });
        }}
      >
        <div className="field filters-search">
          <div className="field-label-row">
            <label htmlFor="agenda-search">Cari</label>
            <kbd className="hint-kbd">/</kbd>
          </div>
          <input
            id="agenda-search"
            type="search"
            placeholder="Nomor agenda, pengirim, nomor surat, perihal…"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && text !== '') {
                e.preventDefault();
                setText('');
              }
            }}
            maxLength={200}
            autoFocus
          />
        </div>
        <SelectField
          id="agenda-year"
          label="Tahun"
          value={query.year === null ? '' : String(query.year)}
          onValueChange={(v) => set({ year: v === '' ? null : Number(v) })}
          placeholder="Semua tahun"
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <SelectField
          id="agenda-nature"
          label="Sifat"
          value={query.nature ?? ''}
          onValueChange={(v) => set({ nature: pick(LETTER_NATURES, v) })}
          placeholder="Semua sifat"
          options={LETTER_NATURES.map((n) => ({ value: n, label: NATURE_LABELS[n] }))}
        />
        <SelectField
          id="agenda-service"
          label="Layanan"
          value={query.service ?? ''}
          onValueChange={(v) => set({ service: pick(SERVICES, v) })}
          placeholder="Semua layanan"
          options={SERVICES.map((s) => ({ value: s, label: SERVICE_LABELS[s] }))}
        />
        <SelectField
          id="agenda-status"
          label="Status"
          value={query.status ?? ''}
          onValueChange={(v) => set({ status: pick(LETTER_STATUSES, v) })}
          placeholder="Semua status"
          options={LETTER_STATUSES.map((s) => ({ value: s, label: LETTER_STATUS_LABELS[s] }))}
        />
      </form>

      {error && (
        <Alert kind="error">
          {error}{' '}
          <button type="button" className="btn btn--link" onClick={() => setReload((n) => n + 1)}>
            Coba lagi
          </button>
        </Alert>
      )}

      <div className="result-row">
        <p className="result-count" role="status" aria-live="polite">
          {loading && !result ? 'Memuat…' : total === 0 ? '' : `Menampilkan ${nf.format(from)}–${nf.format(to)} dari ${result?.totalExact === false ? 'lebih dari ' : ''}${nf.format(total)} surat`}
          {loading && result ? ' · memperbarui…' : ''}
        </p>
        {filtered && (
          <button
            type="button"
            className="btn btn--link"
            onClick={() => {
              setText('');
              onQueryChange(initialAgendaQuery);
            }}
          >
            Hapus saringan
          </button>
        )}
        {result && result.items.length > 0 && (
          <ExportExcelButton
            id="agenda-export"
            make={() => call('lists.xlsx', { list: 'agenda', q: query.q, year: query.year, nature: query.nature, service: query.service, status: query.status })}
          />
        )}
      </div>

      {result && result.items.length === 0 && !loading ? (
        <div className="empty-state">
          {filtered ? (
            <>
              <p className="empty-title">Tidak ada surat yang cocok.</p>
              <p className="muted">Coba kata kunci lain atau hapus saringan.</p>
            </>
          ) : (
            <>
              <p className="empty-title">Buku agenda masih kosong.</p>
              <p className="muted">{canRegister(user.role) ? 'Catat surat masuk pertama dengan Alt+N.' : 'Surat yang dicatat front desk akan tampil di sini.'}</p>
              {canRegister(user.role) && (
                <p className="muted">
                  Punya buku agenda lama di Excel? <a href={href('/impor')}>Impor buku agenda lama</a>.
                </p>
              )}
            </>
          )}
        </div>
      ) : (
        result && (
          <div className="table-wrap">
            <table className="table table--agenda" aria-busy={loading}>
              <caption className="sr-only">Buku agenda surat masuk</caption>
              <thead>
                <tr>
                  <th scope="col">No. agenda</th>
                  <th scope="col">Diterima</th>
                  <th scope="col">Pengirim</th>
                  <th scope="col">Nomor surat</th>
                  <th scope="col">Perihal</th>
                  <th scope="col">Sifat</th>
                  <th scope="col">Layanan</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    <PaperclipIcon title="Jumlah pindaian" />
                  </th>
                </tr>
              </thead>
              <tbody ref={tableRef} onKeyDown={onRowsKey}>
                {result.items.map((l) => {
                  const p = toLocalParts(l.receivedAt, tz);
                  return (
                    <tr key={l.id} className="row-clickable" onClick={() => navigate(`/surat/${l.id}`)}>
                      <td className="nowrap">
                        <a className="row-link" href={href(`/surat/${l.id}`)} onClick={(e) => e.stopPropagation()}>
                          {l.agendaNumber}
                        </a>
                      </td>
                      <td className="nowrap">
                        {formatInstantDateId(l.receivedAt, tz)}
                        <span className="cell-sub">
                          pukul {String(p.hour).padStart(2, '0')}.{String(p.minute).padStart(2, '0')} {zoneAbbreviation(tz)}
                        </span>
                      </td>
                      <td>{l.senderName}</td>
                      <td className="break">
                        <Slashed text={l.letterNumber} />
                      </td>
                      <td className="cell-subject">{l.subject}</td>
                      <td>
                        <NatureBadge nature={l.nature} />
                      </td>
                      <td>{serviceLabel(l.service)}</td>
                      <td>
                        <StatusBadge status={l.status} />
                      </td>
                      <td className="num">{l.attachmentCount > 0 ? l.attachmentCount : <span className="muted">–</span>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )
      )}

      {total > PAGE_SIZE && (
        <nav className="pager" aria-label="Halaman buku agenda">
          <button type="button" className="btn btn--secondary" disabled={query.page === 0 || loading} onClick={() => set({ page: query.page - 1 })}>
            ← Sebelumnya
          </button>
          <span>
            Halaman {query.page + 1} dari {lastPage + 1}
          </span>
          <button type="button" className="btn btn--secondary" disabled={query.page >= lastPage || loading} onClick={() => set({ page: query.page + 1 })}>
            Berikutnya →
          </button>
        </nav>
      )}
    </section>
  );
}
