/** What every scanner driver offers (SANE on Linux, WIA on Windows), and its errors in Indonesian. */
import type { DeviceOptions, ScanMode, ScannerDevice, ScanProblem, ScanSource } from '../../../shared/api/scan-schemas';

export interface ScanOptions {
  device: string;
  resolution: number;
  mode: ScanMode;
  source: ScanSource;
  /** Feeder only: at most this many pages (null: until the feeder is empty). */
  maxPages: number | null;
}

export interface ScannedPage {
  /** 1-based, in the order the pages came out of the scanner. */
  index: number;
  /** The page image (PNG or JPEG) in the driver's temporary folder. */
  file: string;
  /** The resolution it was scanned at. */
  dpi: number;
}

export interface ScannerDriver {
  readonly kind: 'sane' | 'wia' | 'none';
  list(): Promise<ScannerDevice[]>;
  options(device: string): Promise<DeviceOptions>;
  /** Scans into `dir`; `onPage` is called as each page is complete. */
  scan(opts: ScanOptions, dir: string, onPage: (page: ScannedPage) => void, signal?: AbortSignal): Promise<ScannedPage[]>;
}

export class ScanError extends Error {
  constructor(
    readonly problem: ScanProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ScanError';
  }
}

export const SCAN_MESSAGES: Record<ScanProblem, string> = {
  no_scanner: 'Pemindai tidak ditemukan. Periksa kabel USB/jaringan dan daya pemindai, lalu muat ulang daftar pemindai.',
  busy: 'Pemindai sedang dipakai (oleh program lain atau meja lain). Tunggu sebentar, lalu coba lagi.',
  jammed: 'Kertas macet di pengumpan. Buka penutup pemindai, keluarkan kertas dengan hati-hati, rapikan, lalu pindai ulang.',
  feeder_empty: 'Pengumpan dokumen (ADF) kosong. Letakkan lembar surat di pengumpan, lalu pindai lagi.',
  cover_open: 'Penutup pemindai terbuka. Tutup penutupnya, lalu pindai lagi.',
  invalid: 'Pemindai ini tidak mendukung pilihan tersebut (mode warna, resolusi, atau sumber kertas). Pilih yang lain.',
  cancelled: 'Pemindaian dibatalkan.',
  failed: 'Pemindaian gagal. Periksa pemindai, lalu coba lagi.',
};

export function scanError(problem: ScanProblem, detail?: string): ScanError {
  return new ScanError(problem, detail ? `${SCAN_MESSAGES[problem]} (${detail})` : SCAN_MESSAGES[problem]);
}

/** The standard resolutions offered when a device accepts a range. */
export const STANDARD_RESOLUTIONS = [75, 100, 150, 200, 300, 400, 600];

/** Used where no scanning program exists (e.g. macOS, or a Linux host without sane-utils). */
export class NoScannerDriver implements ScannerDriver {
  readonly kind = 'none' as const;
  async list(): Promise<ScannerDevice[]> {
    return [];
  }
  async options(): Promise<DeviceOptions> {
    throw scanError('no_scanner');
  }
  async scan(): Promise<ScannedPage[]> {
    throw scanError('no_scanner');
  }
}
