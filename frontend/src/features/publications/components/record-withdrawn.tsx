import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '@/config/paths';
import { currentLanguage } from '@/lib/i18n';
import type { RecordWithdrawn } from '../api/get-record';

/** The tombstone of a withdrawn record: what it was and why it is gone. */
export function RecordWithdrawnNotice({ withdrawn }: { withdrawn: RecordWithdrawn }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const title = withdrawn.titles[language] ?? Object.values(withdrawn.titles)[0];
  return (
    <div className="narrow-wide">
      <h1>{t('library.withdrawn.title')}</h1>
      {title && <p className="lead">{title}</p>}
      <p role="alert">
        {withdrawn.reason
          ? t('library.withdrawn.reason', { reason: withdrawn.reason })
          : t('library.withdrawn.text')}
      </p>
      <p>
        <Link to={paths.library}>{t('library.withdrawn.back')}</Link>
      </p>
    </div>
  );
}
