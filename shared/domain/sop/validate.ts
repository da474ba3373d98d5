/**
 * Checking an SOP template before it is used: the built-in ones in the tests, and every template
 * saved from the editor (JSON → `safeParseTemplate` → zod shape check, then `validateTemplate`).
 *
 * Messages are in Bahasa Indonesia and name the step they are about (`Langkah 5 "Memverifikasi
 * dan …": …`), so the office can find it in the editor and on the paper SOP.
 */
import { z } from 'zod';
import { ROLES, type Role } from '../../api/roles';
import { describeStandard, type TimeStandard } from '../timing';
import { isActionStep, nextStepIds, type ActionStep, type SopStep, type SopTemplate } from './model';

export interface TemplateProblem {
  /** The step the problem is about; null for the template as a whole (or one of its roles). */
  stepId: string | null;
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Naming steps in messages
// ---------------------------------------------------------------------------------------------

const TITLE_MAX = 50;

function shortTitle(title: string): string {
  const t = title.trim().replace(/\s+/g, ' ');
  if (t.length <= TITLE_MAX) return t;
  const cut = t.slice(0, TITLE_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > 20 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')} …`;
}

/** `Langkah 5 "Memverifikasi dan mengecek …"`, `Langkah akhir "Selesai"`, `Langkah (a5)`. */
export function stepLabel(step: SopStep): string {
  const title = step.title.trim() === '' ? null : `"${shortTitle(step.title)}"`;
  if (step.kind === 'end') return title ? `Langkah akhir ${title}` : `Langkah akhir (${step.id})`;
  const number = step.number.trim();
  if (number && title) return `Langkah ${number} ${title}`;
  if (number) return `Langkah ${number} (${step.id})`;
  if (title) return `Langkah ${title} (${step.id})`;
  return `Langkah (${step.id})`;
}

// ---------------------------------------------------------------------------------------------
// Time standards
// ---------------------------------------------------------------------------------------------

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** What is wrong with a time standard, or null. */
export function timeStandardProblem(s: TimeStandard): string | null {
  switch (s.kind) {
    case 'none':
      return null;
    case 'minutes':
    case 'hours':
    case 'days':
      if (!isNumber(s.value)) return 'standar waktu harus berupa angka.';
      if (s.value < 0) return `standar waktu tidak boleh negatif (${describeStandard(s)}).`;
      if (s.value === 0) return 'standar waktu harus lebih dari 0; pilih "tanpa standar waktu" bila SOP tidak memberinya.';
      if (s.kind === 'days' && !Number.isInteger(s.value)) {
        return `standar waktu dalam hari kerja harus bilangan bulat (${describeStandard(s)}).`;
      }
      return null;
    case 'range':
      if (!isNumber(s.min) || !isNumber(s.max)) return 'batas rentang standar waktu harus berupa angka.';
      if (s.unit !== 'minutes' && s.unit !== 'hours') return 'satuan rentang standar waktu harus menit atau jam.';
      if (s.min < 0 || s.max < 0) return `standar waktu tidak boleh negatif (${describeStandard(s)}).`;
      if (s.min > s.max) {
        return `rentang standar waktu terbalik: batas bawah ${s.min} lebih besar dari batas atas ${s.max} (${describeStandard(s)}).`;
      }
      if (s.max === 0) return 'batas atas rentang standar waktu harus lebih dari 0.';
      return null;
    default: {
      const kind: unknown = (s as { kind?: unknown }).kind;
      return `jenis standar waktu tidak dikenal: ${String(kind)}.`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The validator
// ---------------------------------------------------------------------------------------------

const isLoketRole = (r: unknown): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r);
const blank = (s: string | undefined | null): boolean => (s ?? '').trim() === '';

/** Every problem of the template; an empty list means it can be used. */
export function validateTemplate(t: SopTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const templateProblem = (message: string) => problems.push({ stepId: null, message });
  const stepProblem = (step: SopStep, message: string) => problems.push({ stepId: step.id, message: `${stepLabel(step)}: ${message}` });

  // The template as a whole.
  if (blank(t.key)) templateProblem('Kunci templat wajib diisi.');
  if (blank(t.name)) templateProblem('Nama templat wajib diisi.');
  const serviceProblem = timeStandardProblem(t.serviceStandard);
  if (serviceProblem) templateProblem(`Waktu penyelesaian layanan: ${serviceProblem}`);

  // Roles.
  const roleKeys = new Set<string>();
  if (t.roles.length === 0) templateProblem('Templat belum punya peran pelaksana.');
  t.roles.forEach((role, i) => {
    const name = blank(role.label) ? `Peran ${i + 1} (${role.key})` : `Peran "${role.label.trim()}"`;
    if (blank(role.key)) templateProblem(`${name}: kunci peran wajib diisi.`);
    else if (roleKeys.has(role.key)) templateProblem(`${name}: kunci peran "${role.key}" dipakai lebih dari sekali.`);
    roleKeys.add(role.key);
    if (blank(role.label)) templateProblem(`${name}: nama peran wajib diisi.`);
    if (!isLoketRole(role.systemRole)) {
      templateProblem(`${name}: peran sistem "${String(role.systemRole)}" bukan peran Loket (pilih salah satu: ${ROLES.join(', ')}).`);
    }
  });

  // Steps: ids.
  const byId = new Map<string, SopStep>();
  for (const step of t.steps) {
    if (blank(step.id)) {
      stepProblem(step, 'ID langkah wajib diisi.');
      continue;
    }
    if (byId.has(step.id)) stepProblem(step, `ID langkah "${step.id}" dipakai lebih dari sekali.`);
    else byId.set(step.id, step);
  }
  // The first step with each id is the one the graph uses; later duplicates are reported above.
  const steps = [...byId.values()];

  // Steps: content.
  for (const step of steps) {
    if (blank(step.title)) stepProblem(step, 'judul langkah wajib diisi.');
    if (!isActionStep(step)) continue;
    checkActionStep(step, roleKeys, byId, (message) => stepProblem(step, message));
  }

  // Start and end.
  const ends = steps.filter((s) => s.kind === 'end');
  if (ends.length === 0) templateProblem('Templat tidak punya langkah akhir (selesai atau dikembalikan).');
  let startStep: SopStep | undefined;
  if (blank(t.start)) templateProblem('Langkah awal belum ditentukan.');
  else {
    startStep = byId.get(t.start);
    if (!startStep) templateProblem(`Langkah awal "${t.start}" tidak ada di daftar langkah.`);
    else if (startStep.kind === 'end') templateProblem(`${stepLabel(startStep)} tidak boleh menjadi langkah awal.`);
  }

  // Targets that exist (missing ones were reported by checkActionStep).
  const successors = (step: SopStep): SopStep[] =>
    nextStepIds(step)
      .map((id) => byId.get(id))
      .filter((s): s is SopStep => s !== undefined);

  // Reachable from the start.
  if (startStep) {
    const reached = new Set<string>([startStep.id]);
    const queue: SopStep[] = [startStep];
    for (let s = queue.shift(); s; s = queue.shift()) {
      for (const n of successors(s)) {
        if (!reached.has(n.id)) {
          reached.add(n.id);
          queue.push(n);
        }
      }
    }
    for (const step of steps) {
      if (!reached.has(step.id)) stepProblem(step, 'tidak dapat dicapai dari langkah awal.');
    }
  }

  // Loops made only of single-way steps (no decision): once entered, they never end.
  const inLoop = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const singleWay = (s: SopStep | undefined): s is Extract<SopStep, { next: string }> =>
    s !== undefined && (s.kind === 'task' || s.kind === 'disposition');
  for (const first of steps) {
    if (!singleWay(first) || state.has(first.id)) continue;
    const path: SopStep[] = [];
    let cur: SopStep | undefined = first;
    while (singleWay(cur) && !state.has(cur.id)) {
      state.set(cur.id, 'open');
      path.push(cur);
      cur = byId.get(cur.next);
    }
    if (singleWay(cur) && state.get(cur.id) === 'open') {
      const loop = path.slice(path.findIndex((s) => s.id === cur.id));
      for (const s of loop) inLoop.add(s.id);
      const head = steps.find((s) => loop.includes(s)) ?? cur;
      const headAt = loop.indexOf(head);
      const ordered = [...loop.slice(headAt), ...loop.slice(0, headAt), head];
      stepProblem(
        head,
        `berputar tanpa keputusan (${ordered.map(shortName).join(' → ')}); putaran ini tidak pernah berakhir. ` +
          'Jadikan salah satu langkahnya keputusan dengan cabang keluar, atau ubah langkah berikutnya.',
      );
    }
    for (const s of path) state.set(s.id, 'done');
  }

  // An end reachable from every step.
  if (ends.length > 0) {
    const predecessors = new Map<string, SopStep[]>();
    for (const s of steps) {
      for (const n of successors(s)) predecessors.set(n.id, [...(predecessors.get(n.id) ?? []), s]);
    }
    const leadsToEnd = new Set<string>(ends.map((e) => e.id));
    const queue: SopStep[] = [...ends];
    for (let s = queue.shift(); s; s = queue.shift()) {
      for (const p of predecessors.get(s.id) ?? []) {
        if (!leadsToEnd.has(p.id)) {
          leadsToEnd.add(p.id);
          queue.push(p);
        }
      }
    }
    for (const step of steps) {
      if (!leadsToEnd.has(step.id) && !inLoop.has(step.id)) stepProblem(step, 'dari langkah ini tidak ada jalan menuju langkah akhir.');
    }
  }

  return problems;
}

function shortName(step: SopStep): string {
  if (step.kind === 'end') return 'akhir';
  return blank(step.number) ? step.id : step.number;
}

function checkActionStep(step: ActionStep, roleKeys: Set<string>, byId: Map<string, SopStep>, problem: (message: string) => void): void {
  if (blank(step.number)) problem('nomor langkah wajib diisi.');
  if (blank(step.actor)) problem('pelaksana wajib dipilih.');
  else if (!roleKeys.has(step.actor)) problem(`pelaksana "${step.actor}" tidak ada di daftar peran templat.`);

  const timeProblem = timeStandardProblem(step.standard);
  if (timeProblem) problem(timeProblem);
  if (step.pause && blank(step.pause.reason)) problem('alasan titik jeda wajib diisi.');

  const target = (id: string, what: string) => {
    if (blank(id)) problem(`${what} belum ditentukan.`);
    else if (!byId.has(id)) problem(`${what} "${id}" tidak ada di daftar langkah.`);
  };

  switch (step.kind) {
    case 'task':
      target(step.next, 'langkah berikutnya');
      return;
    case 'disposition':
      if (blank(step.to)) problem('tujuan disposisi wajib dipilih.');
      else if (!roleKeys.has(step.to)) problem(`tujuan disposisi "${step.to}" tidak ada di daftar peran templat.`);
      target(step.next, 'langkah berikutnya');
      return;
    case 'decision': {
      if (blank(step.question)) problem('pertanyaan keputusan wajib diisi.');
      if (step.branches.length < 2) problem(`keputusan harus punya paling sedikit dua cabang (sekarang ${step.branches.length}).`);
      const keys = new Set<string>();
      step.branches.forEach((b, i) => {
        const name = blank(b.label) ? `cabang ${i + 1}` : `cabang "${b.label.trim()}"`;
        if (blank(b.key)) problem(`${name}: kunci cabang wajib diisi.`);
        else if (keys.has(b.key)) problem(`${name}: kunci cabang "${b.key}" dipakai lebih dari sekali.`);
        keys.add(b.key);
        if (blank(b.label)) problem(`${name}: label cabang wajib diisi.`);
        if (blank(b.next)) problem(`${name} belum punya langkah tujuan.`);
        else if (!byId.has(b.next)) problem(`${name} menuju langkah "${b.next}" yang tidak ada di daftar langkah.`);
      });
      return;
    }
  }
}

/** Throws an Error listing every problem of the template (one a line). */
export function assertValidTemplate(t: SopTemplate): void {
  const problems = validateTemplate(t);
  if (problems.length === 0) return;
  const name = blank(t.name) ? t.key : t.name;
  throw new Error(`Templat SOP "${name}" tidak sah:\n${problems.map((p) => `- ${p.message}`).join('\n')}`);
}

// ---------------------------------------------------------------------------------------------
// zod: a template coming from the editor (JSON)
// ---------------------------------------------------------------------------------------------

/** The values of `records` on a step (kept in the same order as in model.ts). */
export const STEP_RECORDS = [
  'hosting_record',
  'security_evaluation',
  'document_hosting_access',
  'document_bast',
  'document_report',
  'document_cover_letter',
] as const;

/** zod error option: "wajib diisi." when the field is missing, else `wrong`. */
const wrong = (message: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? 'wajib diisi.' : message) });

const num = z.number(wrong('harus berupa angka.'));

export const TimeStandardSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('none') }),
    z.object({ kind: z.literal('minutes'), value: num }),
    z.object({ kind: z.literal('hours'), value: num }),
    z.object({
      kind: z.literal('range'),
      min: num,
      max: num,
      unit: z.enum(['minutes', 'hours'], wrong('satuan harus menit atau jam.')),
    }),
    z.object({ kind: z.literal('days'), value: num }),
  ],
  wrong('jenis standar waktu tidak dikenal.'),
);

