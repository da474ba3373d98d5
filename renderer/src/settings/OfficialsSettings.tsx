import { useRef, useState, type FormEvent } from 'react';
import { OFFICIAL_POSITION_LABELS, OFFICIAL_POSITIONS, type Official } from '../../../shared/api/schemas';
import { call } from '../api';
import { Alert, CheckboxField, SelectField } from '../components/fields';
import { emptyOfficial, OfficialFields, RankList, toOfficialInput, type OfficialDraft } from '../components/OfficialFields';
import { useAction, useFocusFirstInvalid } from '../lib/useAction';
import { ActiveMark, EditorCard, ListHead, LoadState, useList } from './common';

export function OfficialsSettings() {
  const list = useList(() => call('officials.list', {}));
  const [editing, setEditing] = useState<OfficialDraft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, action.fields);

  function edit(o: Official | null) {
    action.clear();
    setNotice(null);
    setEditing(o ? { ...o } : emptyOfficial('kabid'));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!editing || action.busy) return;
    const result = await action.run(() => call('officials.save', toOfficialInput(editing)));
    if (result.ok) {
      setNotice(`Data ${result.value.name} tersimpan.`);
      setEditing(null);
      list.reload();
    }
  }

  return (
    <div className="list-editor">
      <section className="card">
        <ListHead
          title="Pejabat"
          description="Pejabat yang namanya tercetak pada lembar disposisi dan dokumen."
          action={
            <button type="button" className="btn btn--secondary" onClick={() => edit(null)}>
              + Tambah pejabat
            </button>
          }
        />
        {notice && <Alert kind="success">{notice}</Alert>}
        <LoadState error={list.error} loading={list.items === null} />
        {list.items && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Jabatan</th>
                <th scope="col">Nama</th>
                <th scope="col">NIP</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Tindakan</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((o) => (
                <tr key={o.id}>
                  <td>
                    {o.acting && 'Plt. '}
                    {o.title}
                    {o.unit && <span className="cell-sub">Bidang {o.unit}</span>}
                  </td>
                  <td>
                    {o.name}
                    {o.rank && <span className="cell-sub">{o.rank}</span>}
                  </td>
                  <td className="nowrap">{o.nip || <span className="muted">–</span>}</td>
                  <td>
                    <ActiveMark active={o.active} />
                  </td>
                  <td className="num">
                    <button type="button" className="btn btn--small btn--ghost" onClick={() => edit(o)} aria-label={`Ubah ${o.name}`}>
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
          title={editing.id ? `Ubah pejabat: ${editing.name}` : 'Pejabat baru'}
          formRef={formRef}
          onSubmit={submit}
          onCancel={() => setEditing(null)}
          busy={action.busy}
          error={action.error}
          submitLabel="Simpan pejabat"
        >
          <RankList />
          <SelectField
            id="official-position"
            label="Kedudukan"
            value={editing.position}
            onValueChange={(v) => setEditing({ ...editing, position: v === 'kadis' ? 'kadis' : 'kabid' })}
            options={OFFICIAL_POSITIONS.map((p) => ({ value: p, label: OFFICIAL_POSITION_LABELS[p] }))}
            error={action.fields.position}
            autoFocus
          />
          <OfficialFields idPrefix="official" value={editing} onChange={setEditing} errors={action.fields} />
          <CheckboxField id="official-active" label="Aktif (masih menjabat)" checked={editing.active} onCheckedChange={(v) => setEditing({ ...editing, active: v })} />
        </EditorCard>
      )}
    </div>
  );
}
