// 25 desks at once against one register host in its own process, on 127.0.0.1 only (issue 8).
// Each desk has its own paired credential and its own sessions (front desk and Kadis), registers
// letters, hands them to the Kadis and disposes them to the Kabid, for a bounded time:
// LOKET_LAN_LOAD_SECONDS (default 10; the full run is 60), while every desk listens to the change
// events. Then: no error, no duplicate agenda number, every change in the audit log with its desk.
import { afterAll, describe, expect, it } from 'vitest';
import { openRegister } from '../../electron/core/db/register';
import { verifyAudit } from '../../electron/core/services/audit';
import { HostClient } from '../../electron/host/remote';
import type { ChangeEvent } from '../../shared/api/effects';
import { createTestOffice } from './helpers/core';
import { letterInput, loginAt, makePairingCodes, pairDesk, spawnHost, stopHost, type HostProcess } from './helpers/lan';

const DESKS = 25;
const SECONDS = Number(process.env.LOKET_LAN_LOAD_SECONDS ?? 10);

let host: HostProcess | null = null;
const clients: HostClient[] = [];
afterAll(async () => {
  for (const c of clients) c.close();
  if (host) await stopHost(host);
});

interface DeskStats {
  deskId: string;
  letters: number;
  disposed: number;
  agendaNumbers: string[];
  errors: string[];
  events: number;
}

describe(`${DESKS} desks at once`, () => {
  it(
    `register and dispose for ${SECONDS} s without an error, a duplicate agenda number or a change missing from the audit log`,
    async () => {
      const office = await createTestOffice({ now: new Date().toISOString() });
      const { dataDir, adminId } = office;
      const kabidId = office.userIds.kabid;
      office.core.db.close();
      const codes = await makePairingCodes(dataDir, adminId, DESKS);
      host = await spawnHost(dataDir);
      const started = Date.now();
      const desks = await Promise.all(codes.map((code, i) => pairDesk(host?.port ?? 0, host?.fingerprint ?? '', code, `Meja ${i + 1}`)));
      const sessions = [];
      for (const klien of desks) {
        const client = new HostClient(klien);
        clients.push(client);
        sessions.push({ klien, client, fd: await loginAt(client, 'frontdesk'), kadis: await loginAt(client, 'kadis') });
      }
      const setupMs = Date.now() - started;

      const stats: DeskStats[] = sessions.map((s) => ({ deskId: s.klien.deskId, letters: 0, disposed: 0, agendaNumbers: [], errors: [], events: 0 }));
      const streams = await Promise.all(
        sessions.map((s, i) =>
          s.client.openEvents(
            s.kadis,
            (e: ChangeEvent) => {
              if (e.entity === 'letter') (stats[i] as DeskStats).events++;
            },
            () => undefined,
          ),
        ),
      );
      expect(streams.every((s) => 'close' in s)).toBe(true);

      const deadline = Date.now() + SECONDS * 1000;
      await Promise.all(
        sessions.map(async (s, i) => {
          const st = stats[i] as DeskStats;
          let n = 0;
          while (Date.now() < deadline) {
            n++;
            const tag = `${i + 1}-${n}`;
            const letter = await s.client.callReliably('letters.register', letterInput(tag), s.fd, { deadlineMs: 10_000 });
            if (!letter.result.ok) {
              st.errors.push(`register ${tag}: ${letter.result.error.message}`);
              continue;
            }
            const value = letter.result.value as { id: number; agendaNumber: string };
            st.letters++;
            st.agendaNumbers.push(value.agendaNumber);
            const view = await s.client.call('requests.forLetter', { letterId: value.id }, s.fd);
            if (!view.ok) {
              st.errors.push(`forLetter ${tag}: ${view.error.message}`);
              continue;
            }
            const request = view.value as { id: number; revision: number };
            const handed = await s.client.callReliably('requests.act', { requestId: request.id, revision: request.revision, stepId: 'a2', action: 'complete' }, s.fd);
            if (!handed.result.ok) {
              st.errors.push(`a2 ${tag}: ${handed.result.error.message}`);
              continue;
            }
            const revision = (handed.result.value as { revision: number }).revision;
            const disposed = await s.client.callReliably(
              'requests.act',
              { requestId: request.id, revision, stepId: 'a3', action: 'dispose', recipients: [kabidId], instructions: [] },
              s.kadis,
            );
            if (!disposed.result.ok) {
              st.errors.push(`a3 ${tag}: ${disposed.result.error.message}`);
              continue;
            }
            st.disposed++;
          }
        }),
      );
      for (const s of streams) if ('close' in s) s.close();

      const errors = stats.flatMap((s) => s.errors);
      expect(errors).toEqual([]);
      const numbers = stats.flatMap((s) => s.agendaNumbers);
      const total = numbers.length;
      expect(total).toBeGreaterThan(DESKS);
      expect(new Set(numbers).size).toBe(total);
      expect(stats.every((s) => s.letters > 0 && s.disposed === s.letters)).toBe(true);

      // The host stops first (cleanly), so that reading the register here competes with nothing.
      if (host) await stopHost(host);
      host = null;
      const db = await openRegister({ dataDir });
      try {
        const count = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
        expect(count('SELECT COUNT(*) AS n FROM letters')).toBe(total);
        const seqs = (db.prepare('SELECT seq FROM letters ORDER BY seq').all() as Array<{ seq: number }>).map((r) => r.seq);
        expect(seqs).toEqual(Array.from({ length: total }, (_, k) => k + 1));
        for (const s of stats) {
          expect(count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'surat.dicatat' AND desk_id = ?", s.deskId)).toBe(s.letters);
          expect(count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'disposisi.dikirim' AND desk_id = ?", s.deskId)).toBe(s.disposed);
          expect(count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'langkah.selesai' AND desk_id = ?", s.deskId)).toBe(2 * s.disposed);
        }
        expect(count("SELECT COUNT(*) AS n FROM requests WHERE current_step = 'a4'")).toBe(total);
        expect(verifyAudit(db).ok).toBe(true);
      } finally {
        db.close();
      }
      // Every desk heard (at least) about every letter it did not register itself, live.
      for (const s of stats) expect(s.events).toBeGreaterThanOrEqual(total);
      console.log(
        `Uji beban LAN: ${DESKS} meja, ${SECONDS} s, ${total} surat dicatat dan didisposisikan (${(total / SECONDS).toFixed(1)} surat/s, ${((total * 5) / SECONDS).toFixed(0)} panggilan/s); penyiapan ${setupMs} ms.`,
      );
    },
    SECONDS * 1000 + 60_000,
  );
});
