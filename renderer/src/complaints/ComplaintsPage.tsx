/**
 * Pengaduan: the complaints register (#/pengaduan) with search and filters, the register form
 * (#/pengaduan/baru, front desk and administrator), and a complaint's page (#/pengaduan/12;
 * #/pengaduan/12/baru right after it was recorded).
 */
import { useEffect, useMemo, useState } from 'react';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_STATUSES,
  COMPLAINT_STATUS_LABELS,
  type ComplaintSummary,
} from '../../../shared/api/report-schemas';
import { asApiError, call } from '../api';
import { Alert, SelectField, TextField } from '../components/fields';
import { formatMoment } from '../lib/format';
import { href, navigate } from '../lib/router';
import { useDebounced } from '../lib/useDebounced';
import { useLiveChange } from '../live';
import { canRegister, useSession } from '../session';
import { ExportExcelButton } from '../reports/ReportFiles';
import { ComplaintDetail, ComplaintStatusBadge } from './ComplaintDetail';
import { ComplaintForm } from './ComplaintForm';
import './complaints.css';

export function ComplaintsPage({ path }: { path: string[] }) {
  const { user } = useSession();
  const [first, second] = path;
  if (first === 'baru') {
    return canRegister(user.role) ? <ComplaintForm /> : <p className="alert alert--warning">Hanya front desk dan administrator yang dapat mencatat pengaduan.</p>;
  }
  if (first && /^\d+$/.test(first)) {
    const id = Number(first);
    return <ComplaintDetail key={id} id={id} justRegistered={second === 'baru'} />;
  }
  return <ComplaintList />;
}

interface Filter {
  q: string;
  year: string;
  channel: string;
  status: string;
}

const NO_FILTER: Filter = { q: '', year: '', channel: '', status: '' };
const PAGE = 50;
// The filter survives a visit to a complaint's page and back.
let lastFilter: Filter = NO_FILTER;

