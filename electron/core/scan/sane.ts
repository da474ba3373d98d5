/**
 * SANE scanners through `scanimage` (package sane-utils): list devices, read a device's options,
 * and scan one page (flatbed) or every page in the feeder in batch mode into a folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DeviceOptions, ScanMode, ScannerDevice, ScanSource } from '../../../shared/api/scan-schemas';
import { run, ToolMissingError } from './exec';
import { scanError, ScanError, STANDARD_RESOLUTIONS, type ScannedPage, type ScanOptions, type ScannerDriver } from './driver';

export interface SaneDriverOptions {
  /** Default "scanimage". */
  command?: string;
  env?: NodeJS.ProcessEnv;
  /** Extra arguments for every scan (tests: the test device's "--test-picture"; at most this many pages: "--batch-count=N"). */
  extraArgs?: readonly string[];
  /** Longest a whole scan may take. Default 10 minutes. */
  timeoutMs?: number;
}

/** `scanimage -f` format: one device per line, fields separated by tabs. */
const LIST_FORMAT = '%d\t%v\t%m\t%t%n';

const TYPE_LABELS: Record<string, string> = {
  'flatbed scanner': 'pemindai flatbed',
  'sheetfed scanner': 'pemindai lembar',
  'virtual device': 'perangkat uji',
  'multi-function peripheral': 'printer multifungsi',
  'handheld scanner': 'pemindai genggam',
};

function device(id: string, vendor: string, model: string, type: string): ScannerDevice {
  const kind = TYPE_LABELS[type.toLowerCase()] ?? type;
  return { id, vendor, model, type, label: `${vendor} ${model}`.trim() + (kind ? ` (${kind})` : '') };
}

