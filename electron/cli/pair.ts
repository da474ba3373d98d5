/**
 * `loket pair`: makes this computer a desk client of a register host (issue 8).
 *   loket [--data DIR] pair --host https://192.168.1.10:4781 --code ABCD-EFGH --name "Meja Kadis" --fingerprint AB:CD:…
 *   loket [--data DIR] pair --host https://192.168.1.10:4781          (only shows the host's fingerprint)
 *   loket [--data DIR] unpair                                          (forgets the pairing)
 * The fingerprint is the one shown on the host's screen (Pengaturan → Beberapa meja); the desk
 * compares it with the certificate the host presents and pins that certificate.
 */
import fs from 'node:fs';
import { argValue } from '../core/paths';
import { registerPath } from '../core/db/register';
import { ApiError } from '../../shared/api/errors';
import { klienPath, pairWithHost, probeHost, readKlien, writeKlien } from '../host/remote';

export const PAIR_FLAGS = ['--host', '--code', '--name', '--fingerprint'] as const;

export async function runPair(argv: readonly string[], dataDir: string, out: (line: string) => void): Promise<number> {
  const host = argValue(argv, 'host');
  if (!host) {
    out('Sebutkan alamat host: loket pair --host https://ALAMAT-HOST:4781 --code KODE --name "Nama meja" --fingerprint SIDIK-JARI');
    return 2;
  }
  const code = argValue(argv, 'code');
  const name = argValue(argv, 'name');
  const fingerprint = argValue(argv, 'fingerprint');
  try {
    if (!code || !name || !fingerprint) {
      const probe = await probeHost(host);
      out(`Host ${probe.hostUrl}${probe.agencyName ? ` (${probe.agencyName})` : ''}`);
      out(`Sidik jari sertifikat host: ${probe.fingerprint}`);
      out('Cocokkan dengan sidik jari di layar host (Pengaturan → Beberapa meja), lalu jalankan lagi dengan --code, --name dan --fingerprint.');
      return code || name || fingerprint ? 2 : 0;
    }
    const existing = readKlien(dataDir);
    if (existing) out(`Pasangan lama (meja "${existing.deskName}" di ${existing.hostUrl}) diganti.`);
    if (fs.existsSync(registerPath(dataDir))) {
      out(`Catatan: register lokal di ${dataDir} tidak dipakai lagi selama meja ini berpasangan dengan host (tidak dihapus).`);
    }
    const klien = await pairWithHost({ hostUrl: host, code, deskName: name, fingerprint });
    writeKlien(dataDir, klien);
    out(`Meja "${klien.deskName}" berpasangan dengan ${klien.hostUrl}${klien.agencyName ? ` (${klien.agencyName})` : ''}.`);
    out(`Sertifikat host disematkan: ${klien.fingerprint}`);
    out(`Disimpan di ${klienPath(dataDir)}. Jalankan Loket seperti biasa; setiap pengguna masuk dengan akunnya sendiri.`);
    return 0;
  } catch (error) {
    out(error instanceof ApiError || error instanceof Error ? error.message : String(error));
    return 1;
  }
}

export function runUnpair(dataDir: string, out: (line: string) => void): number {
  const file = klienPath(dataDir);
  if (!fs.existsSync(file)) {
    out('Meja ini tidak berpasangan dengan host mana pun.');
    return 1;
  }
  fs.rmSync(file);
  out('Pasangan meja ini dihapus. Minta administrator host mencabut meja ini juga (Pengaturan → Beberapa meja).');
  return 0;
}
