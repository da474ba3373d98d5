/**
 * A report as files: "Simpan PDF" and "Unduh Excel" download what reports.pdf / reports.xlsx
 * make, "Pratinjau PDF" shows the PDF in the page, "Cetak…" sends it to a printer of this desk
 * (reports.print, through the same print dialog as every document). The lists' "Ekspor Excel"
 * button saves the same way what lists.xlsx makes. Errors come back in Indonesian from the API (useAction).
 */
import { useEffect, useRef, useState } from 'react';
import type { ReportParamsInput, XlsxFile } from '../../../shared/api/report-schemas';
import { PAPER_LABELS, PAPER_SIZES, type PaperSize } from '../../../shared/api/schemas';
import { call } from '../api';
import { Alert, SelectField } from '../components/fields';
import { PrintDialog } from '../components/PrintDialog';
import { base64ToBlob, downloadBlob } from '../lib/files';
import { useAction } from '../lib/useAction';
import { useSession } from '../session';
import './reports.css';

type Busy = 'pdf' | 'preview' | 'xlsx' | null;

async function pdfOf(report: ReportParamsInput, paper: PaperSize) {
  const file = await call('reports.pdf', { report, paper });
  return { blob: base64ToBlob(file.dataBase64, file.mime), fileName: file.fileName, pages: file.pages };
}

function saveXlsx(file: XlsxFile): string {
  downloadBlob(base64ToBlob(file.dataBase64, file.mime), file.fileName);
  return file.fileName;
}

async function downloadXlsx(report: ReportParamsInput): Promise<string> {
  return saveXlsx(await call('reports.xlsx', { report }));
}

interface Preview {
  url: string;
  fileName: string;
  pages: number;
}

/** PDF (save, preview) and .xlsx of one report; `params` null while the form is not valid yet. */
export function ReportFileActions({ params, title }: { params: ReportParamsInput | null; title: string }) {
  const { prefs } = useSession();
  const [paper, setPaper] = useState<PaperSize>(prefs.paper);
  const [busy, setBusy] = useState<Busy>(null);
  const [done, setDone] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [printing, setPrinting] = useState(false);
  const action = useAction();
  const urlRef = useRef<string | null>(null);

  const key = params ? JSON.stringify(params) : '';
  // Other parameters: the preview shown is no longer this report.
  useEffect(() => {
    setPreview(null);
    setDone(null);
  }, [key, paper]);
  useEffect(
    () => () => {
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    },
    [],
  );

  async function run(kind: Exclude<Busy, null>) {
    if (!params || busy) return;
    setBusy(kind);
    setDone(null);
    if (kind === 'xlsx') {
      const r = await action.run(() => downloadXlsx(params));
      if (r.ok) setDone(`Berkas ${r.value} diunduh.`);
    } else {
      const r = await action.run(() => pdfOf(params, paper));
      if (r.ok && kind === 'pdf') {
        downloadBlob(r.value.blob, r.value.fileName);
        setDone(`Berkas ${r.value.fileName} diunduh (${r.value.pages} halaman).`);
      } else if (r.ok) {
        if (urlRef.current) URL.revokeObjectURL(urlRef.current);
        urlRef.current = URL.createObjectURL(r.value.blob);
        setPreview({ url: urlRef.current, fileName: r.value.fileName, pages: r.value.pages });
      }
    }
    setBusy(null);
  }

  return (
    <div className="report-files">
      <div className="report-files-row">
        <SelectField
          id="report-paper"
          label="Kertas PDF"
          value={paper}
          onValueChange={(v) => setPaper((PAPER_SIZES as readonly string[]).includes(v) ? (v as PaperSize) : 'A4')}
          options={PAPER_SIZES.map((p) => ({ value: p, label: PAPER_LABELS[p] }))}
        />
        <div className="actions actions--start">
          <button type="button" className="btn btn--secondary" disabled={!params || busy !== null} onClick={() => void run('preview')}>
            {busy === 'preview' ? 'Membuat PDF…' : 'Pratinjau PDF'}
          </button>
          <button type="button" className="btn btn--secondary" disabled={!params || busy !== null} onClick={() => void run('pdf')}>
            {busy === 'pdf' ? 'Membuat PDF…' : 'Simpan PDF'}
          </button>
          <button type="button" className="btn btn--secondary" disabled={!params || busy !== null} onClick={() => void run('xlsx')}>
            {busy === 'xlsx' ? 'Membuat Excel…' : 'Unduh Excel (.xlsx)'}
          </button>
          <button type="button" className="btn btn--secondary" disabled={!params || busy !== null} onClick={() => setPrinting(true)}>
            Cetak…
          </button>
        </div>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {busy ? 'Sedang membuat berkas…' : (done ?? '')}
      </p>
      {action.error && <Alert kind="error">{action.error}</Alert>}
      {done && <p className="muted small">{done}</p>}
      {printing && params && (
        <PrintDialog
          label={`laporan ${title}`}
          paper={paper}
          send={(to) => call('reports.print', { report: params, paper: to.paper, printer: to.printer, copies: to.copies })}
          onClose={() => setPrinting(false)}
        />
      )}
      {preview && (
        <div className="pdf-preview">
          <p className="muted small">
            {preview.fileName} · {preview.pages} halaman · {PAPER_LABELS[paper]}
          </p>
          <iframe src={`${preview.url}#view=FitH&navpanes=0`} title={`Pratinjau PDF ${title}`} />
        </div>
      )}
    </div>
  );
}

/**
 * "Ekspor Excel" on a list: `make` asks the register for the file (lists.xlsx with the filters the
 * list shows) and the desk saves it; busy while the file is made, the API's Indonesian message on failure.
 */
export function ExportExcelButton({ id, make, label = 'Ekspor Excel' }: { id: string; make: () => Promise<XlsxFile>; label?: string }) {
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  async function run() {
    if (action.busy) return;
    setDone(null);
    const r = await action.run(async () => saveXlsx(await make()));
    if (r.ok) setDone(`Berkas ${r.value} diunduh.`);
  }
  return (
    <span className="export-excel">
      <button type="button" id={id} className="btn btn--secondary" disabled={action.busy} aria-busy={action.busy} onClick={() => void run()}>
        {action.busy ? 'Membuat Excel…' : label}
      </button>
      <span className="sr-only" role="status" aria-live="polite">
        {action.busy ? 'Sedang membuat berkas Excel…' : (done ?? '')}
      </span>
      {action.error && (
        <span className="field-error" role="alert">
          {action.error}
        </span>
      )}
    </span>
  );
}
