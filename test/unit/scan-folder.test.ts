/**
 * The scan folder with real files and the real watcher (chokidar): slow writes, a restart of the
 * watcher in the middle of a write, restarts after import, copies under another name, network-share
 * polling, moving to "diproses", files that are not scans, and attaching from the inbox.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LetterInputSchema } from '../../shared/api/schemas';
import { registerLetter } from '../../electron/core/services/letters';
import { addLetterAttachment } from '../../electron/core/scan/attach';
import { dismissInboxItem, isCompleteFile, listInbox, saveScanFolderSettings, ScanInbox } from '../../electron/core/scan/inbox';
import { letterPdf, pdfToPng } from '../fixtures/scan/letters';
import { createTestOffice, tempDir, type TestOffice } from './helpers/core';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sha = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');

async function waitFor(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('waktu habis menunggu');
    await sleep(50);
  }
}

/** Writes `data` in `parts` chunks, `gapMs` apart; `between(i)` runs after chunk i. */
async function writeSlowly(file: string, data: Buffer, parts: number, gapMs: number, between: (i: number) => Promise<void> = async () => undefined) {
  const fd = fs.openSync(file, 'w');
  const size = Math.ceil(data.length / parts);
  try {
    for (let i = 0; i < parts; i++) {
      fs.writeSync(fd, data.subarray(i * size, Math.min(data.length, (i + 1) * size)));
      fs.fsyncSync(fd);
      await between(i);
      if (i < parts - 1) await sleep(gapMs);
    }
  } finally {
    fs.closeSync(fd);
  }
}

