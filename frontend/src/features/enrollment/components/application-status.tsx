import { useTranslation } from 'react-i18next';

const KNOWN = [
  'draft',
  'submitted',
  'endorsed',
  'under_review',
  'accepted',
  'waitlisted',
  'rejected',
  'confirmed',
  'expired',
  'completed',
  'no_show',
  'withdrawn',
  'cancelled',
] as const;
type KnownStatus = (typeof KNOWN)[number];

function isKnown(status: string): status is KnownStatus {
  return (KNOWN as readonly string[]).includes(status);
}

/** An application's status in words (a status added later by the service shows as it is). */
export function useStatusLabel() {
  const { t } = useTranslation();
  return (status: string) => (isKnown(status) ? t(`applicationStatus.${status}`) : status);
}

export function ApplicationStatus({ status }: { status: string }) {
  const label = useStatusLabel();
  const good = status === 'accepted' || status === 'confirmed' || status === 'completed';
  return <span className={good ? 'badge badge-open' : 'badge'}>{label(status)}</span>;
}
