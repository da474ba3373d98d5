/**
 * A desk client (issue 8): a Loket whose data folder holds `klien.json` keeps no register of its
 * own. Every API call goes to the host's LAN listener over HTTPS, pinned to the certificate the
 * desk saw when it was paired (trust on first use: the fingerprint shown at pairing is compared by
 * a person with the one on the host's screen). A host presenting any other certificate is refused
 * before anything (token, desk secret, data) is sent.
 *
 * The calls that belong to the desk itself run here: printing (the PDF is rendered by the host's
 * `documents.render`, then printed on this desk's printer) and this desk's preferences.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import tls from 'node:tls';
import { z } from 'zod';
import { contract, isCallName } from '../../shared/api/contract';
import { DESK_HEADER, DESK_LOCAL_CALLS, IDEMPOTENCY_HEADER, isChangeEvent, isDeskLocalCall, usesIdempotencyKey, type ChangeEvent } from '../../shared/api/effects';
import { ApiError, DEFAULT_MESSAGES, ERROR_CODES, type ApiErrorBody, type ApiResult, type ErrorCode } from '../../shared/api/errors';
import { PairOutputSchema } from '../../shared/api/lan-schemas';
import { AttachmentSchema, UserSchema, type Attachment, type PaperSize, type User } from '../../shared/api/schemas';
import { roleAllowed } from '../../shared/api/roles';
import { listScanners, scannerOptions } from '../core/scan/handlers';
import type { ScanJobs } from '../core/scan/scanner';
import { derToPem, fingerprintOfDer, fingerprintOfPem, normalizeFingerprint } from '../core/services/tls';
import type { PrefsStore } from '../core/services/prefs';
import type { Printing } from '../core/services/printing';
import type { CallFn, CallRequest, EventFeed } from './http';

export const KLIEN_FILE = 'klien.json';

export const KlienSchema = z.object({
  hostUrl: z.string().url(),
  fingerprint: z.string(),
  certificate: z.string(),
  deskId: z.string(),
  deskSecret: z.string(),
  deskName: z.string(),
  agencyName: z.string().nullable(),
  pairedAt: z.string(),
});
export type Klien = z.output<typeof KlienSchema>;

export function klienPath(dataDir: string): string {
  return path.join(dataDir, KLIEN_FILE);
}

/** The desk's pairing, or null when this data folder is not a desk client. */
export function readKlien(dataDir: string): Klien | null {
  const file = klienPath(dataDir);
  if (!fs.existsSync(file)) return null;
  const parsed = KlienSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')) as unknown);
  if (!parsed.success) throw new Error(`${file} rusak: pasangkan ulang meja ini (loket pair).`);
  if (fingerprintOfPem(parsed.data.certificate) !== parsed.data.fingerprint) throw new Error(`${file} rusak: sertifikat dan sidik jarinya tidak cocok.`);
  return parsed.data;
}

