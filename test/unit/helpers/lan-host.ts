/**
 * A register host in its own process, for the LAN load and kill tests: the same composition as
 * `serve` (createCore, the change hub, the LAN listener over the same request listener), on
 * 127.0.0.1 only. `node --import tsx lan-host.ts DATA_DIR PORT` prints "LAN siap PORT FINGERPRINT".
 * LOKET_TEST_HOLD_BEFORE_COMMIT_MS / LOKET_TEST_HOLD_BEFORE_REPLY_MS make keyed saves slow.
 */
import path from 'node:path';
import { createCore } from '../../../electron/core/create';
import { handlers } from '../../../electron/core/api/handlers';
import { ChangeHub } from '../../../electron/core/api/events';
import { startLan } from '../../../electron/host/desk';
import { readHostCertificate } from '../../../electron/core/services/tls';
import { recordingPrinting } from './core';

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  if (!dataDir || !port) throw new Error('pakai: lan-host.ts DATA_DIR PORT');
  const core = await createCore({ dataDir, resourcesDir: path.resolve('resources'), printing: recordingPrinting() });
  const hub = new ChangeHub();
  const lan = await startLan(core, handlers, hub, { argv: ['--lan', `127.0.0.1:${port}`], log: (m) => console.error(m) });
  if (lan.port === null) throw new Error('Host LAN tidak menyala.');
  console.log(`LAN siap ${lan.port} ${readHostCertificate(dataDir)?.fingerprint ?? '-'}`);
  const stop = () => {
    void lan.close().then(() => {
      core.db.close();
      process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
