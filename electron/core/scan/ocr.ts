/**
 * Offline OCR of a scan's first page with tesseract.js and the Indonesian data shipped in
 * resources/ocr (ind.traineddata). Recognition runs in tesseract.js's worker thread, one job at a
 * time; the API only starts a job and reports its progress, so registering a letter never waits
 * for OCR. The text is kept (ocr_texts) and, through the triggers of migration 5, searchable for
 * every letter the scan is attached to — also when OCR finishes after the letter was registered.
 */
import fs from 'node:fs';
import path from 'node:path';
import Tesseract from 'tesseract.js';
import { ApiError } from '../../../shared/api/errors';
import type { LetterSuggestions, OcrJob } from '../../../shared/api/scan-schemas';
import { suggestLetterFields } from '../../../shared/domain/letter-ocr';
import type { Db } from '../db/register';
import type { FileStore } from '../services/files';
import { opdNameKey } from '../services/office';
import { ToolMissingError } from './exec';
import { JobTable, type JobOwner } from './jobs';
import { renderPdfPages } from './pages';

export const OCR_LANGUAGE = 'ind';
export const OCR_ENGINE = `tesseract.js/${OCR_LANGUAGE}`;

export interface OcrServiceOptions {
  db: Db;
  files: FileStore;
  /** Folder holding ind.traineddata (resources/ocr). */
  langPath: string;
  pdftoppm?: string;
  now: () => Date;
  /** The worker is ended after this long without work (frees ~100 MB). Default 2 minutes. */
  idleMs?: number;
  /** Longest one page may take. Default 3 minutes. */
  jobTimeoutMs?: number;
}

interface Queued {
  job: OcrJob;
  done: Promise<void>;
}

/** Suggestions from the text, with the OPD from the list whose name matches the letterhead. */
export function suggestionsFor(db: Db, text: string): LetterSuggestions {
  const fields = suggestLetterFields(text);
  let opdId: number | null = null;
  if (fields.senderName) {
    const row = db.prepare('SELECT id FROM opd WHERE active = 1 AND name_key = ?').get(opdNameKey(fields.senderName)) as { id: number } | undefined;
    opdId = row?.id ?? null;
  }
  return { ...fields, opdId };
}

export function storedOcrText(db: Db, sha256: string): string | null {
  const row = db.prepare('SELECT text FROM ocr_texts WHERE sha256 = ?').get(sha256) as { text: string } | undefined;
  return row?.text ?? null;
}

