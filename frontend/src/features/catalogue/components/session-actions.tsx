import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionAction, SessionDetail } from '@/api/models';
import { Button } from '@/components/ui/button';
import { Field, FormAlert, StatusMessage } from '@/components/ui/form';
import { formErrors } from '@/lib/form-errors';
import { useTransitionSession } from '../api/transition-session';
import '@/locales/manage';

/** The lifecycle moves the API allows now; cancelling asks for the reason shown to the public. */
export function SessionActions({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const transition = useTransitionSession(session.id);
  const [cancelling, setCancelling] = useState(false);
  const [done, setDone] = useState<SessionAction | null>(null);
  const errors = formErrors(transition.error, t, { fields: ['reason'] });
  const actions = session.allowed_actions ?? [];

  function run(action: SessionAction, reason?: string) {
    setDone(null);
    transition.mutate(
      { action, reason },
      {
        onSuccess: () => {
          setDone(action);
          setCancelling(false);
        },
      },
    );
  }

  function handleCancel(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    run('cancel', String(new FormData(event.currentTarget).get('reason') ?? '').trim());
  }

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('manage.lifecycle')}</h2>
      <p>
        {t('manage.currentStatus')} <strong>{t(`sessionStatus.${session.status}`)}</strong>
      </p>
      <StatusMessage>{done ? t(`manage.sessionDone.${done}`) : null}</StatusMessage>
      <FormAlert messages={errors.general} />
      {actions.length === 0 && <p>{t('manage.noActions')}</p>}
      <p className="actions">
        {actions
          .filter((action) => action !== 'cancel')
          .map((action) => (
            <Button
              key={action}
              variant={
                action === 'publish' || action === 'open_applications' ? 'primary' : 'secondary'
              }
              busy={transition.isPending && transition.variables?.action === action}
              busyLabel={t('manage.working')}
              onClick={() => run(action)}
            >
              {t(`manage.sessionAction.${action}`)}
            </Button>
          ))}
        {actions.includes('cancel') && !cancelling && (
          <Button variant="secondary" onClick={() => setCancelling(true)}>
            {t('manage.sessionAction.cancel')}
          </Button>
        )}
      </p>
      {cancelling && (
        <form className="form" onSubmit={handleCancel}>
          <Field
            name="reason"
            label={t('manage.cancelReason')}
            hint={t('manage.cancelReasonHint')}
            error={errors.fields.reason}
          >
            {(props) => <textarea {...props} rows={3} required maxLength={2000} />}
          </Field>
          <p className="actions">
            <Button type="submit" busy={transition.isPending} busyLabel={t('manage.working')}>
              {t('manage.confirmCancel')}
            </Button>
            <Button variant="secondary" onClick={() => setCancelling(false)}>
              {t('manage.keepSession')}
            </Button>
          </p>
        </form>
      )}
    </section>
  );
}
