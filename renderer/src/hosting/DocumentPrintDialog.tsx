/**
 * "Cetak…" for a numbered document version: choose a printer (print.printers) and copies; the
 * paper is the version's own (A4 or F4); sent through the operating system (documents.printVersion).
 * Looks and behaves like the PrintDialog of the letter documents.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CallOutput } from '../../../shared/api/contract';
import type { DocumentPaper } from '../../../shared/api/document-schemas';
import { asApiError, call } from '../api';
import { Alert, SelectField, TextField } from '../components/fields';
import { useAction } from '../lib/useAction';
import { useSession } from '../session';

interface Props {
  documentId: number;
  version: number;
  label: string;
  paper: DocumentPaper;
  onClose: () => void;
}

export function DocumentPrintDialog({ documentId, version, label, paper, onClose }: Props) {
  const { prefs, setPrefs } = useSession();
  const ref = useRef<HTMLDialogElement>(null);
  const [printers, setPrinters] = useState<CallOutput<'print.printers'> | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [printer, setPrinter] = useState('');
  const [copies, setCopies] = useState(String(prefs.copies));
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  useEffect(() => {
    call('print.printers', {})
      .then((list) => {
        setPrinters(list);
        const remembered = list.printers.find((p) => p.name === prefs.printer);
        const chosen = remembered ?? list.printers.find((p) => p.isDefault) ?? list.printers[0];
        setPrinter(chosen?.name ?? '');
      })
      .catch((e: unknown) => setLoadError(asApiError(e).message));
  }, [prefs.printer]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (action.busy) return;
    setDone(null);
    const n = Number(copies);
    const result = await action.run(() => call('documents.printVersion', { documentId, version, printer, copies: Number.isInteger(n) ? n : 0 }));
    if (result.ok) {
      setDone(`Terkirim ke printer ${result.value.printer} (pekerjaan ${result.value.jobId}).`);
      void call('prefs.set', { printer: result.value.printer, copies: n })
        .then(setPrefs)
        .catch(() => undefined);
    }
  }

  const none = printers !== null && printers.printers.length === 0;

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="doc-print-title" onClose={onClose} onCancel={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id="doc-print-title">Cetak {label}</h2>
        {loadError && <Alert kind="error">{loadError}</Alert>}
        {printers === null && !loadError && <p role="status">Mencari printer…</p>}
        {none && <Alert kind="warning">{printers.message ?? 'Belum ada printer yang terpasang di komputer ini.'}</Alert>}
        {printers !== null && !none && (
          <SelectField
            id="doc-print-printer"
            label="Printer"
            value={printer}
            onValueChange={setPrinter}
            error={action.fields.printer}
            options={printers.printers.map((p) => ({ value: p.name, label: p.isDefault ? `${p.name} (bawaan)` : p.name }))}
            autoFocus
          />
        )}
        <div className="form-grid">
          <TextField
            id="doc-print-copies"
            label="Jumlah salinan"
            type="number"
            min={1}
            max={20}
            inputMode="numeric"
            value={copies}
            onValueChange={setCopies}
            error={action.fields.copies}
          />
          <div className="field">
            <span className="label-text">Kertas</span>
            <p className="static-value">{paper === 'F4' ? 'F4 (folio)' : 'A4'} — ukuran versi dokumen ini</p>
          </div>
        </div>
        {action.error && !action.fields.printer && !action.fields.copies && <Alert kind="error">{action.error}</Alert>}
        {done && <Alert kind="success">{done}</Alert>}
        <div className="actions">
          <span className="spacer" />
          <button type="button" className="btn btn--ghost" onClick={onClose}>
            {done ? 'Tutup' : 'Batal'}
          </button>
          <button type="submit" className="btn btn--primary" disabled={action.busy || none || printers === null}>
            {action.busy ? 'Mengirim…' : 'Cetak'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
