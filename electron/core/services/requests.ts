/**
 * The SOP engine. A request (permohonan) follows the SOP template version it started with, one step
 * at a time. What happened is an append-only event log (step started, paused, resumed, completed,
 * reopened); everything else — each step's elapsed working time, its deadline, whether it is on
 * time — is computed from that log and the office calendar when read, never stored.
 */
import { ApiError } from '../../../shared/api/errors';
import type { Role } from '../../../shared/api/roles';
import type { User } from '../../../shared/api/schemas';
import type { WorkingCalendar } from '../../../shared/domain/calendar';
import { isWorkingInstant } from '../../../shared/domain/calendar';
import { zoneOffsetMinutes } from '../../../shared/domain/dates';
import type { ActionStep, SopStep, SopTemplate } from '../../../shared/domain/sop/model';
import { computeTiming, describeStandard, planTiming, timingAt, type ActiveInterval, type StepTiming, type TimeStandard, type TimingPlan } from '../../../shared/domain/timing';
import type { Db } from '../db/register';
import { appendAudit } from './audit';
import { getCalendar } from './calendar';
import { getTemplate, latestTemplateId } from './sop';
import { mainPath } from './schedule';

export type RequestState = 'berjalan' | 'dijeda' | 'selesai' | 'dikembalikan';

interface RequestRow {
  id: number;
  /** Exactly one of letter_id and complaint_id is set (migration 6). */
  letter_id: number | null;
  complaint_id: number | null;
  template_id: number;
  current_step: string;
  state: RequestState;
  started_at: string;
  closed_at: string | null;
  revision: number;
}

interface EventRow {
  id: number;
  at: string;
  user_id: number | null;
  user_name: string | null;
  type: 'step_started' | 'step_completed' | 'paused' | 'resumed' | 'reopened';
  step_id: string;
  branch: string | null;
  note: string;
}

interface DispositionRow {
  id: number;
  request_id: number;
  step_id: string;
  from_user_id: number;
  from_name: string;
  to_role_key: string;
  instructions: string;
  note: string;
  created_at: string;
  withdrawn_at: string | null;
}

/** One pass of the request through a step. A step may be visited again after a withdrawal. */
export interface StepVisit {
  stepId: string;
  intervals: ActiveInterval[];
  completedAt: string | null;
  completedBy: string | null;
  branch: string | null;
  note: string;
  /** Ended without completion because the disposition before it was withdrawn. */
  abandoned: boolean;
}

export interface StepVisitView {
  stepId: string;
  number: string;
  title: string;
  actorLabel: string;
  kind: SopStep['kind'];
  standard: string;
  output: string;
  startedAt: string;
  completedAt: string | null;
  completedBy: string | null;
  branchLabel: string | null;
  note: string;
  abandoned: boolean;
  timing: StepTiming;
}

export interface DispositionView {
  id: number;
  stepId: string;
  fromName: string;
  toLabel: string;
  instructions: string[];
  note: string;
  createdAt: string;
  withdrawnAt: string | null;
  recipients: Array<{ userId: number; name: string; readAt: string | null }>;
}

export interface AvailableActions {
  complete: boolean;
  decide: Array<{ key: string; label: string; returnsToOpd: boolean }>;
  dispose: { toLabel: string; candidates: Array<{ id: number; fullName: string }> } | null;
  pause: boolean;
  resume: boolean;
  withdrawDispositionIds: number[];
  /** Why the viewer cannot act on the current step (Indonesian), when they cannot. */
  blockedReason: string | null;
}

export interface RequestView {
  id: number;
  /** The letter the request runs for, or null for a complaint's request (then complaintId is set). */
  letterId: number | null;
  complaintId: number | null;
  revision: number;
  template: { id: number; key: string; name: string; source: string; version: number };
  state: RequestState;
  currentStep: { id: string; number: string; title: string; actorLabel: string; kind: SopStep['kind']; pauseReason: string | null } | null;
  startedAt: string;
  closedAt: string | null;
  serviceStandard: string;
  serviceTiming: StepTiming;
  visits: StepVisitView[];
  upcoming: Array<{ stepId: string; number: string; title: string; actorLabel: string; standard: string }>;
  dispositions: DispositionView[];
  actions: AvailableActions;
}

function stepById(template: SopTemplate, id: string): SopStep {
  const step = template.steps.find((s) => s.id === id);
  if (!step) throw new ApiError('INTERNAL', `Langkah ${id} tidak ada di SOP ${template.name}.`);
  return step;
}

function actionStep(template: SopTemplate, id: string): ActionStep {
  const step = stepById(template, id);
  if (step.kind === 'end') throw new ApiError('CONFLICT', 'Permohonan ini sudah selesai.');
  return step;
}

function roleOf(template: SopTemplate, key: string) {
  const role = template.roles.find((r) => r.key === key);
  if (!role) throw new ApiError('INTERNAL', `Peran ${key} tidak ada di SOP ${template.name}.`);
  return role;
}

/** Is the actor of this step reached only through a disposition (so only its recipients act)? */
function gatedByDisposition(template: SopTemplate, actorKey: string): boolean {
  return template.steps.some((s) => s.kind === 'disposition' && s.to === actorKey);
}

