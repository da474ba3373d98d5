/**
 * Scans and text fields from a hostile or careless sender: oversized and corrupt files, file names
 * that try to leave the file store, markup in a perihal. Files are refused or kept by content hash
 * only (a name is never a path); markup stays text in the API, on paper and on screen.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { handlers } from '../../electron/core/api/handlers';
import { login } from '../../electron/core/services/auth';
import { MAX_PNG_PIXELS, pngProblem, truncatedFileProblem } from '../../electron/core/services/files';
import type { ApiResult } from '../../shared/api/errors';
import { createTestOffice, type TestOffice } from './helpers/core';
import { filesDigest, isIndonesianMessage, registerDigest } from './helpers/fuzz';
import { makePng } from './helpers/png';

let office: TestOffice;
let desk = '';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(200), Buffer.from([0xff, 0xd9])]);

async function call<T>(name: string, input: unknown, token = desk): Promise<ApiResult<T>> {
  return (await dispatch(office.core, handlers, name, input, token)) as ApiResult<T>;
}

async function upload(name: string, data: Buffer): Promise<ApiResult<{ sha256: string; name: string; mime: string }>> {
  return call('attachments.upload', { name, dataBase64: data.toString('base64') });
}

function storedFiles(): string[] {
  const root = path.join(office.dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  const out: string[] = [];
  for (const dir of fs.readdirSync(root)) for (const f of fs.readdirSync(path.join(root, dir))) out.push(`${dir}/${f}`);
  return out.sort();
}

beforeAll(async () => {
  office = await createTestOffice();
  desk = login(office.core.db, 'frontdesk', 'kata-sandi-1', office.core.now()).token;
}, 60_000);

afterAll(() => office.core.db.close());

describe('scans from a careless or hostile sender', () => {
  it('refuses oversized, empty, truncated and corrupt files, writing nothing', async () => {
    const before = { db: registerDigest(office.core.db), files: filesDigest(office.dataDir) };
    const png = makePng(16, 16);
    const cases: Array<[string, Buffer, string]> = [
      ['besar.pdf', Buffer.concat([PDF.subarray(0, 9), Buffer.alloc(26 * 1024 * 1024, 0x20), Buffer.from('%%EOF\n')]), 'TOO_LARGE'],
      ['kosong.pdf', Buffer.alloc(0), 'INVALID_INPUT'],
      ['terpotong.pdf', PDF.subarray(0, 30), 'UNSUPPORTED_FILE'],
      ['sampah.png', Buffer.concat([png.subarray(0, 8), crypto.randomBytes(4000)]), 'UNSUPPORTED_FILE'],
      ['terpotong.png', png.subarray(0, png.length - 20), 'UNSUPPORTED_FILE'],
      ['idat-rusak.png', Buffer.concat([png.subarray(0, 41), Buffer.from('rusak!'), png.subarray(47)]), 'UNSUPPORTED_FILE'],
      ['bom.png', makePngHeaderOnly(100_000, 100_000), 'UNSUPPORTED_FILE'],
      ['terpotong.jpg', JPEG.subarray(0, 100), 'UNSUPPORTED_FILE'],
      ['program.exe', Buffer.from('MZ\u0090\u0000 bukan pindaian'), 'UNSUPPORTED_FILE'],
      ['skrip.pdf', Buffer.from('<script>alert(1)</script>'), 'UNSUPPORTED_FILE'],
    ];
    for (const [name, data, code] of cases) {
      const result = await upload(name, data);
      expect(result.ok, name).toBe(false);
      if (!result.ok) {
        expect(result.error.code, name).toBe(code);
        expect(isIndonesianMessage(result.error.message), result.error.message).toBe(true);
      }
    }
    expect(await call('attachments.upload', { name: 'x.pdf', dataBase64: '!!!bukan base64!!!' })).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_FILE' } });
    expect(registerDigest(office.core.db)).toBe(before.db);
    expect(filesDigest(office.dataDir)).toBe(before.files);
  });

  it('tells whole files from cut ones', () => {
    const png = makePng(3, 5);
    expect(pngProblem(png)).toBeNull();
    expect(truncatedFileProblem(png, 'image/png')).toBeNull();
    expect(truncatedFileProblem(PDF, 'application/pdf')).toBeNull();
    expect(truncatedFileProblem(JPEG, 'image/jpeg')).toBeNull();
    expect(pngProblem(makePngHeaderOnly(10, 10))).not.toBeNull();
    expect(pngProblem(makePngHeaderOnly(20_000, 20_000))).toMatch(/terlalu besar/);
    expect(MAX_PNG_PIXELS).toBeGreaterThan(2480 * 3508 * 2);
  });

  it('keeps a scan under its content hash whatever its name says, and never follows the name', async () => {
    const outside = path.join(office.dataDir, '..', `loket-lolos-${process.pid}`);
    const names = [
      '../../etc/passwd',
      `../../${path.basename(outside)}`,
      '..\\..\\..\\Windows\\System32\\drivers\\etc\\hosts',
      'C:\\Windows\\System32\\config\\SAM',
      '/dev/null',
      'surat\u0000.pdf',
      'CON.pdf',
      '<img src=x onerror=alert(1)>.pdf',
      `${'a'.repeat(195)}.pdf`,
    ];
    const before = storedFiles();
    const stored: Array<{ sha256: string; name: string }> = [];
    for (const [i, name] of names.entries()) {
      const data = Buffer.concat([PDF.subarray(0, PDF.length - 7), Buffer.from(`% ${i}\n%%EOF\n`)]);
      const result = await upload(name, data);
      if (!result.ok) {
        // A name may be refused (too long, NUL); then nothing is stored.
        expect(isIndonesianMessage(result.error.message)).toBe(true);
        continue;
      }
      expect(result.value.sha256).toBe(crypto.createHash('sha256').update(data).digest('hex'));
      stored.push({ sha256: result.value.sha256, name });
    }
    expect(stored.length).toBeGreaterThan(5);
    const after = storedFiles();
    expect(after.filter((f) => !before.includes(f)).sort()).toEqual(stored.map((s) => `${s.sha256.slice(0, 2)}/${s.sha256}`).sort());
    expect(fs.existsSync(outside)).toBe(false);
    for (const entry of fs.readdirSync(office.dataDir)) expect(entry).not.toMatch(/passwd|hosts|SAM|onerror/);

    // On a letter the names are kept as text and given back as they came.
    const letter = await call<{ id: number }>('letters.register', {
      senderName: 'Dinas Pendidikan',
      letterNumber: '005/1/2026',
      letterDate: '2026-11-20',
      subject: 'Pindaian bernama aneh',
      nature: 'biasa',
      classificationCode: '500.12',
      service: 'lainnya',
      attachments: stored.slice(0, 5),
    });
    expect(letter.ok).toBe(true);
    if (!letter.ok) return;
    const got = await call<{ attachments: Array<{ name: string; sha256: string }> }>('letters.get', { id: letter.value.id });
    expect(got.ok && got.value.attachments.map((a) => a.name)).toEqual(stored.slice(0, 5).map((s) => s.name));
    const file = await call<{ dataBase64: string }>('attachments.get', { sha256: stored[0]?.sha256 });
    expect(file.ok).toBe(true);
  });
});

describe('markup in text fields', () => {
  const subject = '<script>alert("x")</script> <img src=x onerror=alert(1)> & <b>tebal</b>';

  it('comes back as the same plain text and prints literally on the lembar disposisi', async () => {
    const letter = await call<{ id: number; subject: string }>('letters.register', {
      senderName: '<svg onload=alert(1)>',
      letterNumber: '"><script>1</script>',
      letterDate: '2026-11-20',
      subject,
      summary: '<iframe src="javascript:alert(1)"></iframe>',
      nature: 'segera',
      classificationCode: '500.12',
      service: 'hosting',
    });
    expect(letter.ok).toBe(true);
    if (!letter.ok) return;
    expect(letter.value.subject).toBe(subject);
    const found = await call<{ items: Array<{ subject: string }> }>('letters.search', { q: 'script' });
    expect(found.ok && found.value.items[0]?.subject).toBe(subject);
    const pdf = await call<{ dataBase64: string }>('documents.render', { kind: 'disposition_sheet', letterId: letter.value.id, paper: 'A4' });
    expect(pdf.ok).toBe(true);
    if (!pdf.ok) return;
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: Buffer.from(pdf.value.dataBase64, 'base64') }).toString('utf8').replace(/\s+/g, ' ');
    expect(text).toContain('<script>alert("x")</script>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('<svg onload=alert(1)>');
  });

  it('is never put into the page as HTML by the renderer', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (/\.(tsx?|jsx?)$/.test(entry.name)) {
          const source = fs.readFileSync(p, 'utf8');
          if (/dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/.test(source)) offenders.push(path.relative('.', p));
        }
      }
    };
    walk(path.resolve('renderer/src'));
    expect(offenders).toEqual([]);
  });
});

/** A PNG whose header claims `width × height` with a tiny (wrong) image data chunk: a decompression-bomb shape. */
function makePngHeaderOnly(width: number, height: number): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), body, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])), chunk('IEND', Buffer.alloc(0))]);
}
