/** A real register in a temporary folder, set up as a small office, for unit tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../../electron/core/create';
import type { CoreContext } from '../../../electron/core/context';
import type { Printing } from '../../../electron/core/services/printing';
import { initializeOffice, saveUser } from '../../../electron/core/services/office';
import { OfficeProfileSchema, OfficialInputSchema, OpdInputSchema, UserInputSchema } from '../../../shared/api/schemas';
import type { Role } from '../../../shared/api/roles';
import type { z } from 'zod';

export function tempDir(prefix = 'loket-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Printing that records jobs instead of reaching a printer (unit tests only; e2e uses cups-pdf). */
export function recordingPrinting(): Printing & { jobs: Array<{ printer: string; copies: number }> } {
  const jobs: Array<{ printer: string; copies: number }> = [];
  return {
    jobs,
    list: async () => ({ available: true, printers: [{ name: 'Uji', isDefault: true }], message: null }),
    print: async (job) => {
      jobs.push({ printer: job.printer, copies: job.copies });
      return { jobId: `Uji-${jobs.length}` };
    },
  };
}

export const PEKALONGAN_OFFICE: z.input<typeof OfficeProfileSchema> = {
  government: 'Pemerintah Kota Pekalongan',
  agencyName: 'Dinas Komunikasi dan Informatika',
  address: 'Jl. Mataram No. 5 Pekalongan Barat',
  postcode: '51111',
  phone: '(0285) 421243',
  website: 'kominfo.pekalongankota.go.id',
  email: 'diskominfo@pekalongankota.go.id',
  city: 'Pekalongan',
  timeZone: 'Asia/Jakarta',
};

export interface TestOffice {
  core: CoreContext;
  dataDir: string;
  adminId: number;
  userIds: Record<Role, number>;
  setClock(iso: string): void;
}

export async function createTestOffice(options: { now?: string; office?: Partial<z.input<typeof OfficeProfileSchema>> } = {}): Promise<TestOffice> {
  const dataDir = tempDir();
  let clock = new Date(options.now ?? '2026-11-23T02:00:00.000Z');
  const core = await createCore({
    dataDir,
    resourcesDir: path.resolve('resources'),
    printing: recordingPrinting(),
    now: () => clock,
  });
  const admin = initializeOffice(
    core.db,
    {
      office: OfficeProfileSchema.parse({ ...PEKALONGAN_OFFICE, ...options.office }),
      officials: [
        OfficialInputSchema.parse({
          position: 'kadis',
          title: 'Kepala Dinas Komunikasi dan Informatika',
          name: 'ARIF KARYADI, S.Sos',
          rank: 'Pembina Tk.I',
          nip: '19711017 199903 1 007',
          acting: true,
        }),
        OfficialInputSchema.parse({
          position: 'kabid',
          title: 'Kepala Bidang Infrastruktur dan Statistik',
          unit: 'Bidang INS',
          name: 'BUDI SANTOSO, S.Kom',
          rank: 'Penata Tk.I / III.d',
          nip: '198001012005011002',
        }),
      ],
      opd: [OpdInputSchema.parse({ name: 'Dinas Pendidikan', shortName: 'Disdik' }), OpdInputSchema.parse({ name: 'Badan Perencanaan Pembangunan Daerah', shortName: 'Bappeda' })],
      admin: { username: 'admin', fullName: 'Administrator Loket', password: 'rahasia-admin-1' },
    },
    clock,
  );
  const userIds = { admin: admin.id } as Record<Role, number>;
  for (const role of ['front_desk', 'kadis', 'kabid', 'technical', 'security'] as const) {
    userIds[role] = saveUser(core.db, UserInputSchema.parse({ username: role.replace('_', ''), fullName: `Pengguna ${role}`, role, password: 'kata-sandi-1' }), clock).id;
  }
  return {
    core,
    dataDir,
    adminId: admin.id,
    userIds,
    setClock(iso: string) {
      clock = new Date(iso);
    },
  };
}
