import { useRef, useState, type FormEvent } from 'react';
import { call } from '../api';
import { Alert, TextField } from '../components/fields';
import { useAction, useFocusFirstInvalid } from '../lib/useAction';

export function PasswordSettings() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [next2, setNext2] = useState('');
  const [done, setDone] = useState(false);
  const action = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, action.fields);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (action.busy) return;
    setDone(false);
    if (next !== next2) {
      action.setFields({ newPassword2: 'Ulangan kata sandi tidak sama.' });
      action.setError('Ulangan kata sandi tidak sama.');
      return;
    }
    const result = await action.run(() => call('auth.changePassword', { currentPassword: current, newPassword: next }));
    if (result.ok) {
      setCurrent('');
      setNext('');
      setNext2('');
      setDone(true);
    }
  }

  return (
    <form ref={formRef} className="card narrow" onSubmit={submit} noValidate aria-labelledby="password-title">
      <h2 id="password-title">Ganti kata sandi</h2>
      {action.error && <Alert kind="error">{action.error}</Alert>}
      {done && <Alert kind="success">Kata sandi sudah diganti. Pakai kata sandi baru saat masuk berikutnya.</Alert>}
      <TextField id="pw-current" label="Kata sandi sekarang" type="password" value={current} onValueChange={setCurrent} error={action.fields.currentPassword} autoComplete="current-password" required autoFocus />
      <TextField id="pw-new" label="Kata sandi baru" type="password" hint="Paling sedikit 8 karakter." value={next} onValueChange={setNext} error={action.fields.newPassword} autoComplete="new-password" required />
      <TextField id="pw-new2" label="Ulangi kata sandi baru" type="password" value={next2} onValueChange={setNext2} error={action.fields.newPassword2} autoComplete="new-password" required />
      <div className="actions">
        <span className="spacer" />
        <button type="submit" className="btn btn--primary" disabled={action.busy}>
          {action.busy ? 'Menyimpan…' : 'Ganti kata sandi'}
        </button>
      </div>
    </form>
  );
}
