/**
 * Pengaturan → Hosting (administrator): the parent domains subdomains are given under, the IP
 * address pools (CIDR, label, reserved addresses) with their use, and the servers. Saved together
 * (hosting.settings.save); rows in use cannot be removed, only deactivated.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { HostingSettings as Settings } from '../../../shared/api/hosting-schemas';
import { normalizeDomain, validateParentDomain } from '../../../shared/domain/dns';
import { parseCidr } from '../../../shared/domain/ip';
import { asApiError, call } from '../api';
import { Alert } from '../components/fields';
import { useAction, useFocusFirstInvalid } from '../lib/useAction';
import { ListHead, LoadState } from './common';
import '../hosting/hosting.css';

interface DomainRow {
  id?: number;
  domain: string;
  active: boolean;
  systems: number;
}
interface PoolRow {
  id?: number;
  label: string;
  cidr: string;
  reserved: string;
  active: boolean;
  used: number;
  info: string;
}
interface ServerRow {
  id?: number;
  name: string;
  notes: string;
  active: boolean;
  systems: number;
}

function rowsOf(s: Settings) {
  return {
    domains: s.parentDomains.map((d): DomainRow => ({ id: d.id, domain: d.domain, active: d.active, systems: d.systems })),
    pools: s.pools.map(
      (p): PoolRow => ({
        id: p.id,
        label: p.label,
        cidr: p.cidr,
        reserved: p.reserved.join(', '),
        active: p.active,
        used: p.used,
        info: `IPv${p.version} · ${p.firstUsable} – ${p.lastUsable} · ${p.used} dari ${Number(p.capacity) > 1e12 ? 'sangat banyak' : Number(p.capacity).toLocaleString('id-ID')} alamat terpakai`,
      }),
    ),
    servers: s.servers.map((v): ServerRow => ({ id: v.id, name: v.name, notes: v.notes, active: v.active, systems: v.systems })),
  };
}

const splitList = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '');

function CellInput({
  id,
  label,
  value,
  onChange,
  error,
  placeholder,
  mono,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  placeholder?: string;
  mono?: boolean;
}) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        type="text"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={mono ? 'mono' : undefined}
        spellCheck={false}
        autoComplete="off"
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function HostingSettings() {
  const [loaded, setLoaded] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [domains, setDomains] = useState<DomainRow[]>([]);
  const [pools, setPools] = useState<PoolRow[]>([]);
  const [servers, setServers] = useState<ServerRow[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const action = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, action.fields);

  function apply(s: Settings) {
    setLoaded(s);
    const r = rowsOf(s);
    setDomains(r.domains);
    setPools(r.pools);
    setServers(r.servers);
  }

  useEffect(() => {
    call('hosting.settings.get', {})
      .then(apply)
      .catch((e: unknown) => setLoadError(asApiError(e).message));
  }, []);

  const fields = { ...action.fields, ...local };
  const dismiss = (path: string) => {
    action.dismiss([path]);
    setLocal((l) => {
      if (!(path in l)) return l;
      const next = { ...l };
      delete next[path];
      return next;
    });
    setNotice(null);
  };
  const reservedError = (i: number) => Object.entries(fields).find(([k]) => k.startsWith(`pools.${i}.reserved`))?.[1];

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (action.busy) return;
    setNotice(null);
    // What can be checked here is checked here (the same rules as the register).
    const problems: Record<string, string> = {};
    domains.forEach((d, i) => {
      const p = validateParentDomain(normalizeDomain(d.domain));
      if (p) problems[`parentDomains.${i}.domain`] = p;
    });
    pools.forEach((p, i) => {
      if (p.label.trim() === '') problems[`pools.${i}.label`] = 'Nama kumpulan alamat wajib diisi.';
      const c = parseCidr(p.cidr.trim());
      if (!c.ok) problems[`pools.${i}.cidr`] = c.reason;
    });
    servers.forEach((s, i) => {
      if (s.name.trim() === '') problems[`servers.${i}.name`] = 'Nama server wajib diisi.';
    });
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      action.setError('Periksa isian yang ditandai.');
      return;
    }
    const result = await action.run(() =>
      call('hosting.settings.save', {
        parentDomains: domains.map((d) => ({ ...(d.id ? { id: d.id } : {}), domain: d.domain, active: d.active })),
        pools: pools.map((p) => ({ ...(p.id ? { id: p.id } : {}), label: p.label, cidr: p.cidr.trim(), reserved: splitList(p.reserved), active: p.active })),
        servers: servers.map((s) => ({ ...(s.id ? { id: s.id } : {}), name: s.name, notes: s.notes, active: s.active })),
      }),
    );
    if (result.ok) {
      apply(result.value);
      setNotice('Pengaturan hosting tersimpan.');
    }
  }

  if (!loaded) return <LoadState error={loadError} loading />;

  const removeButton = (label: string, inUse: number, onRemove: () => void) =>
    inUse > 0 ? (
      <span className="muted small" title="Masih dipakai sistem; nonaktifkan saja.">
        dipakai {inUse}
      </span>
    ) : (
      <button type="button" className="btn btn--ghost btn--small" onClick={onRemove} aria-label={`Hapus ${label}`}>
        Hapus
      </button>
    );

  return (
    <form ref={formRef} className="hosting-settings" onSubmit={submit} noValidate aria-label="Pengaturan hosting">
      <section className="card">
        <ListHead
          title="Domain induk"
          description="Subdomain OPD diberikan di bawah domain ini, misalnya ppdb.pekalongankota.go.id."
          action={
            <button type="button" className="btn btn--secondary" onClick={() => setDomains([...domains, { domain: '', active: true, systems: 0 }])}>
              + Tambah domain induk
            </button>
          }
        />
        {fields.parentDomains && <Alert kind="error">{fields.parentDomains}</Alert>}
        {domains.length === 0 ? (
          <p className="muted">Belum ada domain induk.</p>
        ) : (
          <table className="table table--form">
            <thead>
              <tr>
                <th scope="col">No.</th>
                <th scope="col">Domain</th>
                <th scope="col">Sistem</th>
                <th scope="col">Aktif</th>
                <th scope="col">
                  <span className="sr-only">Tindakan</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {domains.map((d, i) => (
                <tr key={d.id ?? `new-${i}`}>
                  <td className="num">{i + 1}</td>
                  <td>
                    <CellInput
                      id={`hset-domain-${i}`}
                      label={`Domain induk ${i + 1}`}
                      value={d.domain}
                      placeholder="pekalongankota.go.id"
                      mono
                      error={fields[`parentDomains.${i}.domain`]}
                      onChange={(v) => {
                        setDomains(domains.map((x, k) => (k === i ? { ...x, domain: v } : x)));
                        dismiss(`parentDomains.${i}.domain`);
                      }}
                    />
                  </td>
                  <td>{d.systems}</td>
                  <td>
                    <input type="checkbox" aria-label={`Domain induk ${i + 1} aktif`} checked={d.active} onChange={(e) => setDomains(domains.map((x, k) => (k === i ? { ...x, active: e.target.checked } : x)))} />
                  </td>
                  <td className="num">{removeButton(`domain induk ${d.domain || i + 1}`, d.systems, () => setDomains(domains.filter((_, k) => k !== i)))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card">
        <ListHead
          title="Kumpulan alamat IP"
          description="Blok alamat (CIDR) yang boleh diberikan kepada sistem, IPv4 atau IPv6. Alamat yang dicadangkan (gateway, server) tidak pernah disarankan."
          action={
            <button type="button" className="btn btn--secondary" onClick={() => setPools([...pools, { label: '', cidr: '', reserved: '', active: true, used: 0, info: '' }])}>
              + Tambah kumpulan
            </button>
          }
        />
        {fields.pools && <Alert kind="error">{fields.pools}</Alert>}
        {pools.length === 0 ? (
          <p className="muted">Belum ada kumpulan alamat IP.</p>
        ) : (
          <table className="table table--form table--pools">
            <thead>
              <tr>
                <th scope="col">No.</th>
                <th scope="col">Nama</th>
                <th scope="col">Blok (CIDR)</th>
                <th scope="col">Alamat dicadangkan</th>
                <th scope="col">Aktif</th>
                <th scope="col">
                  <span className="sr-only">Tindakan</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pools.map((p, i) => (
                <tr key={p.id ?? `new-${i}`}>
                  <td className="num">{i + 1}</td>
                  <td>
                    <CellInput
                      id={`hset-pool-label-${i}`}
                      label={`Nama kumpulan ${i + 1}`}
                      value={p.label}
                      placeholder="DMZ server aplikasi"
                      error={fields[`pools.${i}.label`]}
                      onChange={(v) => {
                        setPools(pools.map((x, k) => (k === i ? { ...x, label: v } : x)));
                        dismiss(`pools.${i}.label`);
                      }}
                    />
                  </td>
                  <td>
                    <CellInput
                      id={`hset-pool-cidr-${i}`}
                      label={`Blok CIDR kumpulan ${i + 1}`}
                      value={p.cidr}
                      placeholder="10.10.1.0/24"
                      mono
                      error={fields[`pools.${i}.cidr`]}
                      onChange={(v) => {
                        setPools(pools.map((x, k) => (k === i ? { ...x, cidr: v } : x)));
                        dismiss(`pools.${i}.cidr`);
                      }}
                    />
                    {p.info && <span className="cell-sub">{p.info}</span>}
                  </td>
                  <td>
                    <CellInput
                      id={`hset-pool-reserved-${i}`}
                      label={`Alamat dicadangkan kumpulan ${i + 1}`}
                      value={p.reserved}
                      placeholder="10.10.1.1, 10.10.1.2"
                      mono
                      error={reservedError(i)}
                      onChange={(v) => {
                        setPools(pools.map((x, k) => (k === i ? { ...x, reserved: v } : x)));
                        for (const k of Object.keys(fields).filter((k) => k.startsWith(`pools.${i}.reserved`))) dismiss(k);
                      }}
                    />
                  </td>
                  <td>
                    <input type="checkbox" aria-label={`Kumpulan ${i + 1} aktif`} checked={p.active} onChange={(e) => setPools(pools.map((x, k) => (k === i ? { ...x, active: e.target.checked } : x)))} />
                  </td>
                  <td className="num">{removeButton(`kumpulan ${p.label || i + 1}`, p.used, () => setPools(pools.filter((_, k) => k !== i)))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card">
        <ListHead
          title="Server"
          description="Server tempat aplikasi OPD dihosting."
          action={
            <button type="button" className="btn btn--secondary" onClick={() => setServers([...servers, { name: '', notes: '', active: true, systems: 0 }])}>
              + Tambah server
            </button>
          }
        />
        {fields.servers && <Alert kind="error">{fields.servers}</Alert>}
        {servers.length === 0 ? (
          <p className="muted">Belum ada server.</p>
        ) : (
          <table className="table table--form">
            <thead>
              <tr>
                <th scope="col">No.</th>
                <th scope="col">Nama server</th>
                <th scope="col">Catatan</th>
                <th scope="col">Sistem</th>
                <th scope="col">Aktif</th>
                <th scope="col">
                  <span className="sr-only">Tindakan</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {servers.map((s, i) => (
                <tr key={s.id ?? `new-${i}`}>
                  <td className="num">{i + 1}</td>
                  <td>
                    <CellInput
                      id={`hset-server-name-${i}`}
                      label={`Nama server ${i + 1}`}
                      value={s.name}
                      placeholder="srv-web-01"
                      error={fields[`servers.${i}.name`]}
                      onChange={(v) => {
                        setServers(servers.map((x, k) => (k === i ? { ...x, name: v } : x)));
                        dismiss(`servers.${i}.name`);
                      }}
                    />
                  </td>
                  <td>
                    <CellInput
                      id={`hset-server-notes-${i}`}
                      label={`Catatan server ${i + 1}`}
                      value={s.notes}
                      placeholder="Ruang server lantai 2, cPanel"
                      error={fields[`servers.${i}.notes`]}
                      onChange={(v) => setServers(servers.map((x, k) => (k === i ? { ...x, notes: v } : x)))}
                    />
                  </td>
                  <td>{s.systems}</td>
                  <td>
                    <input type="checkbox" aria-label={`Server ${i + 1} aktif`} checked={s.active} onChange={(e) => setServers(servers.map((x, k) => (k === i ? { ...x, active: e.target.checked } : x)))} />
                  </td>
                  <td className="num">{removeButton(`server ${s.name || i + 1}`, s.systems, () => setServers(servers.filter((_, k) => k !== i)))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <div className="sticky-actions">
        {action.error && <Alert kind="error">{Object.keys(fields).length > 0 && action.error !== 'Periksa isian yang ditandai.' ? `${action.error} Periksa isian yang ditandai.` : action.error}</Alert>}
        {notice && <Alert kind="success">{notice}</Alert>}
        <div className="actions">
          <button
            type="button"
            className="btn btn--ghost"
            onClick={() => {
              apply(loaded);
              action.clear();
              setLocal({});
              setNotice(null);
            }}
          >
            Batalkan perubahan
          </button>
          <span className="spacer" />
          <button type="submit" className="btn btn--primary" disabled={action.busy}>
            {action.busy ? 'Menyimpan…' : 'Simpan pengaturan hosting'}
          </button>
        </div>
      </div>
    </form>
  );
}