export function writeKlien(dataDir: string, klien: Klien): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = klienPath(dataDir);
  const tmp = `${file}.baru`;
  fs.writeFileSync(tmp, `${JSON.stringify(klien, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
  fs.chmodSync(file, 0o600);
}

/* ---------- errors ---------- */

const UNREACHABLE: ApiErrorBody = { code: 'HOST_UNREACHABLE', message: DEFAULT_MESSAGES.HOST_UNREACHABLE };

export function untrustedMessage(pinned: string): string {
  return (
    'Sertifikat host tidak cocok dengan yang dipasangkan di meja ini (sidik jari berbeda). Sambungan dihentikan sebelum data dikirim. ' +
    `Sidik jari yang dipasangkan: ${pinned}. Bila komputer host memang diganti, pasangkan ulang meja ini; bila tidak, hubungi administrator.`
  );
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|LOKET_FINGERPRINT|ERR_TLS|ERR_SSL/;

function classify(error: unknown, pinned: string): ApiErrorBody {
  const code = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (TLS_CODES.test(code)) return { code: 'HOST_UNTRUSTED', message: untrustedMessage(pinned) };
  return UNREACHABLE;
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function readResult(body: unknown): ApiResult<unknown> {
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    const b = body as { ok: unknown; value?: unknown; error?: unknown; replayed?: unknown };
    if (b.ok === true) return b.replayed === true ? { ok: true, value: b.value, replayed: true } : { ok: true, value: b.value };
    const e = b.error as { code?: unknown; message?: unknown; fields?: unknown } | undefined;
    if (e && isErrorCode(e.code)) {
      const out: ApiErrorBody = { code: e.code, message: typeof e.message === 'string' ? e.message : DEFAULT_MESSAGES[e.code] };
      if (typeof e.fields === 'object' && e.fields !== null) out.fields = e.fields as Record<string, string>;
      return { ok: false, error: out };
    }
  }
  return { ok: false, error: { code: 'INTERNAL', message: 'Jawaban host Loket tidak dapat dibaca.' } };
}

/* ---------- the pinned connection ---------- */

export interface CallOptions {
  idempotencyKey?: string | null;
  /** Give up when the host sends nothing for this long (default 60 s). */
  idleTimeoutMs?: number;
}

export interface ReliableOutcome {
  result: ApiResult<unknown>;
  attempts: number;
  /** The connection failed at least once before the final answer. */
  interrupted: boolean;
  /** What to tell the user about a save that was interrupted (null when nothing to say). */
  notice: string | null;
}

export const SAVED_AFTER_OUTAGE = 'Tersimpan (dikonfirmasi setelah host kembali).';
export const NOT_SAVED = 'Belum tersimpan: register di komputer host tidak dapat dihubungi. Isian Anda masih ada; coba simpan lagi.';

export class HostClient {
  readonly klien: Klien;
  private readonly agent: https.Agent;
  private readonly url: URL;

  constructor(klien: Klien) {
    this.klien = klien;
    this.url = new URL(klien.hostUrl);
    const pinned = klien.fingerprint;
    this.agent = new https.Agent({
      keepAlive: true,
      maxSockets: 32,
      // The pinned certificate is the only trust anchor, and it must be exactly that certificate.
      ca: klien.certificate,
      checkServerIdentity: (_host, cert) => {
        if (cert.fingerprint256 === pinned) return undefined;
        return Object.assign(new Error(untrustedMessage(pinned)), { code: 'LOKET_FINGERPRINT_MISMATCH' });
      },
      minVersion: 'TLSv1.2',
    });
  }

  private headers(token: string | null, extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = { [DESK_HEADER]: `${this.klien.deskId}:${this.klien.deskSecret}`, ...extra };
    if (token) h.Authorization = `Bearer ${token}`;
    return h;
  }

  /** One attempt. Never throws: a dropped connection is HOST_UNREACHABLE, a wrong certificate HOST_UNTRUSTED. */
  call(name: string, input: unknown, token: string | null, options: CallOptions = {}): Promise<ApiResult<unknown>> {
    const body = Buffer.from(JSON.stringify(input ?? {}), 'utf8');
    const extra: Record<string, string> = { 'Content-Type': 'application/json', 'Content-Length': String(body.length) };
    if (options.idempotencyKey) extra[IDEMPOTENCY_HEADER] = options.idempotencyKey;
    return new Promise((resolve) => {
      let settled = false;
      const done = (result: ApiResult<unknown>) => {
        if (settled) return;
        settled = true;
        resolve(result);
      };
      const req = https.request(
        {
          protocol: 'https:',
          hostname: this.url.hostname,
          port: this.url.port || 443,
          method: 'POST',
          path: `/api/${encodeURIComponent(name).replace(/%2E/gi, '.')}`,
          agent: this.agent,
          headers: this.headers(token, extra),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              done(readResult(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown));
            } catch {
              done({ ok: false, error: { code: 'INTERNAL', message: 'Jawaban host Loket tidak dapat dibaca.' } });
            }
          });
          res.on('error', () => done({ ok: false, error: UNREACHABLE }));
          res.on('aborted', () => done({ ok: false, error: UNREACHABLE }));
        },
      );
      req.setTimeout(options.idleTimeoutMs ?? 60_000, () => req.destroy(Object.assign(new Error('waktu habis'), { code: 'ETIMEDOUT' })));
      req.on('error', (error) => done({ ok: false, error: classify(error, this.klien.fingerprint) }));
      req.end(body);
    });
  }

  /**
   * A save that survives the host going away: retried with the same idempotency key (with
   * backoff) until the host answers or `deadlineMs` passes. The answer says whether the save
   * happened: `replayed` means the host had made it before the connection dropped.
   */
  async callReliably(
    name: string,
    input: unknown,
    token: string | null,
    options: { idempotencyKey?: string; deadlineMs?: number; onRetry?: (attempt: number, error: ApiErrorBody) => void } = {},
  ): Promise<ReliableOutcome> {
    const key = options.idempotencyKey ?? (usesIdempotencyKey(name) ? crypto.randomUUID() : undefined);
    const deadline = Date.now() + (options.deadlineMs ?? 60_000);
    let attempts = 0;
    let interrupted = false;
    let wait = 250;
    for (;;) {
      attempts++;
      const result = await this.call(name, input, token, { idempotencyKey: key });
      if (result.ok || result.error.code !== 'HOST_UNREACHABLE') {
        const notice = interrupted ? (result.ok ? SAVED_AFTER_OUTAGE : null) : null;
        return { result, attempts, interrupted, notice };
      }
      interrupted = true;
      options.onRetry?.(attempts, result.error);
      if (Date.now() + wait > deadline) return { result: { ok: false, error: { code: 'HOST_UNREACHABLE', message: NOT_SAVED } }, attempts, interrupted, notice: NOT_SAVED };
      await new Promise((r) => setTimeout(r, wait));
      wait = Math.min(wait * 2, 5_000);
    }
  }

  /** The host's change events (its `/api/events`), until `close()` or the connection ends. */
  openEvents(token: string | null, listener: (event: ChangeEvent) => void, onEnd: () => void): Promise<{ close: () => void } | ApiErrorBody> {
    return new Promise((resolve) => {
      let answered = false;
      const answer = (value: { close: () => void } | ApiErrorBody) => {
        if (answered) return;
        answered = true;
        resolve(value);
      };
      const req = https.request(
        {
          protocol: 'https:',
          hostname: this.url.hostname,
          port: this.url.port || 443,
          method: 'GET',
          path: '/api/events',
          agent: false,
          ca: this.klien.certificate,
          checkServerIdentity: (_host: string, cert: tls.PeerCertificate) =>
            cert.fingerprint256 === this.klien.fingerprint ? undefined : Object.assign(new Error('sidik jari'), { code: 'LOKET_FINGERPRINT_MISMATCH' }),
          headers: this.headers(token, { Accept: 'text/event-stream' }),
        },
        (res) => {
          if (res.statusCode !== 200) {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              try {
                const r = readResult(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
                answer(r.ok ? UNREACHABLE : r.error);
              } catch {
                answer(UNREACHABLE);
              }
            });
            return;
          }
          let buffer = '';
          let ended = false;
          const finish = () => {
            if (ended) return;
            ended = true;
            onEnd();
          };
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            let cut = buffer.indexOf('\n\n');
            while (cut >= 0) {
              const block = buffer.slice(0, cut);
              buffer = buffer.slice(cut + 2);
              const data = block
                .split('\n')
                .filter((l) => l.startsWith('data:'))
                .map((l) => l.slice(5).trim())
                .join('\n');
              if (data) {
                try {
                  const event = JSON.parse(data) as unknown;
                  if (isChangeEvent(event)) listener(event);
                } catch {
                  // not an event: ignore
                }
              }
              cut = buffer.indexOf('\n\n');
            }
          });
          res.on('end', finish);
          res.on('close', finish);
          res.on('error', finish);
          answer({
            close: () => {
              ended = true;
              req.destroy();
            },
          });
        },
      );
      // No data for 70 s (the host pings every 25 s): the connection is dead.
      req.setTimeout(70_000, () => req.destroy(Object.assign(new Error('waktu habis'), { code: 'ETIMEDOUT' })));
      req.on('error', (error) => {
        answer(classify(error, this.klien.fingerprint));
        onEnd();
      });
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/* ---------- pairing (trust on first use) ---------- */

export interface HostProbe {
  hostUrl: string;
  fingerprint: string;
  certificate: string;
  agencyName: string | null;
  setUp: boolean;
}

function normalizeHostUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new ApiError('INVALID_INPUT', 'Alamat host tidak sah. Contoh: https://192.168.1.10:4781');
  }
  if (url.protocol !== 'https:') throw new ApiError('INVALID_INPUT', 'Alamat host harus https:// (sambungan ke host selalu terenkripsi).');
  if (!url.port) url.port = '4781';
  return new URL(`${url.protocol}//${url.host}`);
}

