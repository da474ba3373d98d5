/**
 * The SOP editor: a copy of a template (or a new version of the office's own copy) as a form.
 * Roles, steps (add, remove, reorder; kind, number, activity, actor, kelengkapan one per line,
 * time standard as the SOP writes it — "5 menit", "12–24 jam", "2 hari kerja" — read with
 * `parseStandard`, output, next step or branches, pause point, disposition target).
 *
 * Every keystroke re-checks the whole template with `validateTemplate` (the same check the server
 * makes); the problems name their step and block saving. Step ids are kept (a running request
 * refers to them); new steps get new ids.
 */
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { ROLES, ROLE_LABELS, type Role } from '../../../shared/api/roles';
import type { ActionStep, SopRole, SopStep, SopTemplate } from '../../../shared/domain/sop/model';
import { stepLabel, validateTemplate, type TemplateProblem } from '../../../shared/domain/sop/validate';
import { describeStandard, parseStandard, type TimeStandard } from '../../../shared/domain/timing';
import { call } from '../api';
import { Alert, CheckboxField, SelectField, TextAreaField, TextField, cls } from '../components/fields';
import { useAction } from '../lib/useAction';

type Kind = SopStep['kind'];

const KIND_LABELS: Record<Kind, string> = {
  task: 'Kegiatan',
  disposition: 'Disposisi',
  decision: 'Keputusan',
  end: 'Akhir',
};

interface RoleDraft {
  uid: number;
  key: string;
  label: string;
  systemRole: Role;
  external: boolean;
}

interface BranchDraft {
  uid: number;
  key: string;
  label: string;
  next: string;
  returnsToOpd: boolean;
}

interface StepDraft {
  uid: number;
  id: string;
  kind: Kind;
  number: string;
  title: string;
  actor: string;
  inputs: string;
  standard: string;
  output: string;
  next: string;
  to: string;
  question: string;
  branches: BranchDraft[];
  pause: boolean;
  pauseReason: string;
  outcome: 'selesai' | 'dikembalikan';
  records: ActionStep['records'];
}

interface Draft {
  key: string;
  name: string;
  source: string;
  subject: SopTemplate['subject'];
  serviceStandard: string;
  start: string;
  notes: string;
  roles: RoleDraft[];
  steps: StepDraft[];
}

let uidCounter = 0;
const uid = () => ++uidCounter;

function standardText(s: TimeStandard): string {
  return s.kind === 'none' ? '–' : describeStandard(s);
}

