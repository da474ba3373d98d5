/**
 * Pengaturan → Beberapa meja (issue 8, administrator): switch the register host's LAN listener on,
 * show the certificate fingerprint the desks must compare, make one-time pairing codes, and see
 * and revoke the paired desks. The session idle limit of every desk is set here too.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { CallOutput } from '../../../shared/api/contract';
import { formatInstantDateTimeId } from '../../../shared/domain/dates';
import { asApiError, call } from '../api';
import { Alert, CheckboxField, TextField } from '../components/fields';
import { useAction, useFocusFirstInvalid } from '../lib/useAction';
import { useSession } from '../session';

type Status = CallOutput<'lan.status'>;
type Desk = CallOutput<'lan.desks.list'>[number];
type Code = CallOutput<'lan.pairing.create'>;

export function LanSettings() {
  const { office } = useSession();
  const tz = office.timeZone;
  const [status, setStatus] = useState<Status | null>(null);
  const [desks, setDesks] = useState<Desk[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [enabled, setEnabled] = useState(false);
  const [address, setAddress] = useState('0.0.0.0');
  const [port, setPort] = useState('4781');
  const [idleHours, setIdleHours] = useState('8');
  const [saved, setSaved] = useState(false);
  const [code, setCode] = useState<Code | null>(null);
  const save = useAction();
  const pairing = useAction();
  const revoke = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, save.fields);

  const load = useCallback(async () => {
    try {
      const [s, settings, list] = await Promise.all([call('lan.status', {}), call('lan.settings.get', {}), call('lan.desks.list', {})]);
      setStatus(s);
      setDesks(list);
      setEnabled(settings.enabled);
      setAddress(settings.address);
      setPort(String(settings.port));
      setIdleHours(String(settings.sessionIdleHours).replace('.', ','));
      setLoadError(null);
    } catch (e) {
      setLoadError(asApiError(e).message);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (save.busy) return;
    setSaved(false);
    const result = await save.run(() =>
      call('lan.settings.save', { enabled, address: address.trim(), port: Number(port), sessionIdleHours: Number(idleHours.replace(',', '.')) }),
    );
    if (result.ok) {
      setSaved(true);
      // The listener starts (and makes its certificate) in the background.
      setTimeout(() => void call('lan.status', {}).then(setStatus).catch(() => undefined), 1500);
    }
  }

  async function makeCode() {
    const result = await pairing.run(() => call('lan.pairing.create', {}));
    if (result.ok) setCode(result.value);
  }

  async function revokeDesk(desk: Desk) {
    if (!window.confirm(`Cabut pasangan "${desk.name}"? Meja itu tidak dapat memakai register lagi sampai dipasangkan ulang.`)) return;
    const result = await revoke.run(() => call('lan.desks.revoke', { id: desk.id }));
    if (result.ok) void load();
  }

  if (loadError) return <Alert kind="error">{loadError}</Alert>;
  if (!status || !desks) return <p role="status">Memuat…</p>;

  return (
    <div className="settings-lan">
      <h2>Beberapa meja (LAN)</h2>
      <p className="muted">
        Komputer ini menyimpan register. Komputer lain di kantor (meja Kadis, Kabid, dan seterusnya) memakai register yang sama lewat jaringan
        kantor, terenkripsi (HTTPS), setelah dipasangkan sekali dengan kode dari layar ini.
      </p>

      <section aria-labelledby="lan-status-title" className="card">
        <h3 id="lan-status-title">Keadaan</h3>
        {status.listening ? (
          <Alert kind="success">Host LAN menyala. Meja lain menghubungi alamat di bawah.</Alert>
        ) : status.enabled ? (
          <Alert kind="warning">{status.error ?? 'Host LAN sedang dinyalakan…'}</Alert>
        ) : (
          <Alert kind="info">Host LAN mati: hanya komputer ini yang memakai register.</Alert>
        )}
        <dl className="details">
          <dt>Alamat untuk meja lain</dt>
          <dd>{status.urls.length > 0 ? status.urls.join(', ') : '—'}</dd>
          <dt>Sidik jari sertifikat (SHA-256)</dt>
          <dd>
            <code className="fingerprint" data-testid="lan-fingerprint">
              {status.fingerprint ?? 'Belum dibuat (dibuat saat host LAN pertama kali menyala).'}
            </code>
          </dd>
          <dt>Meja berpasangan</dt>
          <dd>{status.activeDesks}</dd>
        </dl>
      </section>

      <form ref={formRef} className="card" onSubmit={submit} noValidate aria-labelledby="lan-settings-title">
        <h3 id="lan-settings-title">Pengaturan host</h3>
        {save.error && <Alert kind="error">{save.error}</Alert>}
        {saved && !save.error && <Alert kind="success">Pengaturan tersimpan.</Alert>}
        <CheckboxField id="lan-enabled" label="Layani meja lain lewat jaringan kantor (HTTPS)" checked={enabled} onCheckedChange={setEnabled} />
        <TextField id="lan-address" label="Alamat yang didengarkan" hint="0.0.0.0 = semua kartu jaringan komputer ini." value={address} onValueChange={setAddress} error={save.fields.address} />
        <TextField id="lan-port" label="Port" inputMode="numeric" value={port} onValueChange={setPort} error={save.fields.port} />
        <TextField
          id="lan-idle"
          label="Sesi berakhir bila tidak dipakai selama (jam)"
          hint="Berlaku untuk semua meja. Sesi selalu berakhir 24 jam setelah masuk."
          inputMode="decimal"
          value={idleHours}
          onValueChange={setIdleHours}
          error={save.fields.sessionIdleHours}
        />
        <div className="actions actions--start">
          <button type="submit" className="btn btn--primary" disabled={save.busy}>
            {save.busy ? 'Menyimpan…' : 'Simpan pengaturan'}
          </button>
        </div>
      </form>

      <section aria-labelledby="lan-pair-title" className="card">
        <h3 id="lan-pair-title">Pasangkan meja baru</h3>
        <p className="muted">
          Di meja baru, buka Loket dan pilih <em>Sambungkan ke host Loket…</em> pada layar penyiapan awal (atau jalankan{' '}
          <code>loket pair --host ALAMAT --code KODE --name &quot;Nama meja&quot; --fingerprint SIDIK-JARI</code>). Kode berlaku 10 menit dan hanya
          sekali pakai. Cocokkan sidik jari yang ditampilkan meja itu dengan sidik jari di atas.
        </p>
        {pairing.error && <Alert kind="error">{pairing.error}</Alert>}
        {code && (
          <div className="pairing-code" role="status">
            <p>
              Kode pemasangan: <strong data-testid="lan-code">{code.code}</strong>
            </p>
            <p className="small">Berlaku sampai {formatInstantDateTimeId(code.expiresAt, tz)}.</p>
          </div>
        )}
        <button type="button" className="btn" onClick={() => void makeCode()} disabled={pairing.busy}>
          Buat kode pemasangan
        </button>
      </section>

      <section aria-labelledby="lan-desks-title" className="card">
        <h3 id="lan-desks-title">Meja yang berpasangan</h3>
        {revoke.error && <Alert kind="error">{revoke.error}</Alert>}
        {desks.length === 0 ? (
          <p className="muted">Belum ada meja yang dipasangkan.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Meja</th>
                <th scope="col">Dipasangkan</th>
                <th scope="col">Terakhir terlihat</th>
                <th scope="col">Keadaan</th>
                <th scope="col">
                  <span className="visually-hidden">Tindakan</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {desks.map((d) => (
                <tr key={d.id}>
                  <td>
                    {d.name}
                    <span className="cell-sub">{d.id}</span>
                  </td>
                  <td>{formatInstantDateTimeId(d.pairedAt, tz)}</td>
                  <td>
                    {d.lastSeenAt ? formatInstantDateTimeId(d.lastSeenAt, tz) : '—'}
                    {d.lastAddress && <span className="cell-sub">{d.lastAddress}</span>}
                  </td>
                  <td>{d.revokedAt ? `Dicabut ${formatInstantDateTimeId(d.revokedAt, tz)}` : 'Aktif'}</td>
                  <td>
                    {!d.revokedAt && (
                      <button type="button" className="btn btn--ghost btn--small" onClick={() => void revokeDesk(d)} disabled={revoke.busy}>
                        Cabut
                      </button>
                    )}
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