/** Connects without trusting anything yet, to read the host's certificate for the person to compare. */
export function probeHost(hostText: string, timeoutMs = 8_000): Promise<HostProbe> {
  const url = normalizeHostUrl(hostText);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        protocol: 'https:',
        hostname: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/api/setup.status',
        agent: false,
        rejectUnauthorized: false,
        headers: { 'Content-Type': 'application/json' },
      },
      (res) => {
        const socket = res.socket as tls.TLSSocket;
        const peer = socket.getPeerCertificate(true);
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (!peer?.raw) {
            reject(new ApiError('HOST_UNTRUSTED', 'Host tidak menunjukkan sertifikat.'));
            return;
          }
          let agencyName: string | null = null;
          let setUp = false;
          try {
            const r = readResult(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
            if (r.ok) {
              const v = r.value as { setUp?: unknown; agencyName?: unknown };
              setUp = v.setUp === true;
              agencyName = typeof v.agencyName === 'string' ? v.agencyName : null;
            }
          } catch {
            // an answer that is not Loket's: still show the certificate
          }
          resolve({ hostUrl: url.origin, fingerprint: fingerprintOfDer(peer.raw), certificate: derToPem(peer.raw), agencyName, setUp });
        });
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('waktu habis'), { code: 'ETIMEDOUT' })));
    req.on('error', () => reject(new ApiError('HOST_UNREACHABLE', `Host ${url.origin} tidak dapat dihubungi. Periksa alamat, jaringan, dan apakah host LAN di komputer host sudah dinyalakan.`)));
    req.end('{}');
  });
}

