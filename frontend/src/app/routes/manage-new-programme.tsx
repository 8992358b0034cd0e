import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { links, paths } from '@/config/paths';
import { ProgrammeForm } from '@/features/catalogue/components/programme-form';
import { useDocumentTitle } from '@/lib/use-document-title';
import '@/locales/manage';

export default function ManageNewProgrammePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('manage.newProgramme'));
  return (
    <div className="narrow-wide">
      <p>
        <Link to={paths.manage}>{t('manage.back')}</Link>
      </p>
      <h1>{t('manage.newProgramme')}</h1>
      <p>{t('manage.startsAsDraft')}</p>
      <ProgrammeForm onCreated={(programme) => navigate(links.manageProgramme(programme.id))} />
    </div>
  );
}
