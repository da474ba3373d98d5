/**
 * One printable document on a page (a letter's documents, the Tanda Terima Pengaduan, a standar
 * pelayanan): choose the paper, preview the PDF, save it, or send it to a printer through the
 * PrintDialog. The page passes how to draw it and how to print it, and what else to choose
 * (children, e.g. which of a letter's documents).
 */
import { useEffect, useImperativeHandle, useRef, useState, type ReactNode, type Ref } from 'react';
import { PAPER_LABELS, PAPER_SIZES, type PaperSize, type PdfFile } from '../../../shared/api/schemas';
import { asApiError, call } from '../api';
import { base64ToBlob, downloadBlob } from '../lib/files';
import { useSession } from '../session';
import { Alert, SelectField, cls } from './fields';
import { PrintDialog, type PrintTarget } from './PrintDialog';

interface Rendered {
  version: string | number;
  paper: PaperSize;
  fileName: string;
  blob: Blob;
  url: string;
  pages: number;
}

/** What a page may ask of the panel (e.g. the "Cetak tanda terima" button of a banner). */
export interface PdfPanelHandle {
  preview: () => void;
}

interface Props {
  id: string;
  title: string;
  /** The document's name in sentences: "Tanda terima pengaduan". */
  label: string;
  render: (paper: PaperSize) => Promise<PdfFile>;
  print: (target: PrintTarget) => Promise<{ jobId: string; printer: string }>;
  /** Changes when the document would come out different (another document, a newer state): a preview drawn before is not shown. */
  version?: string | number;
  papers?: readonly PaperSize[];
  className?: string;
  children?: ReactNode;
  ref?: Ref<PdfPanelHandle>;
}

export function PdfPanel({ id, title, label, render, print, version = 0, papers = PAPER_SIZES, className, children, ref }: Props) {
  const { prefs, setPrefs } = useSession();
  const [paper, setPaper] = useState<PaperSize>(papers.includes(prefs.paper) ? prefs.paper : (papers[0] ?? 'A4'));
  const [rendered, setRendered] = useState<Rendered | null>(null);
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const urlRef = useRef<string | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  // What the page passed last: a preview asked right after a change (preview() from a banner) draws the new document.
  const latest = useRef({ render, version });
  latest.current = { render, version };
  useEffect(
    () => () => {
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    },
    [],
  );

  async function draw(p: PaperSize): Promise<Rendered | null> {
    const { render: make, version: v } = latest.current;
    if (rendered && rendered.paper === p && rendered.version === v) return rendered;
    setError(null);
    try {
      const pdf = await make(p);
      const blob = base64ToBlob(pdf.dataBase64, 'application/pdf');
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
      const url = URL.createObjectURL(blob);
      urlRef.current = url;
      const next = { version: v, paper: p, fileName: pdf.fileName, blob, url, pages: pdf.pages };
      setRendered(next);
      return next;
    } catch (e) {
      setError(asApiError(e).message);
      return null;
    }
  }

  async function preview() {
    setBusy('preview');
    await draw(paper);
    setBusy(null);
  }

  async function save() {
    setBusy('save');
    const doc = await draw(paper);
    setBusy(null);
    if (doc) downloadBlob(doc.blob, doc.fileName);
  }

  useImperativeHandle(ref, () => ({
    preview: () => {
      sectionRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      void preview();
    },
  }));

  function choosePaper(p: PaperSize) {
    setPaper(p);
    if (p !== prefs.paper) {
      void call('prefs.set', { paper: p })
        .then(setPrefs)
        .catch(() => undefined);
    }
  }

  const shown = rendered && rendered.paper === paper && rendered.version === version ? rendered : null;
  return (
    <section className={cls('card pdf-panel', className)} ref={sectionRef} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
      <SelectField
        id={`${id}-paper`}
        label="Kertas"
        value={paper}
        onValueChange={(v) => choosePaper(papers.find((p) => p === v) ?? paper)}
        options={papers.map((p) => ({ value: p, label: PAPER_LABELS[p] }))}
      />
      <div className="actions actions--start">
        <button type="button" className="btn btn--secondary" onClick={() => void preview()} disabled={busy !== null}>
          {busy === 'preview' ? 'Membuat…' : 'Pratinjau'}
        </button>
        <button type="button" className="btn btn--secondary" onClick={() => void save()} disabled={busy !== null}>
          {busy === 'save' ? 'Membuat…' : 'Simpan PDF'}
        </button>
        <button type="button" className="btn btn--primary" onClick={() => setPrinting(true)} disabled={busy !== null}>
          Cetak…
        </button>
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      {shown ? (
        <div className="pdf-preview">
          <p className="muted small">
            {shown.fileName} · {shown.pages} halaman · {PAPER_LABELS[shown.paper]}
          </p>
          <iframe src={`${shown.url}#view=FitH&navpanes=0`} title={`Pratinjau ${label.toLowerCase()}`} />
        </div>
      ) : (
        <p className="preview-empty muted">Tekan “Pratinjau” untuk melihat {label.toLowerCase()} sebelum dicetak.</p>
      )}
      {printing && <PrintDialog label={label.toLowerCase()} paper={paper} papers={papers} send={print} onClose={() => setPrinting(false)} />}
    </section>
  );
}
