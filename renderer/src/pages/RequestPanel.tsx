/**
 * The request (permohonan) of a letter, or a complaint (pengaduan), as it runs through its SOP: the SOP and its whole-service
 * timing, what this user may do on the current step (from `actions`), the timeline of step visits
 * with their working time against the standard, the steps ahead, the dispositions with read
 * receipts, and the audit log in sentences.
 *
 * Every action sends the revision the user saw; when someone else changed the request meanwhile
 * (CONFLICT) the message stays on screen and the view is read again.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { CallInput } from '../../../shared/api/contract';
import type { RequestViewDto } from '../../../shared/api/engine-schemas';
import type { Instruction } from '../../../shared/api/schemas';
import { asApiError, call } from '../api';
import { Alert, CheckboxField, TextAreaField, TextField, cls } from '../components/fields';
import { RequestStateBadge, TimingBadge } from '../components/timing';
import { describeAudit, type AuditEntry } from '../lib/auditText';
import { formatDeadline, formatMoment, formatWorkingMinutes } from '../lib/format';
import { useAction, type ActionState } from '../lib/useAction';
import { useSession } from '../session';

type Visit = RequestViewDto['visits'][number];
type ActInput = Omit<CallInput<'requests.act'>, 'requestId' | 'stepId' | 'revision'>;

/** What the request runs for: its audit log is read from audit.forLetter or audit.forComplaint. */
export type RequestOwner = { kind: 'letter'; id: number } | { kind: 'complaint'; id: number };

function readAudit(owner: RequestOwner): Promise<AuditEntry[]> {
  return owner.kind === 'letter' ? call('audit.forLetter', { letterId: owner.id }) : call('audit.forComplaint', { complaintId: owner.id });
}

/** "Permohonan" or "Pengaduan": the word the panel uses for what runs. */
function nounOf(view: RequestViewDto): string {
  return view.complaintId !== null ? 'Pengaduan' : 'Permohonan';
}

interface Props {
  owner: RequestOwner;
  view: RequestViewDto;
  onView: (view: RequestViewDto) => void;
  /** Read the request again (after a conflict). */
  onReload: () => Promise<void>;
  /** Show a document in the Dokumen panel (the surat pemberitahuan after a return); a complaint has none. */
  onShowDocument?: (kind: 'return_notice') => void;
}

export function RequestPanel({ owner, view, onView, onReload, onShowDocument }: Props) {
  const { office } = useSession();
  const tz = office.timeZone;
  const [audit, setAudit] = useState<AuditEntry[] | null>(null);
  const [auditError, setAuditError] = useState<string | null>(null);
  // Kept here, not in the action area, so a message survives the view being read again.
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    readAudit(owner)
      .then((list) => {
        if (!live) return;
        setAudit(list);
        setAuditError(null);
      })
      .catch((e: unknown) => live && setAuditError(asApiError(e).message));
    return () => {
      live = false;
    };
  }, [owner.kind, owner.id, view.revision, view.dispositions.length]);

  const st = view.serviceTiming;
  return (
    <section className="card request-panel" aria-labelledby="request-title">
      <div className="request-head">
        <div>
          <p className="eyebrow">{nounOf(view)} · SOP</p>
          <h2 id="request-title">
            {view.template.name} <span className="muted request-version">versi {view.template.version}</span>
          </h2>
          <p className="muted small request-source">{view.template.source}</p>
        </div>
        <RequestStateBadge state={view.state} />
      </div>
      <dl className="service-timing">
        <div>
          <dt>Waktu layanan</dt>
          <dd>{view.serviceStandard === '–' ? 'Tidak ditetapkan SOP' : view.serviceStandard}</dd>
        </div>
        <div>
          <dt>Waktu kerja terpakai</dt>
          <dd>{formatWorkingMinutes(st.elapsedMinutes)}</dd>
        </div>
        <div>
          <dt>{view.closedAt ? 'Ditutup' : 'Tenggat layanan'}</dt>
          <dd>{view.closedAt ? formatDeadline(view.closedAt, tz) : st.dueAt ? formatDeadline(st.dueAt, tz) : '–'}</dd>
        </div>
        {view.serviceStandard !== '–' && (
          <div>
            <dt>Status waktu</dt>
            <dd>
              <TimingBadge timing={st} />
            </dd>
          </div>
        )}
      </dl>
      <div className="request-grid">
        <div className="request-main">
          <ActionArea view={view} audit={audit} action={action} done={done} setDone={setDone} onView={onView} onReload={onReload} onShowDocument={onShowDocument} />
          <Timeline view={view} />
        </div>
        <div className="request-side">
          <Dispositions view={view} onView={onView} onReload={onReload} />
          <details className="audit">
            <summary>
              Riwayat (log audit){audit ? ` · ${audit.length} catatan` : ''}
            </summary>
            {auditError && <Alert kind="error">{auditError}</Alert>}
            {audit === null && !auditError && <p role="status">Memuat riwayat…</p>}
            {audit && (
              <ol className="audit-list">
                {audit.map((a) => (
                  <li key={a.id}>
                    <span className="audit-time">{formatMoment(a.at, tz)}</span>
                    <span>{describeAudit(a, view)}</span>
                  </li>
                ))}
              </ol>
            )}
          </details>
        </div>
      </div>
    </section>
  );
}

