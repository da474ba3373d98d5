/** Scanning at the front desk (issue 6): scanners, the scan folder, pages, and offline OCR. */
import path from 'node:path';
import type { Db } from '../db/register';
import type { FileStore } from '../services/files';
import type { ScannerDriver } from './driver';
import { ScanInbox } from './inbox';
import { OcrService } from './ocr';
import { ScanJobs, systemScannerDriver } from './scanner';

export interface ScanServices {
  scans: ScanJobs;
  inbox: ScanInbox;
  ocr: OcrService;
  /** The pdftoppm program (poppler) for thumbnails and OCR of PDFs. */
  pdftoppm: string;
  close(): Promise<void>;
}

export interface ScanServicesOptions {
  db: Db;
  files: FileStore;
  resourcesDir: string;
  now: () => Date;
  /** Default: SANE on Linux, WIA on Windows. */
  driver?: ScannerDriver;
  pdftoppm?: string;
  log?: (message: string) => void;
}

export function createScanServices(options: ScanServicesOptions): ScanServices {
  const pdftoppm = options.pdftoppm ?? 'pdftoppm';
  const ocr = new OcrService({
    db: options.db,
    files: options.files,
    langPath: path.join(options.resourcesDir, 'ocr'),
    pdftoppm,
    now: options.now,
  });
  const timeZone = () => {
    const row = options.db.prepare('SELECT time_zone FROM office WHERE id = 1').get() as { time_zone: string } | undefined;
    return row?.time_zone ?? 'Asia/Jakarta';
  };
  const scans = new ScanJobs({
    driver: options.driver ?? systemScannerDriver(),
    files: options.files,
    now: options.now,
    timeZone,
    onFirstPage: (sha256, image) => ocr.rememberFirstPage(sha256, image),
  });
  const inbox = new ScanInbox({ db: options.db, files: options.files, now: options.now, log: options.log });
  return {
    scans,
    inbox,
    ocr,
    pdftoppm,
    async close() {
      await Promise.all([scans.close(), inbox.stop(), ocr.close()]);
    },
  };
}

export type { ScannerDriver, ScanOptions, ScannedPage } from './driver';
export { ScanError, NoScannerDriver } from './driver';
export { SaneDriver } from './sane';
export { WiaDriver } from './wia';