/** Parses `scanimage -L` ("device `test:0' is a Noname frontend-tester virtual device"). */
export function parseSaneList(output: string): ScannerDevice[] {
  const devices: ScannerDevice[] = [];
  for (const line of output.split(/\r?\n/)) {
    const m = /^device [`'](.+?)' is a (\S+) (.+?) (virtual device|flatbed scanner|sheetfed scanner|handheld scanner|multi-function peripheral|\S+)$/.exec(line.trim());
    if (m) devices.push(device(m[1] ?? '', m[2] ?? '', m[3] ?? '', m[4] ?? ''));
  }
  return devices;
}

/** Parses the tab-separated output of `scanimage -f` with LIST_FORMAT. */
export function parseSaneFormattedList(output: string): ScannerDevice[] {
  return output
    .split(/\r?\n/)
    .map((line) => line.split('\t'))
    .filter((f) => f.length >= 4 && (f[0] ?? '') !== '')
    .map((f) => device(f[0] ?? '', f[1] ?? '', f[2] ?? '', f[3] ?? ''));
}

export interface SaneRawOptions {
  sources: string[];
  modes: string[];
  resolutions: number[] | { min: number; max: number };
  defaultResolution: number | null;
}

/** Parses `scanimage -d DEV -A`: the values of --source, --mode and --resolution. */
export function parseSaneOptions(output: string): SaneRawOptions {
  const values = (name: string): { list: string[]; current: string | null } | null => {
    const m = new RegExp(`^\\s*--${name} (.+?)(?: \\[(.*?)\\])?\\s*$`, 'm').exec(output);
    if (!m) return null;
    return { list: (m[1] ?? '').split('|').map((v) => v.trim()), current: m[2] ?? null };
  };
  const sources = values('source')?.list ?? [];
  const modes = values('mode')?.list ?? [];
  const res = values('resolution');
  let resolutions: SaneRawOptions['resolutions'] = [];
  let defaultResolution: number | null = null;
  if (res) {
    const joined = res.list.join('|');
    const range = /^(\d+)\.\.(\d+)/.exec(joined);
    if (range) resolutions = { min: Number(range[1]), max: Number(range[2]) };
    else resolutions = res.list.map((v) => parseInt(v, 10)).filter((n) => Number.isFinite(n));
    defaultResolution = res.current ? parseInt(res.current, 10) || null : null;
  }
  return { sources, modes, resolutions, defaultResolution };
}

const IS_FLATBED = /flatbed|platen|glass/i;
const IS_DUPLEX = /duplex|both/i;
const IS_FEEDER = /adf|feeder|automatic document/i;

/** The device's own source name for Loket's source, or null when the device has none. */
export function saneSourceName(raw: readonly string[], source: ScanSource): string | null {
  if (raw.length === 0) return source === 'Flatbed' ? '' : null;
  if (source === 'Flatbed') return raw.find((s) => IS_FLATBED.test(s)) ?? null;
  if (source === 'ADF Duplex') return raw.find((s) => IS_DUPLEX.test(s)) ?? null;
  return raw.find((s) => IS_FEEDER.test(s) && !IS_DUPLEX.test(s) && !/back/i.test(s)) ?? null;
}

const MODE_PATTERNS: Record<ScanMode, RegExp> = {
  Color: /colou?r|rgb/i,
  Gray: /gr[ae]y/i,
  Lineart: /lineart|binary|black|monochrome|halftone/i,
};

export function saneModeName(raw: readonly string[], mode: ScanMode): string | null {
  if (raw.length === 0) return '';
  return raw.find((m) => MODE_PATTERNS[mode].test(m)) ?? null;
}

export function toDeviceOptions(raw: SaneRawOptions): DeviceOptions {
  const sources = (['Flatbed', 'ADF', 'ADF Duplex'] as const).filter((s) => {
    const name = saneSourceName(raw.sources, s);
    return name !== null;
  });
  const modes = (['Color', 'Gray', 'Lineart'] as const).filter((m) => saneModeName(raw.modes, m) !== null);
  const resolutions = Array.isArray(raw.resolutions)
    ? raw.resolutions.filter((r) => r >= 75 && r <= 1200)
    : STANDARD_RESOLUTIONS.filter((r) => !Array.isArray(raw.resolutions) && r >= raw.resolutions.min && r <= raw.resolutions.max);
  const preferred = resolutions.includes(200) ? 200 : resolutions.includes(300) ? 300 : (resolutions[0] ?? 200);
  return {
    sources: sources.length > 0 ? [...sources] : ['Flatbed'],
    modes: modes.length > 0 ? [...modes] : ['Gray'],
    resolutions: resolutions.length > 0 ? resolutions : [200],
    defaultResolution: preferred,
  };
}

/** scanimage's stderr and exit status (a SANE_Status) → what went wrong, in Indonesian. */
export function classifySaneFailure(stderr: string, code: number | null, pages: number): ScanError | null {
  const text = stderr.toLowerCase();
  const detail = stderr
    .split(/\r?\n/)
    .filter((l) => l.startsWith('scanimage:'))
    .map((l) => l.replace(/^scanimage:\s*/, ''))
    .pop();
  if (/jammed/.test(text) || code === 6) return scanError('jammed', pages > 0 ? `setelah ${pages} halaman` : undefined);
  if (/cover is open/.test(text) || code === 8) return scanError('cover_open');
  if (/device busy/.test(text) || code === 3) return scanError('busy');
  if (/out of documents/.test(text) || code === 7) return pages > 0 ? null : scanError('feeder_empty');
  if (/open of device .* failed|no such device|no scanners were identified/.test(text)) return scanError('no_scanner', detail);
  if (/access to resource has been denied/.test(text) || code === 11) {
    return scanError('failed', 'Loket tidak berhak memakai pemindai ini; periksa hak akses USB (grup scanner)');
  }
  if (/setting of option .* failed|invalid argument/.test(text) || code === 4) return scanError('invalid', detail);
  if (code !== 0 || pages === 0) return scanError('failed', detail);
  return null;
}

export class SaneDriver implements ScannerDriver {
  readonly kind = 'sane' as const;
  private readonly command: string;

  constructor(private readonly opts: SaneDriverOptions = {}) {
    this.command = opts.command ?? 'scanimage';
  }

  private async exec(args: string[], extra: { signal?: AbortSignal; onLine?: (line: string) => void; timeoutMs?: number } = {}) {
    try {
      return await run(this.command, args, { env: this.opts.env, ...extra });
    } catch (error) {
      if (error instanceof ToolMissingError) {
        throw scanError('no_scanner', 'program scanimage (paket sane-utils) belum terpasang di komputer ini');
      }
      throw error;
    }
  }

  async list(): Promise<ScannerDevice[]> {
    const result = await this.exec(['-f', LIST_FORMAT], { timeoutMs: 60_000 });
    return parseSaneFormattedList(result.stdout);
  }

  private async rawOptions(deviceId: string): Promise<SaneRawOptions> {
    const result = await this.exec(['-d', deviceId, '-A'], { timeoutMs: 60_000 });
    if (result.code !== 0) throw classifySaneFailure(result.stderr, result.code, 0) ?? scanError('failed');
    return parseSaneOptions(result.stdout);
  }

  async options(deviceId: string): Promise<DeviceOptions> {
    return toDeviceOptions(await this.rawOptions(deviceId));
  }

  async scan(opts: ScanOptions, dir: string, onPage: (page: ScannedPage) => void, signal?: AbortSignal): Promise<ScannedPage[]> {
    const raw = await this.rawOptions(opts.device);
    const source = saneSourceName(raw.sources, opts.source);
    if (source === null) {
      throw scanError('invalid', opts.source === 'Flatbed' ? 'pemindai ini tidak punya kaca pemindai' : 'pemindai ini tidak punya pengumpan untuk pilihan tersebut');
    }
    const mode = saneModeName(raw.modes, opts.mode);
    if (mode === null) throw scanError('invalid', 'mode warna tidak tersedia');
    // JPEG keeps colour and grey pages small (a 20-page letter stays under the upload limit);
    // line art stays PNG, which is both small and exact for black and white.
    const format = opts.mode === 'Lineart' ? 'png' : 'jpeg';
    const ext = format === 'png' ? 'png' : 'jpg';
    const args = ['-d', opts.device, `--format=${format}`, `--batch=${path.join(dir, `halaman-%04d.${ext}`)}`, '--batch-print', '--resolution', String(opts.resolution)];
    if (mode !== '') args.push('--mode', mode);
    if (source !== '') args.push('--source', source);
    if (opts.source === 'Flatbed') args.push('--batch-count=1');
    else if (opts.maxPages !== null) args.push(`--batch-count=${opts.maxPages}`);
    args.push(...(this.opts.extraArgs ?? []));

    const pages: ScannedPage[] = [];
    const result = await this.exec(args, {
      signal,
      timeoutMs: this.opts.timeoutMs ?? 600_000,
      onLine: (line) => {
        const file = line.trim();
        if (file === '' || !fs.existsSync(file)) return;
        const page: ScannedPage = { index: pages.length + 1, file, dpi: opts.resolution };
        pages.push(page);
        onPage(page);
      },
    });
    if (signal?.aborted) throw scanError('cancelled');
    const failure = classifySaneFailure(result.stderr, result.code, pages.length);
    if (failure) throw failure;
    return pages.filter((p) => fs.existsSync(p.file) && fs.statSync(p.file).size > 0);
  }
}
