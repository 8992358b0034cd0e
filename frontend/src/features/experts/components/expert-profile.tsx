import { useTranslation } from 'react-i18next';
import type { ExpertDetail } from '@/api/models';
import { JsonLd } from '@/components/seo/json-ld';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { EngagementHistory } from './engagement-history';
import { displayName } from './expert-list';

/** What the profile says about availability, with its dates when the expert gave them. */
export function AvailabilityText({
  expert,
}: {
  expert: Pick<ExpertDetail, 'availability' | 'available_from' | 'available_until'>;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const parts = [t(`experts.availability.${expert.availability}`)];
  if (expert.available_from)
    parts.push(t('experts.profile.from', { date: formatDate(expert.available_from, language) }));
  if (expert.available_until)
    parts.push(t('experts.profile.until', { date: formatDate(expert.available_until, language) }));
  return <>{parts.join(' ')}</>;
}

/** A public profile: public fields only (the API has no others), and its schema.org Person. */
export function ExpertProfile({ expert }: { expert: ExpertDetail }) {
  const { t } = useTranslation();
  return (
    <article>
      <JsonLd data={expert.json_ld} />
      <h1>{displayName(expert)}</h1>
      {(expert.position || expert.organisation) && (
        <p className="lead">{[expert.position, expert.organisation].filter(Boolean).join(', ')}</p>
      )}
      <div className="columns">
        <div>
          {expert.bio && (
            <section aria-labelledby="expert-bio">
              <h2 id="expert-bio">{t('experts.profile.bio')}</h2>
              <p className="prose" lang={expert.lang}>
                {expert.bio}
              </p>
            </section>
          )}
          <EngagementHistory engagements={expert.engagements} />
        </div>
        <aside aria-labelledby="expert-facts" className="card">
          <h2 id="expert-facts">{t('experts.profile.facts')}</h2>
          <dl className="details">
            <div>
              <dt>{t('experts.fields.country')}</dt>
              <dd>{expert.country_name}</dd>
            </div>
            {expert.work_countries.length > 0 && (
              <div>
                <dt>{t('experts.fields.workCountries')}</dt>
                <dd>{expert.work_countries.map((c) => c.name).join(', ')}</dd>
              </div>
            )}
            {expert.themes.length > 0 && (
              <div>
                <dt>{t('experts.fields.themes')}</dt>
                <dd>
                  <ul className="plain">
                    {expert.themes.map((theme) => (
                      <li key={theme.code}>{theme.name}</li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
            {expert.languages.length > 0 && (
              <div>
                <dt>{t('experts.fields.languages')}</dt>
                <dd>
                  <ul className="plain">
                    {expert.languages.map((l) => (
                      <li key={l.tag}>
                        {t('experts.profile.languageLevel', { name: l.name, level: l.level_label })}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
            {expert.keywords.length > 0 && (
              <div>
                <dt>{t('experts.fields.keywords')}</dt>
                <dd>{expert.keywords.join(', ')}</dd>
              </div>
            )}
            {expert.years_of_experience !== null && (
              <div>
                <dt>{t('experts.fields.experience')}</dt>
                <dd>{t('experts.profile.years', { count: expert.years_of_experience })}</dd>
              </div>
            )}
            <div>
              <dt>{t('experts.fields.availability')}</dt>
              <dd>
                <AvailabilityText expert={expert} />
              </dd>
            </div>
            {expert.orcid && (
              <div>
                <dt>ORCID iD</dt>
                <dd>
                  <a href={expert.orcid_url ?? undefined} rel="noopener noreferrer">
                    {expert.orcid}
                  </a>
                </dd>
              </div>
            )}
            {expert.links.length > 0 && (
              <div>
                <dt>{t('experts.fields.links')}</dt>
                <dd>
                  <ul className="plain">
                    {expert.links.map((link) => (
                      <li key={link.url}>
                        <a href={link.url} rel="noopener noreferrer nofollow">
                          {link.label || link.url}
                        </a>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
          </dl>
        </aside>
      </div>
    </article>
  );
}
