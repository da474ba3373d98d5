import { OFFICIAL_POSITION_LABELS, OFFICIAL_POSITIONS, type Official } from '../../../shared/api/schemas';
import { call } from '../api';
import { CheckboxField, SelectField } from '../components/fields';
import { emptyOfficial, OfficialFields, RankList, toOfficialInput, type OfficialDraft } from '../components/OfficialFields';
import { AddButton, EditableTable, EditorCard, ListCard, OrDash, statusColumn, useEditor, useList } from './common';

export function OfficialsSettings() {
  const list = useList(() => call('officials.list', {}));
  const editor = useEditor<OfficialDraft>(async (draft) => {
    const saved = await call('officials.save', toOfficialInput(draft));
    return `Data ${saved.name} tersimpan.`;
  }, list.reload);
  const { editing, setEditing, notice, action, formRef, submit } = editor;

  function edit(o: Official | null) {
    editor.open(o ? { ...o } : emptyOfficial('kabid'));
  }

  return (
    <div className="list-editor">
      <ListCard
        title="Pejabat"
        description="Pejabat yang namanya tercetak pada lembar disposisi dan dokumen."
        action={<AddButton label="+ Tambah pejabat" onClick={() => edit(null)} />}
        notice={notice}
        list={list}
      >
        {(items) => (
          <EditableTable
            items={items}
            rowKey={(o) => o.id}
            columns={[
              {
                header: 'Jabatan',
                cell: (o) => (
                  <>
                    {o.acting && 'Plt. '}
                    {o.title}
                    {o.unit && <span className="cell-sub">Bidang {o.unit}</span>}
                  </>
                ),
              },
              {
                header: 'Nama',
                cell: (o) => (
                  <>
                    {o.name}
                    {o.rank && <span className="cell-sub">{o.rank}</span>}
                  </>
                ),
              },
              { header: 'NIP', className: 'nowrap', cell: (o) => <OrDash value={o.nip} /> },
              statusColumn(),
            ]}
            onEdit={edit}
            editLabel={(o) => `Ubah ${o.name}`}
          />
        )}
      </ListCard>
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
