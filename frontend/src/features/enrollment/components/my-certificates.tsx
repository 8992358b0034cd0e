import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Loading } from '@/components/ui/loading';
import { links } from '@/config/paths';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { certificatePdfUrl, useMyCertificates } from '../api/get-certificates';

export function MyCertificates() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const certificates = useMyCertificates(language);
  if (certificates.isPending) return <Loading />;
  if (certificates.isError) return <p role="alert">{t('errors.network')}</p>;
  if (certificates.data.items.length === 0) return <p>{t('mySpace.noCertificates')}</p>;
  return (
    <ul className="plain">
      {certificates.data.items.map((certificate) => (
        <li key={certificate.code} className="card">
          <p>
            <strong>{certificate.programme ?? certificate.session}</strong>
            {certificate.programme && certificate.session && <> — {certificate.session}</>}
          </p>
          <p>
            {t('certificate.date')} {formatDate(certificate.completed_on, language)} ·{' '}
            {certificate.status === 'revoked' ? t('certificate.revoked') : t('certificate.valid')} ·{' '}
            {t('certificate.code')} <code>{certificate.code}</code>
          </p>
          <p className="actions">
            <a className="button button-primary" href={certificatePdfUrl(certificate.code)} download>
              {t('mySpace.downloadPdf')}
            </a>
            <Link to={links.certificate(certificate.code)}>{t('mySpace.verificationPage')}</Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
