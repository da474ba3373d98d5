/**
 * Scanning with SANE's test scanner (`scanimage -d test`, package sane-utils): listing, options,
 * a 3-page feeder scan that becomes one PDF and is registered with a letter, and the Indonesian
 * messages for a jam, a busy device, an empty feeder and a missing scanner. Real scanimage, no mock.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { handlers } from '../../electron/core/api/handlers';
import { login } from '../../electron/core/services/auth';
import { createScanServices } from '../../electron/core/scan';
import { SaneDriver, classifySaneFailure, parseSaneList } from '../../electron/core/scan/sane';
import { ScanJobs } from '../../electron/core/scan/scanner';
import type { ScanJob } from '../../shared/api/scan-schemas';
import type { Letter } from '../../shared/api/schemas';
import { hasTool, pdfInfo } from '../fixtures/scan/letters';
import { createTestOffice, tempDir, type TestOffice } from './helpers/core';

const HAVE_SCANIMAGE = hasTool('scanimage', '-V');
if (!HAVE_SCANIMAGE) console.warn('scan-sane: scanimage (paket sane-utils) tidak terpasang; uji pemindai SANE dilewati. .ci/run memasangnya.');

/** A SANE configuration that enables only the "test" backend (Debian ships it commented out). */
function saneConfigDir(): string {
  const dir = tempDir('loket-sane-');
  fs.writeFileSync(path.join(dir, 'dll.conf'), 'test\n');
  return dir;
}

