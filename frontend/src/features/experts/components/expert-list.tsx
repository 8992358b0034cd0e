import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ExpertSummary } from '@/api/models';
import { links } from '@/config/paths';

/** `Dr Awa Diallo`: the title, when there is one, before the name. */
export function displayName(expert: { title: string | null; full_name: string }): string {
  return expert.title ? `${expert.title} ${expert.full_name}` : expert.full_name;
}

export function ExpertList({ experts }: { experts: ExpertSummary[] }) {
  const { t } = useTranslation();
  return (
    <ul className="results">
      {experts.map((expert) => (
        <li key={expert.id}>
          <article className="result" aria-labelledby={`expert-${expert.id}`}>
            <h3 className="result-title" id={`expert-${expert.id}`}>
              <Link to={links.expert(expert.id)}>{displayName(expert)}</Link>
            </h3>
            {(expert.position || expert.organisation) && (
              <p className="result-kind">
                {[expert.position, expert.organisation].filter(Boolean).join(', ')}
              </p>
            )}
            <dl className="facts">
              <div>
                <dt>{t('experts.fields.country')}</dt>
                <dd>{expert.country_name}</dd>
              </div>
              {expert.themes.length > 0 && (
                <div>
                  <dt>{t('experts.fields.themes')}</dt>
                  <dd>{expert.themes.map((theme) => theme.name).join(', ')}</dd>
                </div>
              )}
              {expert.languages.length > 0 && (
                <div>
                  <dt>{t('experts.fields.languages')}</dt>
                  <dd>{expert.languages.map((l) => l.name).join(', ')}</dd>
                </div>
              )}
              <div>
                <dt>{t('experts.fields.availability')}</dt>
                <dd>{t(`experts.availability.${expert.availability}`)}</dd>
              </div>
            </dl>
          </article>
        </li>
      ))}
    </ul>
  );
}
