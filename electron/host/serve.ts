/**
 * `npm run serve`: the browser desk. Opens the register in the data folder and serves the renderer
 * and the API on 127.0.0.1 (or --host), port 4780 (or --port; 0 picks a free port).
 *   node dist/electron/serve.cjs [--data DIR] [--host 127.0.0.1] [--port 4780] [--lan 0.0.0.0:4781] [--remote]
 *
 * Several desks (issue 8): with the office setting "host LAN" switched on (or --lan ADDRESS:PORT)
 * the register is also served to paired desks over HTTPS. A data folder holding klien.json (made by
 * `loket pair`) is a desk client: no register is opened; every call goes to the host (--remote
 * only insists on it).
 */
import path from 'node:path';
import { createCore, handlers } from '../core';
import { argValue, resolveDataDir } from '../core/paths';
import { createHttpHost } from './http';
import { scheduleAutomaticBackups } from '../core/services/backup';
import { ChangeHub } from '../core/api/events';
import { openRemoteDesk, serveRemote, startLan, testHolds } from './desk';
import { readKlien } from './remote';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir(argv);
  const host = argValue(argv, 'host') ?? process.env.LOKET_HOST ?? '127.0.0.1';
  const port = Number(argValue(argv, 'port') ?? process.env.LOKET_PORT ?? 4780);
  const root = path.resolve(__dirname, '..', '..');
  const klien = readKlien(dataDir);
  if (klien || argv.includes('--remote')) {
    if (!klien) throw new Error(`Meja ini belum dipasangkan dengan host (tidak ada klien.json di ${dataDir}). Jalankan: loket pair --data ${dataDir} --host https://ALAMAT-HOST:4781 --code KODE --name "Nama meja" --fingerprint SIDIK-JARI`);
    const desk = openRemoteDesk(klien, dataDir, { log: (m) => console.error(m) });
    const server = serveRemote(desk, path.join(root, 'dist', 'renderer'), (m) => console.error(m));
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      console.log(`Loket siap di http://${host}:${actual}/ (meja "${klien.deskName}", register di host ${klien.hostUrl})`);
    });
    const stopRemote = () => {
      server.close();
      server.closeAllConnections();
      desk.close();
      process.exit(0);
    };
    process.on('SIGINT', stopRemote);
    process.on('SIGTERM', stopRemote);
    return;
  }
  // LOKET_CLOCK_OFFSET_MINUTES shifts the host's clock (end-to-end tests of deadlines, training).
  const offsetMinutes = Number(process.env.LOKET_CLOCK_OFFSET_MINUTES ?? 0);
  if (!Number.isFinite(offsetMinutes)) throw new Error('LOKET_CLOCK_OFFSET_MINUTES harus berupa angka menit.');
  const now = offsetMinutes === 0 ? undefined : () => new Date(Date.now() + offsetMinutes * 60_000);
  const core = await createCore({ dataDir, resourcesDir: path.join(root, 'resources'), now, watchScanFolder: true });
  const hub = new ChangeHub();
  const server = createHttpHost({
    core,
    handlers,
    events: hub,
    staticDir: path.join(root, 'dist', 'renderer'),
    log: (m) => console.error(m),
    ...testHolds(),
  });
  const lan = await startLan(core, handlers, hub, { argv, log: (m) => console.log(m) });
  const stopBackups = scheduleAutomaticBackups(core.db, dataDir, core.now, (m) => console.log(m));
  server.listen(port, host, () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    console.log(`Loket siap di http://${host}:${actual}/ (data: ${dataDir})`);
    if (now) console.log(`Jam host digeser ${offsetMinutes} menit (LOKET_CLOCK_OFFSET_MINUTES).`);
  });
  const stop = () => {
    stopBackups();
    void core.scan?.close();
    void lan.close();
    server.close();
    server.closeAllConnections();
    core.db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
