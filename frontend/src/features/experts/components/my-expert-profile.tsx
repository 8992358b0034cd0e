import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { ExpertProfile } from '@/api/models';
import { StatusMessage } from '@/components/ui/form';
import { LoadFailed } from '@/components/ui/load-failed';
import { Loading } from '@/components/ui/loading';
import { links, paths } from '@/config/paths';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useMyProfile } from '../api/get-my-profile';
import { EngagementHistory } from './engagement-history';
import { ProfileForm } from './profile-form';

const EDITABLE = ['pending', 'verified'];

function VettingStatus({ profile }: { profile: ExpertProfile }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <section className="card" aria-labelledby="expert-status">
      <h2 id="expert-status">{t('experts.mine.status')}</h2>
      <p>
        <strong>{t(`experts.status.${profile.status}`)}</strong>
        {profile.status === 'pending' &&
          profile.submitted_at &&
          ` — ${t('experts.mine.submittedAt', { date: formatDate(profile.submitted_at, language) })}`}
      </p>
      <p>{t(`experts.mine.explain.${profile.status}`)}</p>
      {profile.vetting_note && (
        <div>
          <h3>{t('experts.mine.note')}</h3>
          <p className="prose">{profile.vetting_note}</p>
        </div>
      )}
      {profile.listed && (
        <p>
          <Link to={links.expert(profile.id)}>{t('experts.mine.publicPage')}</Link>
        </p>
      )}
      {profile.status === 'verified' && !profile.listed && <p>{t('experts.mine.notListed')}</p>}
    </section>
  );
}

/** The expert's own profile: where the application stands, the coordinator's note, the edit form. */
export function MyExpertProfile() {
  const { t } = useTranslation();
  const { state } = useLocation();
  const mine = useMyProfile(currentLanguage());
  if (mine.isPending) return <Loading />;
  if (mine.isError) return <LoadFailed error={mine.error} what={t('experts.mine.title')} />;
  const profile = mine.data;
  if (!profile) {
    return (
      <p>
        {t('experts.mine.none')} <Link to={paths.joinExperts}>{t('experts.join.title')}</Link>
      </p>
    );
  }
  const applied = (state as { applied?: boolean } | null)?.applied;
  return (
    <div className="stack">
      <StatusMessage>{applied ? t('experts.mine.applied') : null}</StatusMessage>
      <VettingStatus profile={profile} />
      <section className="card" aria-labelledby="expert-edit">
        <h2 id="expert-edit">{t('experts.mine.edit')}</h2>
        {EDITABLE.includes(profile.status) ? (
          <ProfileForm profile={profile} />
        ) : (
          <p>{t('experts.mine.notEditable')}</p>
        )}
      </section>
      {profile.engagements.length > 0 && (
        <section className="card">
          <EngagementHistory engagements={profile.engagements} />
        </section>
      )}
    </div>
  );
}