/* ---------------------------------------------------------------------------------------------
 * The current step: what this user may do now
 * ------------------------------------------------------------------------------------------- */

function lastDecision(view: RequestViewDto): Visit | undefined {
  return [...view.visits].reverse().find((v) => v.kind === 'decision' && v.completedAt !== null);
}

function pauseNote(audit: AuditEntry[] | null): { note: string; at: string } | null {
  const entry = [...(audit ?? [])].reverse().find((a) => a.action === 'permohonan.dijeda');
  if (!entry) return null;
  const after = entry.after as { note?: unknown } | null;
  return { note: typeof after?.note === 'string' ? after.note : '', at: entry.at };
}

interface ActionAreaProps {
  view: RequestViewDto;
  audit: AuditEntry[] | null;
  action: ActionState;
  done: string | null;
  setDone: (message: string | null) => void;
  onView: (view: RequestViewDto) => void;
  onReload: () => Promise<void>;
  onShowDocument: ((kind: 'return_notice') => void) | undefined;
}

function ActionArea({ view, audit, action, done, setDone, onView, onReload, onShowDocument }: ActionAreaProps) {
  const { office } = useSession();
  const tz = office.timeZone;
  const a = view.actions;
  const step = view.currentStep;

  async function act(input: ActInput, success: string): Promise<boolean> {
    if (!step || action.busy) return false;
    setDone(null);
    const result = await action.run(() => call('requests.act', { requestId: view.id, stepId: step.id, revision: view.revision, ...input }));
    if (result.ok) {
      setDone(success);
      onView(result.value);
      return true;
    }
    if (result.error.code === 'CONFLICT') await onReload();
    return false;
  }

  if (view.state === 'selesai') {
    return (
      <div className="step-now step-now--closed">
        <Alert kind="success">
          <strong>{nounOf(view)} selesai</strong>
          {view.closedAt ? ` pada ${formatDeadline(view.closedAt, tz)}` : ''}. Semua langkah SOP sudah dikerjakan.
        </Alert>
      </div>
    );
  }
  if (view.state === 'dikembalikan') {
    const decision = lastDecision(view);
    return (
      <div className="step-now step-now--closed">
        <Alert kind="warning">
          <p>
            <strong>Permohonan dikembalikan ke OPD</strong>
            {view.closedAt ? ` pada ${formatDeadline(view.closedAt, tz)}` : ''}
            {decision?.completedBy ? `, diputuskan oleh ${decision.completedBy}` : ''}.
          </p>
          {decision?.note && <p>Alasan: “{decision.note}”</p>}
          <p className="small">OPD memperbaiki permohonannya dan mengirimkannya lagi sebagai surat baru.</p>
          {onShowDocument && (
            <button type="button" className="btn btn--primary btn--small" onClick={() => onShowDocument('return_notice')}>
              Surat pemberitahuan
            </button>
          )}
        </Alert>
      </div>
    );
  }
  if (!step) return null;

  const current = [...view.visits].reverse().find((v) => v.stepId === step.id && v.completedAt === null && !v.abandoned);
  const paused = view.state === 'dijeda';
  const pause = paused ? pauseNote(audit) : null;
  const canDoSomething = a.complete || a.decide.length > 0 || a.dispose !== null || a.pause || a.resume;

  return (
    <section className={cls('step-now', canDoSomething && 'step-now--mine')} aria-labelledby="step-now-title">
      <p className="eyebrow">Langkah sekarang</p>
      <h3 id="step-now-title">
        <span className="step-no">{step.number}</span> {step.title}
      </h3>
      <p className="step-now-meta">
        <span>Pelaksana: {step.actorLabel}</span>
        {current && (
          <>
            <span>Baku waktu: {current.standard}</span>
            <span>Terpakai: {formatWorkingMinutes(current.timing.elapsedMinutes)}</span>
            {current.timing.dueAt && <span>Tenggat: {formatDeadline(current.timing.dueAt, tz)}</span>}
            <TimingBadge timing={current.timing} />
          </>
        )}
      </p>
      {paused && (
        <Alert kind="info">
          <strong>Dijeda (menunggu OPD)</strong>
          {pause ? ` sejak ${formatMoment(pause.at, tz)}` : ''}
          {pause?.note ? `: ${pause.note}` : ''}. Baku waktu berhenti selama dijeda.
        </Alert>
      )}
      {action.error && <Alert kind="error">{action.error}</Alert>}
      {done && !action.error && <Alert kind="success">{done}</Alert>}
      {!canDoSomething && a.blockedReason && (
        <p className="blocked" role="note">
          <strong>Anda tidak dapat mengerjakan langkah ini.</strong> {a.blockedReason}
        </p>
      )}
      {a.complete && <CompleteForm key={`complete-${step.id}`} busy={action.busy} error={action.fields.note} onSubmit={(note) => act({ action: 'complete', note }, `Langkah ${step.number} ditandai selesai.`)} />}
      {a.decide.length > 0 && (
        <DecideForm
          key={`decide-${step.id}`}
          branches={a.decide}
          busy={action.busy}
          error={action.fields.note ?? action.fields.branch}
          onDismiss={() => action.dismiss(['note', 'branch'])}
          onSubmit={(branch, note, label) => act({ action: 'decide', branch, note }, `Keputusan tersimpan: ${label}.`)}
        />
      )}
      {a.dispose && (
        <DisposeForm
          key={`dispose-${step.id}`}
          dispose={a.dispose}
          busy={action.busy}
          fields={action.fields}
          onSubmit={(recipients, instructions, note, names) =>
            act({ action: 'dispose', recipients, instructions, note }, `Disposisi terkirim kepada ${names.join(', ')}.`)
          }
        />
      )}
      {a.resume && <ResumeForm busy={action.busy} onSubmit={(note) => act({ action: 'resume', note }, 'Permohonan dilanjutkan; baku waktu berjalan lagi.')} />}
      {a.pause && (
        <PauseForm
          key={`pause-${step.id}`}
          defaultReason={step.pauseReason ?? ''}
          busy={action.busy}
          error={action.fields.note}
          onSubmit={(note) => act({ action: 'pause', note }, 'Permohonan dijeda; baku waktu berhenti sampai dilanjutkan.')}
        />
      )}
    </section>
  );
}

