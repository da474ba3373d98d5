/**
 * The desk of a logged-in user: navigation on the left, the office and the user on top, the page
 * in the middle, and the lock overlay on top of everything when the desk was left idle or the
 * session ended. The page under the overlay stays mounted, so nothing typed is lost.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { LETTER_STATUSES, type Letter, type LetterStatus, type OfficeProfile, type Prefs, type User } from '../../shared/api/schemas';
import type { DashboardDto } from '../../shared/api/engine-schemas';
import { ROLE_LABELS } from '../../shared/api/roles';
import { ApiCallError, authAbandoned, call, getToken, onAuthLost, setToken } from './api';
import { href, navigate, useRoute } from './lib/router';
import { canRegister, SessionContext, type Session } from './session';
import { LockScreen, type LockReason } from './components/LockScreen';
import { AgendaPage, initialAgendaQuery, type AgendaQuery } from './pages/AgendaPage';
import { RegisterPage } from './pages/RegisterPage';
import { LetterPage } from './pages/LetterPage';
import { SettingsPage } from './settings/SettingsPage';
import { HostingPage } from './hosting/HostingPage';
import { VerifyPage } from './hosting/VerifyPage';
import { DashboardPage } from './pages/DashboardPage';
import { QueuePage, asQueueFilter } from './pages/QueuePage';
import { DeskPulseContext, type DeskPulse } from './pulse';
import { notificationPermission, notificationsFor, showNotices, type DeskReading } from './lib/notify';
import { usePolling } from './lib/usePolling';
import { cls } from './components/fields';
import { base64ToBlob } from './lib/files';
import { ScanInboxPage } from './pages/ScanInboxPage';
import { useInboxCount } from './lib/scanDesk';
import { ComplaintsPage } from './complaints/ComplaintsPage';
import { StandardsPage } from './complaints/StandardsPage';
import { ImportPage } from './import/ImportPage';
import { ReportsPage } from './reports/ReportsPage';
import { EvaluationPage } from './reports/EvaluationPage';
import { REPORT_ROLES } from '../../shared/api/report-schemas';

/** The office logo as a blob: URL for the top bar (null while loading or when there is none). */
function useLogo(sha256: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    setUrl(null);
    if (!sha256) return;
    let live = true;
    let made: string | null = null;
    call('attachments.get', { sha256 })
      .then((file) => {
        if (!live) return;
        made = URL.createObjectURL(base64ToBlob(file.dataBase64, file.mime));
        setUrl(made);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [sha256]);
  return url;
}

interface Props {
  user: User;
  office: OfficeProfile;
  prefs: Prefs;
  onLoggedOut: (notice: string | null) => void;
}

const ACTIVITY_EVENTS = ['keydown', 'mousemove', 'mousedown', 'wheel', 'touchstart', 'pointerdown'] as const;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/** Focus an element that is about to appear (after a route change). */
function focusSoon(id: string, tries = 20): void {
  const el = document.getElementById(id);
  if (el && el.getClientRects().length > 0) {
    el.focus();
    if (el instanceof HTMLInputElement) el.select();
    return;
  }
  if (tries > 0) requestAnimationFrame(() => focusSoon(id, tries - 1));
}

export function Shell({ user, office: initialOffice, prefs: initialPrefs, onLoggedOut }: Props) {
  const [office, setOffice] = useState(initialOffice);
  const [prefs, setPrefs] = useState(initialPrefs);
  const [lock, setLock] = useState<LockReason | null>(null);
  const [agendaQuery, setAgendaQuery] = useState<AgendaQuery>(initialAgendaQuery);
  const [flash, setFlash] = useState<Letter | null>(null);
  // The register form stays mounted (hidden) after a visit, so leaving it with Alt+A or the menu
  // loses nothing; it starts afresh after a letter is saved or the form is cancelled.
  const [keepRegister, setKeepRegister] = useState(false);
  const [registerKey, setRegisterKey] = useState(0);
  const route = useRoute();
  const lastActivity = useRef(Date.now());
  const mainRef = useRef<HTMLElement>(null);
  const logoUrl = useLogo(office.logoSha256);

  const logout = useCallback(
    (notice: string | null = null) => {
      void call('auth.logout', {}, { retryAfterLogin: false }).catch(() => undefined);
      setToken(null);
      authAbandoned(new ApiCallError({ code: 'UNAUTHENTICATED', message: 'Anda sudah keluar dari Loket.' }));
      window.location.hash = '/dasbor';
      onLoggedOut(notice);
    },
    [onLoggedOut],
  );

  const lockNow = useCallback((reason: LockReason) => {
    setLock((current) => current ?? reason);
    if (reason === 'idle' && getToken()) {
      // The session ends on the server too; the password brings a new one.
      void call('auth.logout', {}, { retryAfterLogin: false }).catch(() => undefined);
      setToken(null);
    }
  }, []);

  // A call found the session gone: lock; the call waits and is retried after the password.
  useEffect(() => onAuthLost((error) => lockNow(error.code === 'SESSION_EXPIRED' ? 'expired' : 'signedOut')), [lockNow]);

  // Idle lock after prefs.idleLockMinutes without keyboard or mouse.
  useEffect(() => {
    if (lock) return;
    lastActivity.current = Date.now();
    const bump = () => {
      lastActivity.current = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, bump, { passive: true, capture: true });
    const limit = prefs.idleLockMinutes * 60_000;
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current >= limit) lockNow('idle');
    }, Math.min(15_000, limit / 4));
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, bump, { capture: true });
      window.clearInterval(timer);
    };
  }, [lock, prefs.idleLockMinutes, lockNow]);

  // The desk's pulse: dashboard counts every minute and on focus; desktop notifications when a
  // disposition arrives or a step goes late, in office hours only (lib/notify.ts).
  const [dashboard, setDashboard] = useState<DashboardDto | null>(null);
  const lastReading = useRef<DeskReading | null>(null);
  const refreshPulse = useCallback(() => {
    call('dashboard.get', {}, { retryAfterLogin: false })
      .then(async (next) => {
        setDashboard(next);
        const previous = lastReading.current;
        lastReading.current = next;
        const notices = notificationsFor(previous, next);
        if (notices.length === 0 || notificationPermission() !== 'granted') return;
        // Name the letter when exactly one thing is new.
        const queue = await call('queue.mine', {}, { retryAfterLogin: false }).catch(() => []);
        const unread = queue.find((q) => q.unreadDisposition);
        const late = queue.find((q) => q.timing.status === 'late');
        const detailed = notificationsFor(previous, next, {
          newestUnread: unread ? `${unread.agendaNumber} — ${unread.subject}` : null,
          newestLate: late ? `Langkah ${late.step.number} surat ${late.agendaNumber}` : null,
        });
        showNotices(detailed, (n) => navigate(n.kind === 'late' ? '/antrian/terlambat' : '/antrian/belum-dibaca'));
      })
      .catch(() => undefined);
  }, []);
  usePolling(refreshPulse, 60_000, lock === null);
  const pulse: DeskPulse = useMemo(() => ({ dashboard, refresh: refreshPulse }), [dashboard, refreshPulse]);

  // Keyboard shortcuts: Alt+D dasbor, Alt+S antrian saya, Alt+A buku agenda, Alt+N catat surat,
  // Alt+P pengaturan, Alt+L laporan, "/" search.
  useEffect(() => {
    if (lock) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey) {
        if (e.code === 'KeyD') {
          e.preventDefault();
          navigate('/dasbor');
        } else if (e.code === 'KeyS') {
          e.preventDefault();
          navigate('/antrian');
        } else if (e.code === 'KeyA') {
          e.preventDefault();
          navigate('/agenda');
          focusSoon('agenda-search');
        } else if (e.code === 'KeyN' && canRegister(user.role)) {
          e.preventDefault();
          navigate('/catat');
          focusSoon('reg-sender');
        } else if (e.code === 'KeyP') {
          e.preventDefault();
          navigate('/pengaturan');
        } else if (e.code === 'KeyL') {
          e.preventDefault();
          navigate('/laporan');
        }
        return;
      }
      if (e.key === '/' && !e.ctrlKey && !e.metaKey && !isTyping(e.target)) {
        e.preventDefault();
        navigate('/agenda');
        focusSoon('agenda-search');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lock, user.role]);

  const session: Session = useMemo(
    () => ({ user, office, prefs, setOffice, setPrefs, logout: () => logout(null) }),
    [user, office, prefs, logout],
  );

  // One scroll area for every page: a new page starts at its top.
  useEffect(() => {
    mainRef.current?.scrollTo({ top: 0 });
  }, [route]);

  const segments = route.split('/').filter(Boolean);
  const section = segments[0] ?? 'dasbor';

  // "#/agenda/baru" (from the dashboard): the agenda book filtered on that status.
  const agendaStatus = section === 'agenda' && segments[1] && (LETTER_STATUSES as readonly string[]).includes(segments[1]) ? (segments[1] as LetterStatus) : null;
  useEffect(() => {
    if (!agendaStatus) return;
    setAgendaQuery({ ...initialAgendaQuery, status: agendaStatus });
    window.location.replace(`#/agenda`);
  }, [agendaStatus]);

  useEffect(() => {
    if (flash && route !== `/surat/${flash.id}`) setFlash(null);
  }, [route, flash]);

  const onRegisterPage = section === 'catat';
  useEffect(() => {
    if (onRegisterPage) setKeepRegister(true);
  }, [onRegisterPage]);
  const resetRegister = useCallback(() => {
    setKeepRegister(false);
    setRegisterKey((k) => k + 1);
  }, []);

  let page: ReactNode;
  let title = 'Buku Agenda';
  if (section === 'dasbor') {
    title = 'Dasbor';
    page = <DashboardPage />;
  } else if (section === 'antrian') {
    title = 'Antrian saya';
    page = <QueuePage key={segments[1] ?? ''} filter={asQueueFilter(segments[1])} />;
  } else if (onRegisterPage) {
    title = 'Catat Surat Masuk';
    page = canRegister(user.role) ? null : (
      <p className="alert alert--warning">Hanya front desk dan administrator yang dapat mencatat surat masuk.</p>
    );
  } else if (section === 'surat' && segments[1] && /^\d+$/.test(segments[1])) {
    title = 'Surat masuk';
    const id = Number(segments[1]);
    page = <LetterPage key={id} id={id} justRegistered={flash?.id === id ? flash : null} />;
  } else if (section === 'hosting') {
    title = 'Sistem yang dihosting';
    page = <HostingPage path={segments.slice(1)} />;
  } else if (section === 'periksa') {
    title = 'Periksa dokumen';
    page = <VerifyPage />;
  } else if (section === 'pindaian') {
    title = 'Kotak masuk pindaian';
    page = canRegister(user.role) ? <ScanInboxPage /> : <p className="alert alert--warning">Kotak masuk pindaian hanya untuk front desk dan administrator.</p>;
  } else if (section === 'pengaduan') {
    title = 'Pengaduan';
    page = <ComplaintsPage path={segments.slice(1)} />;
  } else if (section === 'standar') {
    title = 'Standar pelayanan';
    page = <StandardsPage service={segments[1] ?? null} />;
  } else if (section === 'impor') {
    title = 'Impor dari Excel';
    page = canRegister(user.role) ? (
      <ImportPage key={segments[1] ?? ''} initialKind={segments[1] === 'opd' ? 'opd' : 'agenda'} />
    ) : (
      <p className="alert alert--warning">Impor hanya untuk front desk dan administrator.</p>
    );
  } else if (section === 'laporan') {
    title = 'Laporan';
    page = <ReportsPage />;
  } else if (section === 'evaluasi') {
    title = 'Evaluasi kinerja';
    page = <EvaluationPage />;
  } else if (section === 'pengaturan') {
    title = 'Pengaturan';
    page = <SettingsPage section={segments[1] ?? null} />;
  } else {
    page = <AgendaPage query={agendaQuery} onQueryChange={setAgendaQuery} />;
  }

  useEffect(() => {
    document.title = `${title} — Loket`;
  }, [title]);

  const queueCount = dashboard?.inQueue ?? 0;
  const inboxCount = useInboxCount(canRegister(user.role) && lock === null);
  const navItems = [
    { key: 'dasbor', path: '/dasbor', label: 'Dasbor', shortcut: 'Alt+D', show: true },
    { key: 'antrian', path: '/antrian', label: 'Antrian saya', shortcut: 'Alt+S', show: true, count: queueCount },
    { key: 'agenda', path: '/agenda', label: 'Buku Agenda', shortcut: 'Alt+A', show: true },
    { key: 'catat', path: '/catat', label: 'Catat Surat Masuk', shortcut: 'Alt+N', show: canRegister(user.role) },
    { key: 'pindaian', path: '/pindaian', label: 'Kotak masuk pindaian', shortcut: '', show: canRegister(user.role), count: inboxCount },
    { key: 'pengaduan', path: '/pengaduan', label: 'Pengaduan', shortcut: '', show: true },
    { key: 'hosting', path: '/hosting', label: 'Sistem yang dihosting', shortcut: '', show: true },
    { key: 'laporan', path: '/laporan', label: 'Laporan', shortcut: 'Alt+L', show: true },
    { key: 'evaluasi', path: '/evaluasi', label: 'Evaluasi kinerja', shortcut: '', show: REPORT_ROLES.evaluation.includes(user.role) },
    { key: 'standar', path: '/standar', label: 'Standar pelayanan', shortcut: '', show: true },
    { key: 'periksa', path: '/periksa', label: 'Periksa dokumen', shortcut: '', show: true },
    { key: 'impor', path: '/impor', label: 'Impor dari Excel', shortcut: '', show: canRegister(user.role) },
    { key: 'pengaturan', path: '/pengaturan', label: 'Pengaturan', shortcut: 'Alt+P', show: true },
  ];
  const activeKey = section === 'surat' ? 'agenda' : section;

  return (
    <SessionContext.Provider value={session}>
      <DeskPulseContext.Provider value={pulse}>
      <div className="shell" inert={lock !== null} aria-hidden={lock !== null ? true : undefined}>
        <a className="skip-link" href="#isi">
          Langsung ke isi
        </a>
        <header className="topbar">
          <div className="topbar-office">
            {logoUrl ? (
              <img className="topbar-logo" src={logoUrl} alt="" />
            ) : (
              <span className="brand-mark" aria-hidden="true">
                L
              </span>
            )}
            <div>
              <p className="topbar-government">{office.government}</p>
              <p className="topbar-agency">{office.agencyName}</p>
            </div>
          </div>
          <div className="topbar-user">
            <div className="topbar-user-text">
              <span className="topbar-user-name">{user.fullName}</span>
              <span className="topbar-user-role">{ROLE_LABELS[user.role]}</span>
            </div>
            <button type="button" className="btn btn--ghost" onClick={() => logout(null)}>
              Keluar
            </button>
          </div>
        </header>
        <nav className="sidenav" aria-label="Menu utama">
          <ul>
            {navItems
              .filter((item) => item.show)
              .map((item) => (
                <li key={item.key}>
                  <a href={href(item.path)} className={cls('sidenav-link', activeKey === item.key && 'is-active')} aria-current={activeKey === item.key ? 'page' : undefined}>
                    <span>
                      {item.label}
                      {'count' in item && item.count !== undefined && item.count > 0 && (
                        <span className="nav-count" aria-label={`${item.count} menunggu`}>
                          {item.count}
                        </span>
                      )}
                    </span>
                    {item.shortcut && <kbd>{item.shortcut}</kbd>}
                  </a>
                </li>
              ))}
          </ul>
          <div className="sidenav-help">
            <p>Pintasan</p>
            <dl>
              <dt>
                <kbd>/</kbd>
              </dt>
              <dd>Cari di buku agenda</dd>
              <dt>
                <kbd>Enter</kbd>
              </dt>
              <dd>Simpan formulir / buka surat</dd>
            </dl>
          </div>
        </nav>
        <main id="isi" className="content" ref={mainRef} tabIndex={-1}>
          {canRegister(user.role) && (onRegisterPage || keepRegister) && (
            <div hidden={!onRegisterPage}>
              <RegisterPage
                key={registerKey}
                onRegistered={(letter) => {
                  resetRegister();
                  setFlash(letter);
                  navigate(`/surat/${letter.id}`);
                }}
                onCancel={() => {
                  resetRegister();
                  navigate('/agenda');
                }}
              />
            </div>
          )}
          {page}
        </main>
      </div>
      {lock !== null && (
        <LockScreen
          user={user}
          reason={lock}
          onUnlocked={() => setLock(null)}
          onLogout={() => logout(null)}
        />
      )}
      </DeskPulseContext.Provider>
    </SessionContext.Provider>
  );
}
