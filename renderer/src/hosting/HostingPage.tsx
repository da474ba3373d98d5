/**
 * Sistem yang dihosting: the register of hosted systems (#/hosting), a system's page
 * (#/hosting/12), and the form to register (#/hosting/baru) or change one (#/hosting/12/ubah).
 * Every logged-in user reads the register; the roles of the contract change it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { HOSTING_EDIT_ROLES, HOSTING_STATUSES, HOSTING_STATUS_LABELS, type HostedSystem, type HostedSystemSummary, type HostingStatus } from '../../../shared/api/hosting-schemas';
import { asApiError, call } from '../api';
import { Alert, SelectField } from '../components/fields';
import { useDebounced } from '../lib/useDebounced';
import { href, navigate } from '../lib/router';
import { useLiveChange } from '../live';
import { useSession } from '../session';
import { Fqdn, HostingStatusBadge, useOpdList } from './bits';
import { GeneratedPassword, HostingForm } from './HostingForm';
import { HostingDetail } from './HostingDetail';
import { ExportExcelButton } from '../reports/ReportFiles';

export function HostingPage({ path }: { path: string[] }) {
  const [first, second] = path;
  if (first === 'baru') return <HostingEditPage id={null} />;
  if (first && /^\d+$/.test(first)) {
    const id = Number(first);
    if (second === 'ubah') return <HostingEditPage key={`edit-${id}`} id={id} />;
    return <HostingDetail key={id} id={id} />;
  }
  return <HostingList />;
}

interface Filter {
  q: string;
  opdId: string;
  status: string;
}

function statusOf(value: string): HostingStatus | null {
  return (HOSTING_STATUSES as readonly string[]).includes(value) ? (value as HostingStatus) : null;
}

// The filter survives a visit to a system's page and back.
let lastFilter: Filter = { q: '', opdId: '', status: '' };

function HostingList() {
  const { user } = useSession();
  const [filter, setFilter] = useState<Filter>(lastFilter);
  const q = useDebounced(filter.q, 250);
  const { opds } = useOpdList(true);
  const [items, setItems] = useState<HostedSystemSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const canEdit = (HOSTING_EDIT_ROLES as readonly string[]).includes(user.role);

  useEffect(() => {
    lastFilter = filter;
  }, [filter]);

  // What the list asks for, and "Ekspor Excel" with it.
  const listFilter = useMemo(() => ({ q, opdId: filter.opdId === '' ? null : Number(filter.opdId), status: statusOf(filter.status) }), [q, filter.opdId, filter.status]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    call('hosting.list', listFilter)
      .then((list) => {
        if (!live) return;
        setItems(list);
        setError(null);
      })
      .catch((e: unknown) => live && setError(asApiError(e).message))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [listFilter, tick]);
  useLiveChange(() => setTick((t) => t + 1));

  const filtered = filter.q !== '' || filter.opdId !== '' || filter.status !== '';

  return (
    <section aria-labelledby="hosting-title">
      <div className="page-head">
        <div>
          <h1 id="hosting-title">Sistem yang dihosting</h1>
          <p className="muted">Register aplikasi OPD di server kantor: subdomain, alamat IP, server, status, pemeliharaan, dan evaluasi keamanan.</p>
        </div>
        {canEdit && (
          <a className="btn btn--primary" href={href('/hosting/baru')}>
            + Daftarkan sistem
          </a>
        )}
      </div>
      <form className="filters filters--hosting" role="search" aria-label="Saring sistem yang dihosting" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="hosting-q">Cari</label>
          <input
            id="hosting-q"
            type="search"
            placeholder="Aplikasi, subdomain, OPD, alamat IP…"
            value={filter.q}
            onChange={(e) => setFilter({ ...filter, q: e.target.value })}
            maxLength={200}
            autoFocus
          />
        </div>
        <SelectField
          id="hosting-opd"
          label="OPD"
          value={filter.opdId}
          onValueChange={(v) => setFilter({ ...filter, opdId: v })}
          placeholder="Semua OPD"
          options={(opds ?? []).map((o) => ({ value: String(o.id), label: o.name }))}
        />
        <SelectField
          id="hosting-status"
          label="Status"
          value={filter.status}
          onValueChange={(v) => setFilter({ ...filter, status: v })}
          placeholder="Semua status"
          options={HOSTING_STATUSES.map((s) => ({ value: s, label: HOSTING_STATUS_LABELS[s] }))}
        />
      </form>
      {error && <Alert kind="error">{error}</Alert>}
      <div className="result-row">
        <p className="result-count" role="status" aria-live="polite">
          {items === null ? 'Memuat…' : items.length === 0 ? '' : `${items.length} sistem`}
          {loading && items ? ' · memperbarui…' : ''}
        </p>
        {filtered && (
          <button type="button" className="btn btn--link" onClick={() => setFilter({ q: '', opdId: '', status: '' })}>
            Hapus saringan
          </button>
        )}
        {items && items.length > 0 && (
          <ExportExcelButton id="hosting-export" make={() => call('lists.xlsx', { list: 'hosting', ...listFilter })} />
        )}
      </div>
      {items && items.length === 0 && !loading ? (
        <div className="empty-state">
          {filtered ? (
            <>
              <p className="empty-title">Tidak ada sistem yang cocok.</p>
              <p className="muted">Coba kata kunci lain atau hapus saringan.</p>
            </>
          ) : (
            <>
              <p className="empty-title">Register hosting masih kosong.</p>
              <p className="muted">Sistem tercatat di sini saat petugas teknis mengisi data hosting pada langkah penyediaan permohonan{canEdit ? ', atau lewat “Daftarkan sistem”' : ''}.</p>
            </>
          )}
        </div>
      ) : (
        items && (
          <div className="table-wrap">
            <table className="table table--hosting" aria-busy={loading}>
              <caption className="sr-only">Daftar sistem yang dihosting</caption>
              <thead>
                <tr>
                  <th scope="col">Subdomain</th>
                  <th scope="col">Aplikasi</th>
                  <th scope="col">OPD</th>
                  <th scope="col">Alamat IP</th>
                  <th scope="col">Server</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id} className="row-clickable" onClick={() => navigate(`/hosting/${s.id}`)}>
                    <td>
                      <a className="row-link" href={href(`/hosting/${s.id}`)} onClick={(e) => e.stopPropagation()}>
                        <Fqdn name={s.fqdn} />
                      </a>
                    </td>
                    <td>{s.applicationName}</td>
                    <td>{s.opdName}</td>
                    <td className="mono">
                      {s.addresses.map((a) => (
                        <span key={a} className="ip">
                          {a}
                        </span>
                      ))}
                    </td>
                    <td>{s.serverName ?? <span className="muted">–</span>}</td>
                    <td>
                      <HostingStatusBadge status={s.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
    </section>
  );
}

/** #/hosting/baru and #/hosting/12/ubah. */
function HostingEditPage({ id }: { id: number | null }) {
  const [system, setSystem] = useState<HostedSystem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ system: HostedSystem; password: string | null; passwordError: string | null } | null>(null);

  const load = useCallback(async () => {
    if (id === null) return;
    try {
      setSystem(await call('hosting.get', { id }));
    } catch (e) {
      setError(asApiError(e).message);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (saved) {
    return (
      <section aria-labelledby="hosting-saved-title">
        <p className="breadcrumb">
          <a href={href('/hosting')}>← Sistem yang dihosting</a>
        </p>
        <h1 id="hosting-saved-title">{saved.system.fqdn}</h1>
        <Alert kind="success">Sistem {saved.system.fqdn} tersimpan.</Alert>
        {saved.password && <GeneratedPassword password={saved.password} fqdn={saved.system.fqdn} onClose={() => setSaved({ ...saved, password: null })} />}
        {saved.passwordError && <Alert kind="error">Kata sandi web panel belum tersimpan: {saved.passwordError}</Alert>}
        <p>
          <a className="btn btn--primary" href={href(`/hosting/${saved.system.id}`)}>
            Buka halaman sistem
          </a>
        </p>
      </section>
    );
  }
  if (id !== null && !system) {
    return error ? <Alert kind="error">{error}</Alert> : <p role="status">Memuat sistem…</p>;
  }
  return (
    <section>
      <p className="breadcrumb">
        <a href={href(id === null ? '/hosting' : `/hosting/${id}`)}>{id === null ? '← Sistem yang dihosting' : `← ${system?.fqdn ?? ''}`}</a>
      </p>
      <HostingForm
        system={system}
        title={system ? `Ubah sistem ${system.fqdn}` : 'Daftarkan sistem yang dihosting'}
        onCancel={() => navigate(id === null ? '/hosting' : `/hosting/${id}`)}
        onSaved={(s) => {
          if (s.generatedPassword || s.passwordError) setSaved({ system: s.system, password: s.generatedPassword, passwordError: s.passwordError });
          else navigate(`/hosting/${s.system.id}`);
        }}
      />
    </section>
  );
}
