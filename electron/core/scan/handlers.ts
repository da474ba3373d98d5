/** The handlers of the scanning calls (issue 6), spread into the handlers object. */
import { ApiError } from '../../../shared/api/errors';
import type { CallName } from '../../../shared/api/contract';
import type { User } from '../../../shared/api/schemas';
import type { Handlers } from '../api/dispatch';
import type { CoreContext } from '../context';
import { canSeeLetter } from '../services/requests';
import { addLetterAttachment } from './attach';
import { ScanError } from './driver';
import { dismissInboxItem, getInboxItem, listInbox, saveScanFolderSettings } from './inbox';
import { composePdf, thumbnails } from './pages';
import type { ScanServices } from './index';
import type { ScanJobs } from './scanner';
import type { DeviceOptions, ScannerList } from '../../../shared/api/scan-schemas';

type ScanCall =
  | 'scan.devices'
  | 'scan.deviceOptions'
  | 'scan.start'
  | 'scan.status'
  | 'scan.cancel'
  | 'scan.folder.get'
  | 'scan.folder.save'
  | 'scan.inbox.list'
  | 'scan.inbox.attach'
  | 'scan.inbox.dismiss'
  | 'letters.addAttachment'
  | 'pages.thumbnails'
  | 'pages.compose'
  | 'ocr.start'
  | 'ocr.status';

function scanOf(ctx: CoreContext): ScanServices {
  if (!ctx.scan) throw new ApiError('INTERNAL', 'Layanan pindaian tidak tersedia di komputer ini.');
  return ctx.scan;
}

function userOf(user: User | null): User {
  if (user === null) throw new ApiError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
  return user;
}

/** A driver's failure as an API error with the Indonesian message. */
function asApiError(error: unknown): never {
  if (error instanceof ScanError) throw new ApiError(error.problem === 'busy' ? 'CONFLICT' : 'NOT_FOUND', error.message);
  throw error;
}

/**
 * The scanners of this computer (scan.devices). Also run by a desk of the LAN for its own
 * scanners (electron/host/remote.ts), so it takes the scan jobs, not the register.
 */
export async function listScanners(scans: ScanJobs): Promise<ScannerList> {
  const driver = scans.driver;
  try {
    const devices = await driver.list();
    return {
      available: driver.kind !== 'none',
      driver: driver.kind,
      devices,
      message: devices.length === 0 ? 'Tidak ada pemindai yang ditemukan. Periksa kabel USB/jaringan dan daya pemindai, lalu muat ulang.' : null,
    };
  } catch (error) {
    if (error instanceof ScanError) return { available: false, driver: driver.kind, devices: [], message: error.message };
    throw error;
  }
}

/** A scanner's sources, colour modes and resolutions (scan.deviceOptions), here or at a desk. */
export async function scannerOptions(scans: ScanJobs, device: string): Promise<DeviceOptions> {
  try {
    return await scans.driver.options(device);
  } catch (error) {
    return asApiError(error);
  }
}

function letterFor(ctx: CoreContext, letterId: number, user: User): void {
  if (!canSeeLetter(ctx.db, letterId, user)) throw new ApiError('NOT_FOUND', 'Surat tidak ditemukan di buku agenda.');
}

export const scanHandlers: Pick<Handlers, ScanCall & CallName> = {
  'scan.devices': (ctx) => listScanners(scanOf(ctx).scans),
  'scan.deviceOptions': (ctx, input) => scannerOptions(scanOf(ctx).scans, input.device),
  'scan.start': (ctx, input, caller) => ({ jobId: scanOf(ctx).scans.start(input, userOf(caller.user)) }),
  'scan.status': (ctx, input, caller) => scanOf(ctx).scans.status(input.jobId, userOf(caller.user)),
  'scan.cancel': (ctx, input, caller) => scanOf(ctx).scans.cancel(input.jobId, userOf(caller.user)),
  'scan.folder.get': async (ctx) => {
    const inbox = scanOf(ctx).inbox;
    await inbox.ensureStarted();
    return inbox.state();
  },
  'scan.folder.save': async (ctx, input, caller) => {
    const inbox = scanOf(ctx).inbox;
    saveScanFolderSettings(ctx.db, input, userOf(caller.user).id, ctx.now());
    await inbox.start();
    return inbox.state();
  },
  'scan.inbox.list': async (ctx, input) => {
    await scanOf(ctx).inbox.ensureStarted();
    return listInbox(ctx.db, input.status, input.limit);
  },
  'scan.inbox.attach': (ctx, input, caller) => {
    const user = userOf(caller.user);
    const item = getInboxItem(ctx.db, input.id);
    const attachment = { sha256: item.sha256, name: item.name };
    if (input.letterId === null) return { attachment, item };
    letterFor(ctx, input.letterId, user);
    addLetterAttachment(ctx.db, input.letterId, attachment, user.id, ctx.now());
    return { attachment, item: getInboxItem(ctx.db, input.id) };
  },
  'scan.inbox.dismiss': (ctx, input, caller) => dismissInboxItem(ctx.db, input.id, userOf(caller.user).id, ctx.now()),
  'letters.addAttachment': (ctx, input, caller) => {
    const user = userOf(caller.user);
    letterFor(ctx, input.letterId, user);
    return addLetterAttachment(ctx.db, input.letterId, { sha256: input.sha256, name: input.name }, user.id, ctx.now());
  },
  'pages.thumbnails': async (ctx, input) => {
    const file = ctx.files.read(input.sha256);
    const result = await thumbnails(file, scanOf(ctx).pdftoppm);
    return { mime: file.mime, ...result };
  },
  'pages.compose': async (ctx, input) => {
    const composed = await composePdf((sha256) => ctx.files.read(sha256), input.pages);
    const stored = ctx.files.put(composed.data);
    const name = /\.pdf$/i.test(input.name) ? input.name : `${input.name}.pdf`;
    return { attachment: { ...stored, name }, pages: composed.pages };
  },
  'ocr.start': (ctx, input, caller) => ({ jobId: scanOf(ctx).ocr.start(input.sha256, userOf(caller.user)) }),
  'ocr.status': (ctx, input, caller) => scanOf(ctx).ocr.status(input.jobId, userOf(caller.user)),
};
