import { Link } from 'react-router-dom';
import { paths } from '@/config/paths';
import { useDashboardTranslation } from '../i18n';
import type { Overview } from '../types';
import { partData } from '../types';
import type { Filters } from '../utils/filters';

/** What the enrollment service counts as "to review" (its PENDING statuses). */
export const TO_REVIEW = ['submitted', 'endorsed', 'under_review'] as const;

/** The review queue with the statuses (and the country, which it filters on too) already chosen. */
export function reviewQueueLink(statuses: readonly string[], filters: Filters): string {
  const params = new URLSearchParams();
  for (const status of statuses) params.append('status', status);
  if (filters.country) params.set('country', filters.country);
  return `${paths.manageApplications}?${params}`;
}

export const vettingQueueLink = () => `${paths.manageExperts}?status=pending`;
export const draftsLink = () => `${paths.manageLibrary}?status=draft`;

interface QueueItem {
  id: string;
  label: string;
  display: string | null;
  href: string;
}

/** The work waiting for coordinators, each count a link straight into its queue, filtered. */
export function WorkQueues({ overview, filters }: { overview: Overview; filters: Filters }) {
  const { d } = useDashboardTranslation();
  const enrollment = partData(overview.parts.enrollment);
  const experts = partData(overview.parts.experts);
  const publications = partData(overview.parts.publications);
  const items: QueueItem[] = [
    {
      id: 'review',
      label: d('queues.toReview'),
      display: enrollment?.queue?.to_review.display ?? null,
      href: reviewQueueLink(TO_REVIEW, filters),
    },
    {
      id: 'confirm',
      label: d('queues.awaitingConfirmation'),
      display: enrollment?.queue?.awaiting_confirmation.display ?? null,
      href: reviewQueueLink(['accepted'], filters),
    },
    {
      id: 'waitlisted',
      label: d('queues.waitlisted'),
      display: enrollment?.queue?.waitlisted.display ?? null,
      href: reviewQueueLink(['waitlisted'], filters),
    },
    {
      id: 'vet',
      label: d('queues.toVet'),
      display: experts?.to_vet?.display ?? null,
      href: vettingQueueLink(),
    },
    {
      id: 'drafts',
      label: d('queues.drafts'),
      display: publications?.drafts.display ?? null,
      href: draftsLink(),
    },
  ];
  return (
    <ul className="queues">
      {items.map((item) => (
        <li key={item.id} className="queue card">
          <Link to={item.href}>
            <span className="queue-count">{item.display ?? '–'}</span>
            <span className="queue-label">{item.label}</span>
          </Link>
          {item.display === null && <span className="muted"> {d('queues.unknown')}</span>}
        </li>
      ))}
    </ul>
  );
}
