/**
 * Standar pelayanan (#/standar, #/standar/hosting): for each service the office gives, what a
 * visitor needs to know (requirements, the procedure from the SOP that serves it, time, fee,
 * product, service hours, complaint channels), generated from the office's data, to show at the
 * front desk and print for the visitor.
 */
import { useState } from 'react';
import type { ServiceStandard } from '../../../shared/api/report-schemas';
import { call } from '../api';
import { Alert, cls } from '../components/fields';
import { PdfPanel } from '../components/PdfPanel';
import { href } from '../lib/router';
import { useLiveChange } from '../live';
import { useSession } from '../session';
import { useList } from '../settings/common';
import './complaints.css';

export function StandardsPage({ service }: { service: string | null }) {
  const { user } = useSession();
  const [tick, setTick] = useState(0);
  const { items: list, error } = useList(() => call('standards.list', {}), String(tick));
  useLiveChange(
    () => setTick((t) => t + 1),
    (e) => e.call.startsWith('standards.') || e.call.startsWith('sop.') || e.call.startsWith('complaints.settings') || e.entity === 'office',
  );

  const current = list?.find((s) => s.service === service) ?? list?.[0] ?? null;
  return (
    <section aria-labelledby="standards-title">
      <div className="page-head">
        <div>
          <h1 id="standards-title">Standar pelayanan</h1>
          <p className="muted">
            Persyaratan, prosedur, waktu, biaya, produk, dan saluran pengaduan tiap layanan, dari SOP dan data kantor. Cetak untuk pengunjung.
            {user.role === 'admin' && (
              <>
                {' '}
                Persyaratan, biaya, dan produk diubah di <a href={href('/pengaturan/standar')}>Pengaturan → Standar pelayanan</a>.
              </>
            )}
          </p>
        </div>
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      {list === null && !error && <p role="status">Memuat standar pelayanan…</p>}
      {list && current && (
        <>
          <nav className="subnav" aria-label="Layanan">
            {list.map((s) => (
              <a
                key={s.service}
                href={href(`/standar/${s.service}`)}
                className={cls('subnav-link', s === current && 'is-active')}
                aria-current={s === current ? 'page' : undefined}
              >
                {s.serviceLabel}
              </a>
            ))}
          </nav>
          <div className="letter-layout">
            <StandardView standard={current} />
            <PdfPanel
              key={current.service}
              id="standard-pdf"
              title="Cetak untuk pengunjung"
              label={`Standar pelayanan ${current.serviceLabel}`}
              version={tick}
              render={(paper) => call('standards.pdf', { service: current.service, paper })}
              print={(to) => call('standards.print', { service: current.service, ...to })}
            />
          </div>
        </>
      )}
    </section>
  );
}

function StandardView({ standard: s }: { standard: ServiceStandard }) {
  const none = <span className="muted">Belum diisi kantor.</span>;
  return (
    <section className="card standard-view" aria-labelledby="standard-title">
      <p className="eyebrow">Standar pelayanan</p>
      <h2 id="standard-title">{s.serviceLabel}</h2>
      {s.template ? (
        <p className="muted small">
          Menurut SOP {s.template.name}. {s.template.source}
        </p>
      ) : (
        <Alert kind="warning">Layanan ini belum dilayani SOP: prosedur dan waktunya belum dapat ditulis. Administrator memilih SOP di Pengaturan → SOP.</Alert>
      )}
      <dl className="details standard-details">
        <dt>Persyaratan</dt>
        <dd>
          {s.requirements.length === 0 ? (
            none
          ) : (
            <ol className="standard-list">
              {s.requirements.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ol>
          )}
        </dd>
        <dt>Prosedur</dt>
        <dd>
          {s.procedure.length === 0 ? (
            <span className="muted">–</span>
          ) : (
            <ol className="standard-procedure">
              {s.procedure.map((p) => (
                <li key={p.number}>
                  <span className="step-no">{p.number}</span>
                  <span>
                    {p.title}
                    <span className="cell-sub">
                      {p.actor}
                      {p.standard !== '–' ? ` · ${p.standard}` : ''}
                    </span>
                  </span>
                </li>
              ))}
            </ol>
          )}
        </dd>
        <dt>Waktu penyelesaian</dt>
        <dd>
          {s.time}
          {s.timeBasis === 'steps' && <span className="cell-sub">jumlah baku waktu langkah-langkah SOP</span>}
        </dd>
        <dt>Biaya/tarif</dt>
        <dd>{s.fee || none}</dd>
        <dt>Produk pelayanan</dt>
        <dd>{s.product || none}</dd>
        <dt>Jam pelayanan</dt>
        <dd>
          {s.hours.length === 0 ? (
            <span className="muted">–</span>
          ) : (
            s.hours.map((h) => (
              <span key={h} className="standard-line">
                {h}
              </span>
            ))
          )}
        </dd>
        <dt>Pengaduan</dt>
        <dd>
          {s.complaintContacts.length === 0 ? (
            <span className="muted">Kontak pengaduan belum diisi (Pengaturan → Pengaduan).</span>
          ) : (
            s.complaintContacts.map((c) => (
              <span key={c} className="standard-line">
                {c}
              </span>
            ))
          )}
        </dd>
      </dl>
    </section>
  );
}
