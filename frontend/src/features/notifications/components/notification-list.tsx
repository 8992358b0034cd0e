import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AppNotification } from '@/api/models';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form';
import { Loading } from '@/components/ui/loading';
import { formErrors } from '@/lib/form-errors';
import { formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { PAGE_SIZE, useNotifications } from '../api/get-notifications';
import { useMarkAllRead, useMarkRead } from '../api/mark-read';

export function NotificationList() {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const notifications = useNotifications(offset);
  const markAll = useMarkAllRead();
  const markOne = useMarkRead();
  const errors = formErrors(markAll.error ?? markOne.error, t, { fields: [] });
  if (notifications.isPending) return <Loading />;
  if (notifications.isError) return <p role="alert">{t('errors.network')}</p>;
  const { items, total, unread } = notifications.data;
  return (
    <>
      <FormAlert messages={errors.general} />
      <p>
        {t('notifications.unreadSummary', { count: unread })}{' '}
        {unread > 0 && (
          <Button
            variant="secondary"
            busy={markAll.isPending}
            busyLabel={t('notifications.marking')}
            onClick={() => markAll.mutate()}
          >
            {t('notifications.markAllRead')}
          </Button>
        )}
      </p>
      {items.length === 0 ? (
        <p>{t('notifications.empty')}</p>
      ) : (
        <ul className="plain">
          {items.map((notification) => (
            <NotificationItem
              key={notification.id}
              notification={notification}
              onRead={() => markOne.mutate(notification.id)}
              busy={markOne.isPending && markOne.variables === notification.id}
            />
          ))}
        </ul>
      )}
      {total > PAGE_SIZE && (
        <p className="pagination">
          <Button variant="secondary" disabled={offset === 0} onClick={() => setOffset(offset - PAGE_SIZE)}>
            {t('notifications.newer')}
          </Button>
          <Button
            variant="secondary"
            disabled={offset + PAGE_SIZE >= total}
            onClick={() => setOffset(offset + PAGE_SIZE)}
          >
            {t('notifications.older')}
          </Button>
        </p>
      )}
    </>
  );
}

function NotificationItem({
  notification,
  onRead,
  busy,
}: {
  notification: AppNotification;
  onRead: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const headingId = `notification-${notification.id}`;
  return (
    <li className={notification.read ? 'card' : 'card notification-unread'}>
      <article aria-labelledby={headingId}>
        <h2 id={headingId} className="notification-subject">
          {!notification.read && <span className="badge badge-open">{t('notifications.new')}</span>}{' '}
          {notification.subject}
        </h2>
        <p className="field-hint">
          <time dateTime={notification.created_at}>
            {formatDateTime(notification.created_at, currentLanguage())}
          </time>
        </p>
        {notification.body.split(/\n\s*\n/).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
        <p className="actions">
          {notification.path && notification.path.startsWith('/') && (
            <Link to={notification.path} onClick={() => !notification.read && onRead()}>
              {t('notifications.open')}
            </Link>
          )}
          {!notification.read && (
            <Button variant="link" busy={busy} onClick={onRead}>
              {t('notifications.markRead')}
            </Button>
          )}
        </p>
      </article>
    </li>
  );
}
