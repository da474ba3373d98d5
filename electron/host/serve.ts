/**
 * `npm run serve`: the browser desk. Opens the register in the data folder and serves the renderer
 * and the API on 127.0.0.1 (or --host), port 4780 (or --port; 0 picks a free port).
 *   node dist/electron/serve.cjs [--data DIR] [--host 127.0.0.1] [--port 4780] [--lan 0.0.0.0:4781] [--remote]
 *
 * Several desks (issue 8): with the office setting "host LAN" switched on (or --lan ADDRESS:PORT)
 * the register is also served to paired desks over HTTPS. A data folder holding klien.json (made by
 * the pairing form of a Loket not yet set up, or by `loket pair`) is a desk client: no register is
 * opened; every call goes to the host (--remote only insists on it). Pairing from the form turns
 * this process into the desk in place, on the same address.
 */
import type http from 'node:http';
import path from 'node:path';
import { createCore, handlers } from '../core';
import { argValue, resolveDataDir } from '../core/paths';
import { createHttpHost } from './http';
import { scheduleAutomaticBackups } from '../core/services/backup';
import { ChangeHub } from '../core/api/events';
import { deskPairing, openRemoteDesk, serveRemote, startLan, testHolds } from './desk';
import { readKlien, type Klien } from './remote';

const root = path.resolve(__dirname, '..', '..');
const staticDir = path.join(root, 'dist', 'renderer');

/** A running server and how to stop it (without ending the process). */
interface Running {
  server: http.Server;
  stop: () => Promise<void>;
}

function listen(server: http.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function runRemote(klien: Klien, dataDir: string, host: string, port: number): Promise<Running> {
  const desk = openRemoteDesk(klien, dataDir, { log: (m) => console.error(m) });
  const server = serveRemote(desk, staticDir, (m) => console.error(m));
  const actual = await listen(server, host, port);
  console.log(`Loket siap di http://${host}:${actual}/ (meja "${klien.deskName}", register di host ${klien.hostUrl})`);
  return {
    server,
    stop: async () => {
      await closeServer(server);
      desk.close();
    },
  };
}

async function runLocal(dataDir: string, argv: string[], host: string, port: number, onPaired: (klien: Klien, port: number) => void): Promise<Running> {
  // LOKET_CLOCK_OFFSET_MINUTES shifts the host's clock (end-to-end tests of deadlines, training).
  const offsetMinutes = Number(process.env.LOKET_CLOCK_OFFSET_MINUTES ?? 0);
  if (!Number.isFinite(offsetMinutes)) throw new Error('LOKET_CLOCK_OFFSET_MINUTES harus berupa angka menit.');
  const now = offsetMinutes === 0 ? undefined : () => new Date(Date.now() + offsetMinutes * 60_000);
  let actual = port;
  const core = await createCore({
    dataDir,
    resourcesDir: path.join(root, 'resources'),
    now,
    watchScanFolder: true,
    desk: deskPairing(dataDir, 'reload', (klien) => onPaired(klien, actual)),
  });
  const hub = new ChangeHub();
  const server = createHttpHost({ core, handlers, events: hub, staticDir, log: (m) => console.error(m), ...testHolds() });
  const lan = await startLan(core, handlers, hub, { argv, log: (m) => console.log(m) });
  const stopBackups = scheduleAutomaticBackups(core.db, dataDir, core.now, (m) => console.log(m));
  actual = await listen(server, host, port);
  console.log(`Loket siap di http://${host}:${actual}/ (data: ${dataDir})`);
  if (now) console.log(`Jam host digeser ${offsetMinutes} menit (LOKET_CLOCK_OFFSET_MINUTES).`);
  return {
    server,
    stop: async () => {
      stopBackups();
      await core.scan?.close();
      await lan.close();
      await closeServer(server);
      core.db.close();
    },
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir(argv);
  const host = argValue(argv, 'host') ?? process.env.LOKET_HOST ?? '127.0.0.1';
  const port = Number(argValue(argv, 'port') ?? process.env.LOKET_PORT ?? 4780);
  const klien = readKlien(dataDir);
  let running: Running;
  if (klien || argv.includes('--remote')) {
    if (!klien) throw new Error(`Meja ini belum dipasangkan dengan host (tidak ada klien.json di ${dataDir}). Pasangkan lewat layar penyiapan Loket, atau: loket pair --data ${dataDir} --host https://ALAMAT-HOST:4781 --code KODE --name "Nama meja" --fingerprint SIDIK-JARI`);
    running = await runRemote(klien, dataDir, host, port);
  } else {
    running = await runLocal(dataDir, argv, host, port, (paired, actualPort) => {
      // Paired from the form: the local (empty) register closes and the desk takes its address.
      void (async () => {
        await running.stop();
        running = await runRemote(paired, dataDir, host, actualPort);
      })().catch((error: unknown) => {
        console.error(`Loket tidak dapat beralih menjadi meja: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      });
    });
  }
  const stop = () => {
    void running.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
