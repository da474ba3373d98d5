/** The audit log of a letter or a complaint in sentences an office reads ("Siti Aminah mencatat surat …"). */
import type { RequestViewDto } from '../../../shared/api/engine-schemas';

export interface AuditEntry {
  id: number;
  at: string;
  userName: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

function rec(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** "langkah 4 (Kabid Aplikasi … melakukan pengkajian)" from a step id, using what the view knows. */
function stepName(view: RequestViewDto | null, stepId: string | null): string {
  if (!stepId) return 'langkah';
  const known = view?.visits.find((v) => v.stepId === stepId) ?? view?.upcoming.find((u) => u.stepId === stepId);
  if (!known) return `langkah ${stepId}`;
  return `langkah ${known.number} (${known.title})`;
}

function quoted(note: string | null): string {
  return note ? `: “${note}”` : '';
}

/** The action of one audit entry as a sentence, with who did it in front. */
export function describeAudit(entry: AuditEntry, view: RequestViewDto | null): string {
  const who = entry.userName ?? 'Loket';
  const after = rec(entry.after);
  const before = rec(entry.before);
  // A complaint runs through its SOP like a letter's request: the same sentences, its own noun.
  const noun = view?.complaintId != null ? 'Pengaduan' : 'Permohonan';
  switch (entry.action) {
    case 'pengaduan.dicatat': {
      const number = str(after.number);
      const channel = str(after.channel);
      const from = str(after.complainant);
      return `${who} mencatat pengaduan${number ? ` nomor ${number}` : ''}${from ? ` dari ${from}` : ''}${channel ? ` (saluran ${channel})` : ''}.`;
    }
    case 'surat.dicatat': {
      const agenda = str(after.agendaNumber);
      return `${who} mencatat surat di buku agenda${agenda ? ` dengan nomor agenda ${agenda}` : ''}.`;
    }
    case 'permohonan.dimulai': {
      const name = view ? `${view.template.name}` : 'SOP layanan';
      return `${noun} dimulai menurut SOP ${name}; langkah pertama yang menunggu: ${stepName(view, str(after.step))}.`;
    }
    case 'langkah.selesai': {
      const outcome = str(after.outcome);
      const tail = outcome === 'selesai' ? ` ${noun} selesai.` : '';
      return `${who} menandai ${stepName(view, str(before.step))} selesai${quoted(str(after.note))}.${tail}`;
    }
    case 'langkah.diputuskan': {
      const stepId = str(before.step);
      const branchKey = str(after.branch);
      const visit = view?.visits.filter((v) => v.stepId === stepId && v.branchLabel !== null).pop();
      const label = visit?.branchLabel ?? branchKey ?? '?';
      const outcome = str(after.outcome);
      const tail = outcome === 'dikembalikan' ? ' Permohonan dikembalikan ke OPD.' : outcome === 'selesai' ? ` ${noun} selesai.` : '';
      return `${who} memutuskan ${stepName(view, stepId)}: “${label}”${str(after.note) ? `, dengan alasan “${str(after.note)}”` : ''}.${tail}`;
    }
    case 'disposisi.dikirim': {
      const id = num(after.dispositionId);
      const d = id === null ? undefined : view?.dispositions.find((x) => x.id === id);
      const to = d ? `${d.toLabel} (${d.recipients.map((r) => r.name).join(', ')})` : 'penerima berikutnya';
      const instructions = Array.isArray(after.instructions) ? after.instructions.filter((i): i is string => typeof i === 'string') : [];
      return `${who} mengirim disposisi kepada ${to}${instructions.length > 0 ? ` dengan instruksi ${instructions.join(', ')}` : ''}${quoted(str(after.note))}.`;
    }
    case 'disposisi.ditarik':
      return `${who} menarik kembali disposisi yang belum dibaca; ${stepName(view, str(after.step))} menunggu lagi.`;
    case 'permohonan.dijeda':
      return `${who} menjeda permohonan (menunggu OPD)${quoted(str(after.note))}. Baku waktu berhenti berjalan.`;
    case 'permohonan.dilanjutkan':
      return `${who} melanjutkan permohonan${quoted(str(after.note))}. Baku waktu berjalan lagi.`;
    default:
      return `${who}: ${entry.action.replace(/[._]/g, ' ')}.`;
  }
}