describe('scan folder (inbox)', () => {
  let office: TestOffice;
  let folder: string;
  const watchers: ScanInbox[] = [];
  const newWatcher = (maxRetries?: number) => {
    const w = new ScanInbox({ db: office.core.db, files: office.core.files, now: office.core.now, maxRetries });
    watchers.push(w);
    return w;
  };
  const settings = (over: Partial<Parameters<typeof saveScanFolderSettings>[1]> = {}) =>
    saveScanFolderSettings(office.core.db, { folder, polling: false, pollIntervalMs: 500, stableMs: 1000, afterImport: 'keep', ...over }, office.adminId, office.core.now());
  const inboxCount = () => (office.core.db.prepare('SELECT COUNT(*) AS n FROM scan_inbox').get() as { n: number }).n;
  const seen = (file: string) =>
    office.core.db.prepare('SELECT outcome FROM scan_seen WHERE path = ?').all(file).map((r) => (r as { outcome: string }).outcome);

  beforeEach(async () => {
    office = await createTestOffice();
    folder = tempDir('loket-folder-pindaian-');
  });
  afterEach(async () => {
    for (const w of watchers.splice(0)) await w.stop();
    await office.core.scan?.close();
    office.core.db.close();
  });

  it('imports a PDF written slowly in 5 chunks, with the watcher restarted mid-write, exactly once and whole', async () => {
    settings();
    const pdf = await letterPdf();
    const file = path.join(folder, 'SCAN_0001.pdf');
    let watcher = newWatcher();
    await watcher.start();
    expect(watcher.watching).toBe(true);
    await writeSlowly(file, pdf, 5, 300, async (i) => {
      if (i === 1) {
        // The desk restarts in the middle of the copier's write: a new watcher over the same register.
        await watcher.stop();
        watcher = newWatcher();
        await watcher.start();
      }
    });
    await waitFor(() => inboxCount() === 1);
    await sleep(1500);
    await watcher.idle();

    const items = listInbox(office.core.db, null, 10);
    expect(items).toHaveLength(1);
    expect(items[0]?.name).toBe('SCAN_0001.pdf');
    expect(items[0]?.status).toBe('new');
    expect(items[0]?.sha256).toBe(sha(pdf));
    expect(items[0]?.size).toBe(pdf.length);
    expect(office.core.files.read(sha(pdf)).data.equals(pdf)).toBe(true);
    // Nothing else (no half file) entered the file store.
    expect((office.core.db.prepare('SELECT COUNT(*) AS n FROM attachments').get() as { n: number }).n).toBe(1);
    // The source file is left where it was.
    expect(fs.readFileSync(file).equals(pdf)).toBe(true);

    // Another restart reads the folder again and imports nothing new.
    await watcher.stop();
    const third = newWatcher();
    await third.start();
    await sleep(1500);
    await third.idle();
    expect(inboxCount()).toBe(1);

    // The same scan copied under another name is recognised by its content.
    fs.copyFileSync(file, path.join(folder, 'salinan surat.pdf'));
    await waitFor(() => seen(path.join(folder, 'salinan surat.pdf')).length > 0);
    expect(seen(path.join(folder, 'salinan surat.pdf'))).toEqual(['duplicate']);
    expect(inboxCount()).toBe(1);
  });

  it('on a network share (polling) with a short stability wait, the half-written file is not taken: the content check waits for %%EOF', async () => {
    // 200 ms of stable size is shorter than the 500 ms pauses of the writer, so the watcher is
    // told about the file while it is still incomplete.
    office.core.db.prepare('INSERT INTO scan_settings (id, folder, polling, poll_interval_ms, stable_ms, after_import) VALUES (1, ?, 1, 200, 200, ?)').run(folder, 'keep');
    const pdf = await letterPdf();
    const watcher = newWatcher();
    await watcher.start();
    const file = path.join(folder, 'copier-0002.pdf');
    await writeSlowly(file, pdf, 5, 500);
    await waitFor(() => inboxCount() === 1);
    await sleep(800);
    await watcher.idle();
    const items = listInbox(office.core.db, null, 10);
    expect(items.map((i) => i.sha256)).toEqual([sha(pdf)]);
    expect(seen(file)).toEqual(['imported']);
  });

  it('images arrive too; with "move", the file goes to diproses/ after import; a file that is not a scan is reported, not lost', async () => {
    settings({ stableMs: 300, afterImport: 'move' });
    const watcher = newWatcher(2);
    await watcher.start();
    const png = pdfToPng(await letterPdf(), 50);
    fs.writeFileSync(path.join(folder, 'halaman.png'), png);
    fs.writeFileSync(path.join(folder, 'bukan-pindaian.pdf'), 'ini hanya teks, bukan PDF');
    fs.writeFileSync(path.join(folder, 'catatan.txt'), 'diabaikan');
    await waitFor(() => inboxCount() === 1 && seen(path.join(folder, 'bukan-pindaian.pdf')).length > 0);
    await watcher.idle();
    const [item] = listInbox(office.core.db, 'new', 10);
    expect(item?.mime).toBe('image/png');
    expect(fs.existsSync(path.join(folder, 'halaman.png'))).toBe(false);
    expect(fs.readFileSync(path.join(folder, 'diproses', 'halaman.png')).equals(png)).toBe(true);
    expect(fs.existsSync(path.join(folder, 'bukan-pindaian.pdf'))).toBe(true);
    const state = watcher.state();
    expect(state.rejected.map((r) => [path.basename(r.path), r.reason])).toEqual([['bukan-pindaian.pdf', 'Bukan PDF, JPG, atau PNG yang sah.']]);
    expect(seen(path.join(folder, 'catatan.txt'))).toEqual([]);
  });

  it('an inbox item attached to a letter (new or existing) is marked attached; dismissing is audited', async () => {
    settings({ stableMs: 300 });
    const watcher = newWatcher();
    await watcher.start();
    const a = await letterPdf();
    const b = pdfToPng(a, 40);
    fs.writeFileSync(path.join(folder, 'a.pdf'), a);
    fs.writeFileSync(path.join(folder, 'b.png'), b);
    await waitFor(() => inboxCount() === 2);
    await watcher.idle();
    const [itemA, itemB] = [sha(a), sha(b)].map((s) => listInbox(office.core.db, 'new', 10).find((i) => i.sha256 === s));
    if (!itemA || !itemB) throw new Error('inbox');

    const letter = registerLetter(
      office.core.db,
      LetterInputSchema.parse({
        senderName: 'Dinas Pendidikan',
        letterNumber: '005/123/Disdik/XI/2026',
        letterDate: '2026-11-20',
        subject: 'Permohonan Hosting Aplikasi PPDB',
        nature: 'biasa',
        classificationCode: '500.12',
        service: 'hosting',
        attachments: [{ sha256: itemA.sha256, name: itemA.name }],
      }),
      office.userIds.front_desk,
      office.core.now(),
    );
    const attachedA = listInbox(office.core.db, 'attached', 10);
    expect(attachedA.map((i) => [i.id, i.letterId, i.agendaNumber])).toEqual([[itemA.id, letter.id, letter.agendaNumber]]);

    const updated = addLetterAttachment(office.core.db, letter.id, { sha256: itemB.sha256, name: itemB.name }, office.userIds.front_desk, office.core.now());
    expect(updated.attachments.map((x) => x.name)).toEqual(['a.pdf', 'b.png']);
    expect(listInbox(office.core.db, 'new', 10)).toEqual([]);
    expect(() => addLetterAttachment(office.core.db, letter.id, { sha256: itemB.sha256, name: 'lagi.png' }, office.userIds.front_desk, office.core.now())).toThrow(
      /sudah terlampir/,
    );
    expect(() => dismissInboxItem(office.core.db, itemB.id, office.userIds.front_desk, office.core.now())).toThrow(/sudah dilampirkan/);
    const audit = office.core.db.prepare("SELECT action FROM audit_log WHERE entity = 'letter' AND entity_id = ? ORDER BY id").all(String(letter.id));
    expect(audit.map((r) => (r as { action: string }).action)).toContain('surat.lampiran_ditambah');

    fs.writeFileSync(path.join(folder, 'c.png'), pdfToPng(a, 30));
    await waitFor(() => inboxCount() === 3);
    const itemC = listInbox(office.core.db, 'new', 10)[0];
    if (!itemC) throw new Error('inbox');
    expect(dismissInboxItem(office.core.db, itemC.id, office.userIds.front_desk, office.core.now()).status).toBe('dismissed');
  });

  it('knows a whole file from a cut one, and does not import a half-written file it is handed', async () => {
    const pdf = await letterPdf();
    const png = pdfToPng(pdf, 30);
    expect(isCompleteFile(pdf).complete).toBe(true);
    expect(isCompleteFile(pdf.subarray(0, pdf.length - 200)).complete).toBe(false);
    expect(isCompleteFile(png).complete).toBe(true);
    expect(isCompleteFile(png.subarray(0, png.length - 20)).complete).toBe(false);
    expect(isCompleteFile(Buffer.from('hello')).mime).toBeNull();

    // Handed a half-written PDF (as a missed or early event would), the importer leaves it for later.
    settings({ stableMs: 200 });
    const watcher = newWatcher();
    await watcher.start();
    const file = path.join(folder, 'setengah.pdf');
    fs.writeFileSync(file, pdf.subarray(0, Math.floor(pdf.length / 2)));
    watcher.enqueue(file);
    await watcher.idle();
    expect(inboxCount()).toBe(0);
    fs.appendFileSync(file, pdf.subarray(Math.floor(pdf.length / 2)));
    watcher.enqueue(file);
    await waitFor(() => inboxCount() === 1);
    expect(listInbox(office.core.db, null, 10).map((i) => i.sha256)).toEqual([sha(pdf)]);
  });

  it('reports a folder that does not exist instead of failing', async () => {
    settings({ folder: path.join(folder, 'tidak-ada') });
    const watcher = newWatcher();
    await watcher.start();
    expect(watcher.watching).toBe(false);
    expect(watcher.state().message).toMatch(/tidak ditemukan/);
    expect(() => settings({ folder: 'relatif/folder' })).toThrow(/lengkap/);
  });
});
