import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SessionDetail } from '@/api/models';
import { links } from '@/config/paths';
import { currentLanguage } from '@/lib/i18n';
import { expertQueryOptions } from '../api/get-expert';
import { displayName } from './expert-list';

type Trainer = SessionDetail['trainers'][number];

/** A trainer catalogue has no name for (its copy predates names): the public profile, if any. */
function UnnamedTrainer({ id }: { id: string }) {
  const { t } = useTranslation();
  const profile = useQuery({ ...expertQueryOptions(id, currentLanguage()), retry: false });
  if (profile.data) {
    return <Link to={links.expert(id)}>{displayName(profile.data)}</Link>;
  }
  // Pending, or no public page (404): the page still says someone is named.
  return <>{t('session.trainerUnnamed')}</>;
}

/** The trainers or speakers of a session, by name; a link to each one's public profile. */
export function TrainerList({ trainers }: { trainers: readonly Trainer[] }) {
  return (
    <ul className="plain">
      {trainers.map((trainer) => (
        <li key={trainer.id}>
          {trainer.name === null ? (
            <UnnamedTrainer id={trainer.id} />
          ) : trainer.listed ? (
            <Link to={links.expert(trainer.id)}>{trainer.name}</Link>
          ) : (
            trainer.name
          )}
        </li>
      ))}
    </ul>
  );
}