const text = z.string(wrong('harus berupa teks.'));

export const SopRoleSchema = z.object({
  key: text,
  label: text,
  systemRole: z.enum(ROLES, wrong(`peran sistem harus salah satu dari: ${ROLES.join(', ')}.`)),
  external: z.boolean(wrong('harus ya atau tidak.')).optional(),
});

const stepBase = {
  id: text,
  number: text,
  title: text,
  actor: text,
  inputs: z.array(text, wrong('harus berupa daftar.')),
  standard: TimeStandardSchema,
  output: text,
  pause: z.object({ reason: text }).optional(),
  records: z.array(z.enum(STEP_RECORDS, wrong('jenis pencatatan tidak dikenal.'))).optional(),
};

export const SopStepSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ ...stepBase, kind: z.literal('task'), next: text }),
    z.object({ ...stepBase, kind: z.literal('disposition'), to: text, next: text }),
    z.object({
      ...stepBase,
      kind: z.literal('decision'),
      question: text,
      branches: z.array(
        z.object({ key: text, label: text, next: text, returnsToOpd: z.boolean(wrong('harus ya atau tidak.')).optional() }),
        wrong('harus berupa daftar.'),
      ),
    }),
    z.object({
      id: text,
      kind: z.literal('end'),
      title: text,
      outcome: z.enum(['selesai', 'dikembalikan'], wrong('hasil akhir harus "selesai" atau "dikembalikan".')),
    }),
  ],
  wrong('jenis langkah harus task, disposition, decision atau end.'),
);

