/**
 * Pengaturan → Kalender kerja: office hours per weekday (breaks are the gaps between ranges), the
 * year's closed days (libur nasional, cuti bersama, kantor tutup) and partial closures. Deadlines
 * are computed from this calendar whenever they are read, so a change here moves every open
 * deadline at once. The administrator edits; everybody else reads.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { CallOutput } from '../../../shared/api/contract';
import {
  CALENDAR_DAY_KINDS,
  CALENDAR_DAY_KIND_LABELS,
  PEKALONGAN_WEEK,
  PERPRES_21_2023_WEEK,
  parseClock,
  validateCalendar,
  weeklyWorkingMinutes,
  type CalendarDay,
  type OfficeTimeZone,
  type TimeRange,
} from '../../../shared/domain/calendar';
import { DAYS_ID, dayNameId, formatDateId, isValidLocalDateTime, localDateTimeToUtc, localIsoDate, toLocalParts, zoneAbbreviation } from '../../../shared/domain/dates';
import { asApiError, call } from '../api';
import { Alert, SelectField, TextField, cls } from '../components/fields';
import { formatDeadline, formatWorkingMinutes } from '../lib/format';
import { useAction } from '../lib/useAction';
import { useSession } from '../session';
import { LoadState } from './common';

type CalendarData = CallOutput<'calendar.get'>;

/** Monday first, as an office reads a week. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

const copyWeek = (week: readonly TimeRange[][]): TimeRange[][] => week.map((day) => day.map((r) => ({ ...r })));

const dot = (clock: string) => clock.replace(':', '.');

function daySummary(ranges: TimeRange[]): string {
  const valid = ranges.filter((r) => parseClock(r.start) !== null && parseClock(r.end) !== null);
  if (valid.length === 0) return 'Libur';
  const sorted = [...valid].sort((a, b) => (a.start < b.start ? -1 : 1));
  const total = weeklyWorkingMinutes([sorted]);
  const breaks: string[] = [];
  for (let i = 1; i < sorted.length; i += 1) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (prev && cur && prev.end < cur.start) breaks.push(`${dot(prev.end)}–${dot(cur.start)}`);
  }
  return `${formatWorkingMinutes(total)}${breaks.length > 0 ? `; istirahat ${breaks.join(', ')}` : ''}`;
}

export function CalendarSettings() {
  const { user, office } = useSession();
  const isAdmin = user.role === 'admin';
  const tz = office.timeZone;
  const thisYear = toLocalParts(new Date(), tz).year;
  const [year, setYear] = useState(thisYear);
  const [data, setData] = useState<CalendarData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    call('calendar.get', { year })
      .then((d) => {
        if (!live) return;
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => live && setError(asApiError(e).message));
    return () => {
      live = false;
    };
  }, [year, tick]);

  const reload = () => setTick((t) => t + 1);

  return (
    <div className="calendar-settings">
      {!isAdmin && <Alert kind="info">Kalender kerja hanya dapat diubah oleh administrator.</Alert>}
      <LoadState error={error} loading={data === null} />
      {data && (
        <>
          <WeekEditor week={data.week} timeZone={data.timeZone} isAdmin={isAdmin} onSaved={reload} />
          <DaysEditor year={year} years={[thisYear - 1, thisYear, thisYear + 1]} onYear={setYear} days={data.days} isAdmin={isAdmin} onChanged={reload} />
          <ClosuresEditor closures={data.closures} timeZone={tz} isAdmin={isAdmin} onChanged={reload} />
        </>
      )}
    </div>
  );
}

/* ---------------------------------------------------------------------------------------------
 * Office hours
 * ------------------------------------------------------------------------------------------- */

