/**
 * Composition helpers for several desks (issue 8), shared by the browser host (serve.ts) and the
 * Electron shell: start the LAN listener of a register host, or run this computer as a desk client
 * of another host (no local register).
 */
import type http from 'node:http';
import type { CoreContext } from '../core/context';
import type { Handlers } from '../core/api/dispatch';
import type { ChangeHub } from '../core/api/events';
import { argValue } from '../core/paths';
import { JsonPrefsStore, type PrefsStore } from '../core/services/prefs';
import { systemPrinting, type Printing } from '../core/services/printing';
import { createHttpHost } from './http';
import { LanListener } from './lan';
import { HostClient, pairWithHost, probeHost, RemoteDispatcher, writeKlien, type Klien } from './remote';
import type { DeskPairing } from '../core/context';
import { ScanJobs, systemScannerDriver } from '../core/scan/scanner';
import type { ScannerDriver } from '../core/scan/driver';
import { ApiError } from '../../shared/api/errors';
import path from 'node:path';

/** `--lan 0.0.0.0:4781` (or LOKET_LAN): listen on the LAN for this run, whatever the setting says. */
export function lanOverride(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): { address: string; port: number } | null {
  const text = argValue(argv, 'lan') ?? env.LOKET_LAN;
  if (!text) return null;
  const match = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?$/.exec(text.trim());
  if (!match?.[1]) throw new Error(`--lan harus berbentuk ALAMAT:PORT, mis. 0.0.0.0:4781 (bukan "${text}").`);
  return { address: match[1], port: match[2] ? Number(match[2]) : 4781 };
}

export function testHolds(env: NodeJS.ProcessEnv = process.env): { holdBeforeCommitMs?: number; holdBeforeReplyMs?: number } {
  const n = (v: string | undefined) => (v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : undefined);
  return { holdBeforeCommitMs: n(env.LOKET_TEST_HOLD_BEFORE_COMMIT_MS), holdBeforeReplyMs: n(env.LOKET_TEST_HOLD_BEFORE_REPLY_MS) };
}

/** The LAN listener of a register host, following the setting (or the --lan override). */
export async function startLan(
  core: CoreContext,
  handlers: Handlers,
  hub: ChangeHub,
  options: { argv?: readonly string[]; env?: NodeJS.ProcessEnv; log?: (message: string) => void } = {},
): Promise<LanListener> {
  const env = options.env ?? process.env;
  const listener = new LanListener({ core, handlers, hub, log: options.log, ...testHolds(env) });
  const override = lanOverride(options.argv ?? [], env);
  await listener.apply(override ? { enabled: true, ...override } : undefined);
  return listener;
}

export interface RemoteDesk {
  dispatcher: RemoteDispatcher;
  close: () => void;
}

/** This computer as a desk client of the host named in klien.json: no register is opened. */
export function openRemoteDesk(
  klien: Klien,
  dataDir: string,
  local: { printing?: Printing; prefs?: PrefsStore; scanDriver?: ScannerDriver; log?: (m: string) => void } = {},
): RemoteDesk {
  // The desk's own scanners; each scan's PDF is uploaded to the host in the scanning user's name.
  const scans = new ScanJobs({
    driver: local.scanDriver ?? systemScannerDriver(),
    store: () => {
      throw new Error('Pindaian di meja disimpan lewat host.');
    },
    now: () => new Date(),
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  const dispatcher = new RemoteDispatcher(new HostClient(klien), {
    printing: local.printing ?? systemPrinting(),
    prefs: local.prefs ?? new JsonPrefsStore(path.join(dataDir, 'meja-ini.json')),
    scans,
    log: local.log,
  });
  return {
    dispatcher,
    close: () => {
      void scans.close();
      dispatcher.close();
    },
  };
}

/** The browser desk of a desk client: the renderer from here, every call through the pinned connection. */
export function serveRemote(desk: RemoteDesk, staticDir: string, log?: (message: string) => void): http.Server {
  return createHttpHost({ call: desk.dispatcher.call, events: desk.dispatcher.feed(), staticDir, log });
}

/**
 * The other host not answering is a problem with the address typed, not with this Loket: said
 * next to the field (a desk's own "host unreachable" would make the page wait and retry).
 */
function aboutTheAddress(error: unknown): never {
  if (error instanceof ApiError && error.code === 'HOST_UNREACHABLE') {
    const message = 'Host Loket tidak dapat dihubungi di alamat ini. Periksa alamat dan port (mis. https://192.168.1.10:4781), jaringan, dan bahwa host LAN menyala di komputer host.';
    throw new ApiError('INVALID_INPUT', message, { hostUrl: message });
  }
  throw error;
}

/**
 * The pairing form of a Loket not yet set up (desk.probe, desk.pair): the same steps as
 * `loket pair`. After klien.json is written, `onPaired` runs once the answer has gone out: the
 * Electron shell starts the app again, the browser host turns into the desk in place.
 */
export function deskPairing(dataDir: string, next: 'relaunch' | 'reload', onPaired: (klien: Klien) => void): DeskPairing {
  return {
    async probe(hostUrl) {
      const probe = await probeHost(hostUrl).catch(aboutTheAddress);
      return { hostUrl: probe.hostUrl, agencyName: probe.agencyName, fingerprint: probe.fingerprint };
    },
    async pair(input) {
      const klien = await pairWithHost(input).catch(aboutTheAddress);
      writeKlien(dataDir, klien);
      setTimeout(() => onPaired(klien), 300);
      return { hostUrl: klien.hostUrl, agencyName: klien.agencyName, deskName: klien.deskName, fingerprint: klien.fingerprint, next };
    },
  };
}