/** The shape of a template, without the checks of `validateTemplate`. */
export const SopTemplateShapeSchema = z.object({
  key: text,
  name: text,
  source: text,
  subject: z.enum(['request', 'complaint'], wrong('subjek harus "request" atau "complaint".')),
  serviceStandard: TimeStandardSchema,
  roles: z.array(SopRoleSchema, wrong('harus berupa daftar.')),
  start: text,
  steps: z.array(SopStepSchema, wrong('harus berupa daftar.')),
  notes: z.array(text, wrong('harus berupa daftar.')),
});

/** A template that has the right shape and passes `validateTemplate`. */
export const SopTemplateSchema = SopTemplateShapeSchema.superRefine((t, ctx) => {
  for (const p of validateTemplate(t)) {
    const at = p.stepId === null ? -1 : t.steps.findIndex((s) => s.id === p.stepId);
    ctx.addIssue({ code: 'custom', message: p.message, path: at >= 0 ? ['steps', at] : [] });
  }
});

// The schemas and the model must describe the same thing; these fail to compile when they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _timeStandardMatches: Same<z.infer<typeof TimeStandardSchema>, TimeStandard> = true;
const _templateMatches: Same<z.infer<typeof SopTemplateShapeSchema>, SopTemplate> = true;
const _recordsMatch: Same<(typeof STEP_RECORDS)[number], NonNullable<ActionStep['records']>[number]> = true;
void _timeStandardMatches;
void _templateMatches;
void _recordsMatch;

