import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openRegister, RegisterTooNewError, registerPath } from '../../electron/core/db/register';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { tempDir } from './helpers/core';

describe('the register file', () => {
  it('opens with WAL and foreign keys and records its migrations', async () => {
    const dataDir = tempDir();
    const db = await openRegister({ dataDir });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>;
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    db.close();
  });

  it('refuses a register made by a newer Loket and leaves it untouched', async () => {
    const dataDir = tempDir();
    (await openRegister({ dataDir })).close();
    const raw = new Database(registerPath(dataDir));
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'dari masa depan', '2030-01-01')").run();
    raw.close();
    const before = fs.readFileSync(registerPath(dataDir));
    await expect(openRegister({ dataDir })).rejects.toThrow(RegisterTooNewError);
    await expect(openRegister({ dataDir })).rejects.toThrow(/versi yang lebih baru \(skema 999/);
    expect(fs.readFileSync(registerPath(dataDir)).equals(before)).toBe(true);
  });

  it('backs up the register before migrating it, and migrates in one transaction', async () => {
    const dataDir = tempDir();
    const first = MIGRATIONS.filter((m) => m.version === 1);
    const db1 = await openRegister({ dataDir, migrations: first });
    db1.prepare("INSERT INTO classification_codes (code, description) VALUES ('000', 'Umum')").run();
    db1.close();

    const broken = [...first, { version: 2, name: 'uji', sql: 'CREATE TABLE extra (x INTEGER); INSERT INTO tidak_ada VALUES (1);' }];
    await expect(openRegister({ dataDir, migrations: broken, now: () => new Date('2026-11-23T01:00:00Z') })).rejects.toThrow();
    const after = new Database(registerPath(dataDir));
    expect(after.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toBeUndefined();
    expect((after.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v).toBe(1);
    after.close();

    const backups = fs.readdirSync(path.join(dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^sebelum-migrasi-v1-ke-v2-2026-11-23T01-00-00-000Z\.sqlite$/);
    const copy = new Database(path.join(dataDir, 'backups', backups[0] as string), { readonly: true });
    expect(copy.prepare('SELECT code FROM classification_codes').all()).toEqual([{ code: '000' }]);
    copy.close();
  });
});
