/**
 * Every bad row of a refused import, with its row number (as the spreadsheet numbers it) and its
 * reason: 100 a page, copyable and downloadable as a .csv the clerk can keep next to the workbook
 * while fixing it.
 */
import { useState } from 'react';
import type { ImportStatus } from '../../../shared/api/report-schemas';
import { Alert } from '../components/fields';
import { downloadBlob } from '../lib/files';

export const ERRORS_PAGE_SIZE = 100;

const nf = new Intl.NumberFormat('id-ID');

type RowError = ImportStatus['errors'][number];

/** "Baris 1.234: Tanggal surat tidak sah (31/02/2025)." → "Tanggal surat tidak sah (31/02/2025)." */
export function reasonOf(e: RowError): string {
  return e.message.replace(/^Baris [\d.]+:\s*/, '');
}

function csvCell(text: string): string {
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A .csv for Excel in Indonesian settings: semicolons, UTF-8 with a byte-order mark. */
export function errorsCsv(errors: readonly RowError[]): string {
  return `\uFEFFBaris;Alasan\r\n${errors.map((e) => `${e.row};${csvCell(reasonOf(e))}`).join('\r\n')}\r\n`;
}

export function ImportErrors({ status }: { status: ImportStatus }) {
  const [page, setPage] = useState(0);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const errors = status.errors;
  const lastPage = Math.max(0, Math.ceil(errors.length / ERRORS_PAGE_SIZE) - 1);
  const shown = errors.slice(page * ERRORS_PAGE_SIZE, (page + 1) * ERRORS_PAGE_SIZE);
  const base = status.fileName.replace(/\.(xlsx|csv)$/i, '');

  async function copy() {
    try {
      await navigator.clipboard.writeText(errors.map((e) => e.message).join('\n'));
      setNotice({ kind: 'success', text: `Daftar ${nf.format(errors.length)} baris salah disalin. Tempelkan di catatan atau pesan.` });
    } catch {
      setNotice({ kind: 'error', text: 'Daftar tidak dapat disalin di sini. Pakai “Unduh daftar (.csv)”.' });
    }
  }

  return (
    <section className="import-errors" aria-labelledby="import-errors-title">
      <div className="import-errors-head">
        <h3 id="import-errors-title">
          Baris yang salah ({nf.format(status.errorCount)} dari {nf.format(status.totalRows)})
        </h3>
        <div className="actions">
          <button type="button" className="btn btn--secondary btn--small" onClick={() => void copy()}>
            Salin daftar
          </button>
          <button
            type="button"
            className="btn btn--secondary btn--small"
            onClick={() => downloadBlob(new Blob([errorsCsv(errors)], { type: 'text/csv;charset=utf-8' }), `baris-salah-${base}.csv`)}
          >
            Unduh daftar (.csv)
          </button>
        </div>
      </div>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <div className="table-wrap import-errors-table" tabIndex={0} aria-label="Daftar baris yang salah">
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col" className="num">
                Baris
              </th>
              <th scope="col">Alasan</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.row}>
                <td className="num nowrap">{nf.format(e.row)}</td>
                <td>{reasonOf(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errors.length > ERRORS_PAGE_SIZE && (
        <nav className="pager" aria-label="Halaman baris yang salah">
          <button type="button" className="btn btn--secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
            ← Sebelumnya
          </button>
          <span>
            Baris salah {nf.format(page * ERRORS_PAGE_SIZE + 1)}–{nf.format(Math.min(errors.length, (page + 1) * ERRORS_PAGE_SIZE))} dari {nf.format(errors.length)}
          </span>
          <button type="button" className="btn btn--secondary" disabled={page >= lastPage} onClick={() => setPage(page + 1)}>
            Berikutnya →
          </button>
        </nav>
      )}
    </section>
  );
}
