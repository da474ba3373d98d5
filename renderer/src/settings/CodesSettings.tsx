import type { ClassificationCode } from '../../../shared/api/schemas';
import { ApiCallError, call } from '../api';
import { CheckboxField, TextField } from '../components/fields';
import { AddButton, EditableTable, EditorCard, ListCard, statusColumn, useEditor, useList } from './common';

export function CodesSettings() {
  const list = useList(() => call('codes.list', { includeInactive: true }));
  const editor = useEditor<ClassificationCode & { isNew: boolean }>(async (draft) => {
    if (draft.isNew && list.items?.some((c) => c.code === draft.code.trim())) {
      throw new ApiCallError({ code: 'INVALID_INPUT', message: 'Kode ini sudah ada.', fields: { code: 'Kode ini sudah ada. Ubah kode yang ada di daftar.' } });
    }
    const saved = await call('codes.save', { code: draft.code, description: draft.description, active: draft.active });
    return `Kode ${saved.code} tersimpan.`;
  }, list.reload);
  const { editing, setEditing, notice, action, formRef, submit } = editor;

  function edit(c: ClassificationCode | null) {
    editor.open(c ? { ...c, isNew: false } : { code: '', description: '', active: true, isNew: true });
  }

  return (
    <div className="list-editor">
      <ListCard
        title="Kode klasifikasi"
        description="Kode klasifikasi arsip yang dipilih saat mencatat surat; ikut membentuk nomor agenda bila formatnya memuat {kode}."
        action={<AddButton label="+ Tambah kode" onClick={() => edit(null)} />}
        notice={notice}
        list={list}
      >
        {(items) => (
          <EditableTable
            items={items}
            rowKey={(c) => c.code}
            columns={[
              {
                header: 'Kode',
                className: 'nowrap',
                cell: (c) => <code>{c.code}</code>,
              },
              { header: 'Keterangan', cell: (c) => c.description },
              statusColumn(),
            ]}
            onEdit={edit}
            editLabel={(c) => `Ubah kode ${c.code}`}
          />
        )}
      </ListCard>
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
