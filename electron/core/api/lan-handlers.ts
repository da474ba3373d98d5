/** The handlers of the LAN calls (issue 8), spread into the handlers object. */
import { ApiError } from '../../../shared/api/errors';
import type { CallName } from '../../../shared/api/contract';
import type { Handlers } from './dispatch';
import type { CoreContext, DeskPairing } from '../context';
import { isSetUp } from '../services/office';
import {
  createPairingCode,
  getLanSettings,
  lanStatus,
  listDesks,
  pairDesk,
  revokeDesk,
  saveLanSettings,
} from '../services/lan';

type LanCall =
  | 'lan.status'
  | 'lan.settings.get'
  | 'lan.settings.save'
  | 'lan.pairing.create'
  | 'lan.pair'
  | 'lan.desks.list'
  | 'lan.desks.revoke'
  | 'desk.probe'
  | 'desk.pair';

/** Pairing is for a Loket nobody has set up yet: a register in use is never turned into a desk. */
function pairing(ctx: CoreContext): DeskPairing {
  if (isSetUp(ctx.db)) throw new ApiError('ALREADY_SET_UP', 'Loket ini sudah disiapkan dengan registernya sendiri, jadi tidak dapat dijadikan meja host lain.');
  if (!ctx.desk) throw new ApiError('FORBIDDEN', 'Pemasangan meja tidak tersedia di sini.');
  return ctx.desk;
}

function required<T>(user: T | null): T {
  if (user === null) throw new ApiError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
  return user;
}

export const lanHandlers: Pick<Handlers, LanCall & CallName> = {
  'lan.status': (ctx) => lanStatus(ctx.db, ctx.dataDir),
  'lan.settings.get': (ctx) => getLanSettings(ctx.db),
  'lan.settings.save': (ctx, input, caller) => saveLanSettings(ctx.db, input, caller.user, ctx.now()),
  'lan.pairing.create': (ctx, _input, caller) => createPairingCode(ctx.db, ctx.dataDir, required(caller.user), ctx.now()),
  'lan.pair': (ctx, input, caller) => pairDesk(ctx.db, input, ctx.now(), caller.remoteAddress),
  'lan.desks.list': (ctx) => listDesks(ctx.db),
  'lan.desks.revoke': (ctx, input, caller) => revokeDesk(ctx.db, input.id, required(caller.user), ctx.now()),
  'desk.probe': async (ctx, input) => pairing(ctx).probe(input.hostUrl),
  'desk.pair': async (ctx, input) => pairing(ctx).pair(input),
};
