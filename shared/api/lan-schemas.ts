/**
 * Several desks, one register (issue 8): the host's LAN settings, pairing codes, paired desks and
 * the status shown to the administrator. Pure zod; the services are electron/core/services/lan.ts.
 */
import { z } from 'zod';

export const LAN_DEFAULT_PORT = 4781;
export const PAIRING_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const PAIRING_CODE_LENGTH = 8;
export const PAIRING_CODE_MINUTES = 10;
export const SESSION_IDLE_HOURS_DEFAULT = 8;
export const SESSION_ABSOLUTE_HOURS = 24;

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export const LanSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  /** The address to listen on: 0.0.0.0 (every network card) or one IPv4 address of this computer. */
  address: z
    .string()
    .trim()
    .regex(IPV4, { error: 'Alamat harus berupa alamat IPv4, mis. 0.0.0.0 atau 192.168.1.10.' })
    .default('0.0.0.0'),
  port: z
    .number({ error: 'Port harus berupa angka.' })
    .int({ error: 'Port harus bilangan bulat.' })
    .min(1024, { error: 'Port paling kecil 1024.' })
    .max(65535, { error: 'Port paling besar 65535.' })
    .default(LAN_DEFAULT_PORT),
  /** A session not used for this long must log in again (every desk, and the host itself). */
  sessionIdleHours: z
    .number({ error: 'Batas diam sesi harus berupa angka jam.' })
    .min(0.25, { error: 'Batas diam sesi paling sedikit 15 menit (0,25 jam).' })
    .max(SESSION_ABSOLUTE_HOURS, { error: `Batas diam sesi paling lama ${SESSION_ABSOLUTE_HOURS} jam.` })
    .default(SESSION_IDLE_HOURS_DEFAULT),
});
export type LanSettings = z.output<typeof LanSettingsSchema>;

export const DeskSchema = z.object({
  id: z.string(),
  name: z.string(),
  pairedAt: z.string(),
  pairedBy: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  lastAddress: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type Desk = z.output<typeof DeskSchema>;

export const LanStatusSchema = z.object({
  enabled: z.boolean(),
  /** Whether the HTTPS listener of this computer is running now. */
  listening: z.boolean(),
  address: z.string(),
  port: z.number().int(),
  /** The addresses desks can use, e.g. https://192.168.1.10:4781. */
  urls: z.array(z.string()),
  /** SHA-256 of the host's certificate, AB:CD:… (null until the certificate is made). */
  fingerprint: z.string().nullable(),
  /** Why the listener is not running, when it should be. */
  error: z.string().nullable(),
  activeDesks: z.number().int(),
});
export type LanStatus = z.output<typeof LanStatusSchema>;

export const PairingCodeSchema = z.object({
  /** Shown as ABCD-EFGH; typed with or without the dash. */
  code: z.string(),
  expiresAt: z.string(),
  fingerprint: z.string().nullable(),
});

export const PairInputSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, { error: 'Isi kode pemasangan dari layar host.' })
    .max(20, { error: 'Kode pemasangan terlalu panjang.' }),
  deskName: z
    .string()
    .trim()
    .min(1, { error: 'Beri nama meja ini, mis. "Meja Kadis".' })
    .max(60, { error: 'Nama meja paling panjang 60 karakter.' }),
});

export const PairOutputSchema = z.object({
  deskId: z.string(),
  deskSecret: z.string(),
  agencyName: z.string().nullable(),
});

/** ABCD-EFGH, abcdefgh, "abcd efgh" → ABCDEFGH (or null when it cannot be a code). */
export function normalizePairingCode(text: string): string | null {
  const code = text.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== PAIRING_CODE_LENGTH) return null;
  for (const c of code) if (!PAIRING_CODE_ALPHABET.includes(c)) return null;
  return code;
}

export function formatPairingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** This computer as a desk of another host (the pairing form of a Loket not yet set up). */
export const HostAddressSchema = z
  .string({ error: 'Isi alamat host, mis. https://192.168.1.10:4781.' })
  .trim()
  .min(1, { error: 'Isi alamat host, mis. https://192.168.1.10:4781.' })
  .max(200, { error: 'Alamat host terlalu panjang.' });

export const HostProbeSchema = z.object({
  hostUrl: z.string(),
  agencyName: z.string().nullable(),
  /** SHA-256 of the certificate the host showed, AB:CD:… — to compare with the host's screen. */
  fingerprint: z.string(),
});

export const DeskPairInputSchema = PairInputSchema.extend({
  hostUrl: HostAddressSchema,
  fingerprint: z
    .string()
    .trim()
    .min(1, { error: 'Periksa host dulu untuk membaca sidik jarinya.' })
    .max(200),
});

export const DeskPairedSchema = z.object({
  hostUrl: z.string(),
  agencyName: z.string().nullable(),
  deskName: z.string(),
  fingerprint: z.string(),
  /** How this Loket becomes the desk: the app starts again, or the browser desk reloads. */
  next: z.enum(['relaunch', 'reload']),
});