function getRequestRow(db: Db, id: number): RequestRow {
  const row = db.prepare('SELECT * FROM requests WHERE id = ?').get(id) as RequestRow | undefined;
  if (!row) throw new ApiError('NOT_FOUND', 'Permohonan tidak ditemukan.');
  return row;
}

export function requestIdForLetter(db: Db, letterId: number): number | null {
  const row = db.prepare('SELECT id FROM requests WHERE letter_id = ?').get(letterId) as { id: number } | undefined;
  return row?.id ?? null;
}

export function requestIdForComplaint(db: Db, complaintId: number): number | null {
  const row = db.prepare('SELECT id FROM requests WHERE complaint_id = ?').get(complaintId) as { id: number } | undefined;
  return row?.id ?? null;
}

function events(db: Db, requestId: number): EventRow[] {
  return db
    .prepare(
      `SELECT e.id, e.at, e.user_id, u.full_name AS user_name, e.type, e.step_id, e.branch, e.note
         FROM request_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.request_id = ? ORDER BY e.id`,
    )
    .all(requestId) as EventRow[];
}

/** The event log folded into visits of steps, with their running intervals. */
export function foldVisits(log: ReadonlyArray<Pick<EventRow, 'at' | 'type' | 'step_id' | 'branch' | 'note' | 'user_name'>>): StepVisit[] {
  const visits: StepVisit[] = [];
  let open: StepVisit | null = null;
  const closeInterval = (visit: StepVisit, at: string) => {
    const last = visit.intervals[visit.intervals.length - 1];
    if (last && last.end === null) last.end = at;
  };
  for (const e of log) {
    switch (e.type) {
      case 'step_started':
      case 'reopened':
        if (open) {
          closeInterval(open, e.at);
          open.abandoned = true;
        }
        open = { stepId: e.step_id, intervals: [{ start: e.at, end: null }], completedAt: null, completedBy: null, branch: null, note: '', abandoned: false };
        visits.push(open);
        break;
      case 'paused':
        if (open) closeInterval(open, e.at);
        break;
      case 'resumed':
        if (open) open.intervals.push({ start: e.at, end: null });
        break;
      case 'step_completed':
        if (open) {
          closeInterval(open, e.at);
          open.completedAt = e.at;
          open.completedBy = e.user_name;
          open.branch = e.branch;
          open.note = e.note;
          open = null;
        }
        break;
    }
  }
  return visits;
}

function addEvent(db: Db, requestId: number, at: string, userId: number | null, type: EventRow['type'], stepId: string, branch: string | null = null, note = ''): void {
  db.prepare('INSERT INTO request_events (request_id, at, user_id, type, step_id, branch, note) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    requestId,
    at,
    userId,
    type,
    stepId,
    branch,
    note,
  );
}

function grantRoleAccess(db: Db, requestId: number, template: SopTemplate, step: SopStep): void {
  if (step.kind === 'end') return;
  if (gatedByDisposition(template, step.actor)) return;
  db.prepare('INSERT OR IGNORE INTO request_roles (request_id, role) VALUES (?, ?)').run(requestId, roleOf(template, step.actor).systemRole);
}

function liveDispositionTo(db: Db, requestId: number, roleKey: string): DispositionRow | undefined {
  return db
    .prepare(
      `SELECT d.*, u.full_name AS from_name FROM dispositions d JOIN users u ON u.id = d.from_user_id
        WHERE d.request_id = ? AND d.to_role_key = ? AND d.withdrawn_at IS NULL ORDER BY d.id DESC LIMIT 1`,
    )
    .get(requestId, roleKey) as DispositionRow | undefined;
}

function isRecipient(db: Db, dispositionId: number, userId: number): boolean {
  return db.prepare('SELECT 1 FROM disposition_recipients WHERE disposition_id = ? AND user_id = ?').get(dispositionId, userId) !== undefined;
}

function syncLetterStatus(db: Db, request: RequestRow, template: SopTemplate): void {
  // A complaint's status is derived from its request when read (services/complaints.ts).
  if (request.letter_id === null) return;
  let status: string;
  if (request.state === 'selesai') status = 'selesai';
  else if (request.state === 'dikembalikan') status = 'dikembalikan';
  else {
    const disposed = db.prepare('SELECT 1 FROM dispositions WHERE request_id = ? AND withdrawn_at IS NULL').get(request.id) !== undefined;
    const current = stepById(template, request.current_step);
    const awaitingRecipients = current.kind !== 'end' && current.kind !== 'disposition' && gatedByDisposition(template, current.actor);
    const actedSinceDisposition =
      db
        .prepare(
          `SELECT 1 FROM request_events e WHERE e.request_id = ? AND e.type = 'step_completed'
             AND e.id > (SELECT COALESCE(MAX(e2.id), 0) FROM request_events e2 JOIN dispositions d ON d.request_id = e2.request_id
                          WHERE e2.request_id = ? AND e2.type = 'step_completed' AND e2.step_id = d.step_id)`,
        )
        .get(request.id, request.id) !== undefined;
    status = !disposed ? 'baru' : awaitingRecipients && !actedSinceDisposition ? 'didisposisi' : 'diproses';
  }
  db.prepare('UPDATE letters SET status = ? WHERE id = ?').run(status, request.letter_id);
}

