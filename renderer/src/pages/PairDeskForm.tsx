/**
 * On a Loket not yet set up: make this computer a desk of the register host in the office
 * (issue 8) instead of starting a register of its own. The same steps as `loket pair`:
 * 1. the host's address → Loket reads the host's office name and its certificate fingerprint;
 * 2. the clerk compares the fingerprint with the host's screen (Pengaturan → Beberapa meja) and
 *    types the pairing code shown there and a name for this desk;
 * 3. Loket pins the certificate and starts again as the desk (the app relaunches; the browser desk
 *    reloads once the host answers through it).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CallOutput } from '../../../shared/api/contract';
import { call } from '../api';
import { Alert, CheckboxField, TextField } from '../components/fields';
import { useAction } from '../lib/useAction';

type Probe = CallOutput<'desk.probe'>;
type Paired = CallOutput<'desk.pair'>;

const WAIT_FOR_DESK_MS = 30_000;

export function PairDeskForm({ onCancel }: { onCancel: () => void }) {
  const [hostUrl, setHostUrl] = useState('');
  const [probe, setProbe] = useState<Probe | null>(null);
  const [same, setSame] = useState(false);
  const [sameError, setSameError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [deskName, setDeskName] = useState('');
  const [paired, setPaired] = useState<Paired | null>(null);
  const [stuck, setStuck] = useState(false);
  const probing = useAction();
  const pairing = useAction();
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (probe) codeRef.current?.focus();
  }, [probe]);

  // The browser desk: wait until this address answers as the desk (the host's office), then reload.
  useEffect(() => {
    if (!paired || paired.next !== 'reload') return;
    let live = true;
    const started = Date.now();
    const tick = async () => {
      if (!live) return;
      const status = await call('setup.status', {}, { retryAfterLogin: false }).catch(() => null);
      if (!live) return;
      if (status?.setUp) {
        window.location.hash = '';
        window.location.reload();
        return;
      }
      if (Date.now() - started > WAIT_FOR_DESK_MS) setStuck(true);
      window.setTimeout(() => void tick(), 500);
    };
    window.setTimeout(() => void tick(), 500);
    return () => {
      live = false;
    };
  }, [paired]);

  async function check(e: FormEvent) {
    e.preventDefault();
    setProbe(null);
    setSame(false);
    const r = await probing.run(() => call('desk.probe', { hostUrl }));
    if (r.ok) setProbe(r.value);
  }

  async function pair(e: FormEvent) {
    e.preventDefault();
    if (!probe) return;
    if (!same) {
      setSameError('Centang hanya bila sidik jari sama persis dengan yang tampil di layar host.');
      return;
    }
    const r = await pairing.run(() => call('desk.pair', { hostUrl: probe.hostUrl, code, deskName, fingerprint: probe.fingerprint }));
    if (r.ok) setPaired(r.value);
  }

  if (paired) {
    return (
      <section className="card setup-card" aria-labelledby="pair-title">
        <h2 id="pair-title">Meja tersambung</h2>
        <div className="alert alert--success" role="status">
          <strong>
            Meja &ldquo;{paired.deskName}&rdquo; tersambung ke {paired.agencyName ?? 'host Loket'} ({paired.hostUrl}).
          </strong>
          <p>Sertifikat host disematkan: {paired.fingerprint}</p>
          <p>{paired.next === 'relaunch' ? 'Loket dimulai ulang sebagai meja…' : 'Membuka Loket sebagai meja…'}</p>
        </div>
        {stuck && (
          <Alert kind="warning">
            Host belum menjawab lewat meja ini. Periksa jaringan, lalu muat ulang halaman ini (F5). Pasangan meja sudah tersimpan.
          </Alert>
        )}
      </section>
    );
  }

  return (
    <section className="card setup-card" aria-labelledby="pair-title">
      <h2 id="pair-title">Sambungkan komputer ini ke host Loket</h2>
      <p className="muted">
        Untuk komputer meja di kantor yang sudah punya host Loket: register tetap di komputer host, meja ini memakainya lewat
        jaringan kantor. Administrator host membuat kode pemasangan di <strong>Pengaturan → Beberapa meja (LAN)</strong>.
      </p>
      <form onSubmit={check} noValidate className="pair-step">
        <TextField
          id="pair-host"
          label="Alamat host"
          required
          value={hostUrl}
          onValueChange={(v) => {
            setHostUrl(v);
            if (probe) setProbe(null);
          }}
          placeholder="https://192.168.1.10:4781"
          hint="Tertera di layar host, Pengaturan → Beberapa meja (LAN)."
          error={probing.fields.hostUrl}
          autoFocus
          autoComplete="off"
          spellCheck={false}
        />
        {probing.error && !probing.fields.hostUrl && <Alert kind="error">{probing.error}</Alert>}
        <div className="actions">
          <button type="button" className="btn btn--secondary" onClick={onCancel} disabled={probing.busy || pairing.busy}>
            ← Kembali ke penyiapan kantor baru
          </button>
          <button type="submit" className={probe ? 'btn btn--secondary' : 'btn btn--primary'} disabled={probing.busy || pairing.busy}>
            {probing.busy ? 'Menghubungi host…' : 'Periksa host'}
          </button>
        </div>
      </form>

      {probe && (
        <form onSubmit={pair} noValidate className="pair-step" aria-labelledby="pair-host-title">
          <h3 id="pair-host-title">{probe.agencyName ?? 'Host Loket'}</h3>
          <p className="muted small">{probe.hostUrl}</p>
          <p>Sidik jari sertifikat host:</p>
          <p>
            <code className="fingerprint" data-testid="pair-fingerprint">
              {probe.fingerprint}
            </code>
          </p>
          <CheckboxField
            id="pair-same"
            label="Sidik jari ini sama dengan yang tampil di layar host"
            checked={same}
            onCheckedChange={(v) => {
              setSame(v);
              setSameError(null);
            }}
            error={sameError ?? undefined}
            hint="Bila berbeda, jangan lanjutkan: komputer lain mungkin menyamar sebagai host."
          />
          <div className="form-grid">
            <TextField
              ref={codeRef}
              id="pair-code"
              label="Kode pemasangan"
              required
              value={code}
              onValueChange={setCode}
              placeholder="ABCD-EFGH"
              hint="8 karakter, berlaku 10 menit, sekali pakai."
              error={pairing.fields.code}
              autoComplete="off"
              spellCheck={false}
            />
            <TextField
              id="pair-name"
              label="Nama meja ini"
              required
              value={deskName}
              onValueChange={setDeskName}
              placeholder="mis. Meja Kadis"
              maxLength={60}
              error={pairing.fields.deskName}
            />
          </div>
          {pairing.error && !pairing.fields.code && !pairing.fields.deskName && <Alert kind="error">{pairing.error}</Alert>}
          <div className="actions">
            <button type="submit" className="btn btn--primary" disabled={pairing.busy}>
              {pairing.busy ? 'Menyambungkan…' : 'Sambungkan meja ini'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
