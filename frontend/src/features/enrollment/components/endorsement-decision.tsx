import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EndorsementDecision as Decision, EndorsementView } from '@/api/models';
import { Button } from '@/components/ui/button';
import { Field, FormAlert, StatusMessage } from '@/components/ui/form';
import { Loading } from '@/components/ui/loading';
import { formErrors } from '@/lib/form-errors';
import { optional } from '@/lib/form-data';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { useDecideEndorsement, useEndorsement } from '../api/endorsement';

/** Why a link cannot be used: forged or mistyped (404), or used, replaced or expired (410). */
function linkProblem(error: unknown): 'invalid' | 'gone' | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 404) return 'invalid';
  if (error.status === 410) return 'gone';
  return null;
}

/**
 * The endorser's page, reached by the single-use signed link they received: the one application
 * they are asked about (nothing else), and their answer. Once answered, the link stops working.
 */
export function EndorsementDecision({ token }: { token: string }) {
  const language = currentLanguage();
  const endorsement = useEndorsement(token, language);
  const decide = useDecideEndorsement(token, language);

  if (decide.isSuccess) return <Decided view={decide.data} />;
  if (endorsement.isPending) return <Loading />;
  if (endorsement.isError) return <LinkUnusable error={endorsement.error} />;
  // Answering may find the link spent meanwhile (a second tab, a second click): same message.
  if (linkProblem(decide.error)) return <LinkUnusable error={decide.error} />;
  return <EndorsementForm view={endorsement.data} decide={decide} />;
}

function LinkUnusable({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const problem = linkProblem(error);
  return (
    <div role="alert" className="alert alert-error">
      <p>
        <strong>
          {problem === 'gone'
            ? t('enrol.endorse.goneTitle')
            : problem === 'invalid'
              ? t('enrol.endorse.invalidTitle')
              : t('errors.network')}
        </strong>
      </p>
      {problem && <p>{problem === 'gone' ? t('enrol.endorse.gone') : t('enrol.endorse.invalid')}</p>}
    </div>
  );
}

function Facts({ view }: { view: EndorsementView }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const rows: [string, string | null][] = [
    [t('enrol.endorse.applicant'), view.applicant_name],
    [t('enrol.endorse.position'), view.applicant_position],
    [t('enrol.endorse.organisation'), view.applicant_organisation],
    [t('enrol.endorse.programme'), view.programme_title],
    [t('enrol.endorse.session'), view.session_title],
    [t('enrol.endorse.starts'), view.session_starts_at ? formatDate(view.session_starts_at, language) : null],
  ];
  return (
    <dl className="facts">
      {rows
        .filter((row): row is [string, string] => !!row[1])
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

function EndorsementForm({
  view,
  decide,
}: {
  view: EndorsementView;
  decide: ReturnType<typeof useDecideEndorsement>;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<Decision['decision'] | null>(null);
  const errors = formErrors(decide.error, t, { fields: ['decision', 'comment'] });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!choice) return;
    const data = new FormData(event.currentTarget);
    decide.mutate({ decision: choice, comment: optional(data, 'comment') });
  }

  return (
    <>
      <p>{t('enrol.endorse.greeting', { name: view.endorser_name })}</p>
      <p>{t('enrol.endorse.intro', { applicant: view.applicant_name ?? t('enrol.endorse.someone') })}</p>
      <section className="card" aria-labelledby="endorsed-application">
        <h2 id="endorsed-application">{t('enrol.endorse.application')}</h2>
        <Facts view={view} />
        <h3>{t('enrol.endorse.motivation')}</h3>
        <p className="prose">{view.motivation}</p>
      </section>
      <form className="form" onSubmit={handleSubmit} aria-labelledby="endorse-answer">
        <h2 id="endorse-answer">{t('enrol.endorse.answer')}</h2>
        <FormAlert messages={errors.general} />
        <fieldset className="choice-group">
          <legend>{t('enrol.endorse.decision')}</legend>
          {(['endorse', 'decline'] as const).map((value) => (
            <label key={value} className="facet-option">
              <input
                type="radio"
                name="decision"
                value={value}
                required
                checked={choice === value}
                onChange={() => setChoice(value)}
              />{' '}
              {t(`enrol.endorse.choice.${value}`)}
            </label>
          ))}
        </fieldset>
        <Field
          name="comment"
          label={t('enrol.endorse.comment')}
          hint={t('enrol.endorse.commentHint')}
          error={errors.fields.comment}
        >
          {(props) => <textarea {...props} rows={3} maxLength={2000} />}
        </Field>
        <p className="field-hint">{t('enrol.endorse.once')}</p>
        <Button type="submit" busy={decide.isPending} busyLabel={t('enrol.endorse.sending')}>
          {t('enrol.endorse.send')}
        </Button>
      </form>
    </>
  );
}

function Decided({ view }: { view: EndorsementView }) {
  const { t } = useTranslation();
  const endorsed = view.status === 'endorsed';
  return (
    <>
      <StatusMessage>
        <p>
          {endorsed
            ? t('enrol.endorse.doneEndorsed', { applicant: view.applicant_name ?? t('enrol.endorse.someone') })
            : t('enrol.endorse.doneDeclined', { applicant: view.applicant_name ?? t('enrol.endorse.someone') })}
        </p>
        <p>{t('enrol.endorse.doneOnce')}</p>
      </StatusMessage>
      <Facts view={view} />
    </>
  );
}