/**
 * Starts the request for a just-registered letter, when the office has an SOP for its service.
 * An opening step done by the OPD (sending the letter) is completed at the letter's receipt.
 */
export function startRequestForLetter(db: Db, letterId: number, service: string, receivedAt: string, userId: number, now: Date): number | null {
  return startRequest(db, { letterId }, service, receivedAt, userId, now);
}

/**
 * Starts the request for a just-registered complaint on the office's complaint SOP (service
 * 'pengaduan'); null when the office has none. The complainant's opening step is completed at receipt.
 */
export function startRequestForComplaint(db: Db, complaintId: number, receivedAt: string, userId: number, now: Date): number | null {
  return startRequest(db, { complaintId }, 'pengaduan', receivedAt, userId, now);
}

function startRequest(
  db: Db,
  owner: { letterId: number } | { complaintId: number },
  service: string,
  receivedAt: string,
  userId: number,
  now: Date,
): number | null {
  const mapping = db.prepare('SELECT template_key FROM service_sops WHERE service = ?').get(service) as { template_key: string } | undefined;
  if (!mapping) return null;
  const templateId = latestTemplateId(db, mapping.template_key);
  if (templateId === null) return null;
  const template = getTemplate(db, templateId);
  const first = stepById(template, template.start);
  const letterId = 'letterId' in owner ? owner.letterId : null;
  const complaintId = 'complaintId' in owner ? owner.complaintId : null;
  const id = Number(
    db
      .prepare("INSERT INTO requests (letter_id, complaint_id, template_id, current_step, state, started_at) VALUES (?, ?, ?, ?, 'berjalan', ?)")
      .run(letterId, complaintId, templateId, template.start, receivedAt).lastInsertRowid,
  );
  addEvent(db, id, receivedAt, null, 'step_started', first.id);
  grantRoleAccess(db, id, template, first);
  let current = first;
  if (current.kind === 'task' && roleOf(template, current.actor).external) {
    const received = letterId !== null ? 'Surat permohonan diterima dan dicatat di buku agenda.' : 'Pengaduan diterima dan dicatat.';
    addEvent(db, id, receivedAt, userId, 'step_completed', current.id, null, received);
    current = stepById(template, current.next);
    addEvent(db, id, receivedAt, null, 'step_started', current.id);
    grantRoleAccess(db, id, template, current);
    db.prepare('UPDATE requests SET current_step = ? WHERE id = ?').run(current.id, id);
  }
  appendAudit(db, {
    at: now.toISOString(),
    userId,
    action: 'permohonan.dimulai',
    entity: 'request',
    entityId: id,
    after: { ...owner, template: `${template.key} v${templateId}`, step: current.id },
  });
  return id;
}

export interface StepActionInput {
  requestId: number;
  stepId: string;
  /** The request's revision the user saw; a later change by someone else refuses the action. */
  revision: number;
  action: 'complete' | 'decide' | 'dispose' | 'pause' | 'resume';
  branch?: string | null;
  note?: string;
  recipients?: number[];
  instructions?: string[];
}

function assertActor(db: Db, request: RequestRow, template: SopTemplate, step: ActionStep, user: User): void {
  const role = roleOf(template, step.actor);
  if (user.role !== role.systemRole) {
    throw new ApiError('FORBIDDEN', `Langkah ini dikerjakan oleh ${role.label}${role.external ? ' (dicatat oleh front desk)' : ''}, bukan peran Anda.`);
  }
  if (gatedByDisposition(template, step.actor)) {
    const disposition = liveDispositionTo(db, request.id, step.actor);
    if (!disposition || !isRecipient(db, disposition.id, user.id)) {
      throw new ApiError('FORBIDDEN', 'Surat ini belum didisposisikan kepada Anda.');
    }
  }
}

function activeInstructionLabels(db: Db): Set<string> {
  return new Set((db.prepare('SELECT label FROM disposition_instructions WHERE active = 1').all() as Array<{ label: string }>).map((r) => r.label));
}

