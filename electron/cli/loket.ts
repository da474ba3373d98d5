/**
 * The `loket` command line, for the office's IT staff.
 *   loket [--data DIR] info                                 where the register is, its schema and size
 *   loket [--data DIR] backup [DIR]                         the register (online backup API) and its scan files
 *   loket [--data DIR] restore DIR                          restores such a backup (Loket closed)
 *   loket [--data DIR] schedule --sop KEY --received WHEN   planned deadline of every step
 *   loket [--data DIR] verify                               checks the audit log's hash chain
 *   loket [--data DIR] verify-doc FILE.pdf                  is the file an approved document version? (exit 0 only then)
 */
import fs from 'node:fs';
import path from 'node:path';
import { openRegister, registerPath, LATEST_SCHEMA_VERSION } from '../core/db/register';
import { argValue, resolveDataDir } from '../core/paths';
import { isSetUp, getOffice } from '../core/services/office';
import { ensureBuiltinTemplates, getTemplate, latestTemplateId, listTemplates } from '../core/services/sop';
import { planSchedule } from '../core/services/schedule';
import { verifyAudit } from '../core/services/audit';
import { verifyDocumentFile } from '../core/services/verify-doc';
import { FileStore } from '../core/services/files';
import { backupNow, restoreBackup, writeBackup } from '../core/services/backup';
import { DAYS_ID, formatInstantDateTimeId, localDateTimeToUtc, toLocalParts } from '../../shared/domain/dates';
import type { Db } from '../core/db/register';
import { PAIR_FLAGS, runPair, runUnpair } from './pair';

const USAGE = `Pemakaian: loket [--data FOLDER] <perintah>

Perintah:
  info                                 lokasi register, versi skema, dan jumlah surat
  backup [FOLDER]                      cadangan register dan berkas pindaian (aman walau Loket
                                       sedang berjalan); tanpa FOLDER: ke backups/ di folder data
  restore FOLDER                       memulihkan cadangan (tutup Loket lebih dulu)
  schedule --sop KODE --received WAKTU tenggat rencana tiap langkah SOP untuk surat yang
                                       diterima pada WAKTU (2026-11-26T15:30 = jam kantor,
                                       atau ISO dengan zona, mis. 2026-11-26T08:30:00Z)
  verify                               memeriksa rantai hash log audit
  pair --host URL [--code KODE --name NAMA --fingerprint SIDIK-JARI]
                                       pasangkan komputer ini sebagai meja dari host register di
                                       LAN (tanpa --code: hanya menampilkan sidik jari host)
  unpair                               lupakan pasangan meja ini
  verify-doc BERKAS.pdf                apakah berkas PDF sama dengan dokumen yang disahkan
                                       (keluar 0 bila sama, 1 bila tidak)

Folder data: --data FOLDER, atau LOKET_DATA, atau folder bawaan Loket di komputer ini.`;

function positional(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--data' || arg === '--sop' || arg === '--received' || (PAIR_FLAGS as readonly string[]).includes(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('--')) continue;
    out.push(arg);
  }
  return out;
}

