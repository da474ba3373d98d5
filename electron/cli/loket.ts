/**
 * The `loket` command line, for the office's IT staff.
 *   loket [--data DIR] info            where the register is, its schema and its size
 *   loket [--data DIR] backup FILE     an online copy of the register (SQLite backup API)
 */
import fs from 'node:fs';
import path from 'node:path';
import { openRegister, registerPath, LATEST_SCHEMA_VERSION } from '../core/db/register';
import { resolveDataDir } from '../core/paths';

const USAGE = `Pemakaian: loket [--data FOLDER] <perintah>

Perintah:
  info           menampilkan lokasi register, versi skema, dan jumlah surat
  backup BERKAS  membuat salinan register yang aman walau Loket sedang berjalan

Folder data: --data FOLDER, atau LOKET_DATA, atau folder bawaan Loket di komputer ini.`;

function positional(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--data') {
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
    case 'backup': {
      const target = rest[0];
      if (!target) {
        out('Sebutkan berkas tujuan, misalnya: loket backup D:\\cadangan\\loket-2026-11-23.sqlite');
        return 2;
      }
      const db = await openRegister({ dataDir });
      try {
        const file = path.resolve(target);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        await db.backup(file);
        out(`Cadangan register tersimpan di ${file}. Salin juga folder ${path.join(dataDir, 'files')} (berkas pindaian).`);
      } finally {
        db.close();
      }
      return 0;
    }
    default:
      out(`Perintah tidak dikenal: ${command}\n\n${USAGE}`);
      return 2;
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
