import {
  LETTER_STATUS_LABELS,
  NATURE_LABELS,
  SERVICE_LABELS,
  type LetterNature,
  type LetterStatus,
  type ServiceKind,
} from '../../../shared/api/schemas';

export function NatureBadge({ nature }: { nature: LetterNature }) {
  return <span className={`badge badge--nature-${nature}`}>{NATURE_LABELS[nature]}</span>;
}

export function StatusBadge({ status }: { status: LetterStatus }) {
  return <span className={`badge badge--status-${status}`}>{LETTER_STATUS_LABELS[status]}</span>;
}

export function serviceLabel(service: ServiceKind): string {
  return SERVICE_LABELS[service];
}
