/** The scanning calls through the dispatcher: roles, the scan folder settings, inbox to letter, pages and OCR jobs. Also the WIA output parsing. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { handlers } from '../../electron/core/api/handlers';
import { login } from '../../electron/core/services/auth';
import { parseWiaList, parseWiaScan, wiaProblem, WiaDriver, WIA_SCAN_SCRIPT } from '../../electron/core/scan/wia';
import type { InboxItem, OcrJob } from '../../shared/api/scan-schemas';
import type { Letter } from '../../shared/api/schemas';
import { letterPdf, pdfToPng, PPDB_LETTER } from '../fixtures/scan/letters';
import { createTestOffice, tempDir, type TestOffice } from './helpers/core';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('scanning calls', () => {
  let office: TestOffice;
  const tokens: Record<string, string> = {};
  const call = async <T>(who: string, name: string, input: unknown): Promise<T> => {
    const result = await dispatch(office.core, handlers, name, input, tokens[who] ?? null);
    if (!result.ok) throw Object.assign(new Error(`${name}: ${result.error.message}`), { code: result.error.code });
    return result.value as T;
  };

  beforeAll(async () => {
    office = await createTestOffice();
    for (const [who, user] of [
      ['admin', 'admin'],
      ['desk', 'frontdesk'],
      ['kabid', 'kabid'],
    ] as const) {
      tokens[who] = login(office.core.db, user, who === 'admin' ? 'rahasia-admin-1' : 'kata-sandi-1', office.core.now()).token;
    }
  });
  afterAll(async () => {
    await office.core.scan?.close();
    office.core.db.close();
  });

  it('only the front desk and the admin scan and see the inbox; only the admin sets the folder', async () => {
    await expect(call('kabid', 'scan.inbox.list', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call('kabid', 'ocr.start', { sha256: 'a'.repeat(64) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call('desk', 'scan.folder.save', { folder: '/tmp' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call('admin', 'scan.folder.save', { folder: 'relatif', stableMs: 300 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call('desk', 'scan.status', { jobId: 'pindai-0000000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('folder → inbox → a new letter (as attachment ref) and an existing letter (letters.addAttachment)', async () => {
    const folder = tempDir('loket-api-folder-');
    const state = await call<{ watching: boolean; settings: { folder: string; stableMs: number } }>('admin', 'scan.folder.save', { folder, stableMs: 300 });
    expect(state.watching).toBe(true);
    expect(state.settings).toMatchObject({ folder, stableMs: 300, polling: false, afterImport: 'keep' });

    const pdf = await letterPdf();
    const png = pdfToPng(pdf, 40);
    fs.writeFileSync(path.join(folder, 'surat.pdf'), pdf);
    fs.writeFileSync(path.join(folder, 'lampiran.png'), png);
    let items: InboxItem[] = [];
    for (let i = 0; i < 200 && items.length < 2; i++) {
      await sleep(50);
      items = await call<InboxItem[]>('desk', 'scan.inbox.list', {});
    }
    expect(items.map((i) => i.name).sort()).toEqual(['lampiran.png', 'surat.pdf']);
    const surat = items.find((i) => i.name === 'surat.pdf');
    const lampiran = items.find((i) => i.name === 'lampiran.png');
    if (!surat || !lampiran) throw new Error('inbox');

    const ref = await call<{ attachment: { sha256: string; name: string }; item: InboxItem }>('desk', 'scan.inbox.attach', { id: surat.id });
    expect(ref.attachment).toEqual({ sha256: crypto.createHash('sha256').update(pdf).digest('hex'), name: 'surat.pdf' });
    expect(ref.item.status).toBe('new');
    const letter = await call<Letter>('desk', 'letters.register', {
      senderName: 'Dinas Pendidikan',
      letterNumber: PPDB_LETTER.number,
      letterDate: '2026-11-20',
      subject: PPDB_LETTER.subject,
      nature: 'biasa',
      classificationCode: '500.12',
      service: 'hosting',
      attachments: [ref.attachment],
    });
    const attached = await call<{ item: InboxItem }>('desk', 'scan.inbox.attach', { id: lampiran.id, letterId: letter.id });
    expect(attached.item).toMatchObject({ status: 'attached', letterId: letter.id, agendaNumber: letter.agendaNumber });
    const got = await call<Letter>('desk', 'letters.get', { id: letter.id });
    expect(got.attachments.map((a) => a.name)).toEqual(['surat.pdf', 'lampiran.png']);
    expect(await call<InboxItem[]>('desk', 'scan.inbox.list', {})).toEqual([]);
    expect((await call<InboxItem[]>('desk', 'scan.inbox.list', { status: 'attached' })).length).toBe(2);
    await expect(call('desk', 'letters.addAttachment', { letterId: letter.id, sha256: lampiran.sha256, name: 'x.png' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(call('desk', 'letters.addAttachment', { letterId: 9999, sha256: lampiran.sha256, name: 'x.png' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('pages.compose and pages.thumbnails; OCR through ocr.start / ocr.status with progress', async () => {
    const png = pdfToPng(await letterPdf(), 150);
    const upload = await call<{ sha256: string }>('desk', 'attachments.upload', { name: 'hal1.png', dataBase64: png.toString('base64') });
    const composed = await call<{ attachment: { sha256: string; name: string; mime: string }; pages: number }>('desk', 'pages.compose', {
      name: 'surat lengkap',
      pages: [{ sha256: upload.sha256 }, { sha256: upload.sha256, rotate: 90 }],
    });
    expect(composed.pages).toBe(2);
    expect(composed.attachment).toMatchObject({ name: 'surat lengkap.pdf', mime: 'application/pdf' });
    const thumbs = await call<{ pages: number; thumbnails: Array<{ dataBase64: string | null }> }>('desk', 'pages.thumbnails', { sha256: composed.attachment.sha256 });
    expect(thumbs.pages).toBe(2);
    expect(thumbs.thumbnails.every((t) => t.dataBase64 !== null)).toBe(true);

    const { jobId } = await call<{ jobId: string }>('desk', 'ocr.start', { sha256: composed.attachment.sha256 });
    const seenProgress = new Set<number>();
    let job: OcrJob = await call<OcrJob>('desk', 'ocr.status', { jobId });
    for (let i = 0; i < 600 && (job.state === 'queued' || job.state === 'running'); i++) {
      seenProgress.add(job.progress);
      await sleep(100);
      job = await call<OcrJob>('desk', 'ocr.status', { jobId });
    }
    expect(job.state, job.message).toBe('done');
    expect(job.progress).toBe(100);
    expect(seenProgress.size).toBeGreaterThan(1);
    expect(job.result?.suggestions).toMatchObject({ letterNumber: PPDB_LETTER.number, subject: PPDB_LETTER.subject, letterDate: '2026-11-20' });
    await expect(call('admin', 'ocr.status', { jobId })).resolves.toMatchObject({ state: 'done' });
  });
});

describe('WIA (Windows) output parsing', () => {
  it('reads the device list and the pages, and maps WIA errors to Indonesian messages', () => {
    expect(parseWiaList('NOWIA\r\n')).toBeNull();
    expect(parseWiaList('DEVICES []\r\n')).toEqual([]);
    expect(parseWiaList('DEVICES {"id":"{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\\\0001","name":"DR-C225","vendor":"Canon"}\r\n')).toEqual([
      { id: '{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0001', vendor: 'Canon', model: 'DR-C225', type: 'WIA', label: 'Canon DR-C225' },
    ]);
    expect(parseWiaScan('PAGE C:\\Temp\\halaman-0001.png\r\nPAGE C:\\Temp\\halaman-0002.png\r\nDONE\r\n')).toEqual({
      files: ['C:\\Temp\\halaman-0001.png', 'C:\\Temp\\halaman-0002.png'],
      error: null,
    });
    expect(parseWiaScan('ERROR 0x80210002\r\n').error).toBe('0x80210002');
    expect(wiaProblem('0x80210002').problem).toBe('jammed');
    expect(wiaProblem('0x80210003').problem).toBe('feeder_empty');
    expect(wiaProblem('0x80210006').problem).toBe('busy');
    expect(wiaProblem('0x80210015').message).toMatch(/^Pemindai tidak ditemukan/);
    expect(wiaProblem('0x80004005').message).toMatch(/kode WIA 0x80004005/);
    // Values reach the script through the environment, never inside its text.
    expect(WIA_SCAN_SCRIPT).toContain('$env:LOKET_WIA_DEVICE');
  });
});

describe('WIA scan settings reach the script', () => {
  // PowerShell does not exist here: a stand-in program prints what the script would see and
  // "scans" as many pages as the page limit allows (or 4, the sheets in its pretend feeder).
  it('passes the feeder, the colour intent, the resolution and the page limit through the environment', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-wia-'));
    const fake = path.join(dir, 'powershell');
    fs.writeFileSync(
      fake,
      [
        '#!/bin/sh',
        'echo "ENV $LOKET_WIA_HANDLING $LOKET_WIA_INTENT $LOKET_WIA_DPI $LOKET_WIA_MAX_PAGES" >> "$LOKET_WIA_DIR/../env.txt"',
        'n=0; max=${LOKET_WIA_MAX_PAGES:-0}; [ "$max" -eq 0 ] && max=4',
        'while [ $n -lt $max ]; do n=$((n+1)); f="$LOKET_WIA_DIR/halaman-$n.png"; printf x > "$f"; echo "PAGE $f"; done',
        'echo DONE',
      ].join('\n'),
      { mode: 0o755 },
    );
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    const driver = new WiaDriver(fake);
    const limited = await driver.scan({ device: 'wia-1', resolution: 300, mode: 'Gray', source: 'ADF', maxPages: 2 }, out, () => undefined);
    expect(limited).toHaveLength(2);
    const all = await driver.scan({ device: 'wia-1', resolution: 150, mode: 'Color', source: 'ADF Duplex', maxPages: null }, out, () => undefined);
    expect(all).toHaveLength(4);
    const glass = await driver.scan({ device: 'wia-1', resolution: 200, mode: 'Lineart', source: 'Flatbed', maxPages: 9 }, out, () => undefined);
    expect(glass).toHaveLength(1);
    // handling (1 feeder, 5 duplex, 2 glass), intent (2 grey, 1 colour, 4 text), dpi, page limit (0 = all)
    expect(fs.readFileSync(path.join(dir, 'env.txt'), 'utf8').trim().split('\n')).toEqual(['ENV 1 2 300 2', 'ENV 5 1 150 0', 'ENV 2 4 200 1']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