function ComplaintList() {
  const { user, office } = useSession();
  const [filter, setFilter] = useState<Filter>(lastFilter);
  const [limit, setLimit] = useState(PAGE);
  const q = useDebounced(filter.q, 250);
  const [result, setResult] = useState<{ items: ComplaintSummary[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_v, i) => thisYear - i);

  useEffect(() => {
    lastFilter = filter;
    setLimit(PAGE);
  }, [filter]);

  // What the list asks for (a page of it), and "Ekspor Excel" with it (all of it).
  const listFilter = useMemo(
    () => ({
      q,
      year: filter.year === '' ? null : Number(filter.year),
      channel: COMPLAINT_CHANNELS.find((c) => c === filter.channel) ?? null,
      status: COMPLAINT_STATUSES.find((s) => s === filter.status) ?? null,
    }),
    [q, filter.year, filter.channel, filter.status],
  );

  useEffect(() => {
    let live = true;
    setLoading(true);
    call('complaints.list', { ...listFilter, limit })
      .then((r) => {
        if (!live) return;
        setResult(r);
        setError(null);
      })
      .catch((e: unknown) => live && setError(asApiError(e).message))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [listFilter, limit, tick]);
  useLiveChange(
    () => setTick((t) => t + 1),
    (e) => e.entity === 'request' || e.call.startsWith('complaints.'),
  );

  const filtered = filter.q !== '' || filter.year !== '' || filter.channel !== '' || filter.status !== '';
  const items = result?.items ?? null;

  return (
    <section aria-labelledby="complaints-title">
      <div className="page-head">
        <div>
          <h1 id="complaints-title">Pengaduan</h1>
          <p className="muted">
            Pengaduan langsung dan lewat telepon, e-mail, website, Twitter/X, dan Instagram. Petugas menanggapi sampai selesai; yang tidak dapat diselesaikan
            diteruskan kepada Pejabat Pengaduan.
          </p>
        </div>
        {canRegister(user.role) && (
          <a className="btn btn--primary" href={href('/pengaduan/baru')}>
            + Catat pengaduan
          </a>
        )}
      </div>
      <form className="filters filters--complaints" role="search" aria-label="Saring pengaduan" onSubmit={(e) => e.preventDefault()}>
        <TextField
          id="complaints-q"
          label="Cari"
          type="search"
          placeholder="Nomor, pengadu, pokok pengaduan…"
          value={filter.q}
          onValueChange={(q) => setFilter({ ...filter, q })}
          maxLength={200}
          autoFocus
        />
        <SelectField
          id="complaints-year"
          label="Tahun"
          value={filter.year}
          onValueChange={(v) => setFilter({ ...filter, year: v })}
          placeholder="Semua tahun"
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <SelectField
          id="complaints-channel"
          label="Saluran"
          value={filter.channel}
          onValueChange={(v) => setFilter({ ...filter, channel: v })}
          placeholder="Semua saluran"
          options={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: COMPLAINT_CHANNEL_LABELS[c] }))}
        />
        <SelectField
          id="complaints-status"
          label="Status"
          value={filter.status}
          onValueChange={(v) => setFilter({ ...filter, status: v })}
          placeholder="Semua status"
          options={COMPLAINT_STATUSES.map((s) => ({ value: s, label: COMPLAINT_STATUS_LABELS[s] }))}
        />
      </form>
      {error && <Alert kind="error">{error}</Alert>}
      <div className="result-row">
        <p className="result-count" role="status" aria-live="polite">
          {result === null ? 'Memuat…' : result.total === 0 ? '' : `${result.total} pengaduan`}
          {loading && result ? ' · memperbarui…' : ''}
        </p>
        {filtered && (
          <button type="button" className="btn btn--link" onClick={() => setFilter(NO_FILTER)}>
            Hapus saringan
          </button>
        )}
        {items && items.length > 0 && <ExportExcelButton id="complaints-export" make={() => call('lists.xlsx', { list: 'complaints', ...listFilter })} />}
      </div>
      {items && items.length === 0 && !loading ? (
        <div className="empty-state">
          {filtered ? (
            <>
              <p className="empty-title">Tidak ada pengaduan yang cocok.</p>
              <p className="muted">Coba kata kunci lain atau hapus saringan.</p>
            </>
          ) : (
            <>
              <p className="empty-title">Belum ada pengaduan{canRegister(user.role) ? '.' : ' yang sampai kepada Anda.'}</p>
              <p className="muted">
                {canRegister(user.role)
                  ? 'Catat pengaduan yang datang langsung atau lewat saluran kantor dengan “Catat pengaduan”.'
                  : 'Pengaduan tampil di sini bila langkahnya menjadi tugas peran Anda atau diteruskan kepada Anda.'}
              </p>
            </>
          )}
        </div>
      ) : (
        items && (
          <div className="table-wrap">
            <table className="table table--complaints" aria-busy={loading}>
              <caption className="sr-only">Daftar pengaduan</caption>
              <thead>
                <tr>
                  <th scope="col">Nomor</th>
                  <th scope="col">Diterima</th>
                  <th scope="col">Saluran</th>
                  <th scope="col">Pengadu</th>
                  <th scope="col">Pokok pengaduan</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id} className="row-clickable" onClick={() => navigate(`/pengaduan/${c.id}`)}>
                    <td className="nowrap">
                      <a className="row-link" href={href(`/pengaduan/${c.id}`)} onClick={(e) => e.stopPropagation()}>
                        {c.number}
                      </a>
                    </td>
                    <td className="nowrap">{formatMoment(c.receivedAt, office.timeZone)}</td>
                    <td>{COMPLAINT_CHANNEL_LABELS[c.channel]}</td>
                    <td>
                      {c.complainantName}
                      {c.opdName && <span className="cell-sub">{c.opdName}</span>}
                    </td>
                    <td className="cell-subject">{c.subject}</td>
                    <td>
                      <ComplaintStatusBadge status={c.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
      {result && result.items.length < result.total && (
        <div className="actions actions--start">
          <button type="button" className="btn btn--secondary" onClick={() => setLimit((l) => Math.min(500, l + PAGE))} disabled={loading || limit >= 500}>
            Tampilkan lebih banyak ({result.items.length} dari {result.total})
          </button>
        </div>
      )}
    </section>
  );
}
