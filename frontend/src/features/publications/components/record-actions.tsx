import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordAction, RecordDetail } from '@/api/models';
import { Button } from '@/components/ui/button';
import { Field, FormAlert, StatusMessage } from '@/components/ui/form';
import { formErrors } from '@/lib/form-errors';
import { useTransitionRecord } from '../api/transition-record';
import '@/locales/staff';

/** Publish a draft; withdraw a published record, with the reason the public will read. */
export function RecordActions({ record }: { record: RecordDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const transition = useTransitionRecord(record.id);
  const [withdrawing, setWithdrawing] = useState(false);
  const [done, setDone] = useState<RecordAction | null>(null);
  const errors = formErrors(transition.error, t, { fields: ['reason'] });
  const actions = record.allowed_actions ?? [];

  function run(action: RecordAction, reason?: string) {
    setDone(null);
    transition.mutate(
      { action, reason },
      {
        onSuccess: () => {
          setDone(action);
          setWithdrawing(false);
        },
      },
    );
  }

  function handleWithdraw(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    run('withdraw', String(new FormData(event.currentTarget).get('reason') ?? '').trim());
  }

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('staff.library.lifecycle')}</h2>
      <p>
        {t('staff.currentStatus')} <strong>{t(`library.status.${record.status}`)}</strong>
      </p>
      {record.status === 'withdrawn' && record.withdrawn_reason && (
        <p>{t('library.withdrawn.reason', { reason: record.withdrawn_reason })}</p>
      )}
      <StatusMessage>{done ? t(`staff.library.done.${done}`) : null}</StatusMessage>
      <FormAlert messages={errors.general} />
      {actions.includes('publish') && (
        <p>
          <Button
            busy={transition.isPending}
            busyLabel={t('staff.working')}
            onClick={() => run('publish')}
          >
            {t('staff.library.publish')}
          </Button>
        </p>
      )}
      {actions.includes('withdraw') && !withdrawing && (
        <p>
          <Button variant="secondary" onClick={() => setWithdrawing(true)}>
            {t('staff.library.withdraw')}
          </Button>
        </p>
      )}
      {withdrawing && (
        <form className="form" onSubmit={handleWithdraw}>
          <Field
            name="reason"
            label={t('staff.library.withdrawReason')}
            hint={t('staff.library.withdrawHint')}
            error={errors.fields.reason}
          >
            {(props) => <textarea {...props} rows={3} required maxLength={2000} />}
          </Field>
          <p className="actions">
            <Button type="submit" busy={transition.isPending} busyLabel={t('staff.working')}>
              {t('staff.library.confirmWithdraw')}
            </Button>
            <Button variant="secondary" onClick={() => setWithdrawing(false)}>
              {t('staff.cancel')}
            </Button>
          </p>
        </form>
      )}
    </section>
  );
}
