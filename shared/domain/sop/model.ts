/**
 * An SOP as data. Each office's SOP (the four seeds in ../shared/sop, and the complaint procedure)
 * is a template: actor roles, steps with their mutu baku (inputs, time standard, output),
 * decisions with branches, pause points where the clock stops while the OPD is awaited, and end
 * states. A running request keeps the template version it started with.
 */
import type { Role } from '../../api/roles';
import type { TimeStandard } from '../timing';

/** An actor column of the SOP table, mapped to the Loket role that acts for it. */
export interface SopRole {
  /** Stable key inside the template, e.g. "kasi_pusat_data". */
  key: string;
  /** As the SOP names it, e.g. "Kasi Pusat Data". */
  label: string;
  /**
   * The Loket role whose users perform this actor's steps. For the OPD (an outside party) the front
   * desk records what the OPD did, so it maps to 'front_desk' with `external: true`.
   */
  systemRole: Role;
  external?: boolean;
}

interface StepBase {
  /** Stable id inside the template, e.g. "a6". */
  id: string;
  /** The SOP's own step number as printed ("6"), for people comparing with the paper SOP. */
  number: string;
  /** The activity, as the SOP words it. */
  title: string;
  /** SopRole.key of the actor. */
  actor: string;
  /** Kelengkapan / persyaratan. */
  inputs: string[];
  /** Mutu baku waktu. */
  standard: TimeStandard;
  /** Mutu baku output. */
  output: string;
  /**
   * Set when the step may wait for the OPD (e.g. asking for the application files): the actor can
   * pause the request and the clock stops until it is resumed.
   */
  pause?: { reason: string };
  /** What the step records in Loket beyond its completion (filled in by later issues). */
  records?: Array<'hosting_record' | 'security_evaluation' | 'document_hosting_access' | 'document_bast' | 'document_report' | 'document_cover_letter'>;
}

/** An ordinary activity: done by its actor, then the request moves to `next`. */
export interface TaskStep extends StepBase {
  kind: 'task';
  next: string;
}

/** A disposition down the hierarchy: the actor sends the letter to users of the `to` role. */
export interface DispositionStep extends StepBase {
  kind: 'disposition';
  /** SopRole.key of the recipients. */
  to: string;
  next: string;
}

/** A decision with its branches (e.g. "can it be done? Ya / Tidak"). Every branch must lead somewhere. */
export interface DecisionStep extends StepBase {
  kind: 'decision';
  question: string;
  branches: Array<{
    key: string;
    label: string;
    next: string;
    /** The branch that returns the request to the OPD produces a surat pemberitahuan. */
    returnsToOpd?: boolean;
  }>;
}

/** An end state. */
export interface EndStep {
  id: string;
  kind: 'end';
  title: string;
  outcome: 'selesai' | 'dikembalikan';
}

export type SopStep = TaskStep | DispositionStep | DecisionStep | EndStep;
export type ActionStep = Exclude<SopStep, EndStep>;

export type SopSubject = 'request' | 'complaint';

export interface SopTemplate {
  /** Stable key across versions, e.g. "pekalongan-hosting". */
  key: string;
  name: string;
  /** The office that wrote it and its reference (number, effective date). */
  source: string;
  /** What the template runs: a service request, or a complaint. */
  subject: SopSubject;
  /** The whole-service time standard the standar pelayanan promises (e.g. 2 hari kerja), if any. */
  serviceStandard: TimeStandard;
  roles: SopRole[];
  /** The first step; every other step must be reachable from it. */
  start: string;
  steps: SopStep[];
  /** Warnings, records kept and other notes from the SOP (peringatan, pencatatan dan pendataan). */
  notes: string[];
}

export function isActionStep(step: SopStep): step is ActionStep {
  return step.kind !== 'end';
}

export function nextStepIds(step: SopStep): string[] {
  switch (step.kind) {
    case 'task':
    case 'disposition':
      return [step.next];
    case 'decision':
      return step.branches.map((b) => b.next);
    case 'end':
      return [];
  }
}
