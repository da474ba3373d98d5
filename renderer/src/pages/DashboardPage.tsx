/** Dasbor: the counts officials know, each a link to its list, and my queue below. */
import type { DashboardDto } from '../../../shared/api/engine-schemas';
import { Alert, cls } from '../components/fields';
import { QueueTable } from '../components/QueueTable';
import { href } from '../lib/router';
import { useDeskPulse } from '../pulse';
import { useSession } from '../session';
import { useMyQueue } from './QueuePage';

interface Count {
  key: keyof DashboardDto;
  label: string;
  hint: string;
  path: string;
  tone: 'neutral' | 'info' | 'warning' | 'danger';
}

const COUNTS: Count[] = [
  { key: 'newLetters', label: 'Surat baru', hint: 'belum didisposisikan', path: '/agenda/baru', tone: 'info' },
  { key: 'unreadDispositions', label: 'Disposisi belum dibaca', hint: 'untuk Anda', path: '/antrian/belum-dibaca', tone: 'info' },
  { key: 'notActedOn', label: 'Belum ditindaklanjuti', hint: 'menunggu tindakan Anda', path: '/antrian/belum-ditindaklanjuti', tone: 'neutral' },
  { key: 'dueToday', label: 'Tenggat hari ini', hint: 'harus selesai hari ini', path: '/antrian/hari-ini', tone: 'warning' },
  { key: 'late', label: 'Terlambat', hint: 'melewati baku waktu', path: '/antrian/terlambat', tone: 'danger' },
  { key: 'atRisk', label: 'Hampir terlambat', hint: 'mendekati tenggat', path: '/antrian/hampir-terlambat', tone: 'warning' },
];

export function DashboardPage() {
  const { user, office } = useSession();
  const { dashboard } = useDeskPulse();
  const queue = useMyQueue();

  return (
    <section aria-labelledby="dash-title">
      <div className="page-head">
        <div>
          <h1 id="dash-title">Dasbor</h1>
          <p className="muted">
            Selamat bekerja, {user.fullName}.{' '}
            {dashboard && (dashboard.officeHoursNow ? 'Sekarang jam kerja kantor.' : 'Sekarang di luar jam kerja: baku waktu tidak berjalan.')}
          </p>
        </div>
      </div>
      <ul className="counts" aria-label="Ringkasan">
        {COUNTS.map((c) => {
          const value = dashboard ? Number(dashboard[c.key]) : null;
          return (
            <li key={c.key}>
              <a href={href(c.path)} className={cls('count-card', `count-card--${c.tone}`, value !== null && value > 0 && 'has-items')}>
                <span className="count-value">{value ?? '…'}</span>
                <span className="count-label">{c.label}</span>
                <span className="count-hint">{c.hint}</span>
              </a>
            </li>
          );
        })}
      </ul>
      <div className="list-head">
        <div>
          <h2 id="dash-queue-title">Antrian saya</h2>
          <p className="muted">Yang terlambat di atas, lalu menurut tenggat.</p>
        </div>
        <a className="btn btn--secondary" href={href('/antrian')}>
          Buka Antrian saya
        </a>
      </div>
      {queue.error && <Alert kind="error">{queue.error}</Alert>}
      {queue.items === null && !queue.error && <p role="status">Memuat antrian…</p>}
      {queue.items &&
        (queue.items.length === 0 ? (
          <div className="empty-state">
            <p className="empty-title">Antrian Anda kosong.</p>
            <p className="muted">Surat yang didisposisikan kepada Anda atau langkah yang menjadi tugas peran Anda akan tampil di sini.</p>
          </div>
        ) : (
          <QueueTable items={queue.items} timeZone={office.timeZone} caption="Antrian saya" />
        ))}
    </section>
  );
}
