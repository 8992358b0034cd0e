import { useTranslation } from 'react-i18next';
import { NotificationList } from '@/features/notifications/components/notification-list';
import { useDocumentTitle } from '@/lib/use-document-title';

// Rendered inside RequireAuth.
export default function NotificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.title'));
  return (
    <div className="narrow">
      <h1>{t('notifications.title')}</h1>
      <NotificationList />
    </div>
  );
}
