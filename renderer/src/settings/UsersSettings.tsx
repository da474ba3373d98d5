import { ROLES, ROLE_LABELS, type Role } from '../../../shared/api/roles';
import type { User, UserInput } from '../../../shared/api/schemas';
import { ApiCallError, call } from '../api';
import { CheckboxField, SelectField, TextField } from '../components/fields';
import { useSession } from '../session';
import { AddButton, EditableTable, EditorCard, ListCard, statusColumn, useEditor, useList } from './common';

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
  const editor = useEditor<UserDraft>(async (draft) => {
    const isNew = draft.id === undefined;
    if ((isNew || draft.password !== '') && draft.password !== draft.password2) {
      throw new ApiCallError({ code: 'INVALID_INPUT', message: 'Ulangan kata sandi tidak sama.', fields: { password2: 'Ulangan kata sandi tidak sama.' } });
    }
    if (isNew && draft.password === '') {
      throw new ApiCallError({ code: 'INVALID_INPUT', message: 'Kata sandi wajib diisi untuk pengguna baru.', fields: { password: 'Kata sandi wajib diisi untuk pengguna baru.' } });
    }
    const input: UserInput = {
      username: draft.username,
      fullName: draft.fullName,
      role: draft.role,
      officialId: draft.officialId,
      active: draft.active,
    };
    if (draft.id !== undefined) input.id = draft.id;
    if (draft.password !== '') input.password = draft.password;
    const saved = await call('users.save', input);
    return `Pengguna ${saved.username} (${saved.fullName}) tersimpan.`;
  }, list.reload);
  const { editing, setEditing, notice, action, formRef, submit } = editor;

  function edit(u: User | null) {
    editor.open(u
        ? { ...u, password: '', password2: '' }
        : { username: '', fullName: '', role: 'front_desk', officialId: null, active: true, password: '', password2: '' });
  }

  const officialName = (id: number | null) => (id === null ? null : (officials.items?.find((o) => o.id === id)?.name ?? null));

  return (
    <div className="list-editor">
      <ListCard
        title="Pengguna"
        description="Siapa yang boleh masuk ke Loket dan apa perannya."
        action={<AddButton label="+ Tambah pengguna" onClick={() => edit(null)} />}
        notice={notice}
        list={list}
      >
        {(items) => (
          <EditableTable
            items={items}
            rowKey={(u) => u.id}
            columns={[
              {
                header: 'Nama pengguna',
                className: 'nowrap',
                cell: (u) => (
                  <>
                    {u.username}
                    {u.id === me.id && <span className="cell-sub">(Anda)</span>}
                  </>
                ),
              },
              {
                header: 'Nama lengkap',
                cell: (u) => (
                  <>
                    {u.fullName}
                    {officialName(u.officialId) && <span className="cell-sub">Pejabat: {officialName(u.officialId)}</span>}
                  </>
                ),
              },
              { header: 'Peran', cell: (u) => ROLE_LABELS[u.role] },
              statusColumn(),
            ]}
            onEdit={edit}
            editLabel={(u) => `Ubah ${u.username}`}
          />
        )}
      </ListCard>
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