function WeekEditor({ week: saved, timeZone, isAdmin, onSaved }: { week: TimeRange[][]; timeZone: string; isAdmin: boolean; onSaved: () => void }) {
  const [week, setWeek] = useState<TimeRange[][]>(() => copyWeek(saved));
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  const problems = validateCalendar({ timeZone: timeZone as OfficeTimeZone, week, holidays: [], closures: [] });
  const changed = JSON.stringify(week) !== JSON.stringify(saved);

  const setRange = (day: number, index: number, patch: Partial<TimeRange>) =>
    setWeek((w) => w.map((ranges, d) => (d === day ? ranges.map((r, i) => (i === index ? { ...r, ...patch } : r)) : ranges)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (action.busy || !isAdmin) return;
    setNotice(null);
    if (problems.length > 0) {
      action.setError('Jam kerja belum benar. Perbaiki yang tercantum dulu.');
      return;
    }
    const sorted = week.map((ranges) => [...ranges].sort((a, b) => (a.start < b.start ? -1 : 1)));
    const result = await action.run(() => call('calendar.saveWeek', { week: sorted }));
    if (result.ok) {
      setNotice('Jam kerja tersimpan. Tenggat setiap langkah yang sedang berjalan dihitung ulang menurut jam ini.');
      onSaved();
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="week-title">
      <div className="list-head">
        <div>
          <h2 id="week-title">Jam kerja mingguan</h2>
          <p className="muted">
            Waktu kantor ({zoneAbbreviation(timeZone)}). Jeda istirahat adalah celah di antara dua rentang. Baku waktu SOP hanya berjalan di dalam jam kerja.
          </p>
        </div>
        {isAdmin && (
          <div className="actions">
            <button type="button" className="btn btn--secondary btn--small" onClick={() => setWeek(copyWeek(PERPRES_21_2023_WEEK))}>
              Pakai Perpres 21/2023
            </button>
            <button type="button" className="btn btn--secondary btn--small" onClick={() => setWeek(copyWeek(PEKALONGAN_WEEK))}>
              Pakai jam Pekalongan (SOP)
            </button>
          </div>
        )}
      </div>
      {notice && <Alert kind="success">{notice}</Alert>}
      {action.error && <Alert kind="error">{action.error}</Alert>}
      <table className="table table--form week-table">
        <thead>
          <tr>
            <th scope="col">Hari</th>
            <th scope="col">Rentang jam kerja</th>
            <th scope="col">Jumlah</th>
          </tr>
        </thead>
        <tbody>
          {WEEK_ORDER.map((day) => {
            const ranges = week[day] ?? [];
            const name = DAYS_ID[day] ?? '';
            return (
              <tr key={day}>
                <th scope="row" className="week-day">
                  {name}
                </th>
                <td>
                  <div className="ranges">
                    {ranges.length === 0 && <span className="muted">Libur</span>}
                    {ranges.map((r, i) => (
                      <span key={i} className="range">
                        <input
                          type="text"
                          className="clock"
                          aria-label={`${name} rentang ${i + 1} mulai`}
                          value={r.start}
                          inputMode="numeric"
                          placeholder="07:30"
                          maxLength={5}
                          readOnly={!isAdmin}
                          aria-invalid={parseClock(r.start) === null ? true : undefined}
                          onChange={(e) => setRange(day, i, { start: e.target.value })}
                        />
                        <span aria-hidden="true">–</span>
                        <input
                          type="text"
                          className="clock"
                          aria-label={`${name} rentang ${i + 1} selesai`}
                          value={r.end}
                          inputMode="numeric"
                          placeholder="12:00"
                          maxLength={5}
                          readOnly={!isAdmin}
                          aria-invalid={parseClock(r.end) === null ? true : undefined}
                          onChange={(e) => setRange(day, i, { end: e.target.value })}
                        />
                        {isAdmin && (
                          <button
                            type="button"
                            className="btn btn--icon"
                            aria-label={`Hapus ${name} rentang ${i + 1}`}
                            onClick={() => setWeek((w) => w.map((rs, d) => (d === day ? rs.filter((_, j) => j !== i) : rs)))}
                          >
                            ×
                          </button>
                        )}
                      </span>
                    ))}
                    {isAdmin && ranges.length < 6 && (
                      <button
                        type="button"
                        className="btn btn--link"
                        onClick={() => {
                          const last = ranges[ranges.length - 1];
                          const start = last ? last.end : '07:30';
                          setWeek((w) => w.map((rs, d) => (d === day ? [...rs, { start, end: start }] : rs)));
                        }}
                      >
                        + rentang
                      </button>
                    )}
                  </div>
                </td>
                <td className="week-sum">{daySummary(ranges)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {problems.length > 0 ? (
        <Alert kind="warning">
          <strong>Belum dapat disimpan:</strong>
          <ul className="plain-list">
            {problems.map((p) => (
              <li key={p}>{p}.</li>
            ))}
          </ul>
        </Alert>
      ) : (
        <p className="muted small">Jumlah jam kerja seminggu: {formatWorkingMinutes(weeklyWorkingMinutes(week))}.</p>
      )}
      {isAdmin && (
        <div className="actions">
          {changed && <span className="muted small">Ada perubahan yang belum disimpan.</span>}
          <span className="spacer" />
          <button type="button" className="btn btn--ghost" disabled={!changed} onClick={() => setWeek(copyWeek(saved))}>
            Kembalikan
          </button>
          <button type="submit" className="btn btn--primary" disabled={action.busy}>
            {action.busy ? 'Menyimpan…' : 'Simpan jam kerja'}
          </button>
        </div>
      )}
    </form>
  );
}

/* ---------------------------------------------------------------------------------------------
 * Closed days
 * ------------------------------------------------------------------------------------------- */

interface DayDraft {
  original: string | null;
  date: string;
  name: string;
  kind: CalendarDay['kind'];
}

interface DaysProps {
  year: number;
  years: number[];
  onYear: (year: number) => void;
  days: CalendarDay[];
  isAdmin: boolean;
  onChanged: () => void;
}

function DaysEditor({ year, years, onYear, days, isAdmin, onChanged }: DaysProps) {
  const [editing, setEditing] = useState<DayDraft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();

  async function seed() {
    setNotice(null);
    const result = await action.run(() => call('calendar.seedYear', { year }));
    if (result.ok) {
      const n = result.value.added;
      setNotice(
        `${n === 0 ? 'Tidak ada hari libur nasional baru' : `${n} hari libur nasional ditambahkan`} untuk tahun ${year} dari pustaka hari libur. ` +
          'Cuti bersama tidak ikut: tambahkan sendiri menurut SKB Bersama Menteri tentang hari libur nasional dan cuti bersama tahun itu, dan periksa tanggal libur keagamaan terhadap SKB.',
      );
      onChanged();
    }
  }

  async function remove(day: CalendarDay) {
    setNotice(null);
    const result = await action.run(() => call('calendar.deleteDay', { date: day.date }));
    if (result.ok) {
      setNotice(`${day.name} (${formatDateId(day.date)}) dihapus dari kalender.`);
      onChanged();
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!editing || action.busy) return;
    setNotice(null);
    const result = await action.run(async () => {
      await call('calendar.saveDay', { date: editing.date, name: editing.name, kind: editing.kind });
      if (editing.original && editing.original !== editing.date) await call('calendar.deleteDay', { date: editing.original });
    });
    if (result.ok) {
      setNotice(`${editing.name.trim()} (${formatDateId(editing.date)}) tersimpan.`);
      setEditing(null);
      if (editing.date.slice(0, 4) !== String(year) && /^\d{4}/.test(editing.date)) onYear(Number(editing.date.slice(0, 4)));
      onChanged();
    }
  }

  return (
    <section className="card" aria-labelledby="days-title">
      <div className="list-head">
        <div>
          <h2 id="days-title">Hari libur dan hari kantor tutup</h2>
          <p className="muted">Hari-hari ini tidak dihitung sebagai hari kerja.</p>
        </div>
        <div className="actions">
          <SelectField
            id="days-year"
            label="Tahun"
            className="field--inline"
            value={String(year)}
            onValueChange={(v) => onYear(Number(v))}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
          {isAdmin && (
            <>
              <button type="button" className="btn btn--secondary" onClick={() => void seed()} disabled={action.busy}>
                Isi libur nasional dari pustaka
              </button>
              <button
                type="button"
                className="btn btn--secondary"
                onClick={() => {
                  action.clear();
                  setEditing({ original: null, date: '', name: '', kind: 'cuti_bersama' });
                }}
              >
                + Tambah hari
              </button>
            </>
          )}
        </div>
      </div>
      {notice && <Alert kind="success">{notice}</Alert>}
      {action.error && !editing && <Alert kind="error">{action.error}</Alert>}
      {editing && (
        <form
          className="inline-editor"
          onSubmit={submit}
          noValidate
          aria-label={editing.original ? 'Ubah hari libur' : 'Hari libur baru'}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              setEditing(null);
            }
          }}
        >
          {action.error && <Alert kind="error">{action.error}</Alert>}
          <div className="inline-editor-grid">
            <TextField
              id="day-date"
              label="Tanggal"
              type="date"
              value={editing.date}
              onValueChange={(v) => setEditing({ ...editing, date: v })}
              error={action.fields.date}
              hint={/^\d{4}-\d{2}-\d{2}$/.test(editing.date) ? dayNameId(editing.date) : undefined}
              required
              autoFocus
            />
            <TextField id="day-name" label="Nama" value={editing.name} onValueChange={(v) => setEditing({ ...editing, name: v })} error={action.fields.name} required maxLength={120} />
            <SelectField
              id="day-kind"
              label="Jenis"
              value={editing.kind}
              onValueChange={(v) => setEditing({ ...editing, kind: (CALENDAR_DAY_KINDS as readonly string[]).includes(v) ? (v as CalendarDay['kind']) : 'penutupan' })}
              options={CALENDAR_DAY_KINDS.map((k) => ({ value: k, label: CALENDAR_DAY_KIND_LABELS[k] }))}
              error={action.fields.kind}
            />
            <div className="actions inline-editor-actions">
              <button type="button" className="btn btn--ghost" onClick={() => setEditing(null)}>
                Batal
              </button>
              <button type="submit" className="btn btn--primary" disabled={action.busy}>
                {action.busy ? 'Menyimpan…' : 'Simpan hari'}
              </button>
            </div>
          </div>
        </form>
      )}
      {days.length === 0 ? (
        <p className="muted">
          Belum ada hari libur untuk tahun {year}.{isAdmin ? ' Isi libur nasional dari pustaka, lalu tambahkan cuti bersama menurut SKB.' : ''}
        </p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Tanggal</th>
              <th scope="col">Nama</th>
              <th scope="col">Jenis</th>
              {isAdmin && (
                <th scope="col">
                  <span className="sr-only">Tindakan</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.date}>
                <td className="nowrap">
                  {dayNameId(d.date)}, {formatDateId(d.date)}
                </td>
                <td>{d.name}</td>
                <td>
                  <span className={`badge badge--day-${d.kind}`}>{CALENDAR_DAY_KIND_LABELS[d.kind]}</span>
                </td>
                {isAdmin && (
                  <td className="num nowrap">
                    <button
                      type="button"
                      className="btn btn--small btn--ghost"
                      aria-label={`Ubah ${d.name} ${formatDateId(d.date)}`}
                      onClick={() => {
                        action.clear();
                        setEditing({ original: d.date, date: d.date, name: d.name, kind: d.kind });
                      }}
                    >
                      Ubah
                    </button>
                    <button type="button" className="btn btn--small btn--ghost" aria-label={`Hapus ${d.name} ${formatDateId(d.date)}`} onClick={() => void remove(d)}>
                      Hapus
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/* ---------------------------------------------------------------------------------------------
 * Partial closures
 * ------------------------------------------------------------------------------------------- */

function ClosuresEditor({ closures, timeZone, isAdmin, onChanged }: { closures: CalendarData['closures']; timeZone: string; isAdmin: boolean; onChanged: () => void }) {
  const today = localIsoDate(new Date(), timeZone);
  const [draft, setDraft] = useState({ start: `${today}T13:00`, end: `${today}T16:00`, reason: '' });
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (action.busy) return;
    setNotice(null);
    const fields: Record<string, string> = {};
    if (!isValidLocalDateTime(draft.start)) fields.start = 'Isi tanggal dan jam mulai.';
    if (!isValidLocalDateTime(draft.end)) fields.end = 'Isi tanggal dan jam selesai.';
    else if (isValidLocalDateTime(draft.start) && draft.end <= draft.start) fields.end = 'Akhir penutupan harus sesudah awalnya.';
    if (draft.reason.trim() === '') fields.reason = 'Tulis alasan penutupan.';
    if (Object.keys(fields).length > 0) {
      action.setFields(fields);
      action.setError('Isian belum benar. Periksa kolom yang ditandai.');
      return;
    }
    const result = await action.run(() =>
      call('calendar.saveClosure', { start: localDateTimeToUtc(draft.start, timeZone), end: localDateTimeToUtc(draft.end, timeZone), reason: draft.reason }),
    );
    if (result.ok) {
      setNotice('Penutupan tersimpan; tenggat yang terkena bergeser.');
      setOpen(false);
      setDraft({ ...draft, reason: '' });
      onChanged();
    }
  }

  async function remove(id: number) {
    setNotice(null);
    const result = await action.run(() => call('calendar.deleteClosure', { id }));
    if (result.ok) onChanged();
  }

  const span = (start: string, end: string) => {
    const sameDay = localIsoDate(start, timeZone) === localIsoDate(end, timeZone);
    const p = toLocalParts(end, timeZone);
    const endText = sameDay ? `${String(p.hour).padStart(2, '0')}.${String(p.minute).padStart(2, '0')} ${zoneAbbreviation(timeZone)}` : formatDeadline(end, timeZone);
    return `${formatDeadline(start, timeZone)} sampai ${endText}`;
  };

  return (
    <section className="card" aria-labelledby="closures-title">
      <div className="list-head">
        <div>
          <h2 id="closures-title">Penutupan sebagian hari</h2>
          <p className="muted">Mis. upacara, pemadaman listrik, rapat seluruh pegawai: jam kerja di rentang ini tidak dihitung.</p>
        </div>
        {isAdmin && !open && (
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => {
              action.clear();
              setOpen(true);
            }}
          >
            + Tambah penutupan
          </button>
        )}
      </div>
      {notice && <Alert kind="success">{notice}</Alert>}
      {action.error && !open && <Alert kind="error">{action.error}</Alert>}
      {open && (
        <form
          className="inline-editor"
          onSubmit={submit}
          noValidate
          aria-label="Penutupan baru"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              setOpen(false);
            }
          }}
        >
          {action.error && <Alert kind="error">{action.error}</Alert>}
          <div className="inline-editor-grid">
            <TextField
              id="closure-start"
              label={`Mulai (${zoneAbbreviation(timeZone)})`}
              type="datetime-local"
              value={draft.start}
              onValueChange={(v) => setDraft({ ...draft, start: v })}
              error={action.fields.start}
              required
              autoFocus
            />
            <TextField
              id="closure-end"
              label={`Selesai (${zoneAbbreviation(timeZone)})`}
              type="datetime-local"
              value={draft.end}
              onValueChange={(v) => setDraft({ ...draft, end: v })}
              error={action.fields.end}
              required
            />
            <TextField id="closure-reason" label="Alasan" value={draft.reason} onValueChange={(v) => setDraft({ ...draft, reason: v })} error={action.fields.reason} required maxLength={200} />
            <div className="actions inline-editor-actions">
              <button type="button" className="btn btn--ghost" onClick={() => setOpen(false)}>
                Batal
              </button>
              <button type="submit" className="btn btn--primary" disabled={action.busy}>
                {action.busy ? 'Menyimpan…' : 'Simpan penutupan'}
              </button>
            </div>
          </div>
        </form>
      )}
      {closures.length === 0 ? (
        <p className="muted">Belum ada penutupan.</p>
      ) : (
        <ul className={cls('closure-list')}>
          {closures.map((c) => (
            <li key={c.id}>
              <span>
                <strong>{span(c.start, c.end)}</strong> — {c.reason}
              </span>
              {isAdmin && (
                <button type="button" className="btn btn--small btn--ghost" aria-label={`Hapus penutupan ${c.reason}`} onClick={() => void remove(c.id)}>
                  Hapus
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
