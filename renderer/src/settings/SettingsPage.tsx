/** Pengaturan: office data for the administrator; every user has this desk's prefs and the password change. */
import type { ReactNode } from 'react';
import { cls } from '../components/fields';
import { href } from '../lib/router';
import { useSession } from '../session';
import { OfficeSettings } from './OfficeSettings';
import { OfficialsSettings } from './OfficialsSettings';
import { OpdSettings } from './OpdSettings';
import { UsersSettings } from './UsersSettings';
import { CodesSettings } from './CodesSettings';
import { InstructionsSettings } from './InstructionsSettings';
import { DeskSettings } from './DeskSettings';
import { PasswordSettings } from './PasswordSettings';
import { SopSettings } from './SopSettings';
import { CalendarSettings } from './CalendarSettings';
import { LanSettings } from './LanSettings';
import { ScanFolderSettings } from './ScanFolderSettings';
import { HostingSettings } from './HostingSettings';
import { DocumentTypeSettings } from './DocumentTypeSettings';
import { ComplaintSettings } from './ComplaintSettings';
import { StandardsSettings } from './StandardsSettings';

interface SectionDef {
  key: string;
  label: string;
  adminOnly: boolean;
  render: () => ReactNode;
}

const SECTIONS: SectionDef[] = [
  { key: 'kantor', label: 'Profil kantor', adminOnly: true, render: () => <OfficeSettings /> },
  { key: 'pejabat', label: 'Pejabat', adminOnly: true, render: () => <OfficialsSettings /> },
  { key: 'opd', label: 'OPD', adminOnly: true, render: () => <OpdSettings /> },
  { key: 'pengguna', label: 'Pengguna', adminOnly: true, render: () => <UsersSettings /> },
  { key: 'kode', label: 'Kode klasifikasi', adminOnly: true, render: () => <CodesSettings /> },
  { key: 'instruksi', label: 'Instruksi disposisi', adminOnly: true, render: () => <InstructionsSettings /> },
  { key: 'lan', label: 'Beberapa meja (LAN)', adminOnly: true, render: () => <LanSettings /> },
  { key: 'pindaian', label: 'Folder pindaian', adminOnly: true, render: () => <ScanFolderSettings /> },
  { key: 'hosting', label: 'Hosting', adminOnly: true, render: () => <HostingSettings /> },
  { key: 'penomoran', label: 'Penomoran dokumen', adminOnly: true, render: () => <DocumentTypeSettings /> },
  { key: 'pengaduan', label: 'Pengaduan', adminOnly: true, render: () => <ComplaintSettings /> },
  { key: 'standar', label: 'Standar pelayanan', adminOnly: true, render: () => <StandardsSettings /> },
  { key: 'sop', label: 'SOP', adminOnly: false, render: () => <SopSettings /> },
  { key: 'kalender', label: 'Kalender kerja', adminOnly: false, render: () => <CalendarSettings /> },
  { key: 'meja', label: 'Meja ini', adminOnly: false, render: () => <DeskSettings /> },
  { key: 'sandi', label: 'Ganti kata sandi', adminOnly: false, render: () => <PasswordSettings /> },
];

export function SettingsPage({ section }: { section: string | null }) {
  const { user } = useSession();
  const visible = SECTIONS.filter((s) => !s.adminOnly || user.role === 'admin');
  // Without a section: the office profile for the administrator, this desk for everybody else.
  const current = visible.find((s) => s.key === section) ?? visible.find((s) => s.key === (user.role === 'admin' ? 'kantor' : 'meja')) ?? visible[0];
  return (
    <section aria-labelledby="settings-title">
      <div className="page-head">
        <div>
          <h1 id="settings-title">Pengaturan</h1>
          {user.role !== 'admin' && <p className="muted">Data kantor hanya dapat diubah oleh administrator.</p>}
        </div>
      </div>
      <nav className="subnav" aria-label="Bagian pengaturan">
        {visible.map((s) => (
          <a key={s.key} href={href(`/pengaturan/${s.key}`)} className={cls('subnav-link', s === current && 'is-active')} aria-current={s === current ? 'page' : undefined}>
            {s.label}
          </a>
        ))}
      </nav>
      {current && <div key={current.key}>{current.render()}</div>}
    </section>
  );
}
