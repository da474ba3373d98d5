import { useRef, useState, type FormEvent } from 'react';
import { ROLES, ROLE_LABELS, type Role } from '../../../shared/api/roles';
import type { User, UserInput } from '../../../shared/api/schemas';
import { call } from '../api';
import { Alert, CheckboxField, SelectField, TextField } from '../components/fields';
import { useAction, useFocusFirstInvalid } from '../lib/useAction';
import { useSession } from '../session';
import { ActiveMark, EditorCard, ListHead, LoadState, useList } from './common';

interface UserDraft {
  id?: number;
  username: string;
  fullName: string;
  role: Role;
  officialId: number | null;
  active: boolean;
  password: string;
  password2: string;
}

export function UsersSettings() {
  const { user: me } = useSession();
  const list = useList(() => call('users.list', {}));
  const officials = useList(() => call('officials.list', {}));
  const [editing, setEditing] = useState<UserDraft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, action.fields);

  function edit(u: User | null) {
    action.clear();
    setNotice(null);
    setEditing(
      u
        ? { ...u, password: '', password2: '' }
        : { username: '', fullName: '', role: 'front_desk', officialId: null, active: true, password: '', password2: '' },
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!editing || action.busy) return;
    const isNew = editing.id === undefined;
    if ((isNew || editing.password !== '') && editing.password !== editing.password2) {
      action.setFields({ password2: 'Ulangan kata sandi tidak sama.' });
      action.setError('Ulangan kata sandi tidak sama.');
      return;
    }
    if (isNew && editing.password === '') {
      action.setFields({ password: 'Kata sandi wajib diisi untuk pengguna baru.' });
      action.setError('Kata sandi wajib diisi untuk pengguna baru.');
      return;
    }
    const input: UserInput = {
      username: editing.username,
      fullName: editing.fullName,
      role: editing.role,
      officialId: editing.officialId,
      active: editing.active,
    };
    if (editing.id !== undefined) input.id = editing.id;
    if (editing.password !== '') input.password = editing.password;
    const result = await action.run(() => call('users.save', input));
    if (result.ok) {
      setNotice(`Pengguna ${result.value.username} (${result.value.fullName}) tersimpan.`);
      setEditing(null);
      list.reload();
    }
  }

  const officialName = (id: number | null) => (id === null ? null : (officials.items?.find((o) => o.id === id)?.name ?? null));

  return (
    <div className="list-editor">
      <section className="card">
        <ListHead
          title="Pengguna"
          description="Siapa yang boleh masuk ke Loket dan apa perannya."
          action={
            <button type="button" className="btn btn--secondary" onClick={() => edit(null)}>
              + Tambah pengguna
            </button>
          }
        />
        {notice && <Alert kind="success">{notice}</Alert>}
        <LoadState error={list.error} loading={list.items === null} />
        {list.items && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Nama pengguna</th>
                <th scope="col">Nama lengkap</th>
                <th scope="col">Peran</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Tindakan</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((u) => (
                <tr key={u.id}>
                  <td className="nowrap">
                    {u.username}
                    {u.id === me.id && <span className="cell-sub">(Anda)</span>}
                  </td>
                  <td>
                    {u.fullName}
                    {officialName(u.officialId) && <span className="cell-sub">Pejabat: {officialName(u.officialId)}</span>}
                  </td>
                  <td>{ROLE_LABELS[u.role]}</td>
                  <td>
                    <ActiveMark active={u.active} />
                  </td>
                  <td className="num">
                    <button type="button" className="btn btn--small btn--ghost" onClick={() => edit(u)} aria-label={`Ubah ${u.username}`}>
                      Ubah
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {editing && (
        <EditorCard
          title={editing.id ? `Ubah pengguna: ${editing.username}` : 'Pengguna baru'}
          formRef={formRef}
          onSubmit={submit}
          onCancel={() => setEditing(null)}
          busy={action.busy}
          error={action.error}
          submitLabel="Simpan pengguna"
        >
          <TextField
            id="user-username"
            label="Nama pengguna"
            hint="Huruf kecil, angka, titik, garis bawah, atau tanda hubung."
            value={editing.username}
            onValueChange={(v) => setEditing({ ...editing, username: v })}
            error={action.fields.username}
            required
            autoFocus
            autoCapitalize="none"
            spellCheck={false}
            autoComplete="off"
            maxLength={40}
          />
          <TextField
            id="user-fullName"
            label="Nama lengkap"
            value={editing.fullName}
            onValueChange={(v) => setEditing({ ...editing, fullName: v })}
            error={action.fields.fullName}
            required
            maxLength={120}
          />
          <SelectField
            id="user-role"
            label="Peran"
            value={editing.role}
            onValueChange={(v) => setEditing({ ...editing, role: (ROLES as readonly string[]).includes(v) ? (v as Role) : 'front_desk' })}
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            error={action.fields.role}
            required
          />
          <SelectField
            id="user-official"
            label="Pejabat terkait"
            hint="Untuk Kepala Dinas dan Kepala Bidang: data pejabat yang dipakai pada dokumen."
            value={editing.officialId === null ? '' : String(editing.officialId)}
            onValueChange={(v) => setEditing({ ...editing, officialId: v === '' ? null : Number(v) })}
            placeholder="— tidak ada —"
            options={(officials.items ?? []).map((o) => ({ value: String(o.id), label: `${o.name} — ${o.title}` }))}
            error={action.fields.officialId}
          />
          <CheckboxField
            id="user-active"
            label="Aktif (boleh masuk)"
            checked={editing.active}
            onCheckedChange={(v) => setEditing({ ...editing, active: v })}
            disabled={editing.id === me.id}
            hint={editing.id === me.id ? 'Anda tidak dapat menonaktifkan akun Anda sendiri.' : undefined}
          />
          <TextField
            id="user-password"
            label={editing.id ? 'Kata sandi baru' : 'Kata sandi'}
            type="password"
            hint={editing.id ? 'Kosongkan bila tidak diganti. Paling sedikit 8 karakter.' : 'Paling sedikit 8 karakter.'}
            value={editing.password}
            onValueChange={(v) => setEditing({ ...editing, password: v })}
            error={action.fields.password}
            required={!editing.id}
            autoComplete="new-password"
          />
          <TextField
            id="user-password2"
            label="Ulangi kata sandi"
            type="password"
            value={editing.password2}
            onValueChange={(v) => setEditing({ ...editing, password2: v })}
            error={action.fields.password2}
            required={!editing.id}
            autoComplete="new-password"
          />
        </EditorCard>
      )}
    </div>
  );
}
