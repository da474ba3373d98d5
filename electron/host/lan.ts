/**
 * The register host's LAN listener (issue 8): the same request listener as the HTTP host
 * (createRequestListener, so the same dispatcher and handlers), wrapped in an HTTPS server with the
 * host's self-signed certificate, and with `lan: true` so that only paired desks get answers. It
 * follows the office setting `lan` (on/off, address, port) and restarts when the setting changes.
 */
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { LanSettings } from '../../shared/api/lan-schemas';
import type { CoreContext } from '../core/context';
import type { Handlers } from '../core/api/dispatch';
import type { ChangeHub } from '../core/api/events';
import { getLanSettings, lanRuntime } from '../core/services/lan';
import { getOffice, isSetUp } from '../core/services/office';
import { ensureHostCertificate } from '../core/services/tls';
import { createRequestListener } from './http';

export interface LanListenerOptions {
  core: CoreContext;
  handlers: Handlers;
  hub: ChangeHub;
  log?: (message: string) => void;
  holdBeforeCommitMs?: number;
  holdBeforeReplyMs?: number;
}

export class LanListener {
  private server: https.Server | null = null;
  private current: { address: string; port: number } | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: LanListenerOptions) {
    const runtime = lanRuntime(options.core.db);
    runtime.dataDir = options.core.dataDir;
    runtime.onSettingsSaved = (settings) => {
      void this.apply(settings);
    };
  }

  /** The port actually listened on (useful with port 0 in tests), or null. */
  get port(): number | null {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : null;
  }

  /** Start, move or stop the listener to match the settings (one change at a time). */
  apply(settings: Pick<LanSettings, 'enabled' | 'address' | 'port'> = getLanSettings(this.options.core.db)): Promise<void> {
    this.queue = this.queue.then(() => this.applyNow(settings)).catch((error: unknown) => {
      this.options.log?.(`Host LAN: ${error instanceof Error ? error.message : String(error)}`);
    });
    return this.queue;
  }

  private async applyNow(settings: Pick<LanSettings, 'enabled' | 'address' | 'port'>): Promise<void> {
    const runtime = lanRuntime(this.options.core.db);
    if (!settings.enabled) {
      await this.stop();
      runtime.error = null;
      return;
    }
    if (this.server && this.current?.address === settings.address && this.current.port === settings.port) return;
    await this.stop();
    const { core } = this.options;
    const organization = isSetUp(core.db) ? getOffice(core.db).agencyName : 'Loket';
    const cert = await ensureHostCertificate(core.dataDir, organization);
    const server = https.createServer(
      { cert: cert.cert, key: cert.key, minVersion: 'TLSv1.2' },
      createRequestListener({
        core,
        handlers: this.options.handlers,
        events: this.options.hub,
        staticDir: null,
        log: this.options.log,
        lan: true,
        holdBeforeCommitMs: this.options.holdBeforeCommitMs,
        holdBeforeReplyMs: this.options.holdBeforeReplyMs,
      }),
    );
    // Desks keep their connections open between calls (and one per open event stream).
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 70_000;
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(settings.port, settings.address, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : '';
      runtime.listening = false;
      runtime.error =
        code === 'EADDRINUSE'
          ? `Port ${settings.port} sudah dipakai program lain. Pilih port lain.`
          : code === 'EADDRNOTAVAIL'
            ? `Alamat ${settings.address} bukan alamat komputer ini.`
            : `Host LAN tidak dapat dinyalakan: ${error instanceof Error ? error.message : String(error)}`;
      throw new Error(runtime.error);
    }
    server.on('error', (error) => this.options.log?.(`Host LAN: ${error.message}`));
    this.server = server;
    this.current = { address: settings.address, port: (server.address() as AddressInfo).port };
    runtime.listening = true;
    runtime.error = null;
    this.options.log?.(`Host LAN siap di https://${settings.address}:${this.current.port}/ (sidik jari sertifikat ${cert.fingerprint})`);
  }

  private async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.current = null;
    lanRuntime(this.options.core.db).listening = false;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  async close(): Promise<void> {
    lanRuntime(this.options.core.db).onSettingsSaved = undefined;
    await this.queue;
    await this.stop();
  }
}