function CompleteForm({ busy, error, onSubmit }: { busy: boolean; error: string | undefined; onSubmit: (note: string) => Promise<boolean> }) {
  const [note, setNote] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await onSubmit(note)) setNote('');
  }
  return (
    <form className="step-form" onSubmit={submit} noValidate aria-label="Tandai langkah selesai">
      <TextAreaField
        id="step-note"
        label="Catatan (boleh kosong)"
        rows={2}
        value={note}
        onValueChange={setNote}
        error={error}
        maxLength={2000}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
      />
      <div className="actions actions--start">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Menyimpan…' : 'Tandai selesai'}
        </button>
        <span className="muted small">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> di kolom catatan
        </span>
      </div>
    </form>
  );
}

interface DecideProps {
  branches: RequestViewDto['actions']['decide'];
  busy: boolean;
  error: string | undefined;
  onDismiss: () => void;
  onSubmit: (branch: string, note: string, label: string) => Promise<boolean>;
}

function DecideForm({ branches, busy, error, onDismiss, onSubmit }: DecideProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const branch = branches.find((b) => b.key === chosen) ?? null;
  const returns = branch?.returnsToOpd ?? false;

  function choose(key: string) {
    setChosen(key);
    setLocalError(null);
    onDismiss();
    requestAnimationFrame(() => {
      noteRef.current?.focus();
      // The note and the button that saves the decision both in sight.
      formRef.current?.querySelector('.actions')?.scrollIntoView({ block: 'nearest' });
    });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!branch) {
      setLocalError('Pilih keputusan lebih dahulu.');
      return;
    }
    if (branch.returnsToOpd && note.trim() === '') {
      setLocalError('Tulis alasan pengembalian: isinya dicetak pada surat pemberitahuan kepada OPD.');
      noteRef.current?.focus();
      return;
    }
    setLocalError(null);
    await onSubmit(branch.key, note, branch.label);
  }

  return (
    <form ref={formRef} className="step-form decide-form" onSubmit={submit} noValidate aria-label="Keputusan">
      <fieldset className="field">
        <legend>Pilih keputusan</legend>
        <div className="decide-buttons">
          {branches.map((b) => (
            <button
              key={b.key}
              type="button"
              className={cls('btn', 'decide-choice', chosen === b.key ? 'is-chosen' : 'btn--secondary', b.returnsToOpd && 'decide-choice--return')}
              aria-pressed={chosen === b.key}
              onClick={() => choose(b.key)}
            >
              {b.label}
              {b.returnsToOpd && <span className="small">(kembalikan ke OPD)</span>}
            </button>
          ))}
        </div>
      </fieldset>
      {branch && (
        <>
          <TextAreaField
            ref={noteRef}
            id="decide-note"
            label={returns ? 'Alasan pengembalian (dicetak pada surat pemberitahuan)' : 'Catatan (boleh kosong)'}
            required={returns}
            rows={returns ? 4 : 2}
            value={note}
            onValueChange={(v) => {
              setNote(v);
              setLocalError(null);
              onDismiss();
            }}
            error={localError ?? error}
            hint={returns ? 'Tulis apa yang perlu diperbaiki OPD; kalimat ini tampil apa adanya pada surat pemberitahuan.' : undefined}
            maxLength={2000}
          />
          <div className="actions actions--start">
            <button type="submit" className={cls('btn', returns ? 'btn--danger' : 'btn--primary')} disabled={busy}>
              {busy ? 'Menyimpan…' : returns ? 'Simpan keputusan dan kembalikan ke OPD' : 'Simpan keputusan'}
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => setChosen(null)}>
              Batal
            </button>
          </div>
        </>
      )}
      {!branch && localError && <p className="field-error">{localError}</p>}
    </form>
  );
}

