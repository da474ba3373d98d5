/**
 * The planned deadline of every step of an SOP for a letter received at a given moment: what
 * `loket schedule` prints and what the receipt calls "estimasi selesai". The main path takes the
 * first branch of each decision (the approving one in the seeds).
 */
import type { ActionStep, SopTemplate } from '../../../shared/domain/sop/model';
import { describeStandard, scheduleSteps } from '../../../shared/domain/timing';
import type { Db } from '../db/register';
import { getCalendar } from './calendar';

export interface PlannedStep {
  stepId: string;
  number: string;
  title: string;
  standard: string;
  start: string;
  due: string | null;
}

/** The steps from `fromId` (default: the start) along the first branch of each decision, each once. */
export function mainPath(template: SopTemplate, fromId: string = template.start): ActionStep[] {
  const path: ActionStep[] = [];
  const seen = new Set<string>();
  let step = template.steps.find((s) => s.id === fromId);
  while (step && step.kind !== 'end' && !seen.has(step.id)) {
    seen.add(step.id);
    path.push(step);
    const nextId: string | undefined = step.kind === 'decision' ? step.branches[0]?.next : step.next;
    step = template.steps.find((s) => s.id === nextId);
  }
  return path;
}

export function planSchedule(db: Db, template: SopTemplate, receivedAt: string): { steps: PlannedStep[]; estimatedCompletion: string | null } {
  const path = mainPath(template);
  const schedule = scheduleSteps(getCalendar(db), path.map((s) => s.standard), receivedAt);
  const steps = path.map((s, i) => ({
    stepId: s.id,
    number: s.number,
    title: s.title,
    standard: describeStandard(s.standard),
    start: schedule[i]?.start ?? receivedAt,
    due: schedule[i]?.due ?? null,
  }));
  const last = [...steps].reverse().find((s) => s.due !== null);
  return { steps, estimatedCompletion: last?.due ?? null };
}