function toDraft(t: SopTemplate, mode: 'copy' | 'edit'): Draft {
  return {
    key: mode === 'edit' ? t.key : '',
    name: t.name,
    source: t.source,
    subject: t.subject,
    serviceStandard: standardText(t.serviceStandard),
    start: t.start,
    notes: t.notes.join('\n'),
    roles: t.roles.map((r) => ({ uid: uid(), key: r.key, label: r.label, systemRole: r.systemRole, external: r.external === true })),
    steps: t.steps.map((s): StepDraft => {
      const base: StepDraft = {
        uid: uid(),
        id: s.id,
        kind: s.kind,
        number: '',
        title: s.title,
        actor: '',
        inputs: '',
        standard: '–',
        output: '',
        next: '',
        to: '',
        question: '',
        branches: [],
        pause: false,
        pauseReason: '',
        outcome: 'selesai',
        records: undefined,
      };
      if (s.kind === 'end') return { ...base, outcome: s.outcome };
      const action: StepDraft = {
        ...base,
        number: s.number,
        actor: s.actor,
        inputs: s.inputs.join('\n'),
        standard: standardText(s.standard),
        output: s.output,
        pause: s.pause !== undefined,
        pauseReason: s.pause?.reason ?? '',
        records: s.records,
      };
      if (s.kind === 'task') return { ...action, next: s.next };
      if (s.kind === 'disposition') return { ...action, next: s.next, to: s.to };
      return {
        ...action,
        question: s.question,
        branches: s.branches.map((b) => ({ uid: uid(), key: b.key, label: b.label, next: b.next, returnsToOpd: b.returnsToOpd === true })),
      };
    }),
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** The draft as a template, and the problems only the form can see (unreadable time standards). */
function fromDraft(d: Draft): { template: SopTemplate; formProblems: TemplateProblem[] } {
  const formProblems: TemplateProblem[] = [];
  const readStandard = (text: string, onProblem: (message: string) => void): TimeStandard => {
    const parsed = parseStandard(text);
    if (parsed) return parsed;
    onProblem(text.trim() === '' ? 'waktu belum diisi (tulis – bila SOP tidak memberinya).' : `waktu “${text.trim()}” tidak terbaca.`);
    return { kind: 'none' };
  };
  const steps = d.steps.map((s): SopStep => {
    if (s.kind === 'end') return { id: s.id, kind: 'end', title: s.title, outcome: s.outcome };
    const base = {
      id: s.id,
      number: s.number,
      title: s.title,
      actor: s.actor,
      inputs: lines(s.inputs),
      standard: { kind: 'none' } as TimeStandard,
      output: s.output,
      ...(s.pause ? { pause: { reason: s.pauseReason } } : {}),
      ...(s.records ? { records: s.records } : {}),
    };
    let step: ActionStep;
    if (s.kind === 'task') step = { ...base, kind: 'task', next: s.next };
    else if (s.kind === 'disposition') step = { ...base, kind: 'disposition', to: s.to, next: s.next };
    else
      step = {
        ...base,
        kind: 'decision',
        question: s.question,
        branches: s.branches.map((b) => ({ key: b.key, label: b.label, next: b.next, ...(b.returnsToOpd ? { returnsToOpd: true } : {}) })),
      };
    step.standard = readStandard(s.standard, (message) => formProblems.push({ stepId: s.id, message: `${stepLabel(step)}: ${message}` }));
    return step;
  });
  const serviceStandard = readStandard(d.serviceStandard, (message) => formProblems.push({ stepId: null, message: `Waktu penyelesaian layanan: ${message}` }));
  const roles: SopRole[] = d.roles.map((r) => ({ key: r.key, label: r.label, systemRole: r.systemRole, ...(r.external ? { external: true } : {}) }));
  return {
    template: { key: d.key.trim(), name: d.name, source: d.source, subject: d.subject, serviceStandard, roles, start: d.start, steps, notes: lines(d.notes) },
    formProblems,
  };
}

const KEY_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

function newStepId(steps: StepDraft[]): string {
  const taken = new Set(steps.map((s) => s.id));
  for (let n = steps.length + 1; ; n += 1) {
    const id = `k${n}`;
    if (!taken.has(id)) return id;
  }
}

interface Props {
  initial: SopTemplate;
  mode: 'copy' | 'edit';
  takenKeys: Array<{ key: string; builtin: boolean }>;
  onCancel: () => void;
  onSaved: (row: { id: number; key: string; name: string; version: number }) => void;
}

export function SopEditor({ initial, mode, takenKeys, onCancel, onSaved }: Props) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial, mode));
  const [tried, setTried] = useState(false);
  const action = useAction();
  const problemsRef = useRef<HTMLElement>(null);

  const { template, formProblems } = useMemo(() => fromDraft(draft), [draft]);
  const keyProblems = useMemo((): TemplateProblem[] => {
    const key = draft.key.trim();
    if (mode === 'edit') return [];
    if (key === '') return [{ stepId: null, message: `Kunci salinan wajib diisi, mis. ${initial.key}-kantor.` }];
    if (!KEY_PATTERN.test(key) || key.length > 80) return [{ stepId: null, message: 'Kunci hanya huruf kecil, angka dan tanda hubung (paling panjang 80), mis. pekalongan-hosting-kantor.' }];
    const taken = takenKeys.find((t) => t.key === key);
    if (taken?.builtin) return [{ stepId: null, message: `Kunci “${key}” milik SOP bawaan; pakai kunci baru, mis. ${key}-kantor.` }];
    if (taken) return [{ stepId: null, message: `Kunci “${key}” sudah dipakai salinan lain. Pilih kunci baru, atau ubah salinan itu dari daftar.` }];
    return [];
  }, [draft.key, mode, takenKeys, initial.key]);
  const problems = useMemo(() => {
    const fromValidator = validateTemplate(template).filter((p) => !(p.stepId === null && p.message.startsWith('Kunci templat') && keyProblems.length > 0));
    return [...keyProblems, ...formProblems, ...fromValidator];
  }, [template, formProblems, keyProblems]);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setStep = (u: number, patch: Partial<StepDraft>) => setDraft((d) => ({ ...d, steps: d.steps.map((s) => (s.uid === u ? { ...s, ...patch } : s)) }));
  const setRole = (u: number, patch: Partial<RoleDraft>) => setDraft((d) => ({ ...d, roles: d.roles.map((r) => (r.uid === u ? { ...r, ...patch } : r)) }));

  function moveStep(u: number, by: -1 | 1) {
    setDraft((d) => {
      const i = d.steps.findIndex((s) => s.uid === u);
      const j = i + by;
      if (i < 0 || j < 0 || j >= d.steps.length) return d;
      const steps = [...d.steps];
      const [moved] = steps.splice(i, 1);
      if (moved) steps.splice(j, 0, moved);
      return { ...d, steps };
    });
    requestAnimationFrame(() => document.getElementById(`step-${u}-${by < 0 ? 'up' : 'down'}`)?.focus());
  }

  function addStep(kind: Kind = 'task') {
    const u = uid();
    setDraft((d) => {
      const id = newStepId(d.steps);
      const lastAction = [...d.steps].reverse().find((s) => s.kind !== 'end');
      const step: StepDraft = {
        uid: u,
        id,
        kind,
        number: lastAction && /^\d+$/.test(lastAction.number) ? String(Number(lastAction.number) + 1) : '',
        title: '',
        actor: d.roles[0]?.key ?? '',
        inputs: '',
        standard: '–',
        output: '',
        next: '',
        to: '',
        question: '',
        branches: [],
        pause: false,
        pauseReason: '',
        outcome: 'selesai',
        records: undefined,
      };
      // Before the end steps, so the list still reads in order.
      const firstEnd = d.steps.findIndex((s) => s.kind === 'end');
      const steps = [...d.steps];
      steps.splice(firstEnd < 0 ? steps.length : firstEnd, 0, step);
      return { ...d, steps };
    });
    requestAnimationFrame(() => document.getElementById(`step-${u}-number`)?.focus());
  }

  function removeStep(u: number) {
    setDraft((d) => ({ ...d, steps: d.steps.filter((s) => s.uid !== u) }));
  }

  function changeKind(s: StepDraft, kind: Kind) {
    const patch: Partial<StepDraft> = { kind };
    if (kind === 'decision' && s.branches.length === 0) {
      patch.branches = [
        { uid: uid(), key: 'ya', label: 'Ya', next: s.next, returnsToOpd: false },
        { uid: uid(), key: 'tidak', label: 'Tidak', next: '', returnsToOpd: false },
      ];
      if (s.question === '') patch.question = s.title;
    }
    setStep(s.uid, patch);
  }

  function focusProblem(p: TemplateProblem) {
    const step = p.stepId ? draft.steps.find((s) => s.id === p.stepId) : undefined;
    const target = step ? document.getElementById(`step-${step.uid}-${step.kind === 'end' ? 'title' : 'number'}`) : document.getElementById('sop-key');
    target?.scrollIntoView({ block: 'center' });
    target?.focus();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (action.busy) return;
    setTried(true);
    if (problems.length > 0) {
      action.clear();
      problemsRef.current?.focus();
      return;
    }
    const result = await action.run(() => call('sop.save', { template }));
    if (result.ok) onSaved(result.value);
  }

  const stepOptions = (self: StepDraft) =>
    draft.steps
      .filter((s) => s.uid !== self.uid)
      .map((s) => ({ value: s.id, label: s.kind === 'end' ? `Akhir: ${s.title || s.id}` : `${s.number || '?'}. ${short(s.title) || s.id}` }));
  const roleOptions = draft.roles.map((r) => ({ value: r.key, label: r.label || r.key }));
  const problemSteps = new Set(problems.map((p) => p.stepId).filter((id): id is string => id !== null));

  return (
    <form
      className="card editor-card sop-editor"
      onSubmit={submit}
      noValidate
      aria-labelledby="sop-edit-title"
      onKeyDown={(e) => {
        if (e.key === 's' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          e.currentTarget.requestSubmit();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <div className="list-head">
        <div>
          <p className="eyebrow">{mode === 'copy' ? `Salinan dari ${initial.key}` : `Versi baru dari ${initial.key}`}</p>
          <h2 id="sop-edit-title">{mode === 'copy' ? 'Salin dan ubah SOP' : 'Ubah SOP'}</h2>
          <p className="muted small">
            Disimpan sebagai versi baru; permohonan yang sudah berjalan tetap memakai versi lamanya. <kbd>Ctrl</kbd>+<kbd>S</kbd> menyimpan, <kbd>Esc</kbd> membatalkan.
          </p>
        </div>
      </div>

      <section
        ref={problemsRef}
        tabIndex={-1}
        className={cls('sop-problems', problems.length === 0 ? 'sop-problems--ok' : 'sop-problems--bad')}
        aria-label="Pemeriksaan SOP"
      >
        {problems.length === 0 ? (
          <p>
            <strong>Pemeriksaan: SOP ini sah.</strong> Semua langkah dapat dicapai, setiap keputusan punya cabangnya, dan setiap jalan berakhir.
          </p>
        ) : (
          <>
            <p>
              <strong>Belum dapat disimpan: {problems.length} masalah.</strong> Pilih sebuah masalah untuk menuju langkahnya.
            </p>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>
                  <button type="button" className="btn btn--link" onClick={() => focusProblem(p)}>
                    {p.message}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {tried && problems.length > 0 && <Alert kind="error">SOP belum dapat disimpan: ada {problems.length} masalah. Perbaiki dulu yang tercantum.</Alert>}
      {action.error && <Alert kind="error">{action.error}</Alert>}

      <fieldset className="group">
        <legend>Templat</legend>
        <div className="form-grid">
          <TextField
            id="sop-key"
            label="Kunci (kode) SOP"
            value={draft.key}
            onValueChange={(v) => set({ key: v.toLowerCase() })}
            required
            readOnly={mode === 'edit'}
            placeholder={`${initial.key}-kantor`}
            hint={mode === 'edit' ? 'Kunci salinan tetap; simpanan menjadi versi berikutnya.' : 'Huruf kecil, angka dan tanda hubung. Tidak boleh sama dengan SOP bawaan.'}
            error={keyProblems[0]?.message}
            spellCheck={false}
            autoFocus={mode === 'copy'}
            maxLength={80}
          />
          <TextField id="sop-name" label="Nama SOP" value={draft.name} onValueChange={(v) => set({ name: v })} required maxLength={200} autoFocus={mode === 'edit'} />
          <TextAreaField id="sop-source" className="span-2" label="Sumber (kantor, nomor, tanggal efektif)" rows={2} value={draft.source} onValueChange={(v) => set({ source: v })} />
          <StandardField id="sop-service-standard" label="Waktu penyelesaian layanan" value={draft.serviceStandard} onChange={(v) => set({ serviceStandard: v })} />
          <SelectField
            id="sop-start"
            label="Langkah awal"
            value={draft.start}
            onValueChange={(v) => set({ start: v })}
            placeholder="— pilih —"
            options={draft.steps.filter((s) => s.kind !== 'end').map((s) => ({ value: s.id, label: `${s.number || '?'}. ${short(s.title) || s.id}` }))}
          />
        </div>
      </fieldset>

      <fieldset className="group">
        <legend>Pelaksana (peran)</legend>
        <table className="table table--form sop-roles">
          <thead>
            <tr>
              <th scope="col">Kunci</th>
              <th scope="col">Nama pada SOP</th>
              <th scope="col">Peran di Loket</th>
              <th scope="col">Pihak luar</th>
              <th scope="col">
                <span className="sr-only">Tindakan</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.roles.map((r, i) => (
              <tr key={r.uid}>
                <td>
                  <input type="text" aria-label={`Kunci peran ${i + 1}`} value={r.key} spellCheck={false} onChange={(e) => setRole(r.uid, { key: e.target.value })} />
                </td>
                <td>
                  <input type="text" aria-label={`Nama peran ${i + 1}`} value={r.label} onChange={(e) => setRole(r.uid, { label: e.target.value })} />
                </td>
                <td>
                  <select aria-label={`Peran Loket untuk ${r.label || `peran ${i + 1}`}`} value={r.systemRole} onChange={(e) => setRole(r.uid, { systemRole: e.target.value as Role })}>
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_LABELS[role]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input type="checkbox" aria-label={`${r.label || `Peran ${i + 1}`} pihak luar (dicatat front desk)`} checked={r.external} onChange={(e) => setRole(r.uid, { external: e.target.checked })} />
                </td>
                <td className="num">
                  <button type="button" className="btn btn--small btn--ghost" aria-label={`Hapus peran ${r.label || i + 1}`} onClick={() => set({ roles: draft.roles.filter((x) => x.uid !== r.uid) })}>
                    Hapus
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          className="btn btn--secondary btn--small"
          onClick={() => set({ roles: [...draft.roles, { uid: uid(), key: '', label: '', systemRole: 'technical', external: false }] })}
        >
          + Tambah peran
        </button>
      </fieldset>

      <fieldset className="group sop-steps-edit">
        <legend>Langkah ({draft.steps.length})</legend>
        <ol className="step-edit-list">
          {draft.steps.map((s, i) => (
            <li key={s.uid} className={cls('step-edit', s.kind === 'end' && 'step-edit--end', problemSteps.has(s.id) && 'has-problem')}>
              <div className="step-edit-head">
                <span className="step-edit-title">
                  {s.kind === 'end' ? 'Akhir' : `Langkah ${s.number || '?'}`} <span className="muted small">· {KIND_LABELS[s.kind]} · ID {s.id}</span>
                </span>
                <span className="step-edit-tools">
                  <button id={`step-${s.uid}-up`} type="button" className="btn btn--small btn--ghost" disabled={i === 0} aria-label={`Naikkan ${describe(s)}`} onClick={() => moveStep(s.uid, -1)}>
                    ↑
                  </button>
                  <button
                    id={`step-${s.uid}-down`}
                    type="button"
                    className="btn btn--small btn--ghost"
                    disabled={i === draft.steps.length - 1}
                    aria-label={`Turunkan ${describe(s)}`}
                    onClick={() => moveStep(s.uid, 1)}
                  >
                    ↓
                  </button>
                  <button type="button" className="btn btn--small btn--ghost" aria-label={`Hapus ${describe(s)}`} onClick={() => removeStep(s.uid)}>
                    Hapus
                  </button>
                </span>
              </div>
              {s.kind === 'end' ? (
                <div className="step-grid step-grid--end">
                  <SelectField
                    id={`step-${s.uid}-kind`}
                    label="Jenis"
                    value={s.kind}
                    onValueChange={(v) => changeKind(s, v as Kind)}
                    options={(Object.keys(KIND_LABELS) as Kind[]).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
                  />
                  <TextField id={`step-${s.uid}-title`} label="Judul akhir" value={s.title} onValueChange={(v) => setStep(s.uid, { title: v })} />
                  <SelectField
                    id={`step-${s.uid}-outcome`}
                    label="Hasil"
                    value={s.outcome}
                    onValueChange={(v) => setStep(s.uid, { outcome: v === 'dikembalikan' ? 'dikembalikan' : 'selesai' })}
                    options={[
                      { value: 'selesai', label: 'Selesai' },
                      { value: 'dikembalikan', label: 'Dikembalikan ke OPD' },
                    ]}
                  />
                </div>
              ) : (
                <>
                  <div className="step-grid">
                    <TextField id={`step-${s.uid}-number`} label="No." value={s.number} onValueChange={(v) => setStep(s.uid, { number: v })} className="step-f-number" />
                    <SelectField
                      id={`step-${s.uid}-kind`}
                      label="Jenis"
                      value={s.kind}
                      onValueChange={(v) => changeKind(s, v as Kind)}
                      options={(Object.keys(KIND_LABELS) as Kind[]).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
                      className="step-f-kind"
                    />
                    <TextAreaField id={`step-${s.uid}-title`} label="Kegiatan" rows={2} value={s.title} onValueChange={(v) => setStep(s.uid, { title: v })} className="step-f-title" />
                    <SelectField
                      id={`step-${s.uid}-actor`}
                      label="Pelaksana"
                      value={s.actor}
                      onValueChange={(v) => setStep(s.uid, { actor: v })}
                      placeholder="— pilih —"
                      options={roleOptions}
                      className="step-f-actor"
                    />
                    <TextAreaField
                      id={`step-${s.uid}-inputs`}
                      label="Kelengkapan (satu per baris)"
                      rows={2}
                      value={s.inputs}
                      onValueChange={(v) => setStep(s.uid, { inputs: v })}
                      className="step-f-inputs"
                    />
                    <TextField id={`step-${s.uid}-output`} label="Output" value={s.output} onValueChange={(v) => setStep(s.uid, { output: v })} className="step-f-output" />
                    <StandardField id={`step-${s.uid}-standard`} label="Waktu" value={s.standard} onChange={(v) => setStep(s.uid, { standard: v })} className="step-f-standard" />
                  </div>
                  <div className="step-grid step-grid--flow">
                    {s.kind === 'disposition' && (
                      <SelectField
                        id={`step-${s.uid}-to`}
                        label="Disposisi kepada"
                        value={s.to}
                        onValueChange={(v) => setStep(s.uid, { to: v })}
                        placeholder="— pilih —"
                        options={roleOptions}
                      />
                    )}
                    {s.kind !== 'decision' && (
                      <SelectField
                        id={`step-${s.uid}-next`}
                        label="Langkah berikutnya"
                        value={s.next}
                        onValueChange={(v) => setStep(s.uid, { next: v })}
                        placeholder="— pilih —"
                        options={stepOptions(s)}
                      />
                    )}
                    {s.kind === 'decision' && (
                      <div className="branches">
                        <TextField id={`step-${s.uid}-question`} label="Pertanyaan keputusan" value={s.question} onValueChange={(v) => setStep(s.uid, { question: v })} />
                        <table className="table table--form">
                          <thead>
                            <tr>
                              <th scope="col">Kunci</th>
                              <th scope="col">Label</th>
                              <th scope="col">Menuju</th>
                              <th scope="col">Kembali ke OPD</th>
                              <th scope="col">
                                <span className="sr-only">Tindakan</span>
                              </th>
                            </tr>
                          </thead>
                          <tbody>
                            {s.branches.map((b, bi) => {
                              const setBranch = (patch: Partial<BranchDraft>) =>
                                setStep(s.uid, { branches: s.branches.map((x) => (x.uid === b.uid ? { ...x, ...patch } : x)) });
                              return (
                                <tr key={b.uid}>
                                  <td>
                                    <input type="text" aria-label={`Kunci cabang ${bi + 1} ${describe(s)}`} value={b.key} spellCheck={false} onChange={(e) => setBranch({ key: e.target.value })} />
                                  </td>
                                  <td>
                                    <input type="text" aria-label={`Label cabang ${bi + 1} ${describe(s)}`} value={b.label} onChange={(e) => setBranch({ label: e.target.value })} />
                                  </td>
                                  <td>
                                    <select aria-label={`Tujuan cabang ${b.label || bi + 1} ${describe(s)}`} value={b.next} onChange={(e) => setBranch({ next: e.target.value })}>
                                      <option value="">— pilih —</option>
                                      {stepOptions(s).map((o) => (
                                        <option key={o.value} value={o.value}>
                                          {o.label}
                                        </option>
                                      ))}
                                    </select>
                                  </td>
                                  <td>
                                    <input type="checkbox" aria-label={`Cabang ${b.label || bi + 1} mengembalikan ke OPD`} checked={b.returnsToOpd} onChange={(e) => setBranch({ returnsToOpd: e.target.checked })} />
                                  </td>
                                  <td className="num">
                                    <button
                                      type="button"
                                      className="btn btn--small btn--ghost"
                                      aria-label={`Hapus cabang ${b.label || bi + 1}`}
                                      onClick={() => setStep(s.uid, { branches: s.branches.filter((x) => x.uid !== b.uid) })}
                                    >
                                      Hapus
                                    </button>
                                  </td>
                                </tr>
                              );
                            })}
                          </tbody>
                        </table>
                        <button
                          type="button"
                          className="btn btn--secondary btn--small"
                          onClick={() => setStep(s.uid, { branches: [...s.branches, { uid: uid(), key: '', label: '', next: '', returnsToOpd: false }] })}
                        >
                          + Tambah cabang
                        </button>
                      </div>
                    )}
                    <div className="step-pause">
                      <CheckboxField
                        id={`step-${s.uid}-pause`}
                        label="Dapat dijeda (menunggu OPD)"
                        checked={s.pause}
                        onCheckedChange={(v) => setStep(s.uid, { pause: v, pauseReason: v && s.pauseReason === '' ? 'Menunggu kelengkapan dari OPD pemohon' : s.pauseReason })}
                      />
                      {s.pause && <TextField id={`step-${s.uid}-pauseReason`} label="Alasan jeda" value={s.pauseReason} onValueChange={(v) => setStep(s.uid, { pauseReason: v })} />}
                    </div>
                  </div>
                </>
              )}
            </li>
          ))}
        </ol>
        <div className="actions actions--start">
          <button type="button" className="btn btn--secondary" onClick={() => addStep('task')}>
            + Tambah langkah
          </button>
          <button type="button" className="btn btn--ghost" onClick={() => addStep('end')}>
            + Tambah langkah akhir
          </button>
        </div>
      </fieldset>

      <TextAreaField
        id="sop-notes"
        label="Catatan (satu per baris): peringatan, pencatatan dan pendataan, tafsiran"
        rows={5}
        value={draft.notes}
        onValueChange={(v) => set({ notes: v })}
      />

      <div className="actions">
        <span className="muted small">{problems.length === 0 ? 'Siap disimpan.' : `${problems.length} masalah harus diperbaiki dulu.`}</span>
        <span className="spacer" />
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          Batal
        </button>
        <button type="submit" className="btn btn--primary" disabled={action.busy}>
          {action.busy ? 'Menyimpan…' : 'Simpan sebagai versi baru'}
        </button>
      </div>
    </form>
  );
}

function short(title: string): string {
  const t = title.trim().replace(/\s+/g, ' ');
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

function describe(s: StepDraft): string {
  return s.kind === 'end' ? `langkah akhir ${s.title}` : `langkah ${s.number || s.id}`;
}

/** A time standard typed as the SOP writes it, with Loket's reading (or why it cannot read it). */
function StandardField({ id, label, value, onChange, className }: { id: string; label: string; value: string; onChange: (v: string) => void; className?: string }) {
  const parsed = parseStandard(value);
  const reading = parsed === null ? null : parsed.kind === 'none' ? 'tanpa baku waktu' : describeStandard(parsed);
  return (
    <TextField
      id={id}
      label={label}
      value={value}
      onValueChange={onChange}
      className={className}
      placeholder="mis. 5 menit"
      spellCheck={false}
      error={parsed === null ? 'Tidak terbaca. Tulis mis. 5 menit, 2 jam, 12–24 jam, 2 hari kerja, atau – bila tanpa baku waktu.' : undefined}
      hint={reading ? `Dibaca: ${reading}` : undefined}
    />
  );
}
