import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { paths } from '@/config/paths';
import { useUnreadCount } from '../api/get-unread-count';

/** The header's link to the notifications, with the number not read yet. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadCount(true).data?.unread ?? 0;
  return (
    <NavLink
      to={paths.notifications}
      className="notification-bell"
      aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
    >
      <span aria-hidden="true">🔔</span> {t('notifications.short')}
      {unread > 0 && (
        <span className="bell-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </NavLink>
  );
}
