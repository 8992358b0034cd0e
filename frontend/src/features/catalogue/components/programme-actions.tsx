import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeAction, ProgrammeDetail } from '@/api/models';
import { Button } from '@/components/ui/button';
import { FormAlert, StatusMessage } from '@/components/ui/form';
import { formErrors } from '@/lib/form-errors';
import { useTransitionProgramme } from '../api/transition-programme';
import '@/locales/manage';

/** Publish or archive, as the API allows now. */
export function ProgrammeActions({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const transition = useTransitionProgramme(programme.id);
  const [done, setDone] = useState<ProgrammeAction | null>(null);
  const errors = formErrors(transition.error, t, { fields: [] });
  const actions = programme.allowed_actions ?? [];

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('manage.lifecycle')}</h2>
      <p>
        {t('manage.currentStatus')} <strong>{t(`programmeStatus.${programme.status}`)}</strong>
      </p>
      <StatusMessage>{done ? t(`manage.programmeDone.${done}`) : null}</StatusMessage>
      <FormAlert messages={errors.general} />
      {actions.length === 0 && <p>{t('manage.noActions')}</p>}
      <p className="actions">
        {actions.map((action) => (
          <Button
            key={action}
            variant={action === 'publish' ? 'primary' : 'secondary'}
            busy={transition.isPending && transition.variables === action}
            busyLabel={t('manage.working')}
            onClick={() => {
              setDone(null);
              transition.mutate(action, { onSuccess: () => setDone(action) });
            }}
          >
            {t(`manage.programmeAction.${action}`)}
          </Button>
        ))}
      </p>
    </section>
  );
}
