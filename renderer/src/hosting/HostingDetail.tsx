/**
 * One hosted system (#/hosting/12): its data and contacts, the web-panel password (shown to the
 * allowed roles, each opening recorded; a new one generated and shown once), status with history
 * and "Ubah status", maintenance log, security evaluations, and the letters and requests it came
 * from.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  HOSTING_EDIT_ROLES,
  HOSTING_STATUSES,
  HOSTING_STATUS_LABELS,
  PASSWORD_REVEAL_ROLES,
  PASSWORD_SET_ROLES,
  type HostedSystem,
  type HostingStatus,
} from '../../../shared/api/hosting-schemas';
import { formatDateId, localIsoDate } from '../../../shared/domain/dates';
import { asApiError, call } from '../api';
import { Alert, SelectField, TextAreaField, TextField } from '../components/fields';
import { formatMoment } from '../lib/format';
import { href } from '../lib/router';
import { useAction } from '../lib/useAction';
import { useLiveChange } from '../live';
import { useSession } from '../session';
import { CopyButton, HostingStatusBadge, SecurityBadge } from './bits';
import { GeneratedPassword } from './HostingForm';
import { SecurityEvaluationForm, SecurityEvaluationView } from './SecurityEvaluationForm';

const STATUS_ROLES = ['kabid', 'kadis', 'admin'] as const;
const MAINTENANCE_ROLES = ['technical', 'admin'] as const;

function has(roles: readonly string[], role: string): boolean {
  return roles.includes(role);
}

export function HostingDetail({ id }: { id: number }) {
  const { user, office } = useSession();
  const tz = office.timeZone;
  const [system, setSystem] = useState<HostedSystem | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setSystem(await call('hosting.get', { id }));
      setError(null);
    } catch (e) {
      setError(asApiError(e).message);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  useLiveChange(() => void load());

  if (!system) {
    return (
      <section>
        <p className="breadcrumb">
          <a href={href('/hosting')}>← Sistem yang dihosting</a>
        </p>
        {error ? <Alert kind="error">{error}</Alert> : <p role="status">Memuat sistem…</p>}
      </section>
    );
  }

  const contact = (c: HostedSystem['technicalContact']) =>
    c.name || c.phone || c.email ? (
      <>
        {c.name || <span className="muted">(tanpa nama)</span>}
        {c.phone && <span className="cell-sub">Telp. {c.phone}</span>}
        {c.email && <span className="cell-sub">{c.email}</span>}
      </>
    ) : (
      <span className="muted">–</span>
    );
  const latestEvaluation = system.securityEvaluations[system.securityEvaluations.length - 1] ?? null;

  return (
    <section aria-labelledby="system-title" className="hosting-detail">
      <p className="breadcrumb">
        <a href={href('/hosting')}>← Sistem yang dihosting</a>
      </p>
      <div className="page-head">
        <div>
          <p className="eyebrow">Sistem yang dihosting</p>
          <h1 id="system-title" className="system-fqdn">
            {system.fqdn}
          </h1>
          <p className="letter-subject">
            {system.applicationName} · {system.opdName}
          </p>
        </div>
        <div className="head-badges">
          <HostingStatusBadge status={system.status} />
          <SecurityBadge passed={system.securityPassed} />
          {has(HOSTING_EDIT_ROLES, user.role) && (
            <a className="btn btn--secondary" href={href(`/hosting/${system.id}/ubah`)}>
              Ubah data
            </a>
          )}
        </div>
      </div>
      {error && <Alert kind="error">{error}</Alert>}

      <div className="hosting-layout">
        <div className="hosting-main">
          <section className="card" aria-labelledby="sys-data-title">
            <h2 id="sys-data-title">Data teknis</h2>
            <dl className="details">
              <dt>OPD</dt>
              <dd>{system.opdName}</dd>
              <dt>Aplikasi</dt>
              <dd>{system.applicationName}</dd>
              <dt>Subdomain</dt>
              <dd className="mono">{system.fqdn}</dd>
              <dt>Alamat IP</dt>
              <dd>
                {system.addressDetails.map((a) => (
                  <span key={a.address} className="ip-detail">
                    <span className="mono">{a.address}</span> <span className="muted small">IPv{a.version} · {a.poolLabel}</span>
                  </span>
                ))}
              </dd>
              <dt>Server</dt>
              <dd>{system.serverName ?? <span className="muted">–</span>}</dd>
              <dt>Teknologi</dt>
              <dd>{system.stack || <span className="muted">–</span>}</dd>
              <dt>Basis data</dt>
              <dd>{system.database || <span className="muted">–</span>}</dd>
              <dt>Web panel</dt>
              <dd>
                {system.panelUrl ? <span className="mono break">{system.panelUrl}</span> : <span className="muted">–</span>}
                {system.panelUsername && <span className="cell-sub">Nama pengguna: <span className="mono">{system.panelUsername}</span></span>}
              </dd>
              <dt>Kontak teknis</dt>
              <dd>{contact(system.technicalContact)}</dd>
              <dt>Kontak administrasi</dt>
              <dd>{contact(system.administrativeContact)}</dd>
              {system.notes && (
                <>
                  <dt>Catatan</dt>
                  <dd className="pre">{system.notes}</dd>
                </>
              )}
              <dt>Didaftarkan</dt>
              <dd>
                {system.createdBy}, {formatMoment(system.createdAt, tz)}
              </dd>
            </dl>
          </section>

          <PasswordCard system={system} onChanged={load} />

          <section className="card" aria-labelledby="sys-security-title">
            <h2 id="sys-security-title">Evaluasi keamanan</h2>
            <SecuritySection system={system} latest={latestEvaluation} tz={tz} onSaved={load} />
          </section>
        </div>

        <div className="hosting-side">
          <StatusCard system={system} onChanged={setSystem} />
          <MaintenanceCard system={system} onChanged={setSystem} />
          <section className="card" aria-labelledby="sys-links-title">
            <h2 id="sys-links-title">Surat dan permohonan</h2>
            {system.links.length === 0 ? (
              <p className="muted">Tidak tertaut ke surat.</p>
            ) : (
              <ul className="plain-list link-list">
                {system.links.map((l) => (
                  <li key={`${l.letterId}-${l.requestId ?? 0}`}>
                    <a href={href(`/surat/${l.letterId}`)}>
                      Surat {l.agendaNumber}
                    </a>{' '}
                    <span className="muted small">({l.letterNumber})</span>
                    <span className="cell-sub">{l.subject}</span>
                    <span className="cell-sub">
                      {l.requestId !== null ? 'Permohonan' : 'Surat'} · ditautkan {formatMoment(l.linkedAt, tz)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </section>
  );
}

function PasswordCard({ system, onChanged }: { system: HostedSystem; onChanged: () => Promise<void> }) {
  const { user, office } = useSession();
  const [shown, setShown] = useState<string | null>(null);
  const [generated, setGenerated] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const canReveal = has(PASSWORD_REVEAL_ROLES, user.role);
  const canSet = has(PASSWORD_SET_ROLES, user.role);

  async function reveal() {
    const result = await action.run(() => call('hosting.revealPassword', { id: system.id }));
    if (result.ok) setShown(result.value.password);
  }
  async function regenerate() {
    const result = await action.run(() => call('hosting.setPassword', { id: system.id, generate: true }));
    setConfirming(false);
    if (result.ok) {
      setShown(null);
      setGenerated(result.value.generatedPassword);
      await onChanged();
    }
  }

  return (
    <section className="card" aria-labelledby="sys-password-title">
      <h2 id="sys-password-title">Kata sandi web panel</h2>
      <p>
        {system.password.set ? (
          <>
            Tersimpan terenkripsi
            {system.password.setAt && (
              <span className="muted">
                {' '}
                · diatur {system.password.setBy ? `oleh ${system.password.setBy}, ` : ''}
                {formatMoment(system.password.setAt, office.timeZone)}
              </span>
            )}
          </>
        ) : (
          <span className="muted">Belum disimpan di Loket.</span>
        )}
      </p>
      {generated && <GeneratedPassword password={generated} fqdn={system.fqdn} onClose={() => setGenerated(null)} />}
      {shown !== null && (
        <div className="alert alert--warning revealed-password" role="status">
          <p>
            <strong>Pembukaan kata sandi ini tercatat di log audit</strong> atas nama {user.fullName}. Jangan biarkan layar terbuka.
          </p>
          <p className="password-line">
            <code className="password-value" aria-label="Kata sandi web panel">
              {shown}
            </code>
            <CopyButton text={shown} label="Salin kata sandi" />
            <button type="button" className="btn btn--ghost btn--small" onClick={() => setShown(null)}>
              Sembunyikan
            </button>
          </p>
        </div>
      )}
      {action.error && <Alert kind="error">{action.error}</Alert>}
      {confirming ? (
        <div className="confirm-box" role="group" aria-label="Konfirmasi kata sandi baru">
          <p>
            Kata sandi lama tidak berlaku lagi di Loket; ganti juga di web panel. Dokumen hak akses yang sudah dibuat tetap memuat kata sandi lama, jadi buat versi baru bila perlu.
          </p>
          <div className="actions actions--start">
            <button type="button" className="btn btn--danger" disabled={action.busy} onClick={() => void regenerate()}>
              {action.busy ? 'Membuat…' : 'Ya, buat kata sandi baru'}
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => setConfirming(false)}>
              Batal
            </button>
          </div>
        </div>
      ) : (
        <div className="actions actions--start">
          {canReveal && system.password.set && shown === null && (
            <button type="button" className="btn btn--secondary" disabled={action.busy} onClick={() => void reveal()}>
              Tampilkan kata sandi
            </button>
          )}
          {canSet && (
            <button type="button" className="btn btn--secondary" onClick={() => (system.password.set ? setConfirming(true) : void regenerate())} disabled={action.busy}>
              Buat kata sandi baru
            </button>
          )}
          {!canReveal && !canSet && <p className="muted small">Kata sandi hanya dapat dibuka oleh petugas teknis, Kepala Bidang, Kepala Dinas, atau administrator.</p>}
        </div>
      )}
    </section>
  );
}

function StatusCard({ system, onChanged }: { system: HostedSystem; onChanged: (s: HostedSystem) => void }) {
  const { user, office } = useSession();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<HostingStatus>(system.status === 'aktif' ? 'ditangguhkan' : 'aktif');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const canChange = has(STATUS_ROLES, user.role);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (reason.trim() === '') {
      action.setFields({ reason: 'Tulis alasan perubahan status.' });
      return;
    }
    const result = await action.run(() => call('hosting.setStatus', { id: system.id, status, reason }));
    if (result.ok) {
      onChanged(result.value);
      setDone(`Status diubah menjadi ${HOSTING_STATUS_LABELS[status].toLowerCase()}.`);
      setOpen(false);
      setReason('');
    }
  }

  return (
    <section className="card" aria-labelledby="sys-status-title">
      <div className="card-head">
        <h2 id="sys-status-title">Status</h2>
        <HostingStatusBadge status={system.status} />
      </div>
      {done && <Alert kind="success">{done}</Alert>}
      {canChange && !open && (
        <button
          type="button"
          className="btn btn--secondary btn--small"
          onClick={() => {
            setOpen(true);
            setDone(null);
            setStatus(system.status === 'aktif' ? 'ditangguhkan' : 'aktif');
          }}
        >
          Ubah status
        </button>
      )}
      {open && (
        <form className="step-form" onSubmit={submit} noValidate aria-label="Ubah status">
          <SelectField
            id="status-new"
            label="Status baru"
            value={status}
            onValueChange={(v) => setStatus((HOSTING_STATUSES as readonly string[]).includes(v) ? (v as HostingStatus) : 'aktif')}
            options={HOSTING_STATUSES.filter((s) => s !== system.status).map((s) => ({ value: s, label: HOSTING_STATUS_LABELS[s] }))}
          />
          <TextAreaField
            id="status-reason"
            label="Alasan"
            required
            rows={2}
            value={reason}
            onValueChange={(v) => {
              setReason(v);
              action.dismiss(['reason']);
            }}
            error={action.fields.reason}
            maxLength={1000}
            autoFocus
          />
          {action.error && !action.fields.reason && <Alert kind="error">{action.error}</Alert>}
          <div className="actions actions--start">
            <button type="submit" className="btn btn--primary" disabled={action.busy}>
              {action.busy ? 'Menyimpan…' : 'Simpan status'}
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => setOpen(false)}>
              Batal
            </button>
          </div>
        </form>
      )}
      <h3 className="sub-title">Riwayat status</h3>
      <ol className="history-list">
        {[...system.statusHistory].reverse().map((h, i) => (
          <li key={i}>
            <HostingStatusBadge status={h.status} /> <span className="muted small">{formatMoment(h.at, office.timeZone)} · {h.by}</span>
            {h.reason && <span className="cell-sub">{h.reason}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function MaintenanceCard({ system, onChanged }: { system: HostedSystem; onChanged: (s: HostedSystem) => void }) {
  const { user, office } = useSession();
  const today = localIsoDate(new Date(), office.timeZone);
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(today);
  const [description, setDescription] = useState('');
  const [performedBy, setPerformedBy] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const canAdd = has(MAINTENANCE_ROLES, user.role);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await action.run(() => call('hosting.addMaintenance', { id: system.id, date, description, performedBy }));
    if (result.ok) {
      onChanged(result.value);
      setDone('Pemeliharaan tercatat.');
      setOpen(false);
      setDescription('');
      setPerformedBy('');
    }
  }

  return (
    <section className="card" aria-labelledby="sys-maint-title">
      <h2 id="sys-maint-title">Log pemeliharaan</h2>
      {done && <Alert kind="success">{done}</Alert>}
      {canAdd && !open && (
        <button
          type="button"
          className="btn btn--secondary btn--small"
          onClick={() => {
            setOpen(true);
            setDone(null);
            setDate(today);
          }}
        >
          Catat pemeliharaan
        </button>
      )}
      {open && (
        <form className="step-form" onSubmit={submit} noValidate aria-label="Catat pemeliharaan">
          <TextField id="maint-date" label="Tanggal" type="date" required max={today} value={date} onValueChange={setDate} error={action.fields.date} />
          <TextAreaField id="maint-desc" label="Uraian pekerjaan" required rows={3} value={description} onValueChange={setDescription} error={action.fields.description} maxLength={2000} autoFocus />
          <TextField id="maint-by" label="Pelaksana (kosong: Anda sendiri)" value={performedBy} onValueChange={setPerformedBy} error={action.fields.performedBy} maxLength={120} />
          {action.error && Object.keys(action.fields).length === 0 && <Alert kind="error">{action.error}</Alert>}
          <div className="actions actions--start">
            <button type="submit" className="btn btn--primary" disabled={action.busy}>
              {action.busy ? 'Menyimpan…' : 'Simpan catatan'}
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => setOpen(false)}>
              Batal
            </button>
          </div>
        </form>
      )}
      {system.maintenance.length === 0 ? (
        <p className="muted small">Belum ada pemeliharaan tercatat.</p>
      ) : (
        <ol className="history-list">
          {[...system.maintenance].reverse().map((m) => (
            <li key={m.id}>
              <strong>{formatDateId(m.date)}</strong> <span className="muted small">· {m.performedBy}</span>
              <span className="cell-sub pre">{m.description}</span>
              <span className="cell-sub">
                dicatat {m.recordedBy}, {formatMoment(m.recordedAt, office.timeZone)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function SecuritySection({ system, latest, tz, onSaved }: { system: HostedSystem; latest: HostedSystem['securityEvaluations'][number] | null; tz: string; onSaved: () => Promise<void> }) {
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const older = system.securityEvaluations.slice(0, -1).reverse();
  return (
    <>
      {latest ? <SecurityEvaluationView evaluation={latest} tz={tz} format={formatMoment} /> : <p className="muted">Belum ada evaluasi keamanan.</p>}
      {older.length > 0 && (
        <details className="older-evaluations">
          <summary>Evaluasi sebelumnya ({older.length})</summary>
          {older.map((e) => (
            <SecurityEvaluationView key={e.id} evaluation={e} tz={tz} format={formatMoment} />
          ))}
        </details>
      )}
      {user.role === 'security' &&
        (open ? (
          <SecurityEvaluationForm
            hostedSystemId={system.id}
            requestId={null}
            onCancel={() => setOpen(false)}
            onSaved={() => {
              setOpen(false);
              void onSaved();
            }}
          />
        ) : (
          <button type="button" className="btn btn--secondary btn--small" onClick={() => setOpen(true)}>
            Catat evaluasi keamanan
          </button>
        ))}
    </>
  );
}
