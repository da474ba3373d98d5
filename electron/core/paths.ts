/**
 * Where the data lives when Loket runs outside Electron (browser host, command line): `--data DIR`,
 * else LOKET_DATA, else the same folder Electron uses as userData for "Loket", so the app and the
 * browser host on one computer share one register.
 */
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.LOKET_DATA) return path.resolve(env.LOKET_DATA);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Loket');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Loket');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Loket');
}

/** The value of `--name VALUE` or `--name=VALUE` in argv. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === `--${name}`) return argv[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const fromArg = argValue(argv, 'data');
  return fromArg ? path.resolve(fromArg) : defaultDataDir(env);
}