/** Performs one action on the request's current step, in one transaction. */
export function actOnStep(db: Db, input: StepActionInput, user: User, now: Date): void {
  const run = db.transaction(() => {
    const request = getRequestRow(db, input.requestId);
    if (request.revision !== input.revision) {
      throw new ApiError('CONFLICT', 'Permohonan ini baru saja diubah oleh pengguna lain. Muat ulang untuk melihat keadaannya sekarang.');
    }
    if (request.state === 'selesai' || request.state === 'dikembalikan') throw new ApiError('CONFLICT', 'Permohonan ini sudah ditutup.');
    if (request.current_step !== input.stepId) throw new ApiError('CONFLICT', 'Langkah ini bukan langkah yang sedang berjalan. Muat ulang halaman.');
    const template = getTemplate(db, request.template_id);
    const step = actionStep(template, input.stepId);
    assertActor(db, request, template, step, user);
    const at = now.toISOString();
    const note = (input.note ?? '').trim();
    const bump = () => db.prepare('UPDATE requests SET revision = revision + 1 WHERE id = ?').run(request.id);

    if (input.action === 'pause' || input.action === 'resume') {
      if (!step.pause) throw new ApiError('INVALID_INPUT', 'Langkah ini tidak dapat dijeda menurut SOP.');
      if (input.action === 'pause') {
        if (request.state === 'dijeda') throw new ApiError('CONFLICT', 'Permohonan sudah dijeda.');
        if (!note) throw new ApiError('INVALID_INPUT', 'Tulis alasan penjedaan.', { note: 'Tulis apa yang ditunggu dari OPD.' });
        addEvent(db, request.id, at, user.id, 'paused', step.id, null, note);
        db.prepare("UPDATE requests SET state = 'dijeda' WHERE id = ?").run(request.id);
      } else {
        if (request.state !== 'dijeda') throw new ApiError('CONFLICT', 'Permohonan tidak sedang dijeda.');
        addEvent(db, request.id, at, user.id, 'resumed', step.id, null, note);
        db.prepare("UPDATE requests SET state = 'berjalan' WHERE id = ?").run(request.id);
      }
      bump();
      appendAudit(db, { at, userId: user.id, action: input.action === 'pause' ? 'permohonan.dijeda' : 'permohonan.dilanjutkan', entity: 'request', entityId: request.id, after: { step: step.id, note } });
      return;
    }
    if (request.state === 'dijeda') throw new ApiError('CONFLICT', 'Permohonan sedang dijeda. Lanjutkan dulu sebelum menyelesaikan langkah.');

    let next: string;
    let branchKey: string | null = null;
    if (step.kind === 'decision') {
      if (input.action !== 'decide') throw new ApiError('INVALID_INPUT', 'Langkah ini adalah keputusan: pilih salah satu jawaban.');
      const branch = step.branches.find((b) => b.key === input.branch);
      if (!branch) throw new ApiError('INVALID_INPUT', 'Pilih keputusan.', { branch: 'Pilih keputusan.' });
      if (branch.returnsToOpd && !note) {
        throw new ApiError('INVALID_INPUT', 'Tulis alasan pengembalian: isinya dicetak pada surat pemberitahuan.', { note: 'Tulis alasan pengembalian kepada OPD.' });
      }
      next = branch.next;
      branchKey = branch.key;
    } else if (step.kind === 'disposition') {
      if (input.action !== 'dispose') throw new ApiError('INVALID_INPUT', 'Langkah ini adalah disposisi: pilih penerima.');
      const toRole = roleOf(template, step.to);
      const recipients = [...new Set(input.recipients ?? [])];
      if (recipients.length === 0) throw new ApiError('INVALID_INPUT', `Pilih paling sedikit satu penerima (${toRole.label}).`, { recipients: 'Pilih penerima disposisi.' });
      for (const id of recipients) {
        const r = db.prepare('SELECT role, active FROM users WHERE id = ?').get(id) as { role: Role; active: number } | undefined;
        if (!r || r.active !== 1 || r.role !== toRole.systemRole) {
          throw new ApiError('INVALID_INPUT', `Penerima disposisi harus pengguna aktif dengan peran ${toRole.label}.`, { recipients: 'Ada penerima yang tidak sah.' });
        }
      }
      const known = activeInstructionLabels(db);
      const instructions = [...new Set(input.instructions ?? [])];
      const unknown = instructions.filter((i) => !known.has(i));
      if (unknown.length > 0) throw new ApiError('INVALID_INPUT', `Instruksi tidak dikenal: ${unknown.join(', ')}.`, { instructions: 'Pilih instruksi dari daftar.' });
      const dispositionId = Number(
        db
          .prepare('INSERT INTO dispositions (request_id, step_id, from_user_id, to_role_key, instructions, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(request.id, step.id, user.id, step.to, JSON.stringify(instructions), note, at).lastInsertRowid,
      );
      const addRecipient = db.prepare('INSERT INTO disposition_recipients (disposition_id, user_id) VALUES (?, ?)');
      for (const id of recipients) addRecipient.run(dispositionId, id);
      appendAudit(db, {
        at,
        userId: user.id,
        action: 'disposisi.dikirim',
        entity: 'request',
        entityId: request.id,
        after: { dispositionId, to: step.to, recipients, instructions, note },
      });
      next = step.next;
    } else {
      if (input.action !== 'complete') throw new ApiError('INVALID_INPUT', 'Tandai langkah ini selesai.');
      next = step.next;
    }

    addEvent(db, request.id, at, user.id, 'step_completed', step.id, branchKey, note);
    const nextStep = stepById(template, next);
    if (nextStep.kind === 'end') {
      db.prepare('UPDATE requests SET current_step = ?, state = ?, closed_at = ? WHERE id = ?').run(nextStep.id, nextStep.outcome, at, request.id);
    } else {
      addEvent(db, request.id, at, null, 'step_started', nextStep.id);
      grantRoleAccess(db, request.id, template, nextStep);
      db.prepare('UPDATE requests SET current_step = ? WHERE id = ?').run(nextStep.id, request.id);
    }
    bump();
    appendAudit(db, {
      at,
      userId: user.id,
      action: step.kind === 'decision' ? 'langkah.diputuskan' : 'langkah.selesai',
      entity: 'request',
      entityId: request.id,
      before: { step: step.id },
      after: { step: nextStep.id, branch: branchKey, note, ...(nextStep.kind === 'end' ? { outcome: nextStep.outcome } : {}) },
    });
    syncLetterStatus(db, getRequestRow(db, request.id), template);
  });
  run.immediate();
}

/** The disposer takes a disposition back while none of its recipients has read it. */
export function withdrawDisposition(db: Db, dispositionId: number, user: User, now: Date): void {
  const run = db.transaction(() => {
    const d = db.prepare('SELECT * FROM dispositions WHERE id = ?').get(dispositionId) as DispositionRow | undefined;
    if (!d || d.withdrawn_at !== null) throw new ApiError('NOT_FOUND', 'Disposisi tidak ditemukan atau sudah ditarik.');
    if (d.from_user_id !== user.id) throw new ApiError('FORBIDDEN', 'Hanya pengirim disposisi yang dapat menariknya.');
    const read = db.prepare('SELECT 1 FROM disposition_recipients WHERE disposition_id = ? AND read_at IS NOT NULL').get(dispositionId);
    if (read) throw new ApiError('CONFLICT', 'Disposisi sudah dibaca penerimanya, sehingga tidak dapat ditarik.');
    const request = getRequestRow(db, d.request_id);
    const template = getTemplate(db, request.template_id);
    const step = stepById(template, d.step_id);
    if (step.kind !== 'disposition' || request.current_step !== step.next || request.state !== 'berjalan') {
      throw new ApiError('CONFLICT', 'Permohonan sudah berlanjut sesudah disposisi ini, sehingga tidak dapat ditarik.');
    }
    const at = now.toISOString();
    db.prepare('UPDATE dispositions SET withdrawn_at = ? WHERE id = ?').run(at, dispositionId);
    addEvent(db, request.id, at, user.id, 'reopened', step.id, null, 'Disposisi ditarik kembali.');
    db.prepare('UPDATE requests SET current_step = ?, revision = revision + 1 WHERE id = ?').run(step.id, request.id);
    appendAudit(db, { at, userId: user.id, action: 'disposisi.ditarik', entity: 'request', entityId: request.id, before: { dispositionId }, after: { step: step.id } });
    syncLetterStatus(db, getRequestRow(db, request.id), template);
  });
  run.immediate();
}

/** Read receipts: the recipient has opened the request. */
export function markDispositionsRead(db: Db, requestId: number, userId: number, now: Date): void {
  db.prepare(
    `UPDATE disposition_recipients SET read_at = ? WHERE user_id = ? AND read_at IS NULL
       AND disposition_id IN (SELECT id FROM dispositions WHERE request_id = ? AND withdrawn_at IS NULL)`,
  ).run(now.toISOString(), userId, requestId);
}

/** Heads and the front desk see every letter; others only what reached them. */
export function seesAllLetters(role: Role): boolean {
  return role === 'front_desk' || role === 'admin' || role === 'kadis';
}

/** SQL condition (on letters aliased `l`) for the letters a user may see. Uses @viewerId and @viewerRole. */
export const VISIBLE_LETTER_CONDITION = `(
  l.id IN (SELECT r.letter_id FROM requests r JOIN dispositions d ON d.request_id = r.id AND d.withdrawn_at IS NULL
             JOIN disposition_recipients dr ON dr.disposition_id = d.id WHERE dr.user_id = @viewerId)
  OR l.id IN (SELECT r.letter_id FROM requests r JOIN request_roles rr ON rr.request_id = r.id WHERE rr.role = @viewerRole)
)`;

export function canSeeLetter(db: Db, letterId: number, user: User): boolean {
  if (seesAllLetters(user.role)) return true;
  return (
    db.prepare(`SELECT 1 FROM letters l WHERE l.id = @letterId AND ${VISIBLE_LETTER_CONDITION}`).get({ letterId, viewerId: user.id, viewerRole: user.role }) !==
    undefined
  );
}

function timingOf(calendar: WorkingCalendar, standard: TimeStandard, visit: StepVisit, now: Date): StepTiming {
  return computeTiming(calendar, standard, visit.intervals, now.toISOString(), { done: visit.completedAt !== null || visit.abandoned });
}

function dispositionViews(db: Db, template: SopTemplate, requestId: number): DispositionView[] {
  const rows = db
    .prepare(
      `SELECT d.*, u.full_name AS from_name FROM dispositions d JOIN users u ON u.id = d.from_user_id WHERE d.request_id = ? ORDER BY d.id`,
    )
    .all(requestId) as DispositionRow[];
  const recipients = db.prepare(
    `SELECT dr.user_id, u.full_name, dr.read_at FROM disposition_recipients dr JOIN users u ON u.id = dr.user_id WHERE dr.disposition_id = ? ORDER BY u.full_name`,
  );
  return rows.map((d) => ({
    id: d.id,
    stepId: d.step_id,
    fromName: d.from_name,
    toLabel: template.roles.find((r) => r.key === d.to_role_key)?.label ?? d.to_role_key,
    instructions: JSON.parse(d.instructions) as string[],
    note: d.note,
    createdAt: d.created_at,
    withdrawnAt: d.withdrawn_at,
    recipients: (recipients.all(d.id) as Array<{ user_id: number; full_name: string; read_at: string | null }>).map((r) => ({
      userId: r.user_id,
      name: r.full_name,
      readAt: r.read_at,
    })),
  }));
}

function availableActions(db: Db, request: RequestRow, template: SopTemplate, viewer: User, dispositions: DispositionView[]): AvailableActions {
  const none: AvailableActions = { complete: false, decide: [], dispose: null, pause: false, resume: false, withdrawDispositionIds: [], blockedReason: null };
  const withdrawable = dispositions
    .filter((d) => d.withdrawnAt === null && d.recipients.every((r) => r.readAt === null))
    .filter((d) => {
      const step = stepById(template, d.stepId);
      return step.kind === 'disposition' && request.current_step === step.next && request.state === 'berjalan';
    })
    .filter((d) => db.prepare('SELECT 1 FROM dispositions WHERE id = ? AND from_user_id = ?').get(d.id, viewer.id) !== undefined)
    .map((d) => d.id);
  if (request.state === 'selesai' || request.state === 'dikembalikan') return { ...none, withdrawDispositionIds: withdrawable };
  const step = actionStep(template, request.current_step);
  try {
    assertActor(db, request, template, step, viewer);
  } catch (error) {
    return { ...none, withdrawDispositionIds: withdrawable, blockedReason: error instanceof ApiError ? error.message : null };
  }
  const paused = request.state === 'dijeda';
  const actions: AvailableActions = { ...none, withdrawDispositionIds: withdrawable, pause: !!step.pause && !paused, resume: !!step.pause && paused };
  if (paused) return actions;
  if (step.kind === 'decision') {
    actions.decide = step.branches.map((b) => ({ key: b.key, label: b.label, returnsToOpd: !!b.returnsToOpd }));
  } else if (step.kind === 'disposition') {
    const toRole = roleOf(template, step.to);
    const candidates = db
      .prepare('SELECT id, full_name FROM users WHERE role = ? AND active = 1 ORDER BY full_name')
      .all(toRole.systemRole) as Array<{ id: number; full_name: string }>;
    actions.dispose = { toLabel: toRole.label, candidates: candidates.map((c) => ({ id: c.id, fullName: c.full_name })) };
  } else {
    actions.complete = true;
  }
  return actions;
}

/** Steps ahead on the path the request would take if every decision took its first branch. */
function upcomingSteps(template: SopTemplate, fromId: string): RequestView['upcoming'] {
  return mainPath(template, fromId)
    .slice(1)
    .map((step) => ({ stepId: step.id, number: step.number, title: step.title, actorLabel: roleOf(template, step.actor).label, standard: describeStandard(step.standard) }));
}

export function getRequestView(db: Db, requestId: number, viewer: User, now: Date, calendar: WorkingCalendar = getCalendar(db)): RequestView {
  const request = getRequestRow(db, requestId);
  const template = getTemplate(db, request.template_id);
  const version = (db.prepare('SELECT version FROM sop_templates WHERE id = ?').get(request.template_id) as { version: number }).version;
  const visits = foldVisits(events(db, request.id));
  const dispositions = dispositionViews(db, template, request.id);
  const current = stepById(template, request.current_step);
  const visitViews: StepVisitView[] = visits.map((v) => {
    const step = actionStep(template, v.stepId);
    const branch = step.kind === 'decision' ? step.branches.find((b) => b.key === v.branch) : undefined;
    return {
      stepId: step.id,
      number: step.number,
      title: step.title,
      actorLabel: roleOf(template, step.actor).label,
      kind: step.kind,
      standard: describeStandard(step.standard),
      output: step.output,
      startedAt: v.intervals[0]?.start ?? request.started_at,
      completedAt: v.completedAt,
      completedBy: v.completedBy,
      branchLabel: branch?.label ?? null,
      note: v.note,
      abandoned: v.abandoned,
      timing: timingOf(calendar, step.standard, v, now),
    };
  });
  const wholeIntervals = visits.flatMap((v) => v.intervals);
  const serviceTiming = computeTiming(calendar, template.serviceStandard, mergeIntervals(wholeIntervals), now.toISOString(), {
    done: request.state === 'selesai' || request.state === 'dikembalikan',
  });
  return {
    id: request.id,
    letterId: request.letter_id,
    complaintId: request.complaint_id,
    revision: request.revision,
    template: { id: request.template_id, key: template.key, name: template.name, source: template.source, version },
    state: request.state,
    currentStep:
      current.kind === 'end'
        ? null
        : {
            id: current.id,
            number: current.number,
            title: current.title,
            actorLabel: roleOf(template, current.actor).label,
            kind: current.kind,
            pauseReason: current.pause?.reason ?? null,
          },
    startedAt: request.started_at,
    closedAt: request.closed_at,
    serviceStandard: describeStandard(template.serviceStandard),
    serviceTiming,
    visits: visitViews,
    upcoming: current.kind === 'end' ? [] : upcomingSteps(template, current.id),
    dispositions,
    actions: availableActions(db, request, template, viewer, dispositions),
  };
}

/** Touching or overlapping intervals joined: the request's own running time, without its pauses. */
function mergeIntervals(intervals: ActiveInterval[]): ActiveInterval[] {
  const sorted = [...intervals].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const out: ActiveInterval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && (last.end === null || last.end >= i.start)) {
      if (last.end !== null && (i.end === null || i.end > last.end)) last.end = i.end;
    } else {
      out.push({ ...i });
    }
  }
  return out;
}

