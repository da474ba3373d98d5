/**
 * "Cetak…": choose a printer (print.printers), copies and paper, and send the document through the
 * call its page passes (print.document for a letter's documents, complaints.printReceipt,
 * standards.print, reports.print, documents.printVersion). A document with one paper only (a
 * numbered document version is drawn on its own paper) shows that paper instead of a choice.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CallOutput } from '../../../shared/api/contract';
import { PAPER_LABELS, PAPER_SIZES, type DocumentKind, type PaperSize } from '../../../shared/api/schemas';
import { asApiError, call } from '../api';
import { useAction } from '../lib/useAction';
import { useSession } from '../session';
import { Alert, SelectField, TextField } from './fields';

export const DOCUMENT_LABELS: Record<DocumentKind, string> = {
  disposition_sheet: 'Lembar disposisi',
  receipt: 'Tanda terima',
  return_notice: 'Surat pemberitahuan',
};

export interface PrintTarget {
  printer: string;
  copies: number;
  paper: PaperSize;
}

interface Props {
  /** What is printed, as it follows "Cetak " in the heading: "tanda terima pengaduan". */
  label: string;
  paper: PaperSize;
  /** The papers the document can be drawn on (all by default). */
  papers?: readonly PaperSize[];
  send: (target: PrintTarget) => Promise<{ jobId: string; printer: string }>;
  onClose: () => void;
}

export function PrintDialog({ label, paper: initialPaper, papers = PAPER_SIZES, send, onClose }: Props) {
  const { prefs, setPrefs } = useSession();
  const ref = useRef<HTMLDialogElement>(null);
  const [printers, setPrinters] = useState<CallOutput<'print.printers'> | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [printer, setPrinter] = useState('');
  const [copies, setCopies] = useState(String(prefs.copies));
  const [paper, setPaper] = useState<PaperSize>(initialPaper);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();

  // Removing the element (unmount) closes the modal; no close() in a cleanup, which would
  // fire onClose during React's development double-mount.
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
    const result = await action.run(() => send({ paper, printer, copies: Number.isInteger(n) ? n : 0 }));
    if (result.ok) {
      setDone(`Terkirim ke printer ${result.value.printer} (pekerjaan ${result.value.jobId}).`);
      // The desk's paper is remembered only when it was chosen here.
      void call('prefs.set', fixedPaper ? { printer: result.value.printer, copies: n } : { printer: result.value.printer, copies: n, paper })
        .then(setPrefs)
        .catch(() => undefined);
    }
  }

  const none = printers !== null && printers.printers.length === 0;
  const fixedPaper = papers.length === 1;

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="print-title" onClose={onClose} onCancel={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id="print-title">Cetak {label}</h2>
        {loadError && <Alert kind="error">{loadError}</Alert>}
        {printers === null && !loadError && <p role="status">Mencari printer…</p>}
        {none && <Alert kind="warning">{printers.message ?? 'Belum ada printer yang terpasang di komputer ini.'}</Alert>}
        {printers !== null && !none && (
          <SelectField
            id="print-printer"
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
            id="print-copies"
            label="Jumlah salinan"
            type="number"
            min={1}
            max={20}
            inputMode="numeric"
            value={copies}
            onValueChange={setCopies}
            error={action.fields.copies}
          />
          {fixedPaper ? (
            <div className="field">
              <span className="label-text">Kertas</span>
              <p className="static-value">{PAPER_LABELS[paper]} — ukuran dokumen ini</p>
            </div>
          ) : (
            <SelectField
              id="print-paper"
              label="Kertas"
              value={paper}
              onValueChange={(v) => setPaper(papers.find((p) => p === v) ?? initialPaper)}
              error={action.fields.paper}
              options={papers.map((p) => ({ value: p, label: PAPER_LABELS[p] }))}
            />
          )}
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
