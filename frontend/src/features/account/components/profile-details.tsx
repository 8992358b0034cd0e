import { useTranslation } from 'react-i18next';
import type { User } from '@/api/models';
import { countryName, formatDate } from '@/lib/format';
import { isLanguage } from '@/config/languages';
import { currentLanguage } from '@/lib/i18n';
import { useOrganisation } from '../api/get-organisation';

const KNOWN_ROLES = ['learner', 'expert', 'coordinator', 'admin'] as const;
type KnownRole = (typeof KNOWN_ROLES)[number];
const isKnownRole = (role: string): role is KnownRole => KNOWN_ROLES.includes(role as KnownRole);

export function ProfileDetails({ user }: { user: User }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const organisation = useOrganisation(user.organisation_id);
  const none = t('account.none');
  const roles = user.roles.map((r) => (isKnownRole(r) ? t(`roles.${r}`) : r));

  const rows: [string, string][] = [
    [t('fields.fullName'), user.full_name],
    [t('fields.email'), user.email],
    [t('fields.country'), countryName(user.country, language)],
    [t('fields.positionShort'), user.position || none],
    [t('fields.organisationShort'), organisation.data?.name ?? none],
    [
      t('fields.preferredLanguage'),
      isLanguage(user.preferred_language)
        ? t(`languages.${user.preferred_language}`)
        : user.preferred_language,
    ],
    [t('account.roles'), roles.join(', ') || none],
    [t('account.createdAt'), formatDate(user.created_at, language)],
  ];

  return (
    <dl className="details">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
