/**
 * Pengaturan → SOP: which SOP serves each service, the templates (built-in and the office's own
 * copies, each a chain of versions), a viewer of one template, and "Salin dan ubah": the editor on
 * a copy. Only the administrator changes anything; everybody may read.
 */
import { useEffect, useMemo, useState } from 'react';
import type { CallOutput } from '../../../shared/api/contract';
import { SOP_SERVICE_KEYS, SOP_SERVICE_LABELS } from '../../../shared/api/engine-schemas';
import { ROLE_LABELS } from '../../../shared/api/roles';
import type { SopStep, SopTemplate } from '../../../shared/domain/sop/model';
import { safeParseTemplate } from '../../../shared/domain/sop/validate';
import { describeStandard } from '../../../shared/domain/timing';
import { asApiError, call } from '../api';
import { Alert, cls } from '../components/fields';
import { formatMoment } from '../lib/format';
import { useSession } from '../session';
import { LoadState } from './common';
import { SopEditor } from './SopEditor';

type SopList = CallOutput<'sop.list'>;
type TemplateRow = SopList['templates'][number];
type SopService = (typeof SOP_SERVICE_KEYS)[number];

/** The newest version of each key, in the list's order (built-in first). */
export function latestVersions(rows: readonly TemplateRow[]): Array<TemplateRow & { versions: number }> {
  const out = new Map<string, TemplateRow & { versions: number }>();
  for (const r of rows) {
    const seen = out.get(r.key);
    if (!seen) out.set(r.key, { ...r, versions: 1 });
    else {
      seen.versions += 1;
      if (r.version > seen.version) out.set(r.key, { ...r, versions: seen.versions });
    }
  }
  return [...out.values()];
}

