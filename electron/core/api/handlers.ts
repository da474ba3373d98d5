/** The implementation of every call in the contract, as plain Node code over the register. */
import { ApiError } from '../../../shared/api/errors';
import type { Handlers } from './dispatch';
import { login, logout, verifyPassword, hashPassword } from '../services/auth';
import {
  getOffice,
  initializeOffice,
  isSetUp,
  listCodes,
  listInstructions,
  listOfficials,
  listOpd,
  listUsers,
  saveCode,
  saveInstruction,
  saveOffice,
  saveOfficial,
  saveOpd,
  saveUser,
} from '../services/office';
import { getLetter, letterYears, registerLetter, searchLetters } from '../services/letters';
import { renderLetterDocument } from '../pdf/documents';
import {
  actOnStep,
  canSeeLetter,
  dashboard,
  getRequestView,
  markDispositionsRead,
  myQueue,
  requestIdForLetter,
  withdrawDisposition,
} from '../services/requests';
import { getTemplate, latestTemplateId, listTemplates, saveTemplate, serviceSops, setServiceSop } from '../services/sop';
import {
  deleteCalendarDay,
  deleteClosure,
  getCalendar,
  getWeek,
  listCalendarDays,
  listClosures,
  saveCalendarDay,
  saveClosure,
  saveWeek,
  seedCalendarYear,
} from '../services/calendar';
import { listAudit } from '../services/audit';
import { planSchedule } from '../services/schedule';
import type { User } from '../../../shared/api/schemas';
import type { CoreContext } from '../context';
import {
  addMaintenance,
  getHostedSystem,
  getHostingSettings,
  getSecurityEvaluation,
  listHostedSystems,
  recordSecurityEvaluation,
  requestHostingView,
  revealPanelPassword,
  saveHostedSystem,
  saveHostingSettings,
  setHostedSystemStatus,
  setPanelPassword,
  suggestAddress,
} from '../services/hosting';
import { scanHandlers } from '../scan/handlers';
import { lanHandlers } from './lan-handlers';
import { documentHandlers } from './document-handlers';
import { reportHandlers } from './report-handlers';
import { LOGIN_LIMIT, assertAttemptsAllowed, clearAttemptFailures, loginAttemptKey, recordAttemptFailure } from '../services/lan';

function decodeBase64(data: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) throw new ApiError('UNSUPPORTED_FILE', 'Isi berkas rusak (bukan base64).');
  return Buffer.from(data, 'base64');
}

function requireUser<T>(user: T | null): T {
  if (user === null) throw new ApiError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
  return user;
}

/** A letter the user may not see is answered as if it did not exist. */
function assertLetterVisible(ctx: CoreContext, letterId: number, user: User): void {
  if (!canSeeLetter(ctx.db, letterId, user)) throw new ApiError('NOT_FOUND', 'Surat tidak ditemukan di buku agenda.');
}

function requestViewFor(ctx: CoreContext, requestId: number, user: User) {
  return getRequestView(ctx.db, requestId, user, ctx.now());
}

function assertAttachmentVisible(ctx: CoreContext, sha256: string, user: User): void {
  const logo = ctx.db.prepare('SELECT 1 FROM office WHERE logo_sha256 = ?').get(sha256);
  if (logo) return;
  const letters = ctx.db.prepare('SELECT letter_id FROM letter_attachments WHERE sha256 = ?').all(sha256) as Array<{ letter_id: number }>;
  if (letters.length === 0 && (user.role === 'front_desk' || user.role === 'admin')) return; // just uploaded, not yet attached
  if (!letters.some((l) => canSeeLetter(ctx.db, l.letter_id, user))) throw new ApiError('NOT_FOUND', 'Berkas pindaian tidak ditemukan.');
}

