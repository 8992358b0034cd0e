import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audience } from '@/api/models';
import { AUDIENCES } from '../utils/vocabulary';
import '@/locales/manage';

/** The audiences as checkboxes (`name="audiences"`), with the API's error for the group. */
export function AudienceChoice({ chosen, error }: { chosen: readonly Audience[]; error?: string }) {
  const { t } = useTranslation();
  const errorId = useId();
  return (
    <fieldset
      className="choice-group"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{t('manage.fields.audiences')}</legend>
      {AUDIENCES.map((audience) => (
        <label key={audience} className="facet-option">
          <input
            type="checkbox"
            name="audiences"
            value={audience}
            defaultChecked={chosen.includes(audience)}
          />{' '}
          {t(`audience.${audience}`)}
        </label>
      ))}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
