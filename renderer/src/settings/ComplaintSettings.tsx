/**
 * Pengaturan → Pengaduan: the office's complaint channels and its Pejabat Pengaduan, printed on the
 * Tanda Terima Pengaduan, the standar pelayanan and the hosting-access document (as the standar
 * pelayanan requires), and the format of the complaint numbers.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ComplaintSettings as Settings } from '../../../shared/api/report-schemas';
import { asApiError, call } from '../api';
import { Alert, TextField } from '../components/fields';
import { useAction, useFocusFirstInvalid } from '../lib/useAction';
import { LoadState } from './common';
import '../complaints/complaints.css';

type Field = Exclude<keyof Settings, 'numberFormat'>;

const FIELDS: Array<{ key: Field; label: string; hint?: string; max: number; type?: string }> = [
  { key: 'phone', label: 'Telepon pengaduan', max: 80 },
  { key: 'email', label: 'E-mail pengaduan', max: 120, type: 'email' },
  { key: 'website', label: 'Laman pengaduan', max: 200, hint: 'Mis. kominfo.pekalongankota.go.id/pengaduan.' },
  { key: 'twitter', label: 'Akun Twitter/X', max: 80, hint: 'Tanpa “@” pun boleh; dicetak sebagai @akun.' },
  { key: 'instagram', label: 'Akun Instagram', max: 80, hint: 'Tanpa “@” pun boleh; dicetak sebagai @akun.' },
  { key: 'officerName', label: 'Nama Pejabat Pengaduan', max: 120, hint: 'Pejabat yang menyelesaikan pengaduan yang tidak dapat diselesaikan petugas.' },
  { key: 'officerPhone', label: 'Telepon Pejabat Pengaduan', max: 80 },
];

export function ComplaintSettings() {
  const [draft, setDraft] = useState<Settings | null>(null);
  const [lines, setLines] = useState<string[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, action.fields);

  useEffect(() => {
    call('complaints.settings.get', {})
      .then(({ lines: printed, ...settings }) => {
        setDraft(settings);
        setLines(printed);
      })
      .catch((e: unknown) => setLoadError(asApiError(e).message));
  }, []);

  if (!draft) return <LoadState error={loadError} loading />;

  function set(key: keyof Settings, value: string) {
    setDraft((d) => (d ? { ...d, [key]: value } : d));
    setSaved(false);
    action.dismiss([key]);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!draft || action.busy) return;
    const result = await action.run(() => call('complaints.settings.save', draft));
    if (result.ok) {
      const { lines: printed, ...settings } = result.value;
      setDraft(settings);
      setLines(printed);
      setSaved(true);
    }
  }

  return (
    <form ref={formRef} className="card" onSubmit={submit} noValidate aria-labelledby="complaint-settings-title">
      <h2 id="complaint-settings-title">Pengaduan</h2>
      <p className="muted">
        Saluran pengaduan kantor dan Pejabat Pengaduan, seperti yang diminta standar pelayanan. Dicetak pada tanda terima pengaduan, standar pelayanan, dan
        dokumen hak akses hosting yang dibuat sesudahnya. Yang dikosongkan tidak dicetak.
      </p>
      {action.error && <Alert kind="error">{Object.keys(action.fields).length > 0 ? 'Periksa isian yang ditandai.' : action.error}</Alert>}
      {saved && <Alert kind="success">Kontak pengaduan tersimpan.</Alert>}
      <div className="form-grid">
        {FIELDS.map((f, i) => (
          <TextField
            key={f.key}
            id={`complaint-${f.key}`}
            label={f.label}
            type={f.type ?? 'text'}
            value={draft[f.key]}
            onValueChange={(v) => set(f.key, v)}
            error={action.fields[f.key]}
            hint={f.hint}
            maxLength={f.max}
            autoFocus={i === 0}
          />
        ))}
        <TextField
          id="complaint-numberFormat"
          label="Format nomor pengaduan"
          required
          value={draft.numberFormat}
          onValueChange={(v) => set('numberFormat', v)}
          error={action.fields.numberFormat}
          hint="{urut:3} nomor urut per tahun (001), {tahun}, {bulan}, {bulan_romawi}. Mis. ADU/{urut:3}/{tahun}."
          maxLength={100}
        />
      </div>
      <section className="printed-lines" aria-labelledby="complaint-lines-title">
        <h3 id="complaint-lines-title">Yang tercetak (tersimpan)</h3>
        {lines.length === 0 ? (
          <p className="muted">Belum ada saluran pengaduan: dokumen dicetak tanpa kotak “Saluran pengaduan”.</p>
        ) : (
          <ul>
            {lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        )}
      </section>
      <div className="actions">
        <span className="spacer" />
        <button type="submit" className="btn btn--primary" disabled={action.busy}>
          {action.busy ? 'Menyimpan…' : 'Simpan kontak pengaduan'}
        </button>
      </div>
    </form>
  );
}
