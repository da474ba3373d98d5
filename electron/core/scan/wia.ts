/**
 * Windows scanners through WIA (Windows Image Acquisition), driven by a small PowerShell script
 * over the WIA COM objects. Values reach the script as environment variables, never inside the
 * script text. This driver cannot be run on Linux: its output parsing is unit-tested, the script
 * itself must be tried on a Windows desk with a scanner.
 */
import type { DeviceOptions, ScannerDevice, ScanProblem } from '../../../shared/api/scan-schemas';
import { run, ToolMissingError } from './exec';
import { scanError, ScanError, STANDARD_RESOLUTIONS, type ScannedPage, type ScanOptions, type ScannerDriver } from './driver';

const PRELUDE = `$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8
function Get-HResult($err) { $e = $err.Exception; while ($e.InnerException) { $e = $e.InnerException }; return ('0x{0:X8}' -f $e.HResult) }
function Set-Prop($props, $id, $value) { foreach ($p in $props) { if ($p.PropertyID -eq $id) { $p.Value = $value; return } } }
function Get-Prop($props, $id) { foreach ($p in $props) { if ($p.PropertyID -eq $id) { return $p.Value } }; return $null }
`;

/** Lists WIA scanners (DeviceInfo.Type 1) as JSON. */
export const WIA_LIST_SCRIPT = `${PRELUDE}
try { $dm = New-Object -ComObject WIA.DeviceManager } catch { Write-Output 'NOWIA'; exit 0 }
$out = @()
foreach ($info in $dm.DeviceInfos) {
  if ($info.Type -ne 1) { continue }
  $name = ''; $vendor = ''
  foreach ($p in $info.Properties) {
    if ($p.Name -eq 'Name') { $name = [string]$p.Value }
    if ($p.Name -eq 'Manufacturer') { $vendor = [string]$p.Value }
  }
  $out += [pscustomobject]@{ id = [string]$info.DeviceID; name = $name; vendor = $vendor }
}
Write-Output ('DEVICES ' + (ConvertTo-Json -InputObject @($out) -Compress))
`;

/**
 * Scans with one device. Environment: LOKET_WIA_DEVICE (device id), LOKET_WIA_DPI,
 * LOKET_WIA_INTENT (1 colour, 2 grey, 4 black-and-white text), LOKET_WIA_HANDLING (2 flatbed,
 * 1 feeder, 5 feeder + duplex), LOKET_WIA_DIR (output folder). Prints "PAGE <file>" per page,
 * then "DONE", or "ERROR <HRESULT>".
 */
export const WIA_SCAN_SCRIPT = `${PRELUDE}
$png = '{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}'
$handling = [int]$env:LOKET_WIA_HANDLING
$dpi = [int]$env:LOKET_WIA_DPI
$maxPages = [int]$env:LOKET_WIA_MAX_PAGES
try {
  $dm = New-Object -ComObject WIA.DeviceManager
  $info = $null
  foreach ($i in $dm.DeviceInfos) { if ($i.DeviceID -eq $env:LOKET_WIA_DEVICE) { $info = $i } }
  if ($null -eq $info) { Write-Output 'ERROR 0x80210015'; exit 2 }
  $dev = $info.Connect()
  # 3088 WIA_DPS_DOCUMENT_HANDLING_SELECT, 3096 WIA_DPS_PAGES (1: one page per transfer)
  Set-Prop $dev.Properties 3088 $handling
  if ($handling -ne 2) { Set-Prop $dev.Properties 3096 1 }
  $item = $dev.Items.Item(1)
  # 6146 WIA_IPS_CUR_INTENT, 6147/6148 horizontal/vertical resolution
  Set-Prop $item.Properties 6146 ([int]$env:LOKET_WIA_INTENT)
  Set-Prop $item.Properties 6147 $dpi
  Set-Prop $item.Properties 6148 $dpi
  $n = 0
  while ($true) {
    if ($handling -ne 2 -and $n -gt 0) {
      # 3087 WIA_DPS_DOCUMENT_HANDLING_STATUS, bit 1 FEED_READY
      $status = Get-Prop $dev.Properties 3087
      if ($null -ne $status -and (([int]$status) -band 1) -eq 0) { break }
    }
    try { $img = $item.Transfer($png) } catch {
      $hr = Get-HResult $_
      if ($n -gt 0 -and $hr -eq '0x80210003') { break }
      Write-Output ('ERROR ' + $hr); exit 3
    }
    if ($img.FormatID -ne $png) {
      $ip = New-Object -ComObject WIA.ImageProcess
      $ip.Filters.Add($ip.FilterInfos.Item('Convert').FilterID)
      $ip.Filters.Item(1).Properties.Item('FormatID').Value = $png
      $img = $ip.Apply($img)
    }
    $n++
    $file = Join-Path $env:LOKET_WIA_DIR ('halaman-{0:D4}.png' -f $n)
    $img.SaveFile($file)
    Write-Output ('PAGE ' + $file)
    if ($handling -eq 2) { break }
    if ($maxPages -gt 0 -and $n -ge $maxPages) { break }
  }
  Write-Output 'DONE'
} catch {
  Write-Output ('ERROR ' + (Get-HResult $_)); exit 3
}
`;

