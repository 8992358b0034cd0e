import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { useCertificateVerification } from '../api/verify-certificate';

/** What the public may know of a certificate: holder, programme, session, date, valid or revoked. */
export function CertificateVerification({ code }: { code: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const verification = useCertificateVerification(code, language);
  if (verification.isPending) return <Loading />;
  if (verification.isError) {
    const notFound = verification.error instanceof ApiError && verification.error.status === 404;
    return (
      <p role="alert" className="alert alert-error">
        {notFound ? t('certificate.notFound', { code }) : t('errors.network')}
      </p>
    );
  }
  const certificate = verification.data;
  const valid = certificate.status === 'valid';
  return (
    <section className="card" aria-labelledby="certificate-result">
      <h2 id="certificate-result">
        <span className={valid ? 'badge badge-open' : 'badge badge-revoked'}>
          {valid ? t('certificate.valid') : t('certificate.revoked')}
        </span>
      </h2>
      <dl className="facts">
        <div>
          <dt>{t('certificate.holder')}</dt>
          <dd>{certificate.holder}</dd>
        </div>
        {certificate.programme && (
          <div>
            <dt>{t('certificate.programme')}</dt>
            <dd>{certificate.programme}</dd>
          </div>
        )}
        {certificate.session && (
          <div>
            <dt>{t('certificate.session')}</dt>
            <dd>{certificate.session}</dd>
          </div>
        )}
        <div>
          <dt>{t('certificate.date')}</dt>
          <dd>{formatDate(certificate.date, language)}</dd>
        </div>
        <div>
          <dt>{t('certificate.code')}</dt>
          <dd>
            <code>{certificate.code}</code>
          </dd>
        </div>
      </dl>
    </section>
  );
}