interface DisposeProps {
  dispose: NonNullable<RequestViewDto['actions']['dispose']>;
  busy: boolean;
  fields: Record<string, string>;
  onSubmit: (recipients: number[], instructions: string[], note: string, names: string[]) => Promise<boolean>;
}

function DisposeForm({ dispose, busy, fields, onSubmit }: DisposeProps) {
  const [recipients, setRecipients] = useState<number[]>(() => (dispose.candidates.length === 1 && dispose.candidates[0] ? [dispose.candidates[0].id] : []));
  const [instructions, setInstructions] = useState<string[]>([]);
  const [catalog, setCatalog] = useState<Instruction[] | null>(null);
  const [note, setNote] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  useEffect(() => {
    call('instructions.list', {})
      .then(setCatalog)
      .catch(() => setCatalog([]));
  }, []);

  const toggle = <T,>(list: T[], value: T, on: boolean): T[] => (on ? [...list, value] : list.filter((x) => x !== value));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (recipients.length === 0) {
      setLocalError(`Pilih paling sedikit satu penerima (${dispose.toLabel}).`);
      document.getElementById(`disp-to-${dispose.candidates[0]?.id ?? 0}`)?.focus();
      return;
    }
    setLocalError(null);
    const names = dispose.candidates.filter((c) => recipients.includes(c.id)).map((c) => c.fullName);
    if (await onSubmit(recipients, instructions, note, names)) setNote('');
  }

  const recipientsError = localError ?? fields.recipients;
  return (
    <form className="step-form dispose-form" onSubmit={submit} noValidate aria-label="Disposisi">
      <fieldset className={cls('field', recipientsError && 'field--invalid')} aria-describedby={recipientsError ? 'disp-to-error' : undefined}>
        <legend>Disposisikan kepada ({dispose.toLabel})</legend>
        {dispose.candidates.length === 0 ? (
          <Alert kind="warning">
            Belum ada pengguna aktif dengan peran {dispose.toLabel}. Administrator menambahkannya di Pengaturan → Pengguna.
          </Alert>
        ) : (
          <div className="check-list">
            {dispose.candidates.map((c) => (
              <CheckboxField
                key={c.id}
                id={`disp-to-${c.id}`}
                label={c.fullName}
                checked={recipients.includes(c.id)}
                onCheckedChange={(on) => {
                  setRecipients((r) => toggle(r, c.id, on));
                  setLocalError(null);
                }}
              />
            ))}
          </div>
        )}
        {recipientsError && (
          <p id="disp-to-error" className="field-error">
            {recipientsError}
          </p>
        )}
      </fieldset>
      <fieldset className="field">
        <legend>Dengan hormat harap</legend>
        {catalog === null ? (
          <p role="status" className="muted small">
            Memuat instruksi…
          </p>
        ) : (
          <div className="check-list check-list--columns">
            {catalog.map((i) => (
              <CheckboxField
                key={i.id}
                id={`disp-instr-${i.id}`}
                label={i.label}
                checked={instructions.includes(i.label)}
                onCheckedChange={(on) => setInstructions((list) => toggle(list, i.label, on))}
              />
            ))}
          </div>
        )}
        {fields.instructions && <p className="field-error">{fields.instructions}</p>}
      </fieldset>
      <TextAreaField id="disp-note" label="Catatan disposisi" rows={2} value={note} onValueChange={setNote} error={fields.note} maxLength={2000} />
      <div className="actions actions--start">
        <button type="submit" className="btn btn--primary" disabled={busy || dispose.candidates.length === 0}>
          {busy ? 'Mengirim…' : 'Kirim disposisi'}
        </button>
      </div>
    </form>
  );
}