describe.skipIf(!HAVE_SCANIMAGE)('SANE test scanner', () => {
  const env = { ...process.env, SANE_CONFIG_DIR: saneConfigDir() };
  let office: TestOffice;
  let token: string;

  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const result = await dispatch(office.core, handlers, name, input, token);
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };

  beforeAll(async () => {
    office = await createTestOffice();
    await office.core.scan?.close();
    // The test device's feeder holds 10 sheets; the scan below asks for 3 of its colour pattern pages.
    office.core.scan = createScanServices({
      db: office.core.db,
      files: office.core.files,
      resourcesDir: office.core.resourcesDir,
      now: office.core.now,
      driver: new SaneDriver({ env, extraArgs: ['--test-picture', 'Color pattern'] }),
    });
    token = login(office.core.db, 'frontdesk', 'kata-sandi-1', office.core.now()).token;
  });
  afterAll(async () => {
    await office.core.scan?.close();
    office.core.db.close();
  });

  it('lists the test device and reads its sources, colour modes and resolutions', async () => {
    const listed = await call<{ available: boolean; driver: string; devices: Array<{ id: string; label: string }> }>('scan.devices', {});
    expect(listed.available).toBe(true);
    expect(listed.driver).toBe('sane');
    expect(listed.devices.map((d) => d.id)).toContain('test:0');
    expect(listed.devices.find((d) => d.id === 'test:0')?.label).toBe('Noname frontend-tester (perangkat uji)');

    // The plain `scanimage -L` listing parses the same.
    const plain = execFileSync('scanimage', ['-L'], { env, encoding: 'utf8' });
    expect(parseSaneList(plain).map((d) => [d.id, d.vendor, d.model, d.type])).toContainEqual(['test:0', 'Noname', 'frontend-tester', 'virtual device']);

    const options = await call<{ sources: string[]; modes: string[]; resolutions: number[] }>('scan.deviceOptions', { device: 'test' });
    expect(options.sources).toEqual(['Flatbed', 'ADF']);
    expect(options.modes).toEqual(['Color', 'Gray']);
    expect(options.resolutions).toEqual([75, 100, 150, 200, 300, 400, 600]);
  });

  it('scans 3 pages from the feeder into one PDF, reports each page, and the letter is registered with it', async () => {
    const { jobId } = await call<{ jobId: string }>('scan.start', { device: 'test', source: 'ADF', mode: 'Color', resolution: 75, name: 'surat-disdik', maxPages: 3 });
    const scans = office.core.scan?.scans;
    if (!scans) throw new Error('no scan services');
    const job = await scans.wait(jobId, { id: office.userIds.front_desk, role: 'front_desk' });
    expect(job.state, job.message).toBe('done');
    expect(job.pagesScanned).toBe(3);
    expect(job.result?.pages).toBe(3);
    expect(job.result?.attachment.name).toBe('surat-disdik.pdf');
    expect(job.result?.attachment.mime).toBe('application/pdf');
    const polled = await call<ScanJob>('scan.status', { jobId });
    expect(polled.message).toMatch(/^Selesai: 3 halaman/);

    const attachment = job.result?.attachment;
    if (!attachment) throw new Error('no result');
    const letter = await call<Letter>('letters.register', {
      senderName: 'Dinas Pendidikan',
      letterNumber: '005/123/Disdik/XI/2026',
      letterDate: '2026-11-20',
      subject: 'Permohonan Hosting Aplikasi PPDB',
      nature: 'biasa',
      classificationCode: '500.12',
      service: 'hosting',
      attachments: [{ sha256: attachment.sha256, name: attachment.name }],
    });
    const got = await call<Letter>('letters.get', { id: letter.id });
    expect(got.attachments).toHaveLength(1);
    const pdf = office.core.files.read(got.attachments[0]?.sha256 ?? '').data;
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(3);
    // The test device scans 80 × 100 mm; at 75 dpi that is 236 × 295 px → 226.6 × 283.2 pt.
    for (const size of info.sizes) {
      expect(size.width).toBeCloseTo((236 / 75) * 72, 0);
      expect(size.height).toBeCloseTo((295 / 75) * 72, 0);
    }
  });

  it('a flatbed scan is one page', async () => {
    const jobs = new ScanJobs({ driver: new SaneDriver({ env }), files: office.core.files, now: office.core.now, timeZone: () => 'Asia/Jakarta' });
    const owner = { id: 1, role: 'front_desk' };
    const job = await jobs.wait(jobs.start({ device: 'test', source: 'Flatbed', mode: 'Gray', resolution: 100, name: '', maxPages: null }, owner), owner);
    expect(job.state, job.message).toBe('done');
    expect(job.result?.pages).toBe(1);
    expect(job.result?.attachment.name).toMatch(/^pindaian-2026-11-23-\d{4}\.pdf$/);
  });

  const failing = async (args: string[], request: Partial<{ device: string; source: 'ADF' | 'Flatbed' | 'ADF Duplex'; mode: 'Color' | 'Gray' | 'Lineart' }> = {}) => {
    const jobs = new ScanJobs({ driver: new SaneDriver({ env, extraArgs: args }), files: office.core.files, now: office.core.now, timeZone: () => 'Asia/Jakarta' });
    const owner = { id: 1, role: 'front_desk' };
    const id = jobs.start({ device: 'test', source: 'ADF', mode: 'Gray', resolution: 75, name: '', maxPages: null, ...request }, owner);
    return jobs.wait(id, owner);
  };

  it('tells the clerk in Indonesian when paper jams, the device is busy, the feeder is empty, or there is no scanner', async () => {
    const jam = await failing(['--read-return-value', 'SANE_STATUS_JAMMED', '--batch-count=3']);
    expect(jam.state).toBe('failed');
    expect(jam.problem).toBe('jammed');
    expect(jam.message).toMatch(/^Kertas macet di pengumpan/);

    const busy = await failing(['--read-return-value', 'SANE_STATUS_DEVICE_BUSY']);
    expect([busy.problem, busy.message.slice(0, 30)]).toEqual(['busy', 'Pemindai sedang dipakai (oleh ']);

    const empty = await failing(['--read-return-value', 'SANE_STATUS_NO_DOCS']);
    expect(empty.problem).toBe('feeder_empty');
    expect(empty.message).toMatch(/Pengumpan dokumen \(ADF\) kosong/);

    const cover = await failing(['--read-return-value', 'SANE_STATUS_COVER_OPEN']);
    expect(cover.problem).toBe('cover_open');

    const missing = await failing([], { device: 'tidakada:0' });
    expect(missing.problem).toBe('no_scanner');
    expect(missing.message).toMatch(/^Pemindai tidak ditemukan/);

    const lineart = await failing([], { mode: 'Lineart' });
    expect(lineart.problem).toBe('invalid');

    const duplex = await failing([], { source: 'ADF Duplex' });
    expect(duplex.problem).toBe('invalid');
    expect(duplex.message).toMatch(/pengumpan/);
  });

  it('without a page limit the feeder is scanned until it is empty (the test feeder holds 10 sheets)', async () => {
    const jobs = new ScanJobs({ driver: new SaneDriver({ env }), files: office.core.files, now: office.core.now, timeZone: () => 'Asia/Jakarta' });
    const owner = { id: 1, role: 'front_desk' };
    const job = await jobs.wait(jobs.start({ device: 'test', source: 'ADF', mode: 'Gray', resolution: 75, name: '', maxPages: null }, owner), owner);
    expect(job.state, job.message).toBe('done');
    expect(job.result?.pages).toBe(10);
  });

  it('the end of the feeder after some pages is the normal end of a batch, not an error', () => {
    const stderr = 'Scanning page 10\nScanned page 10. (scanner status = 5)\nScanning page 11\nscanimage: sane_start: Document feeder out of documents\nBatch terminated, 10 pages scanned\n';
    expect(classifySaneFailure(stderr, 0, 10)).toBeNull();
    expect(classifySaneFailure(stderr, 7, 0)?.problem).toBe('feeder_empty');
  });
});

describe('scanning without scanimage', () => {
  it('reports that no scanner program is installed', async () => {
    const driver = new SaneDriver({ command: path.join(os.tmpdir(), 'tidak-ada-scanimage') });
    await expect(driver.list()).rejects.toThrow(/scanimage \(paket sane-utils\) belum terpasang/);
  });
});
