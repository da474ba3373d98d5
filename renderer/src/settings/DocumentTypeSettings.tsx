/**
 * Pengaturan → Penomoran dokumen (administrator): per document type its name, number format
 * ({kode}/{urut:3}/{unit}/{tahun} …), classification code and unit, with the next number as it
 * would be issued now (formatNumber from shared/domain/numbering.ts).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DocumentTypeSetting } from '../../../shared/api/document-schemas';
import { toLocalParts } from '../../../shared/domain/dates';
import { NUMBER_TOKENS, formatNumber, validateNumberFormat } from '../../../shared/domain/numbering';
import { asApiError, call } from '../api';
import { Alert, TextField } from '../components/fields';
import { useAction, useFocusFirstInvalid } from '../lib/useAction';
import { useSession } from '../session';
import { ListHead, LoadState } from './common';
import '../hosting/hosting.css';

type Row = Pick<DocumentTypeSetting, 'key' | 'label' | 'numberFormat' | 'code' | 'unit' | 'issuedThisYear'>;

export function DocumentTypeSettings() {
  const { office } = useSession();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [saved, setSaved] = useState<Row[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, action.fields);
  const now = toLocalParts(new Date(), office.timeZone);

  function apply(list: DocumentTypeSetting[]) {
    const r = list.map(({ key, label, numberFormat, code, unit, issuedThisYear }) => ({ key, label, numberFormat, code, unit, issuedThisYear }));
    setRows(r);
    setSaved(r);
  }

  useEffect(() => {
    call('documents.types.get', {})
      .then(apply)
      .catch((e: unknown) => setLoadError(asApiError(e).message));
  }, []);

  if (!rows) return <LoadState error={loadError} loading />;

  const update = (i: number, patch: Partial<Row>, field: string) => {
    setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
    action.dismiss([`types.${i}.${field}`]);
    setNotice(null);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!rows || action.busy) return;
    const problems: Record<string, string> = {};
    rows.forEach((r, i) => {
      const p = validateNumberFormat(r.numberFormat.trim());
      if (p) problems[`types.${i}.numberFormat`] = p;
    });
    if (Object.keys(problems).length > 0) {
      action.setFields(problems);
      action.setError('Periksa format nomor yang ditandai.');
      return;
    }
    const result = await action.run(() => call('documents.types.save', { types: rows.map(({ key, label, numberFormat, code, unit }) => ({ key, label, numberFormat, code, unit })) }));
    if (result.ok) {
      apply(result.value);
      setNotice('Penomoran dokumen tersimpan. Nomor yang sudah terbit tidak berubah.');
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Penomoran dokumen" className="doc-types">
      <section className="card">
        <ListHead
          title="Penomoran dokumen"
          description={
            <>
              Nomor diterbitkan saat dokumen dibuat, berurutan per jenis dan tahun. Bagian format: {NUMBER_TOKENS.map((t) => `{${t}}`).join(', ')}; {'{urut:3}'} menulis
              nomor urut tiga angka (001).
            </>
          }
        />
        {rows.map((r, i) => {
          const problem = validateNumberFormat(r.numberFormat.trim());
          const next = problem ? null : formatNumber(r.numberFormat.trim(), { seq: r.issuedThisYear + 1, code: r.code.trim(), unit: r.unit.trim(), year: now.year, month: now.month });
          const f = (name: string) => action.fields[`types.${i}.${name}`];
          return (
            <fieldset key={r.key} className="doc-type-row">
              <legend>{saved?.[i]?.label ?? r.label}</legend>
              <div className="doc-type-grid">
                <TextField id={`dt-${r.key}-label`} label="Nama jenis" required value={r.label} onValueChange={(v) => update(i, { label: v }, 'label')} error={f('label')} maxLength={120} />
                <TextField
                  id={`dt-${r.key}-format`}
                  label="Format nomor"
                  required
                  className="mono-field"
                  value={r.numberFormat}
                  onValueChange={(v) => update(i, { numberFormat: v }, 'numberFormat')}
                  error={f('numberFormat') ?? problem ?? undefined}
                  spellCheck={false}
                  maxLength={120}
                />
                <TextField id={`dt-${r.key}-code`} label="Kode klasifikasi" required value={r.code} onValueChange={(v) => update(i, { code: v }, 'code')} error={f('code')} maxLength={40} />
                <TextField id={`dt-${r.key}-unit`} label="Kode unit" value={r.unit} onValueChange={(v) => update(i, { unit: v }, 'unit')} error={f('unit')} maxLength={60} />
              </div>
              <p className="next-number" aria-live="polite">
                Nomor berikutnya: {next ? <strong className="mono">{next}</strong> : <span className="muted">–</span>}
                <span className="muted small"> · {r.issuedThisYear} terbit tahun {now.year}</span>
              </p>
            </fieldset>
          );
        })}
      </section>
      {action.error && <Alert kind="error">{action.error}</Alert>}
      {notice && <Alert kind="success">{notice}</Alert>}
      <div className="actions">
        <button
          type="button"
          className="btn btn--ghost"
          onClick={() => {
            if (saved) setRows(saved);
            action.clear();
            setNotice(null);
          }}
        >
          Batalkan perubahan
        </button>
        <span className="spacer" />
        <button type="submit" className="btn btn--primary" disabled={action.busy}>
          {action.busy ? 'Menyimpan…' : 'Simpan penomoran'}
        </button>
      </div>
    </form>
  );
}
