import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { LoadFailed } from '@/components/ui/load-failed';
import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import { currentLanguage } from '@/lib/i18n';
import { useMyProfile } from '../api/get-my-profile';
import { ProfileForm } from './profile-form';

/** The application to join, or where it stands for someone who already applied (one per account). */
export function JoinCommunity() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useMyProfile(currentLanguage());
  if (mine.isPending) return <Loading />;
  if (mine.isError) return <LoadFailed error={mine.error} what={t('experts.join.title')} />;
  if (mine.data) {
    return (
      <div className="alert alert-success">
        <p>
          {t('experts.join.alreadyApplied')}{' '}
          <Link to={paths.myExpertProfile}>{t('experts.join.seeMine')}</Link>
        </p>
      </div>
    );
  }
  return (
    <ProfileForm onApplied={() => navigate(paths.myExpertProfile, { state: { applied: true } })} />
  );
}