export const handlers: Handlers = {
  'setup.status': (ctx) => {
    if (!isSetUp(ctx.db)) return { setUp: false, agencyName: null, government: null, logoSha256: null };
    const office = getOffice(ctx.db);
    return { setUp: true, agencyName: office.agencyName, government: office.government, logoSha256: office.logoSha256 };
  },
  'setup.uploadLogo': (ctx, input) => {
    if (isSetUp(ctx.db)) throw new ApiError('ALREADY_SET_UP', 'Kantor sudah disiapkan. Ganti logo lewat Pengaturan.');
    const stored = ctx.files.put(decodeBase64(input.dataBase64));
    if (stored.mime === 'application/pdf') throw new ApiError('UNSUPPORTED_FILE', 'Logo harus gambar PNG atau JPG.');
    return { ...stored, name: input.name };
  },
  'setup.initialize': (ctx, input) => {
    initializeOffice(ctx.db, input, ctx.now());
    return login(ctx.db, input.admin.username, input.admin.password, ctx.now());
  },

  'auth.login': (ctx, input, caller) => {
    // At most 5 failed attempts per user name and desk in 15 minutes (issue 8).
    const attempts = loginAttemptKey(input.username, caller.deskId);
    assertAttemptsAllowed(ctx.db, attempts, LOGIN_LIMIT, ctx.now(), 'Terlalu banyak percobaan masuk.');
    try {
      const session = login(ctx.db, input.username, input.password, ctx.now(), caller.deskId);
      clearAttemptFailures(ctx.db, attempts);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') recordAttemptFailure(ctx.db, attempts, ctx.now());
      throw error;
    }
  },
  'auth.logout': (ctx, _input, caller) => {
    if (caller.token) logout(ctx.db, caller.token, ctx.now());
    return { ok: true as const };
  },
  'auth.me': (_ctx, _input, caller) => requireUser(caller.user),
  'auth.changePassword': (ctx, input, caller) => {
    const user = requireUser(caller.user);
    const row = ctx.db.prepare('SELECT password_hash FROM users WHERE id = ?').get(user.id) as { password_hash: string };
    if (!verifyPassword(input.currentPassword, row.password_hash)) {
      throw new ApiError('INVALID_INPUT', 'Kata sandi sekarang salah.', { currentPassword: 'Kata sandi sekarang salah.' });
    }
    ctx.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hashPassword(input.newPassword), user.id);
    return { ok: true as const };
  },

  'office.get': (ctx) => getOffice(ctx.db),
  'office.update': (ctx, input) => saveOffice(ctx.db, input, ctx.now()),
  'officials.list': (ctx) => listOfficials(ctx.db),
  'officials.save': (ctx, input) => saveOfficial(ctx.db, input),
  'opd.list': (ctx, input) => listOpd(ctx.db, input.q, input.includeInactive),
  'opd.save': (ctx, input) => saveOpd(ctx.db, input),
  'users.list': (ctx) => listUsers(ctx.db),
  'users.save': (ctx, input) => ctx.db.transaction(() => saveUser(ctx.db, input, ctx.now())).immediate(),
  'codes.list': (ctx, input) => listCodes(ctx.db, input.includeInactive),
  'codes.save': (ctx, input) => saveCode(ctx.db, input),
  'instructions.list': (ctx, input) => listInstructions(ctx.db, input.includeInactive),
  'instructions.save': (ctx, input) => saveInstruction(ctx.db, input),

  'attachments.upload': (ctx, input) => ({ ...ctx.files.put(decodeBase64(input.dataBase64)), name: input.name }),
  'attachments.get': (ctx, input, caller) => {
    assertAttachmentVisible(ctx, input.sha256, requireUser(caller.user));
    const file = ctx.files.read(input.sha256);
    return { mime: file.mime, size: file.size, dataBase64: file.data.toString('base64') };
  },

  'letters.register': (ctx, input, caller) => registerLetter(ctx.db, input, requireUser(caller.user).id, ctx.now()),
  'letters.search': (ctx, input, caller) => searchLetters(ctx.db, input, requireUser(caller.user)),
  'letters.years': (ctx) => letterYears(ctx.db),
  'letters.get': (ctx, input, caller) => {
    assertLetterVisible(ctx, input.id, requireUser(caller.user));
    return getLetter(ctx.db, input.id);
  },

  'documents.render': async (ctx, input, caller) => {
    assertLetterVisible(ctx, input.letterId, requireUser(caller.user));
    const doc = await renderLetterDocument(ctx, input.kind, input.letterId, input.paper);
    return { fileName: doc.fileName, mime: 'application/pdf' as const, dataBase64: doc.data.toString('base64'), pages: doc.pages };
  },

  'print.printers': (ctx) => ctx.printing.list(),
  'print.document': async (ctx, input, caller) => {
    assertLetterVisible(ctx, input.letterId, requireUser(caller.user));
    const doc = await renderLetterDocument(ctx, input.kind, input.letterId, input.paper);
    const job = await ctx.printing.print({ printer: input.printer, copies: input.copies, paper: input.paper, pdf: doc.data, title: doc.fileName });
    ctx.prefs.set({ printer: input.printer, copies: input.copies, paper: input.paper });
    return { jobId: job.jobId, printer: input.printer };
  },

  'requests.forLetter': (ctx, input, caller) => {
    const user = requireUser(caller.user);
    assertLetterVisible(ctx, input.letterId, user);
    const id = requestIdForLetter(ctx.db, input.letterId);
    if (id === null) return null;
    markDispositionsRead(ctx.db, id, user.id, ctx.now());
    return requestViewFor(ctx, id, user);
  },
  'requests.act': (ctx, input, caller) => {
    const user = requireUser(caller.user);
    actOnStep(ctx.db, input, user, ctx.now());
    return requestViewFor(ctx, input.requestId, user);
  },
  'dispositions.withdraw': (ctx, input, caller) => {
    const user = requireUser(caller.user);
    withdrawDisposition(ctx.db, input.dispositionId, user, ctx.now());
    const row = ctx.db.prepare('SELECT request_id FROM dispositions WHERE id = ?').get(input.dispositionId) as { request_id: number };
    return requestViewFor(ctx, row.request_id, user);
  },
  'queue.mine': (ctx, _input, caller) => myQueue(ctx.db, requireUser(caller.user), ctx.now()),
  'dashboard.get': (ctx, _input, caller) => dashboard(ctx.db, requireUser(caller.user), ctx.now()),
  'audit.forLetter': (ctx, input, caller) => {
    assertLetterVisible(ctx, input.letterId, requireUser(caller.user));
    const letterEntries = listAudit(ctx.db, 'letter', [String(input.letterId)]);
    const requestId = requestIdForLetter(ctx.db, input.letterId);
    const requestEntries = requestId === null ? [] : listAudit(ctx.db, 'request', [String(requestId)]);
    return [...letterEntries, ...requestEntries].sort((a, b) => a.id - b.id);
  },

  'sop.list': (ctx) => ({ templates: listTemplates(ctx.db), services: serviceSops(ctx.db) }),
  'sop.get': (ctx, input) => {
    const row = listTemplates(ctx.db).find((t) => t.id === input.id);
    if (!row) throw new ApiError('NOT_FOUND', 'SOP tidak ditemukan.');
    return { row, template: getTemplate(ctx.db, input.id) };
  },
  'sop.save': (ctx, input, caller) => ctx.db.transaction(() => saveTemplate(ctx.db, input.template, requireUser(caller.user).id, ctx.now())).immediate(),
  'sop.setService': (ctx, input) => {
    setServiceSop(ctx.db, input.service, input.templateKey);
    return { ok: true as const };
  },
  'sop.schedule': (ctx, input) => {
    const id = latestTemplateId(ctx.db, input.templateKey);
    if (id === null) throw new ApiError('NOT_FOUND', 'SOP tidak ditemukan.');
    return planSchedule(ctx.db, getTemplate(ctx.db, id), input.receivedAt);
  },

  'calendar.get': (ctx, input) => ({
    timeZone: getCalendar(ctx.db).timeZone,
    week: getWeek(ctx.db),
    days: listCalendarDays(ctx.db, input.year),
    closures: listClosures(ctx.db),
  }),
  'calendar.saveWeek': (ctx, input) => {
    ctx.db.transaction(() => saveWeek(ctx.db, input.week)).immediate();
    return { ok: true as const };
  },
  'calendar.saveDay': (ctx, input) => {
    saveCalendarDay(ctx.db, input);
    return { ok: true as const };
  },
  'calendar.deleteDay': (ctx, input) => {
    deleteCalendarDay(ctx.db, input.date);
    return { ok: true as const };
  },
  'calendar.seedYear': (ctx, input) => ({ added: ctx.db.transaction(() => seedCalendarYear(ctx.db, input.year)).immediate() }),
  'calendar.saveClosure': (ctx, input) => ({ id: saveClosure(ctx.db, input) }),
  'calendar.deleteClosure': (ctx, input) => {
    deleteClosure(ctx.db, input.id);
    return { ok: true as const };
  },

  'prefs.get': (ctx) => ctx.prefs.get(),
  'prefs.set': (ctx, input) => ctx.prefs.set(input),

  // --- Register sistem yang di-hosting (issue 4) ---
  'hosting.settings.get': (ctx) => getHostingSettings(ctx.db),
  'hosting.settings.save': (ctx, input, caller) => saveHostingSettings(ctx.db, input, requireUser(caller.user), ctx.now()),
  'hosting.list': (ctx, input) => listHostedSystems(ctx.db, input),
  'hosting.get': (ctx, input) => getHostedSystem(ctx.db, input.id),
  'hosting.save': (ctx, input, caller) => saveHostedSystem(ctx.db, input, requireUser(caller.user), ctx.now()),
  'hosting.setStatus': (ctx, input, caller) => setHostedSystemStatus(ctx.db, input.id, input.status, input.reason, requireUser(caller.user), ctx.now()),
  'hosting.addMaintenance': (ctx, input, caller) => addMaintenance(ctx.db, input, requireUser(caller.user), ctx.now()),
  'hosting.securityEvaluation.save': (ctx, input, caller) => {
    const user = requireUser(caller.user);
    const { reportUpload, ...rest } = input;
    if (reportUpload === null) return recordSecurityEvaluation(ctx.db, rest, user, ctx.now());
    const stored = ctx.files.put(decodeBase64(reportUpload.dataBase64));
    return recordSecurityEvaluation(ctx.db, { ...rest, reportSha256: stored.sha256, reportName: reportUpload.name }, user, ctx.now());
  },
  'hosting.securityEvaluation.report': (ctx, input) => {
    const evaluation = getSecurityEvaluation(ctx.db, input.evaluationId);
    if (evaluation.reportSha256 === null) throw new ApiError('NOT_FOUND', 'Evaluasi keamanan ini tidak dilampiri berkas laporan.');
    const file = ctx.files.read(evaluation.reportSha256);
    return { name: evaluation.reportName ?? 'laporan-evaluasi-keamanan', mime: file.mime, size: file.size, dataBase64: file.data.toString('base64') };
  },
  'hosting.suggestIp': (ctx, input) => suggestAddress(ctx.db, input.poolId),
  'hosting.setPassword': (ctx, input, caller) => ({
    ok: true as const,
    ...setPanelPassword(ctx.db, ctx.secrets, input.id, input, requireUser(caller.user), ctx.now()),
  }),
  'hosting.revealPassword': (ctx, input, caller) => ({ password: revealPanelPassword(ctx.db, ctx.secrets, input.id, requireUser(caller.user), ctx.now()) }),
  'hosting.forRequest': (ctx, input, caller) => {
    const user = requireUser(caller.user);
    const row = ctx.db.prepare('SELECT letter_id FROM requests WHERE id = ?').get(input.requestId) as { letter_id: number } | undefined;
    if (!row) throw new ApiError('NOT_FOUND', 'Permohonan tidak ditemukan.');
    assertLetterVisible(ctx, row.letter_id, user);
    return requestHostingView(ctx.db, input.requestId, user, ctx.now());
  },
  // --- Pindaian di meja depan (issue 6): electron/core/scan/handlers.ts ---
  ...scanHandlers,
  // --- Beberapa meja di LAN (issue 8): electron/core/api/lan-handlers.ts ---
  ...lanHandlers,
  // --- Register dokumen dan pengesahan (issue 4): electron/core/api/document-handlers.ts ---
  ...documentHandlers,
  // --- Laporan, evaluasi kinerja, impor, pengaduan, standar pelayanan (issue 5): electron/core/api/report-handlers.ts ---
  ...reportHandlers,
};

