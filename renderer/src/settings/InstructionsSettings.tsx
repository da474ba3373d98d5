import { useRef, useState, type FormEvent } from 'react';
import type { Instruction, InstructionInput } from '../../../shared/api/schemas';
import { call } from '../api';
import { Alert, CheckboxField, TextField } from '../components/fields';
import { useAction, useFocusFirstInvalid } from '../lib/useAction';
import { ActiveMark, EditorCard, ListHead, LoadState, useList } from './common';

export function InstructionsSettings() {
  const list = useList(() => call('instructions.list', { includeInactive: true }));
  const [editing, setEditing] = useState<{ id?: number; label: string; active: boolean } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, action.fields);

  function edit(i: Instruction | null) {
    action.clear();
    setNotice(null);
    setEditing(i ? { ...i } : { label: '', active: true });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!editing || action.busy) return;
    const input: InstructionInput = { label: editing.label, active: editing.active };
    if (editing.id !== undefined) input.id = editing.id;
    const result = await action.run(() => call('instructions.save', input));
    if (result.ok) {
      setNotice(`Instruksi “${result.value.label}” tersimpan.`);
      setEditing(null);
      list.reload();
    }
  }

  return (
    <div className="list-editor">
      <section className="card">
        <ListHead
          title="Instruksi disposisi"
          description="Pilihan “Dengan hormat harap” yang tercetak pada lembar disposisi."
          action={
            <button type="button" className="btn btn--secondary" onClick={() => edit(null)}>
              + Tambah instruksi
            </button>
          }
        />
        {notice && <Alert kind="success">{notice}</Alert>}
        <LoadState error={list.error} loading={list.items === null} />
        {list.items && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Instruksi</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Tindakan</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((i) => (
                <tr key={i.id}>
                  <td>{i.label}</td>
                  <td>
                    <ActiveMark active={i.active} />
                  </td>
                  <td className="num">
                    <button type="button" className="btn btn--small btn--ghost" onClick={() => edit(i)} aria-label={`Ubah ${i.label}`}>
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