export interface QueueItem {
  requestId: number;
  /** The letter, or null for a complaint (complaintId set; agendaNumber is then the complaint number). */
  letterId: number | null;
  complaintId: number | null;
  agendaNumber: string;
  senderName: string;
  subject: string;
  nature: string;
  templateName: string;
  state: RequestState;
  step: { id: string; number: string; title: string; standard: string };
  timing: StepTiming;
  unreadDisposition: boolean;
}

/** The steps of every SOP version whose actor is a user of `role`, and whether a disposition gates them. */
function stepsOfRole(db: Db, role: Role): Array<{ templateId: number; template: SopTemplate; step: ActionStep; gated: boolean }> {
  const out: Array<{ templateId: number; template: SopTemplate; step: ActionStep; gated: boolean }> = [];
  for (const { id } of db.prepare('SELECT id FROM sop_templates').all() as Array<{ id: number }>) {
    const template = getTemplate(db, id);
    for (const step of template.steps) {
      if (step.kind === 'end' || template.roles.find((r) => r.key === step.actor)?.systemRole !== role) continue;
      out.push({ templateId: id, template, step, gated: gatedByDisposition(template, step.actor) });
    }
  }
  return out;
}

/**
 * "Antrian saya": the open requests whose current step is the user's to do, soonest deadline first.
 * A few statements whatever the size of the queue (not several per request): per step of the
 * user's role, the open requests standing there — for a step reached by disposition, only those
 * whose newest live disposition to that actor names this user, with its read receipt; then their
 * letters (or complaints); then the events of each request's current visit only (its deadline
 * needs nothing older). A Kabid with 2,000 open requests: see README "Benchmark".
 */
