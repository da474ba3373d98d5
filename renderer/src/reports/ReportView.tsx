/**
 * A report on screen: its title and period, how the figures were computed, then each section with
 * its charts and its table, as the PDF prints them. Long tables show their first rows; the PDF
 * and the .xlsx carry every row.
 */
import type { Report, ReportColumn, ReportTable } from '../../../shared/api/report-schemas';
import { formatCell, formatNumberId } from '../../../shared/domain/report-format';
import { formatInstantDateTimeId } from '../../../shared/domain/dates';
import { cls } from '../components/fields';
import { useSession } from '../session';
import { ReportChart } from './ReportChart';
import './reports.css';

const SHOWN_ROWS = 300;

const numeric = (c: ReportColumn) => c.type === 'number' || c.type === 'percent' || c.type === 'minutes';

export function ReportTableView({ table, timeZone }: { table: ReportTable; timeZone: string }) {
  if (table.rows.length === 0) return <p className="report-empty muted">{table.emptyText || 'Tidak ada data.'}</p>;
  const rows = table.rows.slice(0, SHOWN_ROWS);
  const totalWidth = table.columns.reduce((sum, c) => sum + c.width, 0);
  return (
    <>
      <div className="table-wrap">
        <table className="table table--compact table--report">
          <caption className="sr-only">{table.title}</caption>
          <colgroup>
            {table.columns.map((c) => (
              <col key={c.key} width={`${((c.width / totalWidth) * 100).toFixed(1)}%`} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.key} scope="col" className={cls(numeric(c) && 'num')}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, ri) => (
              <tr key={ri}>
                {table.columns.map((c, ci) => (
                  <td key={c.key} className={cls(numeric(c) && 'num', (c.type === 'date' || c.type === 'datetime' || c.type === 'minutes') && 'nowrap')}>
                    {formatCell(row[ci] ?? null, c.type, timeZone)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {table.totals && (
            <tfoot>
              <tr>
                {table.columns.map((c, ci) => (
                  <td key={c.key} className={cls(numeric(c) && 'num')}>
                    {formatCell(table.totals?.[ci] ?? null, c.type, timeZone)}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {table.rows.length > SHOWN_ROWS && (
        <p className="muted small">
          Menampilkan {formatNumberId(SHOWN_ROWS)} dari {formatNumberId(table.rows.length)} baris. Semua baris ada di PDF dan berkas Excel.
        </p>
      )}
    </>
  );
}

export function ReportView({ report, hideNotes = false }: { report: Report; hideNotes?: boolean }) {
  const { office } = useSession();
  const tz = office.timeZone;
  return (
    <article className="report" aria-labelledby="report-title">
      <header className="report-head">
        <h2 id="report-title">{report.title}</h2>
        <p className="report-subtitle">{report.subtitle}</p>
        <p className="muted small">Disusun {formatInstantDateTimeId(report.generatedAt, tz)}</p>
      </header>
      {!hideNotes && report.notes.length > 0 && (
        <ul className="report-notes">
          {report.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {report.sections.map((s, si) => (
        <section key={`${s.title}-${si}`} className="report-section" aria-labelledby={`report-section-${si}`}>
          <h3 id={`report-section-${si}`}>{s.title}</h3>
          {s.description && <p className="muted">{s.description}</p>}
          {s.charts.length > 0 && (
            <div className={cls('report-charts', s.charts.length === 1 && 'report-charts--one')}>
              {s.charts.map((c, ci) => (
                <ReportChart key={`${c.title}-${ci}`} chart={c} />
              ))}
            </div>
          )}
          {s.table && <ReportTableView table={s.table} timeZone={tz} />}
        </section>
      ))}
    </article>
  );
}