const FIELD_NAMES: Record<string, string> = {
  key: 'kunci',
  name: 'nama templat',
  source: 'sumber',
  subject: 'subjek',
  serviceStandard: 'waktu penyelesaian layanan',
  roles: 'daftar peran',
  start: 'langkah awal',
  steps: 'daftar langkah',
  notes: 'catatan',
  id: 'ID',
  number: 'nomor',
  title: 'judul',
  actor: 'pelaksana',
  inputs: 'kelengkapan',
  standard: 'standar waktu',
  output: 'output',
  pause: 'titik jeda',
  reason: 'alasan',
  records: 'pencatatan',
  kind: 'jenis',
  next: 'langkah berikutnya',
  to: 'tujuan disposisi',
  question: 'pertanyaan',
  branches: 'cabang',
  outcome: 'hasil akhir',
  label: 'nama',
  systemRole: 'peran sistem',
  external: 'pihak luar',
  returnsToOpd: 'kembali ke OPD',
  value: 'nilai',
  min: 'batas bawah',
  max: 'batas atas',
  unit: 'satuan',
};

const asRecord = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/** "Langkah 5 "…" (standar waktu)" for a zod issue path, read against the raw input. */
function describePath(input: unknown, path: ReadonlyArray<PropertyKey>): string {
  const root = asRecord(input);
  const [head, index, ...rest] = path;
  const field = (keys: ReadonlyArray<PropertyKey>) =>
    keys
      .map((k) => (typeof k === 'number' ? `ke-${k + 1}` : (FIELD_NAMES[String(k)] ?? String(k))))
      .join(' ');
  if (head === 'steps' && typeof index === 'number') {
    const raw = asRecord(Array.isArray(root?.steps) ? (root.steps as unknown[])[index] : undefined);
    const str = (k: string) => (typeof raw?.[k] === 'string' ? (raw[k] as string) : '');
    const label =
      raw && (str('number') || str('title'))
        ? `Langkah${str('number') ? ` ${str('number')}` : ''}${str('title') ? ` "${shortTitle(str('title'))}"` : ''}`
        : `Langkah ke-${index + 1} dalam daftar`;
    return rest.length > 0 ? `${label} (${field(rest)})` : label;
  }
  if (head === 'roles' && typeof index === 'number') {
    const raw = asRecord(Array.isArray(root?.roles) ? (root.roles as unknown[])[index] : undefined);
    const label = typeof raw?.label === 'string' && raw.label.trim() ? `Peran "${raw.label.trim()}"` : `Peran ke-${index + 1}`;
    return rest.length > 0 ? `${label} (${field(rest)})` : label;
  }
  return path.length > 0 ? `Templat (${field(path)})` : 'Templat';
}

