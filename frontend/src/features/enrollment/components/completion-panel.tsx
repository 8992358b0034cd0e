import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EnrollmentSession, RosterEntry } from '@/api/models';
import { Button } from '@/components/ui/button';
import { FormAlert, StatusMessage } from '@/components/ui/form';
import { links } from '@/config/paths';
import { formErrors } from '@/lib/form-errors';
import { useApplyCompletionRule } from '../api/completion';
import { useTransitionApplication } from '../api/transition-application';

/**
 * Staff: the end of the session. With an attendance rule, one button completes everyone who meets
 * it (each gets a certificate); otherwise, and for anyone the rule does not settle, the roster's
 * row actions (completed, absent).
 */
export function CompletionPanel({ session }: { session: EnrollmentSession }) {
  const { t } = useTranslation();
  const apply = useApplyCompletionRule(session.id);
  const errors = formErrors(apply.error, t, { fields: [] });
  const byAttendance = session.completion_rule === 'attendance';
  const result = apply.data;
  return (
    <section className="card" aria-labelledby="completion-title">
      <h2 id="completion-title">{t('enrol.completion.title')}</h2>
      <p>
        {byAttendance
          ? t('enrol.completion.ruleAttendance', { threshold: session.completion_threshold })
          : t('enrol.completion.ruleManual')}
      </p>
      {byAttendance && (
        <>
          <FormAlert messages={errors.general} />
          <StatusMessage>
            {result
              ? [
                  t('enrol.completion.completed', { count: result.completed.length }),
                  result.not_meeting_rule.length > 0
                    ? t('enrol.completion.short', { count: result.not_meeting_rule.length })
                    : '',
                ]
                  .filter(Boolean)
                  .join(' ')
              : null}
          </StatusMessage>
          <p className="actions">
            <Button busy={apply.isPending} busyLabel={t('enrol.completion.applying')} onClick={() => apply.mutate()}>
              {t('enrol.completion.apply')}
            </Button>
          </p>
        </>
      )}
    </section>
  );
}

/** A participant's certificate on the roster: its code, leading to the public verification page. */
export function CertificateCell({ entry }: { entry: RosterEntry }) {
  const { t } = useTranslation();
  if (!entry.certificate_code) return null;
  return (
    <Link
      to={links.certificate(entry.certificate_code)}
      aria-label={t('enrol.roster.certificateOf', { name: nameOf(entry), code: entry.certificate_code })}
    >
      <code>{entry.certificate_code}</code>
    </Link>
  );
}

export const nameOf = (entry: RosterEntry) => entry.full_name ?? entry.email ?? entry.learner_id;

const ROW_ACTIONS = ['complete', 'no_show'] as const;

/** Staff, one participant holding a confirmed seat: completed (certificate issued) or absent. */
export function RowActions({ entry }: { entry: RosterEntry }) {
  const { t } = useTranslation();
  const transition = useTransitionApplication(entry.application_id);
  const errors = formErrors(transition.error, t, { fields: [] });
  if (entry.status !== 'confirmed') return null;
  const name = nameOf(entry);
  return (
    <>
      {ROW_ACTIONS.map((action) => (
        <Button
          key={action}
          variant="link"
          busy={transition.isPending}
          onClick={() => transition.mutate({ action })}
          aria-label={t(`enrol.roster.${action}Of`, { name })}
        >
          {t(`enrol.roster.${action}`)}
        </Button>
      ))}
      {errors.general.length > 0 && (
        <p role="alert" className="field-error">
          {errors.general.join(' ')}
        </p>
      )}
    </>
  );
}
