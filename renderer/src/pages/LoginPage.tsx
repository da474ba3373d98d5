/** The login screen: the office's name (from setup.status; nothing else is public), user name, password. */
import { useRef, useState, type FormEvent } from 'react';
import type { CallOutput } from '../../../shared/api/contract';
import { call } from '../api';
import { Alert, TextField } from '../components/fields';
import { useAction, useFocusFirstInvalid } from '../lib/useAction';

interface Props {
  status: CallOutput<'setup.status'>;
  notice: string | null;
  onLoggedIn: (session: CallOutput<'auth.login'>) => Promise<void>;
}

export function LoginPage({ status, notice, onLoggedIn }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, action.fields);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (action.busy) return;
    const result = await action.run(async () => {
      const session = await call('auth.login', { username, password });
      await onLoggedIn(session);
    });
    if (!result.ok) setPassword('');
  }

  return (
    <main className="login-page">
      <form ref={formRef} className="login-card" onSubmit={submit} noValidate aria-labelledby="login-title">
        <div className="login-brand">
          <span className="brand-mark" aria-hidden="true">
            L
          </span>
          <div>
            {status.government && <p className="login-government">{status.government}</p>}
            <p className="login-agency">{status.agencyName ?? 'Loket'}</p>
          </div>
        </div>
        <h1 id="login-title">Masuk ke Loket</h1>
        <p className="muted">Layanan hosting dan subdomain — buku agenda surat masuk.</p>
        {notice && <Alert kind="info">{notice}</Alert>}
        {action.error && !action.fields.username && !action.fields.password && <Alert kind="error">{action.error}</Alert>}
        <TextField
          id="login-username"
          label="Nama pengguna"
          value={username}
          onValueChange={setUsername}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          error={action.fields.username}
        />
        <TextField
          id="login-password"
          label="Kata sandi"
          type="password"
          value={password}
          onValueChange={setPassword}
          autoComplete="current-password"
          error={action.fields.password}
        />
        <button type="submit" className="btn btn--primary btn--block" disabled={action.busy}>
          {action.busy ? 'Memeriksa…' : 'Masuk'}
        </button>
      </form>
    </main>
  );
}
