import { useDashboardTranslation } from '../i18n';
import type { Part, ServiceName } from '../types';

type AnyParts = Partial<Record<string, Part<unknown>>>;

/** Why a part did not come, in words. */
export function useMissingReason() {
  const { d } = useDashboardTranslation();
  return (part: Part<unknown> | undefined) => {
    if (!part || part.status === 'ok') return '';
    if (part.status === 'timeout') return d('missing.timeout');
    if (part.status === 'unavailable') return d('missing.unavailable');
    return d('missing.error', { status: part.http_status ?? '' });
  };
}

/**
 * The gateway answers with the parts that came and names the missing ones (a service stopped,
 * slow or failing): the page shows the rest, and says here, at the top, which figures are missing.
 */
export function MissingParts({ missing, parts }: { missing: readonly string[]; parts: AnyParts }) {
  const { d } = useDashboardTranslation();
  const reason = useMissingReason();
  if (missing.length === 0) return null;
  return (
    <div role="alert" className="alert alert-warning missing-parts">
      <p>
        <strong>{d('missing.title', { count: missing.length })}</strong> {d('missing.rest')}
      </p>
      <ul>
        {missing.map((service) => (
          <li key={service}>
            {d('missing.part', { part: d(`service.${service as ServiceName}`), reason: reason(parts[service]) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** In place of a section whose service did not answer. */
export function PartMissing({ service, part }: { service: ServiceName; part: Part<unknown> | undefined }) {
  const { d } = useDashboardTranslation();
  const reason = useMissingReason();
  return (
    <p className="alert alert-warning part-missing">
      {d('missing.here', { part: d(`service.${service}`), reason: reason(part) })}
    </p>
  );
}
