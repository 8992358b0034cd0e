import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form';
import { formErrors } from '@/lib/form-errors';
import { useResolveDuplicate } from '../api/resolve-duplicate';
import '@/locales/staff';

interface Party {
  id: string;
  name: string;
}

interface DuplicateActionsProps {
  candidateId: string;
  /** The two profiles of the pair. */
  parties: [Party, Party];
  onDone: (message: string) => void;
}

/** Merge one profile of a pair into the other (the remaining one keeps its values), or keep both. */
export function DuplicateActions({ candidateId, parties, onDone }: DuplicateActionsProps) {
  const { t } = useTranslation();
  const resolve = useResolveDuplicate(candidateId, {
    onSuccess: (_, body) => {
      const into = parties.find((party) => party.id === body.into);
      onDone(
        body.action === 'merge' && into
          ? t('staff.experts.merged', { name: into.name })
          : t('staff.experts.keptBoth'),
      );
    },
  });
  const errors = formErrors(resolve.error, t, { fields: [] });
  const busy = (key: string) =>
    resolve.isPending &&
    (resolve.variables?.action === 'keep_both'
      ? key === 'keep_both'
      : key === resolve.variables?.into);
  return (
    <>
      <FormAlert messages={errors.general} />
      <p className="actions">
        {parties.map((party) => (
          <Button
            key={party.id}
            variant="secondary"
            busy={busy(party.id)}
            busyLabel={t('staff.working')}
            disabled={resolve.isPending}
            onClick={() => resolve.mutate({ action: 'merge', into: party.id })}
          >
            {t('staff.experts.mergeInto', { name: party.name })}
          </Button>
        ))}
        <Button
          variant="secondary"
          busy={busy('keep_both')}
          busyLabel={t('staff.working')}
          disabled={resolve.isPending}
          onClick={() => resolve.mutate({ action: 'keep_both' })}
        >
          {t('staff.experts.keepBoth')}
        </Button>
      </p>
    </>
  );
}
