/**
 * The lock overlay: the desk was idle, or the session ended. The same user types the password
 * again (auth.login gives a new token) and carries on where they were; or logs out.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { User } from '../../../shared/api/schemas';
import { authRestored, call, setToken } from '../api';
import { Alert, TextField } from './fields';
import { useAction } from '../lib/useAction';

export type LockReason = 'idle' | 'expired' | 'signedOut';

const REASON_TEXT: Record<LockReason, string> = {
  idle: 'Layar dikunci karena tidak ada kegiatan. Masukkan kata sandi untuk melanjutkan; isian Anda tetap tersimpan di layar.',
  expired: 'Sesi Anda telah berakhir. Masukkan kata sandi untuk melanjutkan; isian Anda tetap tersimpan di layar.',
  signedOut: 'Sesi Anda tidak berlaku lagi. Masukkan kata sandi untuk melanjutkan; isian Anda tetap tersimpan di layar.',
};

interface Props {
  user: User;
  reason: LockReason;
  onUnlocked: () => void;
  onLogout: () => void;
}

export function LockScreen({ user, reason, onUnlocked, onLogout }: Props) {
  const [password, setPassword] = useState('');
  const action = useAction();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
  }, [action.error]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (action.busy) return;
    if (password === '') {
      action.setError('Masukkan kata sandi Anda.');
      return;
    }
    const result = await action.run(() => call('auth.login', { username: user.username, password }));
    if (!result.ok) {
      setPassword('');
      return;
    }
    if (result.value.user.id !== user.id) {
      action.setError('Akun ini bukan akun yang sedang terkunci.');
      return;
    }
    setToken(result.value.token);
    onUnlocked();
    authRestored();
  }

  return (
    <div className="lock-backdrop">
      <form className="lock-card" role="dialog" aria-modal="true" aria-labelledby="lock-title" aria-describedby="lock-text" onSubmit={submit} noValidate>
        <h2 id="lock-title">Layar terkunci</h2>
        <p id="lock-text">{REASON_TEXT[reason]}</p>
        <p className="lock-user">
          <span className="muted">Pengguna:</span> <strong>{user.fullName}</strong> ({user.username})
        </p>
        {action.error && <Alert kind="error">{action.error}</Alert>}
        <TextField
          id="lock-password"
          label="Kata sandi"
          type="password"
          ref={inputRef}
          value={password}
          onValueChange={setPassword}
          autoComplete="current-password"
          autoFocus
        />
        <div className="lock-actions">
          <button type="submit" className="btn btn--primary btn--block" disabled={action.busy}>
            {action.busy ? 'Memeriksa…' : 'Buka kunci'}
          </button>
          <button type="button" className="btn btn--link" onClick={onLogout}>
            Keluar dan masuk sebagai pengguna lain
          </button>
        </div>
      </form>
    </div>
  );
}
