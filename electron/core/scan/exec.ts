/** Running the outside programs of scanning (scanimage, pdftoppm, PowerShell) without a shell. */
import { spawn, type SpawnOptions } from 'node:child_process';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export class ToolMissingError extends Error {
  constructor(readonly command: string) {
    super(`Program "${command}" tidak ditemukan di komputer ini.`);
    this.name = 'ToolMissingError';
  }
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  input?: string;
  /** Called with each complete line of standard output as it arrives. */
  onLine?: (line: string) => void;
}

/** Runs a program with arguments (never through a shell); resolves with its exit code and output. */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const spawnOptions: SpawnOptions = { cwd: options.cwd, env: options.env ?? process.env, windowsHide: true, stdio: ['pipe', 'pipe', 'pipe'] };
    const child = spawn(command, [...args], spawnOptions);
    let stdout = '';
    let stderr = '';
    let pending = '';
    let settled = false;
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : null;
    const onAbort = () => child.kill('SIGTERM');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      stdout += chunk;
      if (!options.onLine) return;
      pending += chunk;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? '';
      for (const line of lines) options.onLine(line);
    });
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish(() => reject(error.code === 'ENOENT' ? new ToolMissingError(command) : error));
    });
    child.on('close', (code) => {
      if (options.onLine && pending !== '') options.onLine(pending);
      finish(() => resolve({ code, stdout, stderr }));
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}