interface QueueHead {
  letter_id: number | null;
  complaint_id: number | null;
  agenda_number: string;
  sender_name: string;
  subject: string;
  nature: string;
}

/** What a queue item keeps between reads while its request does not change (same revision). */
interface QueueEntry {
  revision: number;
  templateId: number;
  stepId: string;
  head: QueueHead;
  plan: TimingPlan;
}

/**
 * Per register: the queue entries by request, valid for one calendar. A request's letter (or
 * complaint) never changes and every change of its steps bumps its revision, so an entry is
 * reused while the revision is the same; a calendar edit starts afresh. Bounded: the open
 * requests of a whole office, cleared when it grows past that.
 */
const queueCache = new WeakMap<Db, { calendarKey: string; entries: Map<number, QueueEntry> }>();
const QUEUE_CACHE_LIMIT = 50_000;

function calendarKey(calendar: WorkingCalendar): string {
  return JSON.stringify([calendar.timeZone, calendar.week, calendar.holidays, calendar.closures]);
}

export function myQueue(db: Db, user: User, now: Date, calendar: WorkingCalendar = getCalendar(db)): QueueItem[] {
  const steps = stepsOfRole(db, user.role);
  if (steps.length === 0) return [];
  const atStep = db.prepare(
    `SELECT r.id, r.state, r.revision, 0 AS unread FROM requests r
      WHERE r.state IN ('berjalan', 'dijeda') AND r.current_step = @step AND r.template_id = @template`,
  );
  const atStepForMe = db.prepare(
    `SELECT r.id, r.state, r.revision, dr.read_at IS NULL AS unread FROM requests r
       JOIN dispositions d ON d.id = (SELECT MAX(d2.id) FROM dispositions d2
                                       WHERE d2.request_id = r.id AND d2.to_role_key = @actor AND d2.withdrawn_at IS NULL)
       JOIN disposition_recipients dr ON dr.disposition_id = d.id AND dr.user_id = @user
      WHERE r.state IN ('berjalan', 'dijeda') AND r.current_step = @step AND r.template_id = @template`,
  );
  const key = calendarKey(calendar);
  let cache = queueCache.get(db);
  if (!cache || cache.calendarKey !== key || cache.entries.size > QUEUE_CACHE_LIMIT) {
    cache = { calendarKey: key, entries: new Map() };
    queueCache.set(db, cache);
  }
  const entries = cache.entries;

  const waiting: Array<{ id: number; state: RequestState; revision: number; unread: boolean; template: SopTemplate; templateId: number; step: ActionStep }> = [];
  for (const s of steps) {
    const rows = (s.gated ? atStepForMe : atStep).all({ step: s.step.id, template: s.templateId, actor: s.step.actor, user: user.id }) as Array<{
      id: number;
      state: RequestState;
      revision: number;
      unread: number;
    }>;
    for (const r of rows) waiting.push({ id: r.id, state: r.state, revision: r.revision, unread: r.unread === 1, template: s.template, templateId: s.templateId, step: s.step });
  }

  // Only requests that are new to the cache or changed since are read further.
  const stale = waiting.filter((w) => {
    const e = entries.get(w.id);
    return !e || e.revision !== w.revision || e.stepId !== w.step.id || e.templateId !== w.templateId;
  });
  if (stale.length > 0) {
    const ids = JSON.stringify(stale.map((w) => w.id));
    const heads = new Map<number, QueueHead>();
    for (const h of db
      .prepare(
        `SELECT r.id, r.letter_id, r.complaint_id, COALESCE(l.agenda_number, c.number) AS agenda_number, COALESCE(l.sender_name, c.complainant_name) AS sender_name,
                COALESCE(l.subject, c.subject) AS subject, COALESCE(l.nature, 'biasa') AS nature
           FROM json_each(@ids) j JOIN requests r ON r.id = j.value
           LEFT JOIN letters l ON l.id = r.letter_id LEFT JOIN complaints c ON c.id = r.complaint_id`,
      )
      .all({ ids }) as Array<QueueHead & { id: number }>) {
      heads.set(h.id, h);
    }
    // The current visit of each request: its events from the last start (or reopening) on.
    const visitEvents = new Map<number, EventRow[]>();
    for (const e of db
      .prepare(
        `SELECT e.request_id, e.id, e.at, e.user_id, NULL AS user_name, e.type, e.step_id, e.branch, e.note
           FROM json_each(@ids) j
           JOIN request_events e ON e.request_id = j.value
            AND e.id >= (SELECT s.id FROM request_events s WHERE s.request_id = j.value AND s.type IN ('step_started', 'reopened') ORDER BY s.id DESC LIMIT 1)`,
      )
      .all({ ids }) as Array<EventRow & { request_id: number }>) {
      const list = visitEvents.get(e.request_id);
      if (list) list.push(e);
      else visitEvents.set(e.request_id, [e]);
    }
    for (const w of stale) {
      entries.delete(w.id);
      const head = heads.get(w.id);
      const log = visitEvents.get(w.id);
      if (!head || !log) continue;
      const visits = foldVisits(log.length > 1 ? log.sort((a, b) => a.id - b.id) : log);
      const visit = visits[visits.length - 1];
      if (!visit) continue;
      const plan = planTiming(calendar, w.step.standard, visit.intervals, { done: visit.completedAt !== null || visit.abandoned });
      entries.set(w.id, { revision: w.revision, templateId: w.templateId, stepId: w.step.id, head, plan });
    }
  }

  const nowIso = now.toISOString();
  const items: QueueItem[] = [];
  for (const { id, state, template, step, unread } of waiting) {
    const entry = entries.get(id);
    if (!entry) continue;
    const { head } = entry;
    items.push({
      requestId: id,
      letterId: head.letter_id,
      complaintId: head.complaint_id,
      agendaNumber: head.agenda_number,
      senderName: head.sender_name,
      subject: head.subject,
      nature: head.nature,
      templateName: template.name,
      state,
      step: { id: step.id, number: step.number, title: step.title, standard: describeStandard(step.standard) },
      timing: timingAt(calendar, entry.plan, nowIso),
      unreadDisposition: unread,
    });
  }
  const rank = (t: StepTiming) => (t.status === 'late' ? 0 : t.status === 'at_risk' ? 1 : t.status === 'paused' ? 3 : 2);
  return items.sort((a, b) => {
    const byRank = rank(a.timing) - rank(b.timing);
    if (byRank !== 0) return byRank;
    const ad = a.timing.dueAt ?? '9999';
    const bd = b.timing.dueAt ?? '9999';
    return ad < bd ? -1 : ad > bd ? 1 : a.requestId - b.requestId;
  });
}

