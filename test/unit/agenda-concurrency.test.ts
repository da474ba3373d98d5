import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createTestOffice } from './helpers/core';

const run = promisify(execFile);

describe('agenda numbers under concurrency', () => {
  it('50 registrations fired at once from two processes get 50 distinct consecutive numbers', async () => {
    const { core, dataDir, userIds } = await createTestOffice({ now: new Date().toISOString() });
    core.db.close();
    const worker = path.resolve('test/unit/helpers/agenda-worker.ts');
    const startAt = String(Date.now() + 1500);
    const [a, b] = await Promise.all(
      [0, 1].map(() => run(process.execPath, ['--import', 'tsx', worker, dataDir, '25', String(userIds.front_desk), startAt], { timeout: 60_000 })),
    );
    const numbers = [...(JSON.parse(a?.stdout ?? '[]') as string[]), ...(JSON.parse(b?.stdout ?? '[]') as string[])];
    expect(numbers).toHaveLength(50);
    const seqs = numbers.map((n) => Number(n.split('/')[0])).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(numbers).size).toBe(50);
  }, 90_000);
});
