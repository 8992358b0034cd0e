import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@/config/languages';
import { setLanguage } from '@/lib/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t('language.label')} className="language-switch">
      {LANGUAGES.map(({ code, autonym }) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={i18n.resolvedLanguage === code}
          onClick={() => void setLanguage(code)}
        >
          {autonym}
        </button>
      ))}
    </div>
  );
}
