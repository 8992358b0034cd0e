import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { EndorsementDecision } from '@/features/enrollment/components/endorsement-decision';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/locales/enrol';

// Public, reached only by the single-use signed link the enrollment service sends the endorser
// (`/endorse/{token}`); no account needed: the link is the credential.
export default function EndorsePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  useDocumentTitle(t('enrol.endorse.title'));
  return (
    <div className="narrow">
      <h1>{t('enrol.endorse.title')}</h1>
      <EndorsementDecision token={token} />
    </div>
  );
}