/**
 * Pairs this desk: checks that the host shows the expected fingerprint (as read from the host's
 * screen), then trades the one-time code for the desk's credential over the pinned connection.
 */
export async function pairWithHost(options: { hostUrl: string; code: string; deskName: string; fingerprint: string; now?: Date }): Promise<Klien> {
  const expected = normalizeFingerprint(options.fingerprint);
  if (!expected) throw new ApiError('INVALID_INPUT', 'Sidik jari sertifikat harus 64 angka heksadesimal (AB:CD:…), seperti di layar host.');
  const probe = await probeHost(options.hostUrl);
  if (probe.fingerprint !== expected) {
    throw new ApiError('HOST_UNTRUSTED', `Sidik jari host ${probe.fingerprint} tidak sama dengan yang diketik (${expected}). Pemasangan dibatalkan.`);
  }
  const pending: Klien = {
    hostUrl: probe.hostUrl,
    fingerprint: probe.fingerprint,
    certificate: probe.certificate,
    deskId: '',
    deskSecret: '',
    deskName: options.deskName,
    agencyName: probe.agencyName,
    pairedAt: (options.now ?? new Date()).toISOString(),
  };
  const client = new HostClient(pending);
  try {
    const result = await client.call('lan.pair', { code: options.code, deskName: options.deskName }, null);
    if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.fields);
    const paired = PairOutputSchema.parse(result.value);
    return { ...pending, deskId: paired.deskId, deskSecret: paired.deskSecret, agencyName: paired.agencyName ?? probe.agencyName };
  } finally {
    client.close();
  }
}

/* ---------- the desk's dispatcher ---------- */

export interface DeskLocal {
  printing: Printing;
  prefs: PrefsStore;
  /** The scanners attached to this desk; the PDF of a scan is uploaded to the host. */
  scans?: ScanJobs;
  log?: (message: string) => void;
}

/**
 * What the desk's window (IPC) or browser (`serve --remote`) calls: the host for everything except
 * the desk's own calls (printing, preferences), which run here after the host has vouched for the
 * session. Never opens a local register.
 */

type DeskPrintCall = 'print.document' | 'complaints.printReceipt' | 'standards.print' | 'documents.printVersion' | 'reports.print';

/** Where a desk prints; paper null: the paper of the document itself. */
interface DeskPrintTarget {
  printer: string;
  copies: number;
  paper: PaperSize | null;
}

