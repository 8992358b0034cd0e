import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrollmentApplication } from '@/api/models';
import { Button } from '@/components/ui/button';
import { FormAlert, StatusMessage } from '@/components/ui/form';
import { formErrors } from '@/lib/form-errors';
import { formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useNameEndorser } from '../api/name-endorser';
import { ENDORSER_FIELDS, EndorserFields, readEndorser } from './endorser-fields';

/** The endorsement can change until a decision is taken on the application. */
const RENAMABLE: readonly string[] = ['draft', 'submitted'];

/**
 * The learner's endorsement: who was asked and what they answered; while the application waits,
 * a new link to the same or another person (the previous link stops working).
 */
export function EndorserPanel({ application }: { application: EnrollmentApplication }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const endorsement = application.endorsement;
  const rename = useNameEndorser(application.id);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const errors = formErrors(rename.error, t, { fields: ENDORSER_FIELDS });
  if (!endorsement) return null;
  const status = endorsement.status as 'pending' | 'endorsed' | 'declined';

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const endorser = readEndorser(new FormData(event.currentTarget));
    setSentTo(null);
    rename.mutate(endorser, { onSuccess: () => setSentTo(endorser.email) });
  }

  return (
    <div>
      <p>
        {t('enrol.endorser.asked', {
          name: endorsement.endorser_name,
          organisation: endorsement.endorser_organisation ? ` (${endorsement.endorser_organisation})` : '',
        })}{' '}
        <strong>{t(`enrol.endorser.status.${status}`)}</strong>
        {endorsement.decided_at && <> · {formatDateTime(endorsement.decided_at, language)}</>}
      </p>
      {endorsement.comment && <q className="timeline-message">{endorsement.comment}</q>}
      <StatusMessage>{sentTo ? t('enrol.endorser.sent', { email: sentTo }) : null}</StatusMessage>
      {RENAMABLE.includes(application.status) && status !== 'endorsed' && (
        <details>
          <summary>{t('enrol.endorser.again')}</summary>
          <form className="form" onSubmit={handleSubmit} noValidate>
            <FormAlert messages={errors.general} />
            <EndorserFields
              errors={errors.fields}
              defaults={{
                name: endorsement.endorser_name,
                email: endorsement.endorser_email,
                organisation: endorsement.endorser_organisation,
                role: endorsement.endorser_role,
              }}
            />
            <Button type="submit" busy={rename.isPending} busyLabel={t('enrol.endorser.sending')}>
              {t('enrol.endorser.send')}
            </Button>
          </form>
        </details>
      )}
    </div>
  );
}
