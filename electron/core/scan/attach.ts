/** Adding a scan to a letter already in the agenda book (letters.addAttachment). */
import { ApiError } from '../../../shared/api/errors';
import type { Letter } from '../../../shared/api/schemas';
import type { Db } from '../db/register';
import { appendAudit } from '../services/audit';
import { getLetter } from '../services/letters';

/** The most scans one letter may have (as in letters.register). */
export const MAX_ATTACHMENTS_PER_LETTER = 20;

export function addLetterAttachment(db: Db, letterId: number, attachment: { sha256: string; name: string }, userId: number, now: Date): Letter {
  const add = db.transaction(() => {
    const letter = db.prepare('SELECT id, agenda_number FROM letters WHERE id = ?').get(letterId) as { id: number; agenda_number: string } | undefined;
    if (!letter) throw new ApiError('NOT_FOUND', 'Surat tidak ditemukan di buku agenda.');
    if (!db.prepare('SELECT 1 FROM attachments WHERE sha256 = ?').get(attachment.sha256)) {
      throw new ApiError('NOT_FOUND', `Berkas "${attachment.name}" belum terunggah. Lampirkan ulang.`);
    }
    if (db.prepare('SELECT 1 FROM letter_attachments WHERE letter_id = ? AND sha256 = ?').get(letterId, attachment.sha256)) {
      throw new ApiError('CONFLICT', `Berkas ini sudah terlampir pada surat ${letter.agenda_number}.`);
    }
    const { n, last } = db.prepare('SELECT COUNT(*) AS n, COALESCE(MAX(position), 0) AS last FROM letter_attachments WHERE letter_id = ?').get(letterId) as {
      n: number;
      last: number;
    };
    if (n >= MAX_ATTACHMENTS_PER_LETTER) throw new ApiError('INVALID_INPUT', `Paling banyak ${MAX_ATTACHMENTS_PER_LETTER} berkas pindaian per surat.`);
    db.prepare('INSERT INTO letter_attachments (letter_id, sha256, position, name) VALUES (?, ?, ?, ?)').run(letterId, attachment.sha256, last + 1, attachment.name);
    appendAudit(db, {
      at: now.toISOString(),
      userId,
      action: 'surat.lampiran_ditambah',
      entity: 'letter',
      entityId: letterId,
      after: { sha256: attachment.sha256, name: attachment.name, position: last + 1 },
    });
  });
  add.immediate();
  return getLetter(db, letterId);
}
