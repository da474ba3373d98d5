/**
 * Typed errors of the API. Every failed call returns one of these codes with a message in
 * Bahasa Indonesia, and for input errors the fields that were wrong (path → message).
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'ALREADY_SET_UP',
  'NOT_SET_UP',
  'TOO_LARGE',
  'UNSUPPORTED_FILE',
  'PRINT_FAILED',
  'UNKNOWN_CALL',
  'INTERNAL',
  // Beberapa meja di LAN (issue 8)
  'TOO_MANY_ATTEMPTS',
  'DESK_REFUSED',
  'HOST_UNREACHABLE',
  'HOST_UNTRUSTED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** Field path (dot-separated) → Indonesian message, for forms. */
  fields?: Record<string, string>;
}

/**
 * `replayed`: the host had already made this change for the same idempotency key (a desk's retry
 * after the connection dropped) and answers with the stored result instead of doing it again.
 */
export type ApiResult<T> = { ok: true; value: T; replayed?: boolean } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields;
  }
  toBody(): ApiErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: 'Isian belum benar. Periksa kolom yang ditandai.',
  UNAUTHENTICATED: 'Silakan masuk terlebih dahulu.',
  SESSION_EXPIRED: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
  FORBIDDEN: 'Anda tidak berwenang melakukan tindakan ini.',
  NOT_FOUND: 'Data tidak ditemukan.',
  CONFLICT: 'Data bentrok dengan data yang sudah ada.',
  ALREADY_SET_UP: 'Kantor sudah disiapkan sebelumnya.',
  NOT_SET_UP: 'Kantor belum disiapkan. Jalankan penyiapan awal.',
  TOO_LARGE: 'Berkas terlalu besar.',
  UNSUPPORTED_FILE: 'Jenis berkas tidak didukung.',
  PRINT_FAILED: 'Gagal mencetak.',
  UNKNOWN_CALL: 'Perintah tidak dikenal.',
  INTERNAL: 'Terjadi kesalahan di dalam aplikasi. Data Anda tidak diubah.',
  TOO_MANY_ATTEMPTS: 'Terlalu banyak percobaan. Coba lagi nanti.',
  DESK_REFUSED: 'Meja ini belum dipasangkan dengan host Loket, atau pasangannya sudah dicabut. Pasangkan ulang dengan kode dari host.',
  HOST_UNREACHABLE: 'Register di komputer host tidak dapat dihubungi. Mencoba lagi…',
  HOST_UNTRUSTED: 'Sertifikat host tidak cocok dengan yang dipasangkan di meja ini. Sambungan dihentikan; hubungi administrator.',
};
