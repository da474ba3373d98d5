/**
 * The app's SecretBox over Electron safeStorage (DPAPI on Windows, the keychain/libsecret
 * elsewhere): a web-panel password is sealed with the operating system's key of this user on this
 * computer. Sealed values carry the box kind, so a value sealed here is refused with a clear
 * message by the browser host's key-file box, and the other way round.
 */
import { safeStorage } from 'electron';
import { ApiError } from '../../shared/api/errors';
import type { SecretBox } from '../core/services/secrets';

const PREFIX = 'ss1:';

export class SafeStorageSecretBox implements SecretBox {
  readonly kind = 'safestorage';

  private assertAvailable(): void {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new ApiError('INTERNAL', 'Penyimpanan rahasia sistem operasi tidak tersedia di komputer ini, sehingga kata sandi tidak dapat disimpan.');
    }
  }

  encrypt(plain: string): string {
    this.assertAvailable();
    return PREFIX + safeStorage.encryptString(plain).toString('base64');
  }

  decrypt(sealed: string): string {
    this.assertAvailable();
    if (!sealed.startsWith(PREFIX)) throw new ApiError('CONFLICT', 'Kata sandi ini disegel di tempat lain (bukan oleh aplikasi Loket di komputer ini).');
    try {
      return safeStorage.decryptString(Buffer.from(sealed.slice(PREFIX.length), 'base64'));
    } catch {
      throw new ApiError('CONFLICT', 'Kata sandi ini tidak dapat dibuka di komputer atau akun Windows/Linux ini. Setel ulang kata sandinya.');
    }
  }
}
