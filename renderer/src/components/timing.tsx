/** Badges of the SOP engine: a step's timing (colour and words) and a request's state. */
import { REQUEST_STATE_LABELS, TIMING_STATUS_LABELS, type REQUEST_STATES, type TIMING_STATUSES } from '../../../shared/api/engine-schemas';

export type TimingStatus = (typeof TIMING_STATUSES)[number];
export type RequestState = (typeof REQUEST_STATES)[number];

const TIMING_MARKS: Record<TimingStatus, string> = {
  on_track: '●',
  at_risk: '▲',
  late: '■',
  paused: 'Ⅱ',
  done: '✓',
  done_late: '✓',
  no_standard: '–',
};

/**
 * A step's timing as a badge. A step done without a time standard (no deadline) is simply
 * "Selesai": it was not on time, nor late.
 */
export function TimingBadge({ timing, short = false }: { timing: { status: TimingStatus; dueAt: string | null }; short?: boolean }) {
  const { status } = timing;
  const label = short && status === 'paused' ? 'Dijeda' : status === 'done' && timing.dueAt === null ? 'Selesai' : TIMING_STATUS_LABELS[status];
  return (
    <span className={`badge badge--timing badge--timing-${status}`}>
      <span aria-hidden="true" className="badge-mark">
        {TIMING_MARKS[status]}
      </span>{' '}
      {label}
    </span>
  );
}

export function RequestStateBadge({ state }: { state: RequestState }) {
  return <span className={`badge badge--state-${state}`}>{REQUEST_STATE_LABELS[state]}</span>;
}
