/** What a new office starts with; every list here can be edited afterwards in Pengaturan. */

/**
 * Classification codes (kode klasifikasi arsip) for the letters this service handles. The office
 * checks them against the Permendagri 83/2022 list it uses and edits them in Pengaturan.
 */
export const SEED_CLASSIFICATION_CODES: ReadonlyArray<{ code: string; description: string }> = [
  { code: '500.12', description: 'Komunikasi dan Informatika (hosting, subdomain, situs web)' },
  { code: '000', description: 'Umum' },
];

/** The "Dengan hormat harap" checklist of the lembar disposisi. */
export const SEED_INSTRUCTIONS: readonly string[] = [
  'Tanggapan dan saran',
  'Proses lebih lanjut',
  'Koordinasi/konfirmasikan',
  'Untuk diketahui',
  'Untuk ditindaklanjuti',
  'Siapkan jawaban',
  'Arsipkan',
];