export class OcrService {
  private readonly jobs = new JobTable<Queued>('ocr');
  private readonly firstPages = new Map<string, Buffer>();
  private worker: Promise<Tesseract.Worker> | null = null;
  private current: string | null = null;
  private chain: Promise<void> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly opts: OcrServiceOptions) {}

  /** Whether the language data is where it should be. */
  available(): boolean {
    return fs.existsSync(path.join(this.opts.langPath, `${OCR_LANGUAGE}.traineddata`));
  }

  /** Remembers the first page image of a PDF made here (a scan), so OCR needs no PDF renderer. */
  rememberFirstPage(sha256: string, image: Buffer): void {
    this.firstPages.set(sha256, image);
    if (this.firstPages.size > 50) {
      const oldest = this.firstPages.keys().next().value;
      if (oldest !== undefined) this.firstPages.delete(oldest);
    }
  }

  start(sha256: string, owner: JobOwner): string {
    if (!this.opts.files.has(sha256)) throw new ApiError('NOT_FOUND', 'Berkas pindaian tidak ditemukan di register.');
    const known = storedOcrText(this.opts.db, sha256);
    const { id, value } = this.jobs.create(owner, (jobId) => ({
      job: { jobId, sha256, state: 'queued', progress: 0, message: 'Menunggu giliran pengenalan teks…', result: null },
      done: Promise.resolve(),
    }));
    if (known !== null) {
      Object.assign(value.job, {
        state: 'done',
        progress: 100,
        message: 'Teks sudah pernah dibaca dari pindaian ini.',
        result: { text: known, suggestions: suggestionsFor(this.opts.db, known) },
      });
      return id;
    }
    if (this.closed) throw new ApiError('INTERNAL', 'Pengenalan teks sedang dihentikan.');
    value.done = this.chain = this.chain.then(() => this.runJob(value.job));
    return id;
  }

  status(jobId: string, viewer: JobOwner): OcrJob {
    const { job } = this.jobs.get(jobId, viewer);
    return { ...job, result: job.result ? { ...job.result, suggestions: suggestionsFor(this.opts.db, job.result.text) } : null };
  }

  async wait(jobId: string, viewer: JobOwner): Promise<OcrJob> {
    await this.jobs.get(jobId, viewer).done;
    return this.status(jobId, viewer);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.chain.catch(() => undefined);
    await this.endWorker();
  }

  private async endWorker(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.then((w) => w.terminate()).catch(() => undefined);
  }

  private getWorker(job: OcrJob): Promise<Tesseract.Worker> {
    if (!this.worker) {
      if (!this.available()) {
        return Promise.reject(new ApiError('INTERNAL', 'Data bahasa Indonesia untuk pengenalan teks (resources/ocr/ind.traineddata) tidak ditemukan. Pasang ulang Loket.'));
      }
      job.message = 'Memuat data bahasa Indonesia…';
      this.worker = Tesseract.createWorker(OCR_LANGUAGE, Tesseract.OEM.LSTM_ONLY, {
        langPath: this.opts.langPath,
        gzip: false,
        // Never write a copy of the data into the working folder, never fetch it.
        cacheMethod: 'none',
        logger: (m) => this.onProgress(m),
        // Without a handler tesseract.js throws from its message listener and ends the process.
        errorHandler: () => undefined,
      });
      this.worker.catch(() => {
        this.worker = null;
      });
    }
    return this.worker;
  }

  private onProgress(m: Tesseract.LoggerMessage): void {
    if (this.current === null) return;
    const queued = this.jobsById(this.current);
    if (!queued) return;
    if (m.status === 'recognizing text') {
      queued.progress = Math.max(queued.progress, Math.min(99, 15 + Math.round(m.progress * 84)));
      queued.message = 'Membaca teks halaman pertama…';
    }
  }

  private jobsById(jobId: string): OcrJob | null {
    for (const q of this.jobs.values()) if (q.job.jobId === jobId) return q.job;
    return null;
  }

  private async firstPageImage(sha256: string): Promise<Buffer> {
    const remembered = this.firstPages.get(sha256);
    if (remembered) return remembered;
    const file = this.opts.files.read(sha256);
    if (file.mime !== 'application/pdf') return file.data;
    try {
      const [page] = await renderPdfPages(this.opts.pdftoppm ?? 'pdftoppm', file.data, { dpi: 200, first: 1, last: 1 });
      if (!page) throw new ApiError('UNSUPPORTED_FILE', 'Halaman pertama PDF tidak dapat digambar.');
      return page;
    } catch (error) {
      if (error instanceof ToolMissingError) {
        throw new ApiError(
          'INTERNAL',
          'Teks PDF ini tidak dapat dibaca: program pdftoppm (poppler) belum terpasang di komputer ini. Pindaian dari pemindai Loket dan berkas JPG/PNG tetap dapat dibaca.',
        );
      }
      throw error;
    }
  }

  private async runJob(job: OcrJob): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.current = job.jobId;
    job.state = 'running';
    job.progress = 2;
    job.message = 'Menyiapkan gambar halaman pertama…';
    let timer: NodeJS.Timeout | null = null;
    try {
      const image = await this.firstPageImage(job.sha256);
      job.progress = 8;
      const worker = await this.getWorker(job);
      job.progress = 15;
      job.message = 'Membaca teks halaman pertama…';
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ApiError('INTERNAL', 'Pengenalan teks terlalu lama dan dihentikan.')), this.opts.jobTimeoutMs ?? 180_000);
      });
      const { data } = await Promise.race([worker.recognize(image, {}, { text: true }, job.jobId), timeout]);
      const text = (data.text ?? '').trim();
      this.opts.db
        .prepare(
          `INSERT INTO ocr_texts (sha256, text, engine, created_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (sha256) DO UPDATE SET text = excluded.text, engine = excluded.engine, created_at = excluded.created_at`,
        )
        .run(job.sha256, text, OCR_ENGINE, this.opts.now().toISOString());
      this.firstPages.delete(job.sha256);
      job.result = { text, suggestions: suggestionsFor(this.opts.db, text) };
      job.state = 'done';
      job.progress = 100;
      job.message = text === '' ? 'Tidak ada teks yang terbaca di halaman pertama.' : 'Teks terbaca. Periksa saran isian sebelum menyimpan.';
    } catch (error) {
      job.state = 'failed';
      job.message =
        error instanceof ApiError ? error.message : `Pengenalan teks gagal: ${error instanceof Error ? error.message : String(error)}. Isi formulir secara manual.`;
      // A worker that failed or hung is not reused.
      if (!(error instanceof ApiError && error.code === 'UNSUPPORTED_FILE')) await this.endWorker();
    } finally {
      if (timer) clearTimeout(timer);
      this.current = null;
      if (!this.closed && this.worker) {
        this.idleTimer = setTimeout(() => void this.endWorker(), this.opts.idleMs ?? 120_000);
        this.idleTimer.unref();
      }
    }
  }
}
