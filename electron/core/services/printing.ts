/**
 * Printing through the operating system: CUPS (`lp`, `lpstat`) on Linux and macOS, the Windows
 * spooler through pdf-to-printer. The PDF is written to a temporary file and handed over.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ApiError } from '../../../shared/api/errors';
import type { PaperSize } from '../../../shared/api/schemas';

const run = promisify(execFile);

export interface PrinterInfo {
  name: string;
  isDefault: boolean;
}

export interface PrintJob {
  printer: string;
  copies: number;
  paper: PaperSize;
  pdf: Buffer;
  title: string;
}

export interface Printing {
  list(): Promise<{ available: boolean; printers: PrinterInfo[]; message: string | null }>;
  print(job: PrintJob): Promise<{ jobId: string }>;
}

/** CUPS media names; F4 is 215 × 330 mm, half folio 165 × 215 mm. */
const CUPS_MEDIA: Record<PaperSize, string> = {
  A4: 'A4',
  F4: 'Custom.215x330mm',
  HALF_FOLIO: 'Custom.165x215mm',
};

async function withTempPdf<T>(pdf: Buffer, use: (file: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-cetak-'));
  const file = path.join(dir, 'dokumen.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return await use(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export class CupsPrinting implements Printing {
  async list() {
    try {
      const { stdout } = await run('lpstat', ['-e'], { timeout: 10_000 });
      const names = stdout.split('\n').map((l) => l.trim()).filter(Boolean);
      let defaultName = '';
      try {
        const d = await run('lpstat', ['-d'], { timeout: 10_000 });
        defaultName = /:\s*(\S+)\s*$/.exec(d.stdout.trim())?.[1] ?? '';
      } catch {
        defaultName = '';
      }
      return {
        available: names.length > 0,
        printers: names.map((name) => ({ name, isDefault: name === defaultName })),
        message: names.length > 0 ? null : 'Belum ada printer yang terpasang di komputer ini. Simpan sebagai PDF, atau pasang printer lebih dulu.',
      };
    } catch {
      return { available: false, printers: [], message: 'Layanan cetak (CUPS) tidak tersedia di komputer ini. Simpan sebagai PDF.' };
    }
  }

  async print(job: PrintJob) {
    return withTempPdf(job.pdf, async (file) => {
      try {
        const { stdout } = await run(
          'lp',
          ['-d', job.printer, '-n', String(job.copies), '-o', `media=${CUPS_MEDIA[job.paper]}`, '-o', 'fit-to-page', '-t', job.title, file],
          { timeout: 30_000 },
        );
        const jobId = /request id is (\S+)/.exec(stdout)?.[1] ?? stdout.trim();
        return { jobId };
      } catch (error) {
        const detail = error instanceof Error && 'stderr' in error ? String((error as { stderr: unknown }).stderr).trim() : '';
        throw new ApiError('PRINT_FAILED', `Gagal mengirim ke printer ${job.printer}.${detail ? ` Pesan sistem: ${detail}` : ''}`);
      }
    });
  }
}

export class WindowsPrinting implements Printing {
  async list() {
    try {
      const { getPrinters, getDefaultPrinter } = await import('pdf-to-printer');
      const [printers, def] = await Promise.all([getPrinters(), getDefaultPrinter()]);
      return {
        available: printers.length > 0,
        printers: printers.map((p) => ({ name: p.name, isDefault: p.name === def?.name })),
        message: printers.length > 0 ? null : 'Belum ada printer yang terpasang di komputer ini. Simpan sebagai PDF.',
      };
    } catch {
      return { available: false, printers: [], message: 'Daftar printer Windows tidak dapat dibaca. Simpan sebagai PDF.' };
    }
  }

  async print(job: PrintJob) {
    const { print } = await import('pdf-to-printer');
    return withTempPdf(job.pdf, async (file) => {
      try {
        await print(file, { printer: job.printer, copies: job.copies, paperSize: job.paper === 'A4' ? 'A4' : undefined, scale: 'fit' });
        return { jobId: `${job.printer}-${Date.now()}` };
      } catch (error) {
        throw new ApiError('PRINT_FAILED', `Gagal mengirim ke printer ${job.printer}. ${error instanceof Error ? error.message : ''}`.trim());
      }
    });
  }
}

export function systemPrinting(): Printing {
  return process.platform === 'win32' ? new WindowsPrinting() : new CupsPrinting();
}
