/** The calls of the document register (issue 4): electron/core/services/documents.ts and verify-doc.ts. */
import { ApiError } from '../../../shared/api/errors';
import type { CallName } from '../../../shared/api/contract';
import type { Handlers } from './dispatch';
import {
  approveDocument,
  createDocument,
  documentsForRequest,
  listDocumentTypes,
  renderDocumentVersion,
  saveDocumentTypes,
  updateDocument,
} from '../services/documents';
import { verifyDocumentFile } from '../services/verify-doc';

type DocumentCall =
  | 'documents.types.get'
  | 'documents.types.save'
  | 'documents.forRequest'
  | 'documents.create'
  | 'documents.update'
  | 'documents.renderVersion'
  | 'documents.printVersion'
  | 'documents.approve'
  | 'documents.verify';

function requireUser<T>(user: T | null): T {
  if (user === null) throw new ApiError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
  return user;
}

function decodeBase64(data: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) throw new ApiError('UNSUPPORTED_FILE', 'Isi berkas rusak (bukan base64).');
  return Buffer.from(data, 'base64');
}

export const documentHandlers: Pick<Handlers, DocumentCall & CallName> = {
  'documents.types.get': (ctx) => listDocumentTypes(ctx.db, ctx.now()),
  'documents.types.save': (ctx, input, caller) => saveDocumentTypes(ctx.db, input.types, requireUser(caller.user), ctx.now()),
  'documents.forRequest': (ctx, input, caller) => documentsForRequest(ctx.db, input.requestId, requireUser(caller.user)),
  'documents.create': (ctx, input, caller) => createDocument(ctx, input, requireUser(caller.user)),
  'documents.update': (ctx, input, caller) => updateDocument(ctx, input, requireUser(caller.user)),
  'documents.renderVersion': async (ctx, input, caller) => {
    const doc = await renderDocumentVersion(ctx, input.documentId, input.version ?? null, requireUser(caller.user));
    return { fileName: doc.fileName, mime: 'application/pdf' as const, dataBase64: doc.data.toString('base64'), pages: doc.pages, paper: doc.paper };
  },
  'documents.printVersion': async (ctx, input, caller) => {
    const user = requireUser(caller.user);
    const doc = await renderDocumentVersion(ctx, input.documentId, input.version ?? null, user);
    const job = await ctx.printing.print({ printer: input.printer, copies: input.copies, paper: doc.paper, pdf: doc.data, title: doc.fileName });
    return { jobId: job.jobId, printer: input.printer };
  },
  // async: the dispatcher runs only non-async handlers inside its idempotency transaction.
  'documents.approve': async (ctx, input, caller) => approveDocument(ctx, input.documentId, input.version, requireUser(caller.user)),
  'documents.verify': (ctx, input) => verifyDocumentFile(ctx.db, ctx.files, decodeBase64(input.dataBase64), ctx.secrets),
};