/** A print call run at the desk: the host call that draws the PDF, and where and how to print it. */
function deskPrintJob(name: DeskPrintCall, raw: unknown): { render: 'documents.render' | 'complaints.receipt' | 'standards.pdf' | 'documents.renderVersion' | 'reports.pdf'; input: unknown; to: DeskPrintTarget } {
  const to = (i: { printer: string; copies: number; paper: PaperSize }) => ({ printer: i.printer, copies: i.copies, paper: i.paper });
  switch (name) {
    case 'documents.printVersion': {
      // A registered document prints on its version's own paper (the host says which).
      const i = contract[name].input.parse(raw);
      return { render: 'documents.renderVersion', input: { documentId: i.documentId, version: i.version }, to: { printer: i.printer, copies: i.copies, paper: null } };
    }
    case 'print.document': {
      const i = contract[name].input.parse(raw);
      return { render: 'documents.render' as const, input: { kind: i.kind, letterId: i.letterId, paper: i.paper }, to: to(i) };
    }
    case 'complaints.printReceipt': {
      const i = contract[name].input.parse(raw);
      return { render: 'complaints.receipt' as const, input: { id: i.id, paper: i.paper }, to: to(i) };
    }
    case 'reports.print': {
      const i = contract[name].input.parse(raw);
      return { render: 'reports.pdf', input: { report: i.report, paper: i.paper }, to: to(i) };
    }
    case 'standards.print': {
      const i = contract[name].input.parse(raw);
      return { render: 'standards.pdf' as const, input: { service: i.service, paper: i.paper }, to: to(i) };
    }
  }
}

