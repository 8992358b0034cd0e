import { useTranslation } from 'react-i18next';
import { ProfileDetails } from '@/features/account/components/profile-details';
import { ProfileForm } from '@/features/account/components/profile-form';
import { useUser } from '@/lib/auth';
import { useDocumentTitle } from '@/lib/use-document-title';

// Rendered inside RequireAuth, so the user is known here.
export default function AccountPage() {
  const { t } = useTranslation();
  const user = useUser().data;
  useDocumentTitle(t('account.title'));
  if (!user) return null;
  return (
    <>
      <h1>{t('account.title')}</h1>
      <div className="cards">
        <section className="card" aria-labelledby="account-details">
          <h2 id="account-details">{t('account.details')}</h2>
          <ProfileDetails user={user} />
        </section>
        <section className="card" aria-labelledby="account-edit">
          <h2 id="account-edit">{t('account.edit')}</h2>
          <ProfileForm user={user} />
        </section>
      </div>
    </>
  );
}