export interface Dashboard {
  newLetters: number;
  unreadDispositions: number;
  notActedOn: number;
  dueToday: number;
  late: number;
  atRisk: number;
  inQueue: number;
  /** Is it office hours now (desktop notifications are shown only then)? */
  officeHoursNow: boolean;
}

export function dashboard(db: Db, user: User, now: Date, calendar: WorkingCalendar = getCalendar(db)): Dashboard {
  const queue = myQueue(db, user, now, calendar);
  const offsetMs = zoneOffsetMinutes(calendar.timeZone) * 60_000;
  // The end of the office-local day of `now`.
  const localMidnight = new Date(Math.floor((now.getTime() + offsetMs) / 86_400_000) * 86_400_000 + 86_400_000 - offsetMs).toISOString();
  const newLetters = seesAllLetters(user.role)
    ? (db.prepare("SELECT COUNT(*) AS n FROM letters WHERE status = 'baru'").get() as { n: number }).n
    : 0;
  const unread = (db
    .prepare(
      `SELECT COUNT(*) AS n FROM disposition_recipients dr JOIN dispositions d ON d.id = dr.disposition_id
        WHERE dr.user_id = ? AND dr.read_at IS NULL AND d.withdrawn_at IS NULL`,
    )
    .get(user.id) as { n: number }).n;
  return {
    newLetters,
    unreadDispositions: unread,
    notActedOn: queue.filter((q) => !q.unreadDisposition).length,
    dueToday: queue.filter((q) => q.timing.dueAt !== null && q.timing.dueAt < localMidnight && q.timing.status !== 'late').length,
    late: queue.filter((q) => q.timing.status === 'late').length,
    atRisk: queue.filter((q) => q.timing.status === 'at_risk').length,
    inQueue: queue.length,
    officeHoursNow: isWorkingInstant(calendar, now.toISOString()),
  };
}
