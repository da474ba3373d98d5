import { useRef, useState, type FormEvent } from 'react';
import type { ClassificationCode } from '../../../shared/api/schemas';
import { call } from '../api';
import { Alert, CheckboxField, TextField } from '../components/fields';
import { useAction, useFocusFirstInvalid } from '../lib/useAction';
import { ActiveMark, EditorCard, ListHead, LoadState, useList } from './common';

export function CodesSettings() {
  const list = useList(() => call('codes.list', { includeInactive: true }));
  const [editing, setEditing] = useState<(ClassificationCode & { isNew: boolean }) | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, action.fields);

  function edit(c: ClassificationCode | null) {
    action.clear();
    setNotice(null);
    setEditing(c ? { ...c, isNew: false } : { code: '', description: '', active: true, isNew: true });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!editing || action.busy) return;
    if (editing.isNew && list.items?.some((c) => c.code === editing.code.trim())) {
      action.setFields({ code: 'Kode ini sudah ada. Ubah kode yang ada di daftar.' });
      action.setError('Kode ini sudah ada.');
      return;
    }
    const result = await action.run(() => call('codes.save', { code: editing.code, description: editing.description, active: editing.active }));
    if (result.ok) {
      setNotice(`Kode ${result.value.code} tersimpan.`);
      setEditing(null);
      list.reload();
    }
  }

  return (
    <div className="list-editor">
      <section className="card">
        <ListHead
          title="Kode klasifikasi"
          description="Kode klasifikasi arsip yang dipilih saat mencatat surat; ikut membentuk nomor agenda bila formatnya memuat {kode}."
          action={
            <button type="button" className="btn btn--secondary" onClick={() => edit(null)}>
              + Tambah kode
            </button>
          }
        />
        {notice && <Alert kind="success">{notice}</Alert>}
        <LoadState error={list.error} loading={list.items === null} />
        {list.items && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Kode</th>
                <th scope="col">Keterangan</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Tindakan</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((c) => (
                <tr key={c.code}>
                  <td className="nowrap">
                    <code>{c.code}</code>
                  </td>
                  <td>{c.description}</td>
                  <td>
                    <ActiveMark active={c.active} />
                  </td>
                  <td className="num">
                    <button type="button" className="btn btn--small btn--ghost" onClick={() => edit(c)} aria-label={`Ubah kode ${c.code}`}>
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
          title={editing.isNew ? 'Kode baru' : `Ubah kode ${editing.code}`}
          formRef={formRef}
          onSubmit={submit}
          onCancel={() => setEditing(null)}
          busy={action.busy}
          error={action.error}
          submitLabel="Simpan kode"
        >
          <TextField
            id="code-code"
            label="Kode"
            hint={editing.isNew ? 'mis. 500.12' : 'Kode yang sudah dipakai tidak dapat diganti; nonaktifkan bila tidak dipakai lagi.'}
            value={editing.code}
            onValueChange={(v) => setEditing({ ...editing, code: v })}
            error={action.fields.code}
            required
            readOnly={!editing.isNew}
            autoFocus={editing.isNew}
            maxLength={40}
            spellCheck={false}
          />
          <TextField
            id="code-description"
            label="Keterangan"
            value={editing.description}
            onValueChange={(v) => setEditing({ ...editing, description: v })}
            error={action.fields.description}
            required
            autoFocus={!editing.isNew}
            maxLength={200}
          />
          <CheckboxField id="code-active" label="Aktif (dapat dipilih)" checked={editing.active} onCheckedChange={(v) => setEditing({ ...editing, active: v })} />
        </EditorCard>
      )}
    </div>
  );
}
