/**
 * What the documents read from the SOP engine's tables: the request of a letter, its chain of
 * dispositions (withdrawn ones left out), the decision that returned it to the OPD, and the planned
 * completion for the receipt. Read-only; the engine (services/requests.ts) owns the writes.
 */
import type { Official } from '../../../shared/api/schemas';
import { dayNameId, formatInstantDateTimeId, localIsoDate } from '../../../shared/domain/dates';
import type { SopTemplate } from '../../../shared/domain/sop/model';
import type { Db } from '../db/register';
import { listOfficials } from '../services/office';
import type { RequestState } from '../services/requests';
import { planSchedule } from '../services/schedule';
import { getTemplate } from '../services/sop';
import type { ChainLevel } from './disposition';
import { officeTitle } from './signature';

/** "Senin, 30 November 2026 pukul 08.50 WIB". */
export function formatDayDateTimeId(instant: string, timeZone: string): string {
  return `${dayNameId(localIsoDate(instant, timeZone))}, ${formatInstantDateTimeId(instant, timeZone)}`;
}

export interface LetterRequest {
  id: number;
  state: RequestState;
  startedAt: string;
  closedAt: string | null;
  template: SopTemplate;
}

export function requestOfLetter(db: Db, letterId: number): LetterRequest | null {
  const row = db.prepare('SELECT id, template_id, state, started_at, closed_at FROM requests WHERE letter_id = ?').get(letterId) as
    | { id: number; template_id: number; state: RequestState; started_at: string; closed_at: string | null }
    | undefined;
  if (!row) return null;
  return { id: row.id, state: row.state, startedAt: row.started_at, closedAt: row.closed_at, template: getTemplate(db, row.template_id) };
}

function roleLabel(template: SopTemplate, key: string): string {
  return template.roles.find((r) => r.key === key)?.label ?? key;
}

/** One disposition as the sheet prints it, with the disposer's official for the signature. */
export interface DispositionRecord {
  level: ChainLevel;
  /** The official linked to the disposer's user account, if any. */
  fromOfficial: Official | null;
  /** The SOP's label of the disposing actor ("Kepala Dinas"). */
  fromRoleLabel: string;
  fromUserName: string;
  createdAt: string;
}

/** The live dispositions of a request, oldest first: Kadis → Kabid → Kasi … */
export function dispositionChain(db: Db, request: LetterRequest, timeZone: string): DispositionRecord[] {
  const officials = new Map(listOfficials(db).map((o) => [o.id, o]));
  const rows = db
    .prepare(
      `SELECT d.id, d.step_id, d.to_role_key, d.instructions, d.note, d.created_at, u.full_name AS from_name, u.official_id AS from_official
         FROM dispositions d JOIN users u ON u.id = d.from_user_id
        WHERE d.request_id = ? AND d.withdrawn_at IS NULL ORDER BY d.created_at, d.id`,
    )
    .all(request.id) as Array<{
    id: number;
    step_id: string;
    to_role_key: string;
    instructions: string;
    note: string;
    created_at: string;
    from_name: string;
    from_official: number | null;
  }>;
  const recipients = db.prepare(
    `SELECT u.full_name, u.official_id, dr.read_at FROM disposition_recipients dr JOIN users u ON u.id = dr.user_id
      WHERE dr.disposition_id = ? ORDER BY u.full_name, u.id`,
  );
  return rows.map((row) => {
    const step = request.template.steps.find((s) => s.id === row.step_id);
    const fromRoleLabel = step && step.kind !== 'end' ? roleLabel(request.template, step.actor) : '';
    const fromOfficial = row.from_official !== null ? (officials.get(row.from_official) ?? null) : null;
    const parsed: unknown = JSON.parse(row.instructions);
    const instructions = Array.isArray(parsed) ? parsed.filter((i): i is string => typeof i === 'string') : [];
    const level: ChainLevel = {
      fromName: fromOfficial?.name ?? row.from_name,
      fromTitle: fromOfficial ? officeTitle(fromOfficial) : fromRoleLabel,
      toLabel: roleLabel(request.template, row.to_role_key),
      recipients: (recipients.all(row.id) as Array<{ full_name: string; official_id: number | null; read_at: string | null }>).map((r) => {
        const official = r.official_id !== null ? officials.get(r.official_id) : undefined;
        return {
          name: official?.name ?? r.full_name,
          officialId: r.official_id,
          readAt: r.read_at ? formatDayDateTimeId(r.read_at, timeZone) : null,
        };
      }),
      instructions,
      note: row.note.trim(),
      at: formatDayDateTimeId(row.created_at, timeZone),
    };
    return { level, fromOfficial, fromRoleLabel, fromUserName: row.from_name, createdAt: row.created_at };
  });
}

/**
 * The decision that returned the request to the OPD: the last completed decision step whose branch
 * returns to the OPD, with its note (the reason printed on the surat pemberitahuan).
 */
export function returnDecision(db: Db, request: LetterRequest): { at: string; reason: string } | null {
  const rows = db
    .prepare(
      `SELECT at, step_id, branch, note FROM request_events
        WHERE request_id = ? AND type = 'step_completed' AND branch IS NOT NULL ORDER BY id DESC`,
    )
    .all(request.id) as Array<{ at: string; step_id: string; branch: string; note: string }>;
  for (const e of rows) {
    const step = request.template.steps.find((s) => s.id === e.step_id);
    if (step?.kind !== 'decision') continue;
    if (step.branches.find((b) => b.key === e.branch)?.returnsToOpd) return { at: e.at, reason: e.note.trim() };
  }
  return null;
}

/** The planned completion on the SOP's main path, from the letter's receipt; null when the SOP gives no time. */
export function plannedCompletion(db: Db, request: LetterRequest, receivedAt: string): string | null {
  return planSchedule(db, request.template, receivedAt).estimatedCompletion;
}
