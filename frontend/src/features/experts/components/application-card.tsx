import { useId, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpertProfile, ExpertTransition } from '@/api/models';
import { Button } from '@/components/ui/button';
import { Field, FormAlert } from '@/components/ui/form';
import { formErrors } from '@/lib/form-errors';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useTransitionProfile } from '../api/transition-profile';
import { DuplicateActions } from './duplicate-actions';
import { displayName } from './expert-list';
import '@/locales/staff';

type Action = ExpertTransition['action'];

/** One profile of the vetting queue: what the applicant said, possible duplicates, the decision. */
export function ApplicationCard({
  profile,
  onDone,
}: {
  profile: ExpertProfile;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const name = displayName(profile);
  const transition = useTransitionProfile(profile.id, {
    onSuccess: (_, body) => onDone(t(`staff.experts.done.${body.action}`, { name })),
  });
  const errors = formErrors(transition.error, t, { fields: ['note'] });
  const actions = (profile.allowed_actions ?? []) as Action[];
  const duplicates = (profile.duplicate_candidates ?? []).filter((d) => d.status === 'open');

  function decide(action: Action) {
    const note = String(new FormData(formRef.current ?? undefined).get('note') ?? '').trim();
    transition.mutate({ action, note: note || null });
  }

  // The decision is one of the buttons; the form only groups them with the note.
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => event.preventDefault();

  return (
    <article className="result" aria-labelledby={headingId}>
      <h3 className="result-title" id={headingId}>
        {name}
      </h3>
      <p className="result-kind">
        {[
          [profile.position, profile.organisation].filter(Boolean).join(', '),
          profile.submitted_at &&
            t('staff.experts.submittedAt', { date: formatDate(profile.submitted_at, language) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('experts.fields.country')}</dt>
          <dd>{profile.country_name}</dd>
        </div>
        <div>
          <dt>{t('experts.form.email')}</dt>
          <dd>{profile.email ?? '—'}</dd>
        </div>
        {profile.phone && (
          <div>
            <dt>{t('experts.form.phone')}</dt>
            <dd>{profile.phone}</dd>
          </div>
        )}
        {profile.orcid && (
          <div>
            <dt>ORCID iD</dt>
            <dd>{profile.orcid}</dd>
          </div>
        )}
        <div>
          <dt>{t('experts.fields.themes')}</dt>
          <dd>{profile.themes.map((theme) => theme.name).join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>{t('experts.fields.languages')}</dt>
          <dd>{profile.languages.map((l) => `${l.name} (${l.level_label})`).join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>{t('staff.experts.consent')}</dt>
          <dd>{profile.public_listing_consent ? t('staff.yes') : t('staff.no')}</dd>
        </div>
        <div>
          <dt>{t('staff.experts.statusLabel')}</dt>
          <dd>{t(`experts.status.${profile.status}`)}</dd>
        </div>
      </dl>
      {profile.bio && (
        <details>
          <summary>{t('experts.profile.bio')}</summary>
          <p className="prose">{profile.bio}</p>
        </details>
      )}
      {profile.vetting_note && (
        <p>
          <strong>{t('experts.mine.note')} :</strong> {profile.vetting_note}
        </p>
      )}

      {duplicates.length > 0 && (
        <section className="alert alert-warning" aria-label={t('staff.experts.possibleDuplicates')}>
          <h4>{t('staff.experts.possibleDuplicates')}</h4>
          {duplicates.map((duplicate) => (
            <div key={duplicate.id}>
              <p>
                {t('staff.experts.duplicateOf', {
                  name: duplicate.other_full_name,
                  status: t(`experts.status.${duplicate.other_status}`),
                  reasons: duplicate.reasons
                    .map((r) => t(`staff.experts.reason.${r}`, r))
                    .join(', '),
                })}
              </p>
              <DuplicateActions
                candidateId={duplicate.id}
                parties={[
                  { id: duplicate.other_profile_id, name: duplicate.other_full_name },
                  { id: profile.id, name: profile.full_name },
                ]}
                onDone={onDone}
              />
            </div>
          ))}
        </section>
      )}

      {actions.length > 0 && (
        <form
          ref={formRef}
          className="form"
          onSubmit={handleSubmit}
          aria-label={t('staff.experts.decision', { name })}
        >
          <FormAlert messages={errors.general} />
          <Field
            name="note"
            label={t('staff.experts.note')}
            hint={t('staff.experts.noteHint')}
            error={errors.fields.note}
          >
            {(props) => <textarea {...props} rows={2} maxLength={2000} />}
          </Field>
          <p className="actions">
            {actions.map((action) => (
              <Button
                key={action}
                onClick={() => decide(action)}
                variant={action === 'verify' ? 'primary' : 'secondary'}
                busy={transition.isPending && transition.variables?.action === action}
                busyLabel={t('staff.working')}
                disabled={transition.isPending}
              >
                {t(`staff.experts.action.${action}`)}
              </Button>
            ))}
          </p>
        </form>
      )}
    </article>
  );
}
