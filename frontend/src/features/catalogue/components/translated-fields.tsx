import { useTranslation } from 'react-i18next';
import { Field } from '@/components/ui/form';
import { EDITED_LANGUAGES, variantValue } from '../utils/form-values';
import '@/locales/manage';

interface TranslatedFieldsProps {
  /** The API's name of the text (`title`); inputs are `title.fr` and `title.en`. */
  name: string;
  label: string;
  stored?: Record<string, unknown> | null;
  errors: Record<string, string>;
  kind?: 'line' | 'text' | 'list';
  /** French is required (the academy's default language). */
  required?: boolean;
  maxLength?: number;
  hint?: string;
}

/** One input per edited language; an error on the text as a whole shows under the French one. */
export function TranslatedFields({
  name,
  label,
  stored,
  errors,
  kind = 'line',
  required = false,
  maxLength,
  hint,
}: TranslatedFieldsProps) {
  const { t } = useTranslation();
  return (
    <div className="translated">
      {EDITED_LANGUAGES.map((lang) => {
        const field = `${name}.${lang}`;
        const error = errors[field] ?? (lang === 'fr' ? errors[name] : undefined);
        return (
          <Field
            key={lang}
            name={field}
            label={t('manage.inLanguage', { label, language: t(`languages.${lang}`) })}
            hint={hint}
            error={error}
          >
            {(props) =>
              kind === 'line' ? (
                <input
                  {...props}
                  type="text"
                  lang={lang}
                  maxLength={maxLength}
                  required={required && lang === 'fr'}
                  defaultValue={variantValue(stored, lang)}
                />
              ) : (
                <textarea
                  {...props}
                  lang={lang}
                  rows={kind === 'list' ? 4 : 3}
                  maxLength={maxLength}
                  required={required && lang === 'fr'}
                  defaultValue={variantValue(stored, lang)}
                />
              )
            }
          </Field>
        );
      })}
    </div>
  );
}