function PauseForm({ defaultReason, busy, error, onSubmit }: { defaultReason: string; busy: boolean; error: string | undefined; onSubmit: (note: string) => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState(defaultReason);
  const [localError, setLocalError] = useState<string | null>(null);

  if (!open) {
    return (
      <div className="actions actions--start pause-open">
        <button type="button" className="btn btn--secondary" onClick={() => setOpen(true)}>
          Jeda (menunggu OPD)…
        </button>
        <span className="muted small">Baku waktu berhenti selama permohonan menunggu OPD.</span>
      </div>
    );
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (reason.trim() === '') {
      setLocalError('Tulis apa yang ditunggu dari OPD.');
      return;
    }
    if (await onSubmit(reason)) setOpen(false);
  }
  return (
    <form
      className="step-form pause-form"
      onSubmit={submit}
      noValidate
      aria-label="Jeda permohonan"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          setOpen(false);
        }
      }}
    >
      <TextField
        id="pause-reason"
        label="Alasan jeda (yang ditunggu dari OPD)"
        required
        value={reason}
        onValueChange={(v) => {
          setReason(v);
          setLocalError(null);
        }}
        error={localError ?? error}
        maxLength={2000}
        autoFocus
      />
      <div className="actions actions--start">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Menyimpan…' : 'Jeda sekarang'}
        </button>
        <button type="button" className="btn btn--ghost" onClick={() => setOpen(false)}>
          Batal
        </button>
      </div>
    </form>
  );
}

function ResumeForm({ busy, onSubmit }: { busy: boolean; onSubmit: (note: string) => Promise<boolean> }) {
  const [note, setNote] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    await onSubmit(note);
  }
  return (
    <form className="step-form" onSubmit={submit} noValidate aria-label="Lanjutkan permohonan">
      <TextField id="resume-note" label="Catatan (boleh kosong), mis. berkas yang sudah diterima" value={note} onValueChange={setNote} maxLength={2000} />
      <div className="actions actions--start">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Menyimpan…' : 'Lanjutkan'}
        </button>
      </div>
    </form>
  );
}

/* ---------------------------------------------------------------------------------------------
 * Timeline
 * ------------------------------------------------------------------------------------------- */