/** WIA HRESULTs (wia.h) → what went wrong. */
const WIA_ERRORS: Record<string, ScanProblem> = {
  '0x80210002': 'jammed', // WIA_ERROR_PAPER_JAM
  '0x80210003': 'feeder_empty', // WIA_ERROR_PAPER_EMPTY
  '0x80210004': 'jammed', // WIA_ERROR_PAPER_PROBLEM
  '0x80210005': 'no_scanner', // WIA_ERROR_OFFLINE
  '0x80210006': 'busy', // WIA_ERROR_BUSY
  '0x80210007': 'busy', // WIA_ERROR_WARMING_UP
  '0x8021000D': 'busy', // WIA_ERROR_DEVICE_LOCKED
  '0x80210015': 'no_scanner', // WIA_S_NO_DEVICE_AVAILABLE
  '0x80210016': 'cover_open', // WIA_ERROR_COVER_OPEN
  '0x80210020': 'jammed', // WIA_ERROR_MULTI_FEED
  '0x8021000C': 'invalid', // WIA_ERROR_INCORRECT_HARDWARE_SETTING
  '0x80070057': 'invalid', // E_INVALIDARG: a property value the device does not take
  '0x800704C7': 'cancelled', // ERROR_CANCELLED
};

export function wiaProblem(hresult: string): ScanError {
  const problem = WIA_ERRORS[hresult.toUpperCase().replace(/^0X/, '0x')] ?? 'failed';
  return scanError(problem, problem === 'failed' ? `kode WIA ${hresult}` : undefined);
}

/** Parses the list script's output. */
export function parseWiaList(stdout: string): ScannerDevice[] | null {
  if (/^NOWIA/m.test(stdout)) return null;
  const line = stdout.split(/\r?\n/).find((l) => l.startsWith('DEVICES '));
  if (!line) return [];
  const parsed: unknown = JSON.parse(line.slice('DEVICES '.length));
  const rows = Array.isArray(parsed) ? parsed : [parsed];
  return rows
    .filter((r): r is { id: string; name?: string; vendor?: string } => typeof r === 'object' && r !== null && typeof (r as { id?: unknown }).id === 'string')
    .map((r) => ({
      id: r.id,
      vendor: r.vendor ?? '',
      model: r.name ?? '',
      type: 'WIA',
      label: `${r.vendor ?? ''} ${r.name ?? ''}`.trim() || r.id,
    }));
}

/** Parses the scan script's output: the page files, or the error. */
export function parseWiaScan(stdout: string): { files: string[]; error: string | null } {
  const files: string[] = [];
  let error: string | null = null;
  for (const line of stdout.split(/\r?\n/)) {
    if (line.startsWith('PAGE ')) files.push(line.slice(5).trim());
    const m = /^ERROR (0x[0-9A-Fa-f]{8})/.exec(line);
    if (m) error = m[1] ?? null;
  }
  return { files, error };
}

export class WiaDriver implements ScannerDriver {
  readonly kind = 'wia' as const;

  constructor(private readonly powershell = 'powershell.exe') {}

  private async ps(script: string, env: Record<string, string>, extra: { signal?: AbortSignal; onLine?: (line: string) => void } = {}) {
    const encoded = Buffer.from(script, 'utf16le').toString('base64');
    try {
      return await run(this.powershell, ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encoded], {
        env: { ...process.env, ...env },
        timeoutMs: 600_000,
        ...extra,
      });
    } catch (error) {
      if (error instanceof ToolMissingError) throw scanError('no_scanner', 'PowerShell tidak tersedia');
      throw error;
    }
  }

  async list(): Promise<ScannerDevice[]> {
    const result = await this.ps(WIA_LIST_SCRIPT, {});
    const devices = parseWiaList(result.stdout);
    if (devices === null) throw scanError('no_scanner', 'layanan WIA Windows tidak tersedia');
    return devices;
  }

  async options(): Promise<DeviceOptions> {
    // WIA reports capabilities per device in ways drivers fill in unevenly; offer the common set
    // and let the scan report "invalid" for a choice the device refuses.
    return { sources: ['Flatbed', 'ADF', 'ADF Duplex'], modes: ['Color', 'Gray', 'Lineart'], resolutions: STANDARD_RESOLUTIONS, defaultResolution: 200 };
  }

  async scan(opts: ScanOptions, dir: string, onPage: (page: ScannedPage) => void, signal?: AbortSignal): Promise<ScannedPage[]> {
    const env = {
      LOKET_WIA_DEVICE: opts.device,
      LOKET_WIA_DPI: String(opts.resolution),
      LOKET_WIA_INTENT: String(opts.mode === 'Color' ? 1 : opts.mode === 'Gray' ? 2 : 4),
      LOKET_WIA_HANDLING: String(opts.source === 'Flatbed' ? 2 : opts.source === 'ADF' ? 1 : 5),
      LOKET_WIA_DIR: dir,
      LOKET_WIA_MAX_PAGES: String(opts.source === 'Flatbed' ? 1 : (opts.maxPages ?? 0)),
    };
    const pages: ScannedPage[] = [];
    const result = await this.ps(WIA_SCAN_SCRIPT, env, {
      signal,
      onLine: (line) => {
        if (!line.startsWith('PAGE ')) return;
        const page = { index: pages.length + 1, file: line.slice(5).trim(), dpi: opts.resolution };
        pages.push(page);
        onPage(page);
      },
    });
    if (signal?.aborted) throw scanError('cancelled');
    const parsed = parseWiaScan(result.stdout);
    if (parsed.error) throw wiaProblem(parsed.error);
    if (result.code !== 0 || pages.length === 0) throw scanError('failed', result.stderr.trim().split(/\r?\n/).pop());
    return pages;
  }
}
