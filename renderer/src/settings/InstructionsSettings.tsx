import type { Instruction, InstructionInput } from '../../../shared/api/schemas';
import { call } from '../api';
import { CheckboxField, TextField } from '../components/fields';
import { AddButton, EditableTable, EditorCard, ListCard, statusColumn, useEditor, useList } from './common';

export function InstructionsSettings() {
  const list = useList(() => call('instructions.list', { includeInactive: true }));
  const editor = useEditor<{ id?: number; label: string; active: boolean }>(async (draft) => {
    const input: InstructionInput = { label: draft.label, active: draft.active };
    if (draft.id !== undefined) input.id = draft.id;
    const saved = await call('instructions.save', input);
    return `Instruksi “${saved.label}” tersimpan.`;
  }, list.reload);
  const { editing, setEditing, notice, action, formRef, submit } = editor;

  function edit(i: Instruction | null) {
    editor.open(i ? { ...i } : { label: '', active: true });
  }

  return (
    <div className="list-editor">
      <ListCard
        title="Instruksi disposisi"
        description="Pilihan “Dengan hormat harap” yang tercetak pada lembar disposisi."
        action={<AddButton label="+ Tambah instruksi" onClick={() => edit(null)} />}
        notice={notice}
        list={list}
      >
        {(items) => (
          <EditableTable
            items={items}
            rowKey={(i) => i.id}
            columns={[{ header: 'Instruksi', cell: (i) => i.label }, statusColumn()]}
            onEdit={edit}
            editLabel={(i) => `Ubah ${i.label}`}
          />
        )}
      </ListCard>
      {editing && (
        <EditorCard
          title={editing.id ? 'Ubah instruksi' : 'Instruksi baru'}
          formRef={formRef}
          onSubmit={submit}
          onCancel={() => setEditing(null)}
          busy={action.busy}
          error={action.error}
          submitLabel="Simpan instruksi"
        >
          <TextField id="instr-label" label="Isi instruksi" value={editing.label} onValueChange={(v) => setEditing({ ...editing, label: v })} error={action.fields.label} required autoFocus maxLength={120} />
          <CheckboxField id="instr-active" label="Aktif (tercetak pada lembar disposisi)" checked={editing.active} onCheckedChange={(v) => setEditing({ ...editing, active: v })} />
        </EditorCard>
      )}
    </div>
  );
}