export class RemoteDispatcher {
  private lastToken: string | null = null;
  /** Tokens the host vouched for, with the user and when it was asked. */
  private readonly verified = new Map<string, { at: number; user: User }>();
  private readonly watchers = new Set<(event: ChangeEvent) => void>();
  private stream: { close: () => void } | null = null;
  private streamToken: string | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    readonly client: HostClient,
    private readonly local: DeskLocal,
  ) {}

  readonly call: CallFn = async (r: CallRequest) => {
    if (isDeskLocalCall(r.name) && isCallName(r.name)) return this.runLocal(r);
    const key = r.idempotencyKey ?? (usesIdempotencyKey(r.name) ? crypto.randomUUID() : null);
    const result = await this.client.call(r.name, r.input, r.token, { idempotencyKey: key });
    if (result.ok && r.token) {
      if (r.name === 'auth.logout') {
        this.verified.delete(r.token);
        if (this.lastToken === r.token) this.useToken(null);
      } else this.useToken(r.token);
    }
    if (result.ok && (r.name === 'auth.login' || r.name === 'setup.initialize')) {
      const token = (result.value as { token?: unknown }).token;
      if (typeof token === 'string') this.useToken(token);
    }
    return result;
  };

  /** The user of a session valid at the host (asked at most every 30 s per token). */
  private async checkSession(token: string | null): Promise<{ user: User } | { error: ApiErrorBody }> {
    if (!token) return { error: { code: 'UNAUTHENTICATED', message: DEFAULT_MESSAGES.UNAUTHENTICATED } };
    const known = this.verified.get(token);
    if (known !== undefined && Date.now() - known.at < 30_000) return { user: known.user };
    const me = await this.client.call('auth.me', {}, token);
    if (!me.ok) return { error: me.error };
    const user = UserSchema.parse(me.value);
    this.verified.set(token, { at: Date.now(), user });
    return { user };
  }

  /** This desk's scanners; a desk without scanning services has none. */
  private scans(): ScanJobs {
    if (!this.local.scans) throw new ApiError('NOT_FOUND', 'Pemindaian tidak tersedia di meja ini.');
    return this.local.scans;
  }

  /** A scan made at this desk goes to the host as an upload, in the name of the user who scanned. */
  private async uploadScan(pdf: Buffer, name: string, token: string | null): Promise<Attachment> {
    const uploaded = await this.client.call('attachments.upload', { name, dataBase64: pdf.toString('base64') }, token);
    if (!uploaded.ok) throw new ApiError(uploaded.error.code, uploaded.error.message, uploaded.error.fields);
    return AttachmentSchema.parse(uploaded.value);
  }

  private async runScanCall(name: 'scan.devices' | 'scan.deviceOptions' | 'scan.start' | 'scan.status' | 'scan.cancel', input: unknown, user: User, token: string | null): Promise<unknown> {
    const scans = this.scans();
    switch (name) {
      case 'scan.devices':
        return listScanners(scans);
      case 'scan.deviceOptions':
        return scannerOptions(scans, contract[name].input.parse(input).device);
      case 'scan.start':
        return { jobId: scans.start(contract[name].input.parse(input), user, (pdf, fileName) => this.uploadScan(pdf, fileName, token)) };
      case 'scan.status':
        return scans.status(contract[name].input.parse(input).jobId, user);
      case 'scan.cancel':
        return scans.cancel(contract[name].input.parse(input).jobId, user);
    }
  }

  private async runLocal(r: CallRequest): Promise<ApiResult<unknown>> {
    const name = r.name as (typeof DESK_LOCAL_CALLS)[number];
    try {
      const session = await this.checkSession(r.token);
      if ('error' in session) return { ok: false, error: session.error };
      const spec = contract[name];
      if (!roleAllowed(spec.access, session.user.role)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Peran Anda tidak berwenang melakukan tindakan ini.' } };
      }
      const parsed = spec.input.safeParse(r.input ?? {});
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        return { ok: false, error: { code: 'INVALID_INPUT', message: first?.message ?? DEFAULT_MESSAGES.INVALID_INPUT } };
      }
      let value: unknown;
      if (name === 'print.printers') value = await this.local.printing.list();
      else if (name === 'prefs.get') value = this.local.prefs.get();
      else if (name === 'prefs.set') value = this.local.prefs.set(parsed.data as Parameters<PrefsStore['set']>[0]);
      else if (name === 'scan.devices' || name === 'scan.deviceOptions' || name === 'scan.start' || name === 'scan.status' || name === 'scan.cancel') {
        value = await this.runScanCall(name, r.input, session.user, r.token);
      } else {
        // Drawn by the host, printed on this desk's printer.
        const job = deskPrintJob(name, r.input);
        const rendered = await this.client.call(job.render, job.input, r.token);
        if (!rendered.ok) return rendered;
        const pdf = rendered.value as { fileName: string; dataBase64: string; paper?: PaperSize };
        const paper = job.to.paper ?? pdf.paper ?? 'A4';
        const printed = await this.local.printing.print({ printer: job.to.printer, copies: job.to.copies, paper, pdf: Buffer.from(pdf.dataBase64, 'base64'), title: pdf.fileName });
        // The desk remembers the printer and copies; the paper only when the clerk chose it.
        this.local.prefs.set(job.to.paper === null ? { printer: job.to.printer, copies: job.to.copies } : { ...job.to, paper: job.to.paper });
        value = { jobId: printed.jobId, printer: job.to.printer };
      }
      const checked = spec.output.safeParse(value);
      if (!checked.success) return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } };
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toBody() };
      this.local.log?.(`Galat di meja (${name}): ${error instanceof Error ? error.message : String(error)}`);
      return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } };
    }
  }

  /** The host's change events for the desk's window (Electron): one stream, with the latest good token. */
  watch(listener: (event: ChangeEvent) => void): () => void {
    this.watchers.add(listener);
    this.connect();
    return () => {
      this.watchers.delete(listener);
    };
  }

  private useToken(token: string | null): void {
    if (token === this.lastToken) return;
    this.lastToken = token;
    if (this.stream && this.streamToken !== token) {
      this.stream.close();
      this.stream = null;
    }
    this.connect();
  }

  private connect(): void {
    if (this.closed || this.stream || this.watchers.size === 0 || this.lastToken === null || this.reconnect) return;
    const token = this.lastToken;
    this.streamToken = token;
    const again = () => {
      this.stream = null;
      if (this.closed || this.reconnect) return;
      this.reconnect = setTimeout(() => {
        this.reconnect = null;
        this.connect();
      }, 3_000);
    };
    this.stream = { close: () => undefined };
    void this.client
      .openEvents(token, (event) => this.watchers.forEach((w) => w(event)), again)
      .then((opened) => {
        if ('close' in opened) {
          if (this.streamToken !== token || this.closed) opened.close();
          else this.stream = opened;
        } else {
          if (opened.code === 'UNAUTHENTICATED' || opened.code === 'SESSION_EXPIRED') {
            // Wait for the next good token (after the user logs in again).
            this.stream = null;
            if (this.lastToken === token) this.lastToken = null;
          } else again();
        }
      });
  }

  /** The feed for a local HTTP server (`serve --remote`): one upstream stream per page. */
  feed(): EventFeed {
    return { open: (token, _deskId, listener, onEnd) => this.client.openEvents(token, listener, onEnd) };
  }

  close(): void {
    this.closed = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    this.stream?.close();
    this.client.close();
  }
}
