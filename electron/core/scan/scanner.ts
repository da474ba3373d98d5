/**
 * Scanning at the desk as a background job: the driver scans the pages into a temporary folder,
 * the pages become one PDF in the file store, ready to attach to a letter. The renderer polls
 * `scan.status` and shows "Halaman N terpindai" as the pages come.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { Attachment } from '../../../shared/api/schemas';
import type { ScanJob, ScanRequest } from '../../../shared/api/scan-schemas';
import { toLocalParts } from '../../../shared/domain/dates';
import type { FileStore } from '../services/files';
import { ScanError, SCAN_MESSAGES, scanError, NoScannerDriver, type ScannerDriver } from './driver';
import { JobTable, type JobOwner } from './jobs';
import { imagesToPdf } from './pages';
import { SaneDriver } from './sane';
import { WiaDriver } from './wia';

/** SANE on Linux (and other Unix), WIA on Windows. */
export function systemScannerDriver(platform: NodeJS.Platform = process.platform): ScannerDriver {
  if (platform === 'win32') return new WiaDriver();
  if (platform === 'linux' || platform === 'freebsd' || platform === 'openbsd' || platform === 'darwin') return new SaneDriver();
  return new NoScannerDriver();
}

interface RunningScan {
  job: ScanJob;
  abort: AbortController;
  done: Promise<void>;
}

/** Keeps the scanned PDF and gives back its attachment (the register's file store, or the host's for a desk). */
export type ScanStore = (pdf: Buffer, name: string) => Promise<Attachment> | Attachment;

export interface ScanJobsOptions {
  driver: ScannerDriver;
  /** The register's file store; or give `store` (a desk of the LAN uploads to its host). */
  files?: FileStore;
  store?: ScanStore;
  now: () => Date;
  timeZone: () => string;
  /** Told the first page of every scan, so OCR of the new PDF needs no PDF renderer. */
  onFirstPage?: (sha256: string, image: Buffer) => void;
}

export class ScanJobs {
  private readonly jobs = new JobTable<RunningScan>('pindai');
  /** One scan at a time per device: a second request gets "busy" at once. */
  private readonly busyDevices = new Set<string>();

  private readonly store: ScanStore;

  constructor(private readonly opts: ScanJobsOptions) {
    const files = opts.files;
    const store = opts.store ?? (files ? (pdf: Buffer, name: string): Attachment => ({ ...files.put(pdf), name }) : null);
    if (!store) throw new Error('ScanJobs needs a file store or a store function');
    this.store = store;
  }

  get driver(): ScannerDriver {
    return this.opts.driver;
  }

  /** `store` overrides where this scan's PDF goes (a desk: the host, with the user's session). */
  start(request: ScanRequest, owner: JobOwner, store: ScanStore = this.store): string {
    if (this.busyDevices.has(request.device)) throw new ApiError('CONFLICT', SCAN_MESSAGES.busy);
    const abort = new AbortController();
    const { id, value } = this.jobs.create(owner, (jobId) => ({
      job: { jobId, state: 'queued', pagesScanned: 0, message: 'Menyiapkan pemindai…', problem: null, result: null },
      abort,
      done: Promise.resolve(),
    }));
    this.busyDevices.add(request.device);
    value.done = this.runJob(value, request, store).finally(() => this.busyDevices.delete(request.device));
    return id;
  }

  status(jobId: string, viewer: JobOwner): ScanJob {
    return { ...this.jobs.get(jobId, viewer).job };
  }

  cancel(jobId: string, viewer: JobOwner): ScanJob {
    const running = this.jobs.get(jobId, viewer);
    if (running.job.state === 'queued' || running.job.state === 'running') running.abort.abort();
    return { ...running.job };
  }

  /** Waits for a job to end (tests, shutdown). */
  async wait(jobId: string, viewer: JobOwner): Promise<ScanJob> {
    const running = this.jobs.get(jobId, viewer);
    await running.done;
    return { ...running.job };
  }

  async close(): Promise<void> {
    const all = this.jobs.values();
    for (const r of all) r.abort.abort();
    await Promise.all(all.map((r) => r.done));
  }

  private async runJob(running: RunningScan, request: ScanRequest, store: ScanStore): Promise<void> {
    const job = running.job;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-pindai-'));
    try {
      job.state = 'running';
      job.message = 'Memindai halaman 1…';
      const pages = await this.opts.driver.scan(
        { device: request.device, resolution: request.resolution, mode: request.mode, source: request.source, maxPages: request.maxPages },
        dir,
        (page) => {
          job.pagesScanned = page.index;
          job.message = `Halaman ${page.index} terpindai. ${request.source === 'Flatbed' ? 'Menyusun PDF…' : 'Memindai halaman berikutnya…'}`;
        },
        running.abort.signal,
      );
      if (pages.length === 0) throw scanError('failed', 'tidak ada halaman yang terpindai');
      job.message = `Menyusun ${pages.length} halaman menjadi satu PDF…`;
      const images = pages.map((p) => ({ data: fs.readFileSync(p.file), dpi: p.dpi }));
      const pdf = await imagesToPdf(images);
      const attachment = await store(pdf.data, this.fileName(request.name));
      const first = images[0];
      if (first) this.opts.onFirstPage?.(attachment.sha256, first.data);
      job.pagesScanned = pages.length;
      job.result = { attachment, pages: pdf.pages };
      job.state = 'done';
      job.message = `Selesai: ${pdf.pages} halaman tersimpan sebagai ${attachment.name}.`;
    } catch (error) {
      job.state = 'failed';
      if (error instanceof ScanError) {
        job.problem = error.problem;
        job.message = error.message;
      } else if (error instanceof ApiError) {
        job.problem = 'failed';
        job.message = error.message;
      } else {
        job.problem = 'failed';
        job.message = `${SCAN_MESSAGES.failed} (${error instanceof Error ? error.message : String(error)})`;
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  private fileName(requested: string): string {
    const base = requested.replace(/[\\/:*?"<>|\0]/g, '-').trim();
    if (base !== '') return /\.pdf$/i.test(base) ? base : `${base}.pdf`;
    const p = toLocalParts(this.opts.now(), this.opts.timeZone());
    const two = (n: number) => String(n).padStart(2, '0');
    return `pindaian-${p.year}-${two(p.month)}-${two(p.day)}-${two(p.hour)}${two(p.minute)}.pdf`;
  }
}