export function SopSettings() {
  const { user, office } = useSession();
  const isAdmin = user.role === 'admin';
  const [list, setList] = useState<SopList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [serviceError, setServiceError] = useState<string | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [editing, setEditing] = useState<{ template: SopTemplate; mode: 'copy' | 'edit' } | null>(null);

  useEffect(() => {
    let live = true;
    call('sop.list', {})
      .then((l) => {
        if (!live) return;
        setList(l);
        setError(null);
      })
      .catch((e: unknown) => live && setError(asApiError(e).message));
    return () => {
      live = false;
    };
  }, [tick]);

  const latest = useMemo(() => latestVersions(list?.templates ?? []), [list]);

  async function setService(service: SopService, key: string) {
    setNotice(null);
    setServiceError(null);
    try {
      await call('sop.setService', { service, templateKey: key === '' ? null : key });
      const name = latest.find((t) => t.key === key)?.name;
      setNotice(name ? `Layanan ${SOP_SERVICE_LABELS[service]} sekarang memakai SOP “${name}” (${key}). Permohonan yang sedang berjalan tetap memakai SOP-nya semula.` : `Layanan ${SOP_SERVICE_LABELS[service]} tidak memakai SOP.`);
      setTick((t) => t + 1);
    } catch (e) {
      setServiceError(asApiError(e).message);
    }
  }

  return (
    <div className="sop-settings">
      <section className="card" aria-labelledby="sop-services-title">
        <div className="list-head">
          <div>
            <h2 id="sop-services-title">SOP tiap layanan</h2>
            <p className="muted">Surat masuk berjalan menurut SOP layanannya. Permohonan yang sudah berjalan tetap memakai versi SOP saat ia dimulai.</p>
          </div>
        </div>
        {notice && <Alert kind="success">{notice}</Alert>}
        {serviceError && <Alert kind="error">{serviceError}</Alert>}
        <LoadState error={error} loading={list === null} />
        {list && (
          <div className="service-sops">
            {SOP_SERVICE_KEYS.map((service) => {
              const current = list.services.find((s) => s.service === service)?.templateKey ?? '';
              const subject = service === 'pengaduan' ? 'complaint' : 'request';
              const options = latest.filter((t) => t.subject === subject);
              return (
                <div key={service} className="field service-sop">
                  <label htmlFor={`sop-service-${service}`}>{SOP_SERVICE_LABELS[service]}</label>
                  <select
                    id={`sop-service-${service}`}
                    value={current}
                    disabled={!isAdmin}
                    onChange={(e) => void setService(service, e.target.value)}
                  >
                    <option value="">— tanpa SOP —</option>
                    {options.map((t) => (
                      <option key={t.key} value={t.key}>
                        {t.name} ({t.key}, versi {t.version})
                      </option>
                    ))}
                  </select>
                </div>
              );
            })}
          </div>
        )}
      </section>

      {editing ? (
        <SopEditor
          key={`${editing.template.key}-${editing.mode}`}
          initial={editing.template}
          mode={editing.mode}
          takenKeys={latest.map((t) => ({ key: t.key, builtin: t.builtin }))}
          onCancel={() => setEditing(null)}
          onSaved={(row) => {
            setEditing(null);
            setViewing(row.id);
            setNotice(`SOP “${row.name}” tersimpan sebagai ${row.key} versi ${row.version}.`);
            setTick((t) => t + 1);
          }}
        />
      ) : (
        viewing !== null && (
          <SopViewer
            id={viewing}
            rows={list?.templates ?? []}
            isAdmin={isAdmin}
            timeZone={office.timeZone}
            onClose={() => setViewing(null)}
            onEdit={(template, mode) => {
              setNotice(null);
              setEditing({ template, mode });
            }}
          />
        )
      )}

      <section className="card" aria-labelledby="sop-templates-title">
        <div className="list-head">
          <div>
            <h2 id="sop-templates-title">Templat SOP</h2>
            <p className="muted">Bawaan Loket menurut naskah SOP kantor-kantor asalnya; salinan adalah ubahan kantor ini. Setiap simpanan menjadi versi baru.</p>
          </div>
        </div>
        {list && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Kunci</th>
                <th scope="col">Nama</th>
                <th scope="col" className="num">
                  Versi
                </th>
                <th scope="col">Jenis</th>
                <th scope="col">Untuk</th>
                <th scope="col">
                  <span className="sr-only">Tindakan</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {latest.map((t) => (
                <tr key={t.key} className={cls(viewing === t.id && 'is-selected')}>
                  <td>
                    <code>{t.key}</code>
                  </td>
                  <td>{t.name}</td>
                  <td className="num">
                    {t.version}
                    {t.versions > 1 && <span className="cell-sub">{t.versions} versi</span>}
                  </td>
                  <td>{t.builtin ? <span className="badge badge--off">Bawaan</span> : <span className="badge badge--ok">Salinan kantor</span>}</td>
                  <td>{t.subject === 'complaint' ? 'Pengaduan' : 'Permohonan'}</td>
                  <td className="num">
                    <button
                      type="button"
                      className="btn btn--small btn--ghost"
                      aria-label={`Lihat SOP ${t.name} (${t.key})`}
                      onClick={() => {
                        setEditing(null);
                        setViewing(t.id);
                      }}
                    >
                      Lihat
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

/* ---------------------------------------------------------------------------------------------
 * Viewer
 * ------------------------------------------------------------------------------------------- */

function stepRef(t: SopTemplate, id: string): string {
  const s = t.steps.find((x) => x.id === id);
  if (!s) return id;
  if (s.kind === 'end') return `akhir: ${s.title}`;
  return `langkah ${s.number}`;
}

function nextText(t: SopTemplate, s: SopStep): string {
  switch (s.kind) {
    case 'task':
      return `→ ${stepRef(t, s.next)}`;
    case 'disposition':
      return `disposisi kepada ${t.roles.find((r) => r.key === s.to)?.label ?? s.to}, → ${stepRef(t, s.next)}`;
    case 'decision':
      return s.branches.map((b) => `${b.label} → ${stepRef(t, b.next)}${b.returnsToOpd ? ' (dikembalikan ke OPD, dengan surat pemberitahuan)' : ''}`).join('; ');
    case 'end':
      return '';
  }
}

interface ViewerProps {
  id: number;
  rows: readonly TemplateRow[];
  isAdmin: boolean;
  timeZone: string;
  onClose: () => void;
  onEdit: (template: SopTemplate, mode: 'copy' | 'edit') => void;
}

function SopViewer({ id, rows, isAdmin, timeZone, onClose, onEdit }: ViewerProps) {
  const [data, setData] = useState<{ row: TemplateRow; template: SopTemplate } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setData(null);
    call('sop.get', { id })
      .then((r) => {
        if (!live) return;
        const parsed = safeParseTemplate(r.template);
        if (parsed.ok) setData({ row: r.row, template: parsed.template });
        else setError(`SOP ini tidak terbaca: ${parsed.problems.map((p) => p.message).join(' ')}`);
      })
      .catch((e: unknown) => live && setError(asApiError(e).message));
    return () => {
      live = false;
    };
  }, [id]);

  if (error) return <Alert kind="error">{error}</Alert>;
  if (!data) return <p role="status">Memuat SOP…</p>;
  const { row, template: t } = data;
  const actors = (key: string) => t.roles.find((r) => r.key === key)?.label ?? key;
  const versions = rows.filter((r) => r.key === row.key).length;

  return (
    <section className="card sop-viewer" aria-labelledby="sop-view-title">
      <div className="list-head">
        <div>
          <p className="muted small sop-viewer-meta">
            <code>{t.key}</code> · versi {row.version}
            {versions > 1 ? ` dari ${versions}` : ''} · {row.builtin ? 'bawaan Loket' : 'salinan kantor'} · dibuat {formatMoment(row.createdAt, timeZone)}
          </p>
          <h2 id="sop-view-title">{t.name}</h2>
          <p className="muted small">{t.source}</p>
        </div>
        <div className="actions">
          {isAdmin && !row.builtin && (
            <button type="button" className="btn btn--secondary" onClick={() => onEdit(structuredClone(t), 'edit')}>
              Ubah (versi baru)
            </button>
          )}
          {isAdmin && (
            <button type="button" className="btn btn--primary" onClick={() => onEdit(structuredClone(t), 'copy')}>
              Salin dan ubah
            </button>
          )}
          <button type="button" className="btn btn--ghost" onClick={onClose}>
            Tutup
          </button>
        </div>
      </div>
      <dl className="details details--compact">
        <dt>Waktu penyelesaian</dt>
        <dd>{t.serviceStandard.kind === 'none' ? 'Tidak ditetapkan' : describeStandard(t.serviceStandard)}</dd>
        <dt>Untuk</dt>
        <dd>{t.subject === 'complaint' ? 'Pengaduan' : 'Permohonan layanan'}</dd>
        <dt>Langkah awal</dt>
        <dd>{stepRef(t, t.start)}</dd>
      </dl>
      <h3>Pelaksana</h3>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">Kunci</th>
            <th scope="col">Nama pada SOP</th>
            <th scope="col">Peran di Loket</th>
          </tr>
        </thead>
        <tbody>
          {t.roles.map((r) => (
            <tr key={r.key}>
              <td>
                <code>{r.key}</code>
              </td>
              <td>{r.label}</td>
              <td>
                {ROLE_LABELS[r.systemRole]}
                {r.external && <span className="cell-sub">pihak luar: dicatat oleh front desk</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Langkah</h3>
      <div className="table-wrap">
        <table className="table sop-steps">
          <thead>
            <tr>
              <th scope="col">No.</th>
              <th scope="col">Kegiatan</th>
              <th scope="col">Pelaksana</th>
              <th scope="col">Kelengkapan</th>
              <th scope="col">Waktu</th>
              <th scope="col">Output</th>
              <th scope="col">Berikutnya</th>
            </tr>
          </thead>
          <tbody>
            {t.steps.map((s) =>
              s.kind === 'end' ? (
                <tr key={s.id} className="sop-end">
                  <td>
                    <span className="muted">akhir</span>
                  </td>
                  <td colSpan={6}>
                    <strong>{s.title}</strong> <span className={`badge badge--state-${s.outcome}`}>{s.outcome === 'selesai' ? 'Selesai' : 'Dikembalikan ke OPD'}</span>
                  </td>
                </tr>
              ) : (
                <tr key={s.id}>
                  <td className="nowrap">
                    <span className="step-no">{s.number}</span>
                  </td>
                  <td>
                    {s.title}
                    {s.kind === 'decision' && <span className="cell-sub">Keputusan: {s.question}</span>}
                    {s.pause && <span className="cell-sub">Dapat dijeda: {s.pause.reason}</span>}
                  </td>
                  <td>{actors(s.actor)}</td>
                  <td>
                    {s.inputs.length === 0 ? (
                      <span className="muted">–</span>
                    ) : (
                      <ul className="plain-list">
                        {s.inputs.map((i) => (
                          <li key={i}>{i}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="nowrap">{describeStandard(s.standard)}</td>
                  <td>{s.output}</td>
                  <td>{nextText(t, s)}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      {t.notes.length > 0 && (
        <>
          <h3>Catatan</h3>
          <ul className="sop-notes">
            {t.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
