import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ProgrammeKind, ProgrammeQuery } from '@/api/models';
import { links } from '@/config/paths';
import { currentLanguage } from '@/lib/i18n';
import { useProgrammes } from '../api/get-programmes';
import type { CatalogueSearch } from '../utils/search-params';
import { isOneOf, PROGRAMME_KINDS } from '../utils/vocabulary';

const LIMIT = 6;

/**
 * The programmes (the Master, Colleges) that match the words, theme, kind or audience searched,
 * above the sessions: someone looking for "finances locales" wants to find the College itself.
 * The other filters (dates, place, language) describe sessions, not programmes.
 */
export function ProgrammeMatches({ search }: { search: CatalogueSearch }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const { q, facets } = search;
  const kinds = facets.kind.filter((k): k is ProgrammeKind => isOneOf(PROGRAMME_KINDS, k));
  const query: ProgrammeQuery = {
    q: q || undefined,
    theme: facets.theme.length ? facets.theme : undefined,
    kind: kinds.length ? kinds : undefined,
    audience: facets.audience.length ? (facets.audience as ProgrammeQuery['audience']) : undefined,
    limit: LIMIT,
  };
  const asked = !!(q || facets.theme.length || kinds.length || facets.audience.length);
  // A search for events only (kind=event) has no programme to show.
  const eventsOnly = facets.kind.length > 0 && kinds.length === 0;
  const shown = asked && !eventsOnly;
  const programmes = useProgrammes(query, language, shown);
  const items = programmes.data?.items ?? [];
  if (!shown || items.length === 0) return null;
  return (
    <section className="programme-matches" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('catalogue.programmes.title')}</h2>
      <ul>
        {items.map((programme) => (
          <li key={programme.id}>
            <Link to={links.programme(programme.id)}>{programme.title}</Link>{' '}
            <span className="muted">{t(`programmeKind.${programme.kind}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
