/**
 * Where the desk starts: is the office set up (else the setup wizard), is somebody logged in
 * (else the login screen), then the desk itself.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CallOutput } from '../../shared/api/contract';
import type { OfficeProfile, Prefs, User } from '../../shared/api/schemas';
import { asApiError, call, getToken, setToken } from './api';
import { Shell } from './Shell';
import { LoginPage } from './pages/LoginPage';
import { SetupWizard } from './pages/SetupWizard';

type SetupStatus = CallOutput<'setup.status'>;

type Boot =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'setup' }
  | { kind: 'login'; status: SetupStatus; notice: string | null }
  | { kind: 'ready'; status: SetupStatus; user: User; office: OfficeProfile; prefs: Prefs };

async function loadDesk(): Promise<{ office: OfficeProfile; prefs: Prefs }> {
  const [office, prefs] = await Promise.all([call('office.get', {}), call('prefs.get', {})]);
  return { office, prefs };
}

export function App() {
  const [boot, setBoot] = useState<Boot>({ kind: 'loading' });

  const start = useCallback(async () => {
    setBoot({ kind: 'loading' });
    let status: SetupStatus;
    try {
      status = await call('setup.status', {});
    } catch (e) {
      setBoot({ kind: 'failed', message: asApiError(e).message });
      return;
    }
    if (!status.setUp) {
      setBoot({ kind: 'setup' });
      return;
    }
    if (getToken()) {
      try {
        const user = await call('auth.me', {});
        const desk = await loadDesk();
        setBoot({ kind: 'ready', status, user, ...desk });
        return;
      } catch {
        setToken(null);
      }
    }
    setBoot({ kind: 'login', status, notice: null });
  }, []);

  useEffect(() => {
    void start();
  }, [start]);

  const enter = useCallback(async (status: SetupStatus, session: { token: string; user: User }) => {
    setToken(session.token);
    const desk = await loadDesk();
    setBoot({ kind: 'ready', status: { ...status, setUp: true, agencyName: desk.office.agencyName, government: desk.office.government }, user: session.user, ...desk });
  }, []);

  useEffect(() => {
    if (boot.kind === 'setup') document.title = 'Penyiapan awal — Loket';
    else if (boot.kind === 'login') document.title = 'Masuk — Loket';
  }, [boot.kind]);

  switch (boot.kind) {
    case 'loading':
      return (
        <div className="splash" role="status">
          Memuat Loket…
        </div>
      );
    case 'failed':
      return (
        <div className="splash">
          <div className="splash-card">
            <h1>Loket belum dapat dibuka</h1>
            <p role="alert">{boot.message}</p>
            <button type="button" className="btn btn--primary" onClick={() => void start()} autoFocus>
              Coba lagi
            </button>
          </div>
        </div>
      );
    case 'setup':
      return (
        <SetupWizard
          onDone={async (session) => {
            await enter({ setUp: true, agencyName: null, government: null, logoSha256: null }, session);
          }}
        />
      );
    case 'login':
      return <LoginPage status={boot.status} notice={boot.notice} onLoggedIn={(session) => enter(boot.status, session)} />;
    case 'ready':
      return (
        <Shell
          key={boot.user.id}
          user={boot.user}
          office={boot.office}
          prefs={boot.prefs}
          onLoggedOut={(notice) => {
            setToken(null);
            setBoot({ kind: 'login', status: { ...boot.status, agencyName: boot.office.agencyName, government: boot.office.government }, notice });
          }}
        />
      );
  }
}
