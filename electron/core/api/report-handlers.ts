/**
 * The calls of issue 5: reports (data, PDF, .xlsx), the quarterly evaluation, the Excel/CSV
 * import, complaints (pengaduan) with their request and receipt, the complaint contacts, and the
 * standar pelayanan.
 */
import { ApiError } from '../../../shared/api/errors';
import type { CallName } from '../../../shared/api/contract';
import type { PaperSize, User } from '../../../shared/api/schemas';
import type { Handlers } from './dispatch';
import type { CoreContext } from '../context';
import { listAudit } from '../services/audit';
import {
  assertComplaintVisible,
  COMPLAINT_ENTITY,
  complaintContactLines,
  getComplaint,
  getComplaintSettings,
  listComplaints,
  registerComplaint,
  saveComplaintSettings,
} from '../services/complaints';
import { evaluateQuarter } from '../services/evaluation';
import { commitImport, importStatus, previewImport, startImport } from '../services/import';
import { getOffice } from '../services/office';
import { getRequestView, markDispositionsRead, requestIdForComplaint } from '../services/requests';
import { assertReportAllowed, buildReport } from '../reports/builders';
import { renderComplaintReceipt } from '../reports/complaint-receipt';
import { renderReportPdf } from '../reports/pdf';
import { listServiceStandards, renderServiceStandardPdf, saveServiceStandard } from '../reports/standard';
import { renderReportXlsx, type XlsxOutput } from '../reports/xlsx';
import { renderListXlsx } from '../reports/lists';
import type { ReportParams } from '../../../shared/api/report-schemas';

type ReportCall =
  | 'reports.data'
  | 'reports.pdf'
  | 'reports.xlsx'
  | 'evaluation.get'
  | 'import.preview'
  | 'import.start'
  | 'import.status'
  | 'import.commit'
  | 'complaints.register'
  | 'complaints.list'
  | 'complaints.get'
  | 'complaints.receipt'
  | 'complaints.printReceipt'
  | 'complaints.settings.get'
  | 'complaints.settings.save'
  | 'requests.forComplaint'
  | 'audit.forComplaint'
  | 'standards.list'
  | 'standards.save'
  | 'standards.pdf'
  | 'standards.print'
  | 'reports.print'
  | 'lists.xlsx';

function requireUser(user: User | null): User {
  if (user === null) throw new ApiError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
  return user;
}

function report(ctx: CoreContext, params: ReportParams, user: User) {
  assertReportAllowed(params.kind, user);
  return buildReport(ctx.db, params, ctx.now());
}

const pdfFile = (file: { data: Buffer; fileName: string; pages: number }) => ({
  fileName: file.fileName,
  mime: 'application/pdf' as const,
  dataBase64: file.data.toString('base64'),
  pages: file.pages,
});

/** Sends a rendered PDF to a printer through the operating system, on the paper it was drawn for. */
async function printFile(ctx: CoreContext, file: { data: Buffer; fileName: string }, to: { printer: string; copies: number; paper: PaperSize }) {
  const job = await ctx.printing.print({ printer: to.printer, copies: to.copies, paper: to.paper, pdf: file.data, title: file.fileName });
  return { jobId: job.jobId, printer: to.printer };
}

const xlsxFile = (file: XlsxOutput) => ({ fileName: file.fileName, mime: file.mime, dataBase64: file.data.toString('base64'), sheets: file.sheets });

const settingsOut = (s: ReturnType<typeof getComplaintSettings>) => ({ ...s, lines: complaintContactLines(s) });

export const reportHandlers: Pick<Handlers, ReportCall & CallName> = {
  'reports.data': (ctx, input, caller) => report(ctx, input.report, requireUser(caller.user)),
  'reports.pdf': async (ctx, input, caller) => pdfFile(await renderReportPdf(ctx, report(ctx, input.report, requireUser(caller.user)), input.paper)),
  'reports.xlsx': async (ctx, input, caller) => {
    const r = report(ctx, input.report, requireUser(caller.user));
    const office = getOffice(ctx.db);
    return xlsxFile(await renderReportXlsx(r, office.timeZone, office.agencyName));
  },
  'evaluation.get': (ctx, input) => evaluateQuarter(ctx.db, input.year, input.quarter),

  'import.preview': (ctx, input) => previewImport(ctx.db, input, ctx.now()),
  'import.start': (ctx, input, caller) => startImport(ctx.db, input, requireUser(caller.user), ctx.now()),
  'import.status': (ctx, input, caller) => importStatus(ctx.db, input.jobId, requireUser(caller.user)),
  'import.commit': (ctx, input, caller) => commitImport(ctx.db, input.jobId, requireUser(caller.user), ctx.now()),

  'complaints.register': (ctx, input, caller) => registerComplaint(ctx.db, input, requireUser(caller.user), ctx.now()),
  'complaints.list': (ctx, input, caller) => listComplaints(ctx.db, input, requireUser(caller.user)),
  'complaints.get': (ctx, input, caller) => {
    assertComplaintVisible(ctx.db, input.id, requireUser(caller.user));
    return getComplaint(ctx.db, input.id);
  },
  'complaints.receipt': async (ctx, input, caller) => {
    assertComplaintVisible(ctx.db, input.id, requireUser(caller.user));
    return pdfFile(await renderComplaintReceipt(ctx, input.id, input.paper));
  },
  'complaints.printReceipt': async (ctx, input, caller) => {
    assertComplaintVisible(ctx.db, input.id, requireUser(caller.user));
    return printFile(ctx, await renderComplaintReceipt(ctx, input.id, input.paper), input);
  },
  'complaints.settings.get': (ctx) => settingsOut(getComplaintSettings(ctx.db)),
  'complaints.settings.save': (ctx, input, caller) => settingsOut(saveComplaintSettings(ctx.db, input, requireUser(caller.user), ctx.now())),
  'requests.forComplaint': (ctx, input, caller) => {
    const user = requireUser(caller.user);
    assertComplaintVisible(ctx.db, input.complaintId, user);
    const id = requestIdForComplaint(ctx.db, input.complaintId);
    if (id === null) return null;
    markDispositionsRead(ctx.db, id, user.id, ctx.now());
    return getRequestView(ctx.db, id, user, ctx.now());
  },
  'audit.forComplaint': (ctx, input, caller) => {
    assertComplaintVisible(ctx.db, input.complaintId, requireUser(caller.user));
    const own = listAudit(ctx.db, COMPLAINT_ENTITY, [String(input.complaintId)]);
    const requestId = requestIdForComplaint(ctx.db, input.complaintId);
    const request = requestId === null ? [] : listAudit(ctx.db, 'request', [String(requestId)]);
    return [...own, ...request].sort((a, b) => a.id - b.id);
  },

  'standards.list': (ctx) => listServiceStandards(ctx.db),
  'standards.save': (ctx, input, caller) => saveServiceStandard(ctx.db, input, requireUser(caller.user), ctx.now()),
  'standards.pdf': async (ctx, input) => pdfFile(await renderServiceStandardPdf(ctx, input.service, input.paper, ctx.now())),
  'standards.print': async (ctx, input) => printFile(ctx, await renderServiceStandardPdf(ctx, input.service, input.paper, ctx.now()), input),
  'reports.print': async (ctx, input, caller) => printFile(ctx, await renderReportPdf(ctx, report(ctx, input.report, requireUser(caller.user)), input.paper), input),

  'lists.xlsx': async (ctx, input, caller) => xlsxFile(await renderListXlsx(ctx.db, input, requireUser(caller.user), ctx.now())),
};
