/**
 * What a call does beyond its answer, for several desks over one register (issue 8):
 * - which calls only read (no idempotency key, no retry of a half-done save, no change event);
 * - which calls run at the desk that asked, not at the host (printing, this desk's preferences);
 * - which calls a desk may make over the LAN before it is paired;
 * - which calls never get an idempotency key (their answer holds a secret that must not be stored);
 * - the change event the host sends to every desk after a call changed the register.
 *
 * A call not listed as read-only is treated as one that may change the register: a new read-only
 * call should be added to READ_ONLY_CALLS (it still works if it is not; it only costs a retry key).
 */
import type { CallName } from './contract';

export const READ_ONLY_CALLS = [
  'setup.status',
  'auth.me',
  'office.get',
  'officials.list',
  'opd.list',
  'users.list',
  'codes.list',
  'instructions.list',
  'attachments.get',
  'letters.search',
  'letters.years',
  'letters.get',
  'documents.render',
  'print.printers',
  'queue.mine',
  'dashboard.get',
  'audit.forLetter',
  'sop.list',
  'sop.get',
  'sop.schedule',
  'calendar.get',
  'prefs.get',
  'hosting.settings.get',
  'hosting.list',
  'hosting.get',
  'hosting.securityEvaluation.report',
  'hosting.suggestIp',
  'hosting.forRequest',
  'lan.status',
  'desk.probe',
  'lan.settings.get',
  'lan.desks.list',
  'scan.devices',
  'scan.deviceOptions',
  'scan.status',
  'scan.folder.get',
  'scan.inbox.list',
  'pages.thumbnails',
  'ocr.status',
  'documents.types.get',
  'documents.forRequest',
  'documents.verify',
  'reports.data',
  'reports.pdf',
  'reports.xlsx',
  'evaluation.get',
  'import.preview',
  'import.status',
  'complaints.list',
  'complaints.get',
  'complaints.receipt',
  'complaints.settings.get',
  'audit.forComplaint',
  'standards.list',
  'standards.pdf',
  'lists.xlsx',
] as const satisfies readonly CallName[];

/** Run by the desk client itself (its printers, its preferences); the host refuses them over the LAN. */
export const DESK_LOCAL_CALLS = [
  'print.printers',
  'print.document',
  'complaints.printReceipt',
  'standards.print',
  'documents.printVersion',
  'reports.print',
  'scan.devices',
  'scan.deviceOptions',
  'scan.start',
  'scan.status',
  'scan.cancel',
  'prefs.get',
  'prefs.set',
] as const satisfies readonly CallName[];

/** The only calls the LAN listener answers without a paired desk's credential. */
export const LAN_OPEN_CALLS = ['setup.status', 'lan.pair'] as const satisfies readonly CallName[];

/** Never replayed from a stored answer: the answer holds a token, a secret or a password. */
export const NO_IDEMPOTENCY_CALLS = [
  'auth.login',
  'auth.logout',
  'setup.initialize',
  'lan.pair',
  'lan.pairing.create',
  'desk.pair',
  'hosting.setPassword',
  'hosting.revealPassword',
  // The access document's PDF prints the web-panel password: its answer is never kept for a retry.
  'documents.renderVersion',
] as const satisfies readonly CallName[];

const readOnly = new Set<string>(READ_ONLY_CALLS);
const deskLocal = new Set<string>(DESK_LOCAL_CALLS);
const lanOpen = new Set<string>(LAN_OPEN_CALLS);
const noIdempotency = new Set<string>(NO_IDEMPOTENCY_CALLS);

export function isReadOnlyCall(name: string): boolean {
  return readOnly.has(name);
}

export function isDeskLocalCall(name: string): boolean {
  return deskLocal.has(name);
}

export function isLanOpenCall(name: string): boolean {
  return lanOpen.has(name);
}

/** Whether a desk sends an idempotency key with this call (and retries it with the same key). */
export function usesIdempotencyKey(name: string): boolean {
  return !readOnly.has(name) && !noIdempotency.has(name) && !deskLocal.has(name);
}

export const DESK_HEADER = 'x-loket-desk';
export const IDEMPOTENCY_HEADER = 'x-loket-idempotency';
/** A key: 8 to 100 characters of letters, digits, '-' and '_' (a UUID fits). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

/** Sent to every desk (Server-Sent Events, `GET /api/events`) after a call changed the register. */
export interface ChangeEvent {
  type: 'changed';
  /** 'letter', 'request', 'hosting', 'office', 'user', 'lan', …: what kind of thing changed. */
  entity: string;
  id: number | string | null;
  /** The letter concerned, when there is one (a letter page refreshes on it). */
  letterId: number | null;
  call: string;
}

const ENTITY_BY_PREFIX: Record<string, string> = {
  letters: 'letter',
  requests: 'request',
  dispositions: 'request',
  attachments: 'attachment',
  hosting: 'hosting',
  users: 'user',
  office: 'office',
  officials: 'office',
  opd: 'office',
  codes: 'office',
  instructions: 'office',
  calendar: 'calendar',
  sop: 'sop',
  lan: 'lan',
  auth: 'session',
};

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value ? (value as Record<string, unknown>)[key] : undefined;
}

function idLike(value: unknown): number | string | null {
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

export function changeEventFor(name: string, input: unknown, output: unknown): ChangeEvent {
  const prefix = name.split('.')[0] ?? name;
  const entity = ENTITY_BY_PREFIX[prefix] ?? prefix;
  const id = idLike(field(output, 'id')) ?? idLike(field(input, 'id')) ?? idLike(field(input, 'requestId')) ?? null;
  const letterRaw = field(output, 'letterId') ?? field(input, 'letterId') ?? (entity === 'letter' ? id : undefined);
  return { type: 'changed', entity, id, letterId: typeof letterRaw === 'number' ? letterRaw : null, call: name };
}

export function isChangeEvent(value: unknown): value is ChangeEvent {
  return field(value, 'type') === 'changed' && typeof field(value, 'entity') === 'string' && typeof field(value, 'call') === 'string';
}
