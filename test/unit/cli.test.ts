import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/loket';
import { saveWeek } from '../../electron/core/services/calendar';
import { PEKALONGAN_WEEK } from '../../shared/domain/calendar';
import { createTestOffice } from './helpers/core';

async function cli(args: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await runCli(args, (line) => lines.push(line));
  return { code, text: lines.join('\n') };
}

describe('loket schedule', () => {
  it('gives the hand-worked deadlines of SOP A received on a Thursday at 15.30 in Pekalongan', async () => {
    const { core, dataDir } = await createTestOffice();
    saveWeek(core.db, PEKALONGAN_WEEK);
    core.db.close();
    const { code, text } = await cli(['--data', dataDir, 'schedule', '--sop', 'pekalongan-hosting', '--received', '2026-11-26T15:30']);
    expect(code).toBe(0);
    expect(text).toContain('Diterima : Kamis, 26 November 2026 pukul 15.30 WIB');
    const due = (number: string) => new RegExp(`^${number}\\s.*$`, 'm').exec(text)?.[0] ?? '';
    // Mon–Thu 08.00–15.45 (12.00–13.00 off), Fri 08.00–11.00.
    expect(due('1')).toMatch(/–$/);
    expect(due('2')).toMatch(/5 menit\s+Kamis, 26 November 2026 pukul 15\.35 WIB$/);
    expect(due('3')).toMatch(/Kamis, 26 November 2026 pukul 15\.40 WIB$/);
    expect(due('4')).toMatch(/Kamis, 26 November 2026 pukul 15\.45 WIB$/);
    expect(due('5')).toMatch(/10 menit\s+Jumat, 27 November 2026 pukul 08\.10 WIB$/);
    expect(due('6')).toMatch(/2 jam\s+Jumat, 27 November 2026 pukul 10\.10 WIB$/);
    // 1 h from Fri 10.10: 50 min to 11.00, then 10 min on Monday.
    expect(due('7')).toMatch(/1 jam\s+Senin, 30 November 2026 pukul 08\.10 WIB$/);
    expect(due('8')).toMatch(/30 menit\s+Senin, 30 November 2026 pukul 08\.40 WIB$/);
    expect(due('9')).toMatch(/Senin, 30 November 2026 pukul 08\.45 WIB$/);
    expect(due('10')).toMatch(/Senin, 30 November 2026 pukul 08\.50 WIB$/);
    expect(text).toContain('Estimasi selesai: Senin, 30 November 2026 pukul 08.50 WIB');
  });

  it('names the SOPs there are when the key is unknown', async () => {
    const { core, dataDir } = await createTestOffice();
    core.db.close();
    const { code, text } = await cli(['--data', dataDir, 'schedule', '--sop', 'tidak-ada', '--received', '2026-11-26T15:30']);
    expect(code).toBe(2);
    expect(text).toMatch(/SOP "tidak-ada" tidak ada\. Yang tersedia: .*pekalongan-hosting/);
  });
});

describe('loket verify', () => {
  it('accepts an intact audit chain and reports the first broken link', async () => {
    const { core, dataDir } = await createTestOffice();
    core.db.close();
    const ok = await cli(['--data', dataDir, 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.text).toMatch(/^Log audit utuh: \d+ entri diperiksa/);
    const raw = new Database(path.join(dataDir, 'loket.sqlite'));
    raw.prepare("UPDATE audit_log SET action = 'diubah' WHERE id = 1").run();
    raw.close();
    const broken = await cli(['--data', dataDir, 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.text).toBe('Log audit RUSAK pada entri 1: Isi entri 1 telah diubah sesudah dicatat. (0 entri sebelumnya utuh).');
  });
});

describe('loket backup and restore', () => {
  it('round-trips the register through a backup folder', async () => {
    const { core, dataDir } = await createTestOffice();
    core.db.close();
    const target = path.join(dataDir, '..', `cadangan-${path.basename(dataDir)}`);
    const backup = await cli(['--data', dataDir, 'backup', target]);
    expect(backup.code).toBe(0);
    expect(backup.text).toMatch(/^Cadangan tersimpan di .*: register \(0 surat\) dan 0 berkas pindaian\.$/);
    const raw = new Database(path.join(dataDir, 'loket.sqlite'));
    raw.prepare("UPDATE office SET agency_name = 'Diubah sesudah cadangan'").run();
    raw.close();
    const restore = await cli(['--data', dataDir, 'restore', target]);
    expect(restore.code).toBe(0);
    const check = new Database(path.join(dataDir, 'loket.sqlite'), { readonly: true });
    expect((check.prepare('SELECT agency_name FROM office').get() as { agency_name: string }).agency_name).toBe('Dinas Komunikasi dan Informatika');
    check.close();
    expect((await cli(['--data', dataDir, 'restore', dataDir])).text).toMatch(/bukan folder cadangan Loket/);
  });
});
