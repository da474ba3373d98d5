/**
 * Power cut, simulated: a process registering letters (some with a scan) and moving requests
 * along through the real services is killed with SIGKILL at random moments, 25 times on one
 * register (200 times in `npm run bench`). After every kill, everything the process had seen
 * committed is there, agenda numbers run 1…n per year, no transaction is half-written, stored
 * scans are whole, `PRAGMA integrity_check` and the audit chain pass. See helpers/crash-harness.ts.
 */
import { describe, expect, it } from 'vitest';
import { runCrashTest } from './helpers/crash-harness';

describe('the register after SIGKILL at random moments', () => {
  it('loses nothing that was committed and stays whole, 25 kills in a row', async () => {
    const result = await runCrashTest({ kills: Number(process.env.LOKET_CRASH_KILLS ?? 25), seed: 7 });
    expect(result.problems).toEqual([]);
    expect(result.committed.letters).toBeGreaterThan(20);
    expect(result.committed.actions).toBeGreaterThan(20);
    expect(result.inRegister.letters).toBeGreaterThanOrEqual(result.committed.letters);
  }, 90_000);
});