/** For what the schemas above do not word themselves. */
const indonesianErrors = (issue: { input?: unknown }): string => (issue.input === undefined ? 'wajib diisi.' : 'isian tidak sah.');

export type TemplateParseResult = { ok: true; template: SopTemplate } | { ok: false; problems: TemplateProblem[] };

/**
 * Reads a template coming from the editor or a file: its shape first (zod), then every check of
 * `validateTemplate`. Problems are worded for the office, each naming its step.
 */
export function safeParseTemplate(input: unknown): TemplateParseResult {
  if (asRecord(input) === null) return { ok: false, problems: [{ stepId: null, message: 'Templat harus berupa objek JSON.' }] };
  const shape = SopTemplateShapeSchema.safeParse(input, { error: indonesianErrors });
  if (!shape.success) {
    const problems = shape.error.issues.map((issue): TemplateProblem => {
      const [head, index] = issue.path;
      let stepId: string | null = null;
      if (head === 'steps' && typeof index === 'number') {
        const raw = asRecord(Array.isArray(asRecord(input)?.steps) ? (asRecord(input)?.steps as unknown[])[index] : undefined);
        stepId = typeof raw?.id === 'string' ? raw.id : null;
      }
      return { stepId, message: `${describePath(input, issue.path)}: ${issue.message}` };
    });
    return { ok: false, problems };
  }
  const template: SopTemplate = shape.data;
  const problems = validateTemplate(template);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, template };
}

/** Like `safeParseTemplate`, but throws an Error listing the problems. */
export function parseTemplate(input: unknown): SopTemplate {
  const result = safeParseTemplate(input);
  if (result.ok) return result.template;
  throw new Error(`Templat SOP tidak sah:\n${result.problems.map((p) => `- ${p.message}`).join('\n')}`);
}