function Timeline({ view }: { view: RequestViewDto }) {
  const { office } = useSession();
  const tz = office.timeZone;
  return (
    <section className="timeline-wrap" aria-labelledby="timeline-title">
      <h3 id="timeline-title">Linimasa</h3>
      <ol className="timeline">
        {view.visits.map((v, i) => {
          const running = v.completedAt === null && !v.abandoned;
          return (
            <li key={`${v.stepId}-${i}`} className={cls('tl-item', running && 'is-current', v.abandoned && 'is-abandoned', v.kind === 'decision' && 'is-decision')}>
              <span className="tl-no" aria-label={`Langkah ${v.number}`}>
                {v.number}
              </span>
              <div className="tl-body">
                <p className="tl-title">
                  {v.title}
                  {v.abandoned && <span className="tag tag--withdrawn">ditarik</span>}
                </p>
                <p className="tl-meta">
                  <span>{v.actorLabel}</span>
                  <span>baku {v.standard}</span>
                  <span>terpakai {formatWorkingMinutes(v.timing.elapsedMinutes)}</span>
                  {!v.abandoned && <TimingBadge timing={v.timing} />}
                </p>
                <p className="tl-times">
                  Mulai {formatMoment(v.startedAt, tz)}
                  {v.completedAt ? (
                    <>
                      {' · '}selesai {formatMoment(v.completedAt, tz)}
                      {v.completedBy ? ` oleh ${v.completedBy}` : ''}
                    </>
                  ) : v.abandoned ? (
                    ' · disposisi sebelumnya ditarik kembali'
                  ) : (
                    <>
                      {' · '}
                      {v.timing.dueAt ? `tenggat ${formatDeadline(v.timing.dueAt, tz)}` : 'sedang berjalan'}
                    </>
                  )}
                </p>
                {v.branchLabel && (
                  <p className="tl-decision">
                    Keputusan: <strong>{v.branchLabel}</strong>
                  </p>
                )}
                {v.note && <p className="tl-note">“{v.note}”</p>}
              </div>
            </li>
          );
        })}
        {view.upcoming.map((u) => (
          <li key={`up-${u.stepId}`} className="tl-item is-upcoming">
            <span className="tl-no" aria-label={`Langkah ${u.number}`}>
              {u.number}
            </span>
            <div className="tl-body">
              <p className="tl-title">{u.title}</p>
              <p className="tl-meta">
                <span>{u.actorLabel}</span>
                <span>baku {u.standard}</span>
                <span>belum dimulai</span>
              </p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/* ---------------------------------------------------------------------------------------------
 * Dispositions
 * ------------------------------------------------------------------------------------------- */

function Dispositions({ view, onView, onReload }: { view: RequestViewDto; onView: (view: RequestViewDto) => void; onReload: () => Promise<void> }) {
  const { office } = useSession();
  const tz = office.timeZone;
  const action = useAction();
  const withdrawable = useMemo(() => new Set(view.actions.withdrawDispositionIds), [view.actions.withdrawDispositionIds]);

  async function withdraw(id: number) {
    const result = await action.run(() => call('dispositions.withdraw', { dispositionId: id }));
    if (result.ok) onView(result.value);
    else if (result.error.code === 'CONFLICT' || result.error.code === 'NOT_FOUND') await onReload();
  }

  return (
    <section className="dispositions" aria-labelledby="disp-title">
      <h3 id="disp-title">Disposisi</h3>
      {action.error && <Alert kind="error">{action.error}</Alert>}
      {view.dispositions.length === 0 ? (
        <p className="muted small">Belum ada disposisi.</p>
      ) : (
        <ol className="disp-list">
          {view.dispositions.map((d) => (
            <li key={d.id} className={cls('disp', d.withdrawnAt && 'is-withdrawn')}>
              <p className="disp-route">
                <strong>{d.fromName}</strong> <span aria-hidden="true">→</span>
                <span className="sr-only">kepada</span> {d.recipients.map((r) => r.name).join(', ')}
                <span className="muted"> ({d.toLabel})</span>
              </p>
              <p className="muted small">{formatMoment(d.createdAt, tz)}</p>
              {d.instructions.length > 0 && (
                <ul className="disp-instr" aria-label="Instruksi">
                  {d.instructions.map((i) => (
                    <li key={i}>{i}</li>
                  ))}
                </ul>
              )}
              {d.note && <p className="disp-note">Catatan: {d.note}</p>}
              <ul className="disp-reads" aria-label="Tanda baca">
                {d.recipients.map((r) => (
                  <li key={r.userId}>
                    {r.name}: {r.readAt ? <span className="read-yes">Dibaca {formatMoment(r.readAt, tz)}</span> : <span className="read-no">Belum dibaca</span>}
                  </li>
                ))}
              </ul>
              {d.withdrawnAt && <p className="tag tag--withdrawn">Ditarik kembali {formatMoment(d.withdrawnAt, tz)}</p>}
              {withdrawable.has(d.id) && !d.withdrawnAt && (
                <button type="button" className="btn btn--secondary btn--small" disabled={action.busy} onClick={() => void withdraw(d.id)}>
                  Tarik kembali
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
