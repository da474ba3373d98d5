import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRegister } from '../../electron/core/db/register';
import { automaticBackupIfDue, backupNow, checkBackup, KEEP_AUTOMATIC, listBackups, restoreBackup } from '../../electron/core/services/backup';
import { registerLetter, searchLetters } from '../../electron/core/services/letters';
import { LetterInputSchema, LetterSearchSchema } from '../../shared/api/schemas';
import { createTestOffice } from './helpers/core';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('backups', () => {
  it('restores the register and the scans as they were, keeping the replaced register', async () => {
    const { core, dataDir, userIds } = await createTestOffice();
    const scan = core.files.put(PDF);
    const reg = (subject: string, attachments: Array<{ sha256: string; name: string }> = []) =>
      registerLetter(
        core.db,
        LetterInputSchema.parse({ senderName: 'Dinas Pendidikan', letterNumber: subject, letterDate: '2026-11-20', subject, nature: 'biasa', classificationCode: '500.12', service: 'hosting', attachments }),
        userIds.front_desk,
        core.now(),
      );
    reg('Permohonan hosting PPDB', [{ sha256: scan.sha256, name: 'surat.pdf' }]);
    reg('Permohonan subdomain arsip');
    const before = searchLetters(core.db, LetterSearchSchema.parse({})).items.map((l) => [l.agendaNumber, l.subject]);
    const backup = await backupNow(core.db, dataDir, 'manual', new Date('2026-11-23T03:00:00Z'));
    expect(backup).toMatchObject({ letters: 2, files: 1, kind: 'manual' });
    expect(checkBackup(backup.path).problems).toEqual([]);

    // Afterwards: one more letter, and the scan lost from the data folder.
    reg('Surat sesudah cadangan');
    fs.rmSync(path.join(dataDir, 'files', scan.sha256.slice(0, 2), scan.sha256));
    core.db.close();

    const result = await restoreBackup(backup.path, dataDir, new Date('2026-11-23T05:00:00Z'));
    expect(result.previous?.letters).toBe(3);
    const db = await openRegister({ dataDir });
    const after = searchLetters(db, LetterSearchSchema.parse({})).items.map((l) => [l.agendaNumber, l.subject]);
    expect(after).toEqual(before);
    expect(fs.readFileSync(path.join(dataDir, 'files', scan.sha256.slice(0, 2), scan.sha256)).equals(PDF)).toBe(true);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('refuses a backup whose register was changed afterwards', async () => {
    const { core, dataDir } = await createTestOffice();
    const backup = await backupNow(core.db, dataDir, 'manual', new Date('2026-11-23T03:00:00Z'));
    fs.appendFileSync(path.join(backup.path, 'loket.sqlite'), 'x');
    expect(checkBackup(backup.path).problems).toContain('Berkas register di cadangan telah berubah sejak dicadangkan.');
    await expect(restoreBackup(backup.path, dataDir, new Date())).rejects.toThrow(/tidak dapat dipulihkan/);
  });

  it('makes an automatic backup once a day and keeps only the newest ones', async () => {
    const { core, dataDir } = await createTestOffice();
    const start = Date.parse('2026-11-01T01:00:00Z');
    expect(await automaticBackupIfDue(core.db, dataDir, new Date(start))).not.toBeNull();
    expect(await automaticBackupIfDue(core.db, dataDir, new Date(start + 3_600_000))).toBeNull();
    for (let day = 1; day <= KEEP_AUTOMATIC + 2; day++) {
      expect(await automaticBackupIfDue(core.db, dataDir, new Date(start + day * 86_400_000))).not.toBeNull();
    }
    await backupNow(core.db, dataDir, 'manual', new Date(start));
    const all = listBackups(dataDir);
    expect(all.filter((b) => b.kind === 'otomatis')).toHaveLength(KEEP_AUTOMATIC);
    expect(all.filter((b) => b.kind === 'manual')).toHaveLength(1);
    expect(all.find((b) => b.kind === 'otomatis')?.createdAt).toBe(new Date(start + (KEEP_AUTOMATIC + 2) * 86_400_000).toISOString());
  });
});
