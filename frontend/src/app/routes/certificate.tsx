import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { CertificateCodeForm } from '@/features/enrollment/components/certificate-code-form';
import { CertificateVerification } from '@/features/enrollment/components/certificate-verification';
import { useDocumentTitle } from '@/lib/use-document-title';

// Public: the QR code on a certificate's PDF points here (`/verify/{code}`); `/certificates` asks for a code.
export default function CertificatePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  useDocumentTitle(t('certificate.title'));
  return (
    <div className="narrow">
      <h1>{t('certificate.title')}</h1>
      <p>{t('certificate.intro')}</p>
      <CertificateCodeForm code={code} />
      {code && <CertificateVerification code={code} />}
    </div>
  );
}
