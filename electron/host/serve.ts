/**
 * `npm run serve`: the browser desk. Opens the register in the data folder and serves the renderer
 * and the API on 127.0.0.1 (or --host), port 4780 (or --port; 0 picks a free port).
 *   node dist/electron/serve.cjs [--data DIR] [--host 127.0.0.1] [--port 4780]
 */
import path from 'node:path';
import { createCore, handlers } from '../core';
import { argValue, resolveDataDir } from '../core/paths';
import { createHttpHost } from './http';
import { scheduleAutomaticBackups } from '../core/services/backup';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir(argv);
  const host = argValue(argv, 'host') ?? process.env.LOKET_HOST ?? '127.0.0.1';
  const port = Number(argValue(argv, 'port') ?? process.env.LOKET_PORT ?? 4780);
  const root = path.resolve(__dirname, '..', '..');
  // LOKET_CLOCK_OFFSET_MINUTES shifts the host's clock (end-to-end tests of deadlines, training).
  const offsetMinutes = Number(process.env.LOKET_CLOCK_OFFSET_MINUTES ?? 0);
  if (!Number.isFinite(offsetMinutes)) throw new Error('LOKET_CLOCK_OFFSET_MINUTES harus berupa angka menit.');
  const now = offsetMinutes === 0 ? undefined : () => new Date(Date.now() + offsetMinutes * 60_000);
  const core = await createCore({ dataDir, resourcesDir: path.join(root, 'resources'), now });
  const server = createHttpHost({
    core,
    handlers,
    staticDir: path.join(root, 'dist', 'renderer'),
    log: (m) => console.error(m),
  });
  const stopBackups = scheduleAutomaticBackups(core.db, dataDir, core.now, (m) => console.log(m));
  server.listen(port, host, () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    console.log(`Loket siap di http://${host}:${actual}/ (data: ${dataDir})`);
    if (now) console.log(`Jam host digeser ${offsetMinutes} menit (LOKET_CLOCK_OFFSET_MINUTES).`);
  });
  const stop = () => {
    stopBackups();
    server.close();
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
