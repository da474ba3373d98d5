/**
 * Pengaturan → Folder pindaian (issue 6, administrator): the folder where the copier's "scan to
 * folder" drops files, periodic checking for network shares, how long a file must stay the same
 * before it is read, and whether imported files move to "diproses". Shows whether the folder is
 * watched now and the files it refused.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { CallOutput } from '../../../shared/api/contract';
import { formatInstantDateTimeId } from '../../../shared/domain/dates';
import { asApiError, call } from '../api';
import { Alert, CheckboxField, FieldError, TextField, cls } from '../components/fields';
import { inboxChanged } from '../lib/scanDesk';
import { useAction, useFocusFirstInvalid } from '../lib/useAction';
import { useSession } from '../session';
import '../scan.css';

type FolderState = CallOutput<'scan.folder.get'>;

/** 2000 → "2"; 1500 → "1,5". */
const seconds = (ms: number) => (ms / 1000).toLocaleString('id-ID', { maximumFractionDigits: 1 });
const toMs = (s: string) => (s.trim() === '' ? NaN : Math.round(Number(s.replace(',', '.').trim()) * 1000));

export function ScanFolderSettings() {
  const { office } = useSession();
  const tz = office.timeZone;
  const [state, setState] = useState<FolderState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [folder, setFolder] = useState('');
  const [polling, setPolling] = useState(false);
  const [pollSeconds, setPollSeconds] = useState('2');
  const [stableSeconds, setStableSeconds] = useState('2');
  const [afterImport, setAfterImport] = useState<'keep' | 'move'>('keep');
  const [saved, setSaved] = useState(false);
  const save = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, save.fields);

  const fill = useCallback((s: FolderState) => {
    setState(s);
    setFolder(s.settings.folder ?? '');
    setPolling(s.settings.polling);
    setPollSeconds(seconds(s.settings.pollIntervalMs));
    setStableSeconds(seconds(s.settings.stableMs));
    setAfterImport(s.settings.afterImport);
  }, []);

  useEffect(() => {
    call('scan.folder.get', {})
      .then((s) => {
        fill(s);
        setLoadError(null);
      })
      .catch((e: unknown) => setLoadError(asApiError(e).message));
  }, [fill]);

  async function refresh() {
    try {
      setState(await call('scan.folder.get', {}));
    } catch (e) {
      setLoadError(asApiError(e).message);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (save.busy) return;
    setSaved(false);
    const pollIntervalMs = toMs(pollSeconds);
    const stableMs = toMs(stableSeconds);
    const bad: Record<string, string> = {};
    if (!Number.isFinite(pollIntervalMs)) bad.pollIntervalMs = 'Isi dengan angka detik, mis. 2 atau 0,5.';
    if (!Number.isFinite(stableMs)) bad.stableMs = 'Isi dengan angka detik, mis. 2 atau 0,5.';
    if (Object.keys(bad).length > 0) {
      save.setFields(bad);
      save.setError('Periksa isian yang ditandai.');
      return;
    }
    const result = await save.run(() =>
      call('scan.folder.save', {
        folder: folder.trim() === '' ? null : folder.trim(),
        polling,
        pollIntervalMs,
        stableMs,
        afterImport,
      }),
    );
    if (result.ok) {
      fill(result.value);
      setSaved(true);
      inboxChanged();
    }
  }

  if (loadError && !state) return <Alert kind="error">{loadError}</Alert>;
  if (!state) return <p role="status">Memuat…</p>;

  const configured = state.settings.folder !== null;

  return (
    <div className="settings-scan-folder">
      <h2>Folder pindaian</h2>
      <p className="muted">
        Mesin fotokopi atau pemindai jaringan dapat menyimpan hasil pindaian ke sebuah folder (“scan to folder”). Loket memantau folder itu: setiap PDF,
        JPG, atau PNG baru masuk ke <a href="#/pindaian">Kotak masuk pindaian</a> untuk dicatat sebagai surat baru atau dilampirkan pada surat yang
        sudah ada. Berkas di folder tidak pernah dihapus, dan tidak ada berkas yang masuk dua kali.
      </p>

      <section className="card" aria-labelledby="scan-folder-status-title">
        <div className="list-head">
          <h3 id="scan-folder-status-title">Keadaan pemantauan</h3>
          <button type="button" className="btn btn--ghost btn--small" onClick={() => void refresh()}>
            Muat ulang
          </button>
        </div>
        {!configured ? (
          <Alert kind="info">Folder pindaian belum diatur: tidak ada folder yang dipantau.</Alert>
        ) : state.watching ? (
          <Alert kind="success">
            Folder <code>{state.settings.folder}</code> sedang dipantau{state.settings.polling ? ` (diperiksa setiap ${seconds(state.settings.pollIntervalMs)} detik)` : ''}.
          </Alert>
        ) : (
          <Alert kind="warning">Folder <code>{state.settings.folder}</code> tidak dipantau.</Alert>
        )}
        {state.message && configured && <Alert kind="warning">{state.message}</Alert>}
        <h4 className="scan-folder-subtitle">Berkas yang ditolak</h4>
        {state.rejected.length === 0 ? (
          <p className="muted small">Tidak ada berkas yang ditolak.</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">Berkas</th>
                  <th scope="col">Alasan</th>
                  <th scope="col">Waktu</th>
                </tr>
              </thead>
              <tbody>
                {state.rejected.map((r) => (
                  <tr key={`${r.path}-${r.at}`}>
                    <td className="break">{r.path}</td>
                    <td>{r.reason}</td>
                    <td className="nowrap">{formatInstantDateTimeId(r.at, tz)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <form ref={formRef} className="card" onSubmit={submit} noValidate aria-labelledby="scan-folder-form-title">
        <h3 id="scan-folder-form-title">Pengaturan folder</h3>
        {save.error && <Alert kind="error">{save.error}</Alert>}
        {saved && !save.error && <Alert kind="success">{configured ? 'Tersimpan. Folder pindaian dipantau mulai sekarang.' : 'Tersimpan. Folder pindaian tidak dipantau.'}</Alert>}
        <TextField
          id="scan-folder"
          label="Lokasi folder"
          value={folder}
          onValueChange={(v) => {
            setFolder(v);
            save.dismiss(['folder']);
          }}
          error={save.fields.folder}
          placeholder="mis. /srv/pindaian atau \\server\pindaian"
          hint="Lokasi lengkap di komputer yang menjalankan Loket (komputer host). Kosongkan untuk berhenti memantau."
          spellCheck={false}
        />
        <CheckboxField
          id="scan-polling"
          label="Periksa folder secara berkala"
          hint="Nyalakan untuk folder jaringan (SMB/NFS), yang tidak memberi tahu bila ada berkas baru."
          checked={polling}
          onCheckedChange={setPolling}
        />
        <div className="form-grid">
          <TextField
            id="scan-poll-interval"
            label="Selang pemeriksaan (detik)"
            inputMode="decimal"
            value={pollSeconds}
            onValueChange={setPollSeconds}
            error={save.fields.pollIntervalMs}
            disabled={!polling}
            hint="0,5 sampai 60 detik."
          />
          <TextField
            id="scan-stable"
            label="Tunggu berkas selesai ditulis (detik)"
            inputMode="decimal"
            value={stableSeconds}
            onValueChange={setStableSeconds}
            error={save.fields.stableMs}
            hint="Berkas dibaca setelah ukurannya tidak berubah selama waktu ini."
          />
        </div>
        <fieldset className={cls('field radio-group', save.fields.afterImport && 'field--invalid')}>
          <legend>Setelah berkas masuk kotak masuk</legend>
          <div className="radio-col">
            <label className="radio">
              <input type="radio" name="scan-after" value="keep" checked={afterImport === 'keep'} onChange={() => setAfterImport('keep')} />
              Biarkan berkas di folder
            </label>
            <label className="radio">
              <input type="radio" name="scan-after" value="move" checked={afterImport === 'move'} onChange={() => setAfterImport('move')} />
              Pindahkan ke subfolder “diproses”
            </label>
          </div>
          <FieldError id="scan-after" error={save.fields.afterImport} />
        </fieldset>
        <div className="actions actions--start">
          <button type="submit" className="btn btn--primary" disabled={save.busy}>
            {save.busy ? 'Menyimpan…' : 'Simpan pengaturan'}
          </button>
        </div>
      </form>
    </div>
  );
}
