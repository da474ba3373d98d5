/**
 * Secrets kept in the register only sealed: the web-panel passwords of hosted systems.
 *
 * A SecretBox seals and opens short strings. The register stores the sealed text and the box's
 * `kind`; the key never goes into the register, so a copy of `loket.sqlite` alone does not reveal
 * any password.
 *
 * - KeyFileSecretBox (the browser host, the command line, and tests): AES-256-GCM with a random
 *   32-byte key in a key file, by default `<data folder>/kunci/loket.key`, created on first use with
 *   mode 0600 (folder 0700). BACK UP THE KEY FILE SEPARATELY from the register: without it the
 *   stored passwords cannot be read again (they can only be set anew). Whoever has both the key
 *   file and the register can read every password, so keep the backups apart.
 * - The Electron shell provides a box over Electron safeStorage with the same interface.
 *
 * Nothing here logs or prints a secret.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';

export interface SecretBox {
  /** Seals a secret; the result is safe to store in the register. */
  encrypt(plain: string): string;
  /** Opens what encrypt sealed; throws ApiError (Indonesian message) when it cannot. */
  decrypt(sealed: string): string;
  /** Which box sealed a value (stored with it), e.g. "keyfile" or "safestorage". */
  readonly kind: string;
}

export const KEY_FILE_DIR = 'kunci';
export const KEY_FILE_NAME = 'loket.key';
const KEY_FILE_HEADER = 'loket-kunci-v1';
const SEALED_PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export function defaultKeyFile(dataDir: string): string {
  return path.join(dataDir, KEY_FILE_DIR, KEY_FILE_NAME);
}

/**
 * AES-256-GCM under a key kept in a file outside the register. Sealed text:
 * `v1:` + base64(iv[12] | tag[16] | ciphertext).
 */
export class KeyFileSecretBox implements SecretBox {
  readonly kind = 'keyfile';
  readonly keyFile: string;
  private key: Buffer | null = null;

  constructor(dataDir: string, options: { keyFile?: string } = {}) {
    this.keyFile = options.keyFile ?? defaultKeyFile(dataDir);
  }

  encrypt(plain: string): string {
    const key = this.loadKey(true);
    const iv = crypto.randomBytes(IV_BYTES);
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  decrypt(sealed: string): string {
    if (!sealed.startsWith(SEALED_PREFIX)) {
      throw new ApiError('INTERNAL', 'Kata sandi tersimpan dalam format yang tidak dikenal oleh versi Loket ini.');
    }
    const raw = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new ApiError('INTERNAL', 'Kata sandi tersimpan rusak (terlalu pendek).');
    const key = this.loadKey(false);
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new ApiError(
        'INTERNAL',
        `Kata sandi tidak dapat dibuka: berkas kunci ${this.keyFile} bukan kunci yang dipakai saat kata sandi disimpan, atau data tersimpan rusak. ` +
          'Pulihkan berkas kunci yang benar dari cadangan, atau atur kata sandi baru.',
      );
    }
  }

  /** Reads the key, creating the file first when allowed (only when sealing). */
  private loadKey(create: boolean): Buffer {
    if (this.key) return this.key;
    if (!fs.existsSync(this.keyFile)) {
      if (!create) {
        throw new ApiError(
          'INTERNAL',
          `Berkas kunci ${this.keyFile} tidak ditemukan, sehingga kata sandi tersimpan tidak dapat dibuka. ` +
            'Pulihkan berkas kunci dari cadangan (register saja tidak cukup), atau atur kata sandi baru.',
        );
      }
      this.createKeyFile();
    }
    this.key = this.readKeyFile();
    return this.key;
  }

  /**
   * Writes a new key to a temporary file and links it into place, so two processes starting at
   * once end with one key: the loser of the race reads the winner's file.
   */
  private createKeyFile(): void {
    const dir = path.dirname(this.keyFile);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = `${this.keyFile}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    const content = `${KEY_FILE_HEADER}\n${crypto.randomBytes(KEY_BYTES).toString('base64')}\n`;
    const fd = fs.openSync(tmp, 'wx', 0o600);
    try {
      fs.writeSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (process.platform !== 'win32') fs.chmodSync(tmp, 0o600);
    const code = (error: unknown) => (error instanceof Error && 'code' in error ? (error as NodeJS.ErrnoException).code : undefined);
    try {
      try {
        fs.linkSync(tmp, this.keyFile);
      } catch (error) {
        if (code(error) === 'EEXIST') return;
        // File systems without hard links (FAT, some network shares): copy, refusing to overwrite.
        if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV'].includes(code(error) ?? '')) throw error;
        try {
          fs.copyFileSync(tmp, this.keyFile, fs.constants.COPYFILE_EXCL);
        } catch (copyError) {
          if (code(copyError) !== 'EEXIST') throw copyError;
        }
      }
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }

  private readKeyFile(): Buffer {
    const [header, encoded] = fs.readFileSync(this.keyFile, 'utf8').split('\n');
    const key = Buffer.from(encoded ?? '', 'base64');
    if (header !== KEY_FILE_HEADER || key.length !== KEY_BYTES) {
      throw new ApiError('INTERNAL', `Berkas kunci ${this.keyFile} rusak atau bukan berkas kunci Loket. Pulihkan dari cadangan.`);
    }
    return key;
  }
}

/** Unambiguous characters only: no 0/O/o, 1/l/I. */
export const PASSWORD_UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
export const PASSWORD_LOWER = 'abcdefghijkmnpqrstuvwxyz';
export const PASSWORD_DIGITS = '23456789';
export const PASSWORD_SYMBOLS = '-_.!@#';
export const GENERATED_PASSWORD_LENGTH = 16;

/**
 * A 16-character password for a web panel, from crypto.randomInt: at least one upper-case letter,
 * one lower-case letter, one digit and one of - _ . ! @ #, the rest from all four, shuffled.
 */
export function generatePassword(length = GENERATED_PASSWORD_LENGTH): string {
  const all = PASSWORD_UPPER + PASSWORD_LOWER + PASSWORD_DIGITS + PASSWORD_SYMBOLS;
  const pick = (set: string) => set.charAt(crypto.randomInt(set.length));
  const chars = [pick(PASSWORD_UPPER), pick(PASSWORD_LOWER), pick(PASSWORD_DIGITS), pick(PASSWORD_SYMBOLS)];
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    const tmp = chars[i] as string;
    chars[i] = chars[j] as string;
    chars[j] = tmp;
  }
  return chars.join('');
}