export async function runCli(argv: readonly string[], out: (line: string) => void): Promise<number> {
  const [command, ...rest] = positional(argv);
  if (!command || command === 'help' || argv.includes('--help')) {
    out(USAGE);
    return command ? 0 : 2;
  }
  const dataDir = resolveDataDir(argv);
  switch (command) {
    case 'info': {
      if (!fs.existsSync(registerPath(dataDir))) {
        out(`Belum ada register di ${dataDir}.`);
        return 1;
      }
      const db = await openRegister({ dataDir });
      try {
        const version = (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v;
        const letters = (db.prepare('SELECT COUNT(*) AS n FROM letters').get() as { n: number }).n;
        const office = db.prepare('SELECT agency_name, government FROM office WHERE id = 1').get() as
          | { agency_name: string; government: string }
          | undefined;
        out(`Register : ${registerPath(dataDir)}`);
        out(`Kantor   : ${office ? `${office.agency_name}, ${office.government}` : '(belum disiapkan)'}`);
        out(`Skema    : ${version} (aplikasi mengenal sampai ${LATEST_SCHEMA_VERSION})`);
        out(`Surat    : ${letters}`);
      } finally {
        db.close();
      }
      return 0;
    }
    case 'backup':
      return withRegister(dataDir, out, async (db) => {
        const info = rest[0]
          ? await writeBackup(db, dataDir, path.resolve(rest[0]), 'manual', new Date())
          : await backupNow(db, dataDir, 'manual', new Date());
        out(`Cadangan tersimpan di ${info.path}: register (${info.letters} surat) dan ${info.files} berkas pindaian.`);
        return 0;
      });
    case 'restore': {
      const source = rest[0];
      if (!source) {
        out('Sebutkan folder cadangan, misalnya: loket restore D:\\cadangan\\loket-20261123-030000Z-manual');
        out('Tutup Loket (aplikasi dan meja peramban) di komputer ini lebih dulu.');
        return 2;
      }
      try {
        const result = await restoreBackup(path.resolve(source), dataDir, new Date());
        out(`Register dipulihkan dari cadangan ${result.restored.createdAt} (${result.restored.letters} surat, ${result.restored.files} berkas).`);
        if (result.previous) out(`Register yang diganti disimpan di ${result.previous.path}.`);
        return 0;
      } catch (error) {
        out(error instanceof Error ? error.message : String(error));
        return 1;
      }
    }
    case 'schedule':
      return withRegister(dataDir, out, async (db) => {
        const key = argValue(argv, 'sop');
        const received = argValue(argv, 'received');
        if (!key || !received) {
          out('Sebutkan --sop KODE dan --received WAKTU, misalnya: loket schedule --sop pekalongan-hosting --received 2026-11-26T15:30');
          return 2;
        }
        ensureBuiltinTemplates(db, new Date());
        const id = latestTemplateId(db, key);
        if (id === null) {
          out(`SOP "${key}" tidak ada. Yang tersedia: ${[...new Set(listTemplates(db).map((t) => t.key))].join(', ')}`);
          return 2;
        }
        const tz = getOffice(db).timeZone;
        let receivedAt: string;
        try {
          receivedAt = /(?:Z|[+-]\d{2}:?\d{2})$/.test(received) ? new Date(received).toISOString() : localDateTimeToUtc(received.slice(0, 16), tz);
        } catch {
          out(`Waktu diterima tidak sah: ${received}`);
          return 2;
        }
        const template = getTemplate(db, id);
        const plan = planSchedule(db, template, receivedAt);
        const when = (iso: string) => `${DAYS_ID[toLocalParts(iso, tz).weekday]}, ${formatInstantDateTimeId(iso, tz)}`;
        out(`SOP      : ${template.name} (${key})`);
        out(`Diterima : ${when(receivedAt)}`);
        out('');
        const width = Math.min(60, Math.max(...plan.steps.map((s) => s.title.length)));
        out(`${'No'.padEnd(4)}${'Langkah'.padEnd(width + 2)}${'Baku'.padEnd(12)}Tenggat`);
        for (const s of plan.steps) {
          const title = s.title.length > width ? `${s.title.slice(0, width - 1)}…` : s.title;
          out(`${s.number.padEnd(4)}${title.padEnd(width + 2)}${s.standard.padEnd(12)}${s.due ? when(s.due) : '–'}`);
        }
        out('');
        out(`Estimasi selesai: ${plan.estimatedCompletion ? when(plan.estimatedCompletion) : '–'}`);
        return 0;
      });
    case 'verify':
      return withRegister(dataDir, out, async (db) => {
        const result = verifyAudit(db);
        if (result.ok) {
          out(`Log audit utuh: ${result.checked} entri diperiksa, rantai hash tersambung.`);
          return 0;
        }
        out(`Log audit RUSAK pada entri ${result.broken?.id}: ${result.broken?.reason} (${result.checked} entri sebelumnya utuh).`);
        return 1;
      });
    case 'verify-doc': {
      const target = rest[0];
      if (!target) {
        out('Sebutkan berkas PDF yang diperiksa, misalnya: loket verify-doc hak-akses-hosting.pdf');
        return 2;
      }
      return withRegister(dataDir, out, async (db) => {
        const file = path.resolve(target);
        if (!fs.existsSync(file)) {
          out(`Berkas ${file} tidak ditemukan.`);
          return 1;
        }
        const result = verifyDocumentFile(db, new FileStore(db, path.join(dataDir, 'files'), () => new Date()), fs.readFileSync(file));
        const labels = { approved: 'DISAHKAN', not_approved: 'BELUM DISAHKAN', modified: 'TIDAK SAMA', unknown: 'TIDAK DIKENAL' } as const;
        out(`${labels[result.status]}: ${result.message}`);
        return result.status === 'approved' ? 0 : 1;
      });
    }
    case 'pair':
      return runPair(argv, dataDir, out);
    case 'unpair':
      return runUnpair(dataDir, out);
    default:
      out(`Perintah tidak dikenal: ${command}\n\n${USAGE}`);
      return 2;
  }
}

async function withRegister(dataDir: string, out: (line: string) => void, use: (db: Db) => Promise<number>): Promise<number> {
  if (!fs.existsSync(registerPath(dataDir))) {
    out(`Belum ada register di ${dataDir}. Sebutkan --data FOLDER.`);
    return 1;
  }
  const db = await openRegister({ dataDir });
  try {
    if (!isSetUp(db)) {
      out('Kantor di register ini belum disiapkan.');
      return 1;
    }
    return await use(db);
  } finally {
    db.close();
  }
}

if (typeof require !== 'undefined' && require.main === module) {
  runCli(process.argv.slice(2), (line) => console.log(line)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
