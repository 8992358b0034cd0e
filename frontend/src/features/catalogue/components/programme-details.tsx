import { useTranslation } from 'react-i18next';
import type { ProgrammeDetail } from '@/api/models';
import { formatMoney } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { programmeCalendarUrl } from '../utils/calendar';
import { JsonLd } from './json-ld';
import { SessionList } from './session-summary';

/** A programme's page: what it is, for whom, its modules (the Master) or sessions (a College). */
export function ProgrammeDetails({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const modules = [...programme.modules].sort((a, b) => a.position - b.position);
  const fee =
    programme.fee_amount != null && programme.fee_currency
      ? formatMoney(programme.fee_amount, programme.fee_currency, language)
      : null;

  return (
    <article className="programme">
      <JsonLd data={programme.json_ld} />
      <p className="eyebrow">
        {[t(`programmeKind.${programme.kind}`), programme.theme_title].filter(Boolean).join(' · ')}
      </p>
      <h1>{programme.title}</h1>
      {programme.summary && <p className="lead">{programme.summary}</p>}
      <p className="actions">
        <a className="button button-secondary" href={programmeCalendarUrl(programme.id, language)}>
          {t('programme.subscribe')}
        </a>
      </p>

      <div className="columns">
        <div>
          {programme.description && (
            <section aria-labelledby="programme-description">
              <h2 id="programme-description">{t('programme.description')}</h2>
              <p className="prose">{programme.description}</p>
            </section>
          )}
          {programme.objectives.length > 0 && (
            <section aria-labelledby="programme-objectives">
              <h2 id="programme-objectives">{t('programme.objectives')}</h2>
              <ul>
                {programme.objectives.map((objective, index) => (
                  <li key={index}>{objective}</li>
                ))}
              </ul>
            </section>
          )}
          {modules.length > 0 && (
            <section aria-labelledby="programme-modules">
              <h2 id="programme-modules">{t('programme.modules')}</h2>
              <ol className="modules">
                {modules.map((module) => (
                  <li key={module.id}>
                    <h3>{module.title}</h3>
                    <p className="muted">
                      {[
                        t(`deliveryMode.${module.delivery_mode}`),
                        module.hours ? t('programme.hours', { count: module.hours }) : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                    {module.summary && <p>{module.summary}</p>}
                  </li>
                ))}
              </ol>
              {programme.total_hours ? (
                <p>{t('programme.totalHours', { count: programme.total_hours })}</p>
              ) : null}
            </section>
          )}
          <section aria-labelledby="programme-sessions">
            <h2 id="programme-sessions">{t('programme.sessions')}</h2>
            {programme.upcoming_sessions.length > 0 ? (
              <SessionList sessions={programme.upcoming_sessions} inProgramme />
            ) : (
              <p>{t('programme.noSessions')}</p>
            )}
          </section>
        </div>

        <aside className="card" aria-labelledby="programme-facts">
          <h2 id="programme-facts">{t('programme.facts')}</h2>
          <dl className="details">
            {programme.audiences.length > 0 && (
              <div>
                <dt>{t('programme.audiences')}</dt>
                <dd>
                  <ul className="plain">
                    {programme.audiences.map((audience) => (
                      <li key={audience}>{t(`audience.${audience}`)}</li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
            {programme.duration && (
              <div>
                <dt>{t('programme.duration')}</dt>
                <dd>{programme.duration}</dd>
              </div>
            )}
            {programme.prerequisites && (
              <div>
                <dt>{t('programme.prerequisites')}</dt>
                <dd>{programme.prerequisites}</dd>
              </div>
            )}
            {(fee || programme.fees) && (
              <div>
                <dt>{t('programme.fees')}</dt>
                <dd>{[fee, programme.fees].filter(Boolean).join(' — ')}</dd>
              </div>
            )}
            {programme.scholarships && (
              <div>
                <dt>{t('programme.scholarships')}</dt>
                <dd>{programme.scholarships}</dd>
              </div>
            )}
            {programme.partner_institutions.length > 0 && (
              <div>
                <dt>{t('programme.partners')}</dt>
                <dd>
                  <ul className="plain">
                    {programme.partner_institutions.map((partner) => (
                      <li key={partner}>{partner}</li>
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
