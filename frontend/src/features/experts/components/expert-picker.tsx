import { useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpertSummary } from '@/api/models';
import { Button } from '@/components/ui/button';
import { ChoiceGroup } from '@/components/ui/choice-group';
import { currentLanguage } from '@/lib/i18n';
import { expertQueryOptions } from '../api/get-expert';
import { expertsQueryOptions } from '../api/get-experts';
import { displayName } from './expert-list';
import '@/locales/staff';

// Typing waits this long before asking the directory: one request per pause, not per key (slow
// and metered connections).
const SEARCH_DELAY_MS = 300;
const MIN_QUERY = 2;
const RESULTS = 8;

export interface ExpertPickerProps {
  /** The request-body name: one hidden input per expert chosen, in order. */
  name: string;
  label: string;
  hint?: string;
  /** The ids already named. */
  initial: readonly string[];
  /** A problem with the list as a whole. */
  error?: string;
  /** A problem with one expert, by id (e.g. the API refused an unverified one). */
  errorsById?: Record<string, string>;
}

function describe(expert: ExpertSummary): string {
  return [expert.position, expert.organisation, expert.country_name].filter(Boolean).join(', ');
}

/** Chooses experts by searching the public directory by name; submits their ids with the form. */
export function ExpertPicker({
  name,
  label,
  hint,
  initial,
  error,
  errorsById = {},
}: ExpertPickerProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const [chosen, setChosen] = useState<string[]>(() => [...initial]);
  const [names, setNames] = useState<Record<string, string>>({});
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [typed]);

  const searching = q.length >= MIN_QUERY;
  const search = useQuery({
    ...expertsQueryOptions({ q, limit: RESULTS }, language),
    enabled: searching,
  });
  // Names of the ids the session already had (the directory's public page of each).
  const unnamed = chosen.filter((expertId) => !names[expertId]);
  const profiles = useQueries({
    queries: unnamed.map((expertId) => expertQueryOptions(expertId, language)),
  });
  const looked = new Map(unnamed.map((expertId, index) => [expertId, profiles[index]]));

  function nameOf(expertId: string): string | null {
    const profile = looked.get(expertId)?.data;
    return names[expertId] ?? (profile ? displayName(profile) : null);
  }

  function add(expert: ExpertSummary) {
    setNames((known) => ({ ...known, [expert.id]: displayName(expert) }));
    setChosen((list) => (list.includes(expert.id) ? list : [...list, expert.id]));
  }

  function remove(expertId: string) {
    setChosen((list) => list.filter((other) => other !== expertId));
  }

  function keepFormClosed(event: KeyboardEvent<HTMLInputElement>) {
    // Enter in the search box searches; it must not submit the whole session form.
    if (event.key === 'Enter') {
      event.preventDefault();
      setQ(typed.trim());
    }
  }

  const results = searching ? (search.data?.items ?? []).filter((e) => !chosen.includes(e.id)) : [];
  const searchId = `${id}-search`;
  let status = '';
  if (searching && search.isFetching) status = t('staff.trainerPicker.searching');
  else if (searching && search.isError) status = t('staff.loadError');
  else if (searching && search.data)
    status = t('staff.trainerPicker.found', { count: results.length });

  return (
    <ChoiceGroup legend={label} hint={hint} error={error}>
      {chosen.length === 0 ? (
        <p className="muted">{t('staff.trainerPicker.none')}</p>
      ) : (
        <ol className="plain" aria-label={t('staff.trainerPicker.chosen')}>
          {chosen.map((expertId, index) => {
            const problem = errorsById[expertId];
            const problemId = `${id}-${index}-error`;
            const shown = nameOf(expertId);
            const missing = looked.get(expertId)?.isError;
            return (
              <li key={expertId}>
                <input type="hidden" name={name} value={expertId} />
                {shown ?? <code>{expertId}</code>}
                {missing && ` (${t('staff.trainerPicker.unlisted')})`}{' '}
                <Button
                  variant="link"
                  onClick={() => remove(expertId)}
                  aria-label={t('staff.trainerPicker.remove', { name: shown ?? expertId })}
                  aria-describedby={problem ? problemId : undefined}
                >
                  {t('staff.trainerPicker.removeShort')}
                </Button>
                {problem && (
                  <p id={problemId} className="field-error">
                    {problem}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <div className="field">
        <label htmlFor={searchId}>{t('staff.trainerPicker.search')}</label>
        <input
          id={searchId}
          type="search"
          value={typed}
          autoComplete="off"
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={keepFormClosed}
        />
      </div>
      <p role="status" className="field-hint">
        {status}
      </p>
      {results.length > 0 && (
        <ul className="plain" aria-label={t('staff.trainerPicker.results')}>
          {results.map((expert) => (
            <li key={expert.id}>
              <Button variant="secondary" onClick={() => add(expert)}>
                {t('staff.trainerPicker.add', { name: displayName(expert) })}
              </Button>{' '}
              <span className="muted">{describe(expert)}</span>
            </li>
          ))}
        </ul>
      )}
    </ChoiceGroup>
  );
}
