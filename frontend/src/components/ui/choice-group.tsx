import { useId, type ReactNode } from 'react';

interface ChoiceGroupProps {
  legend: string;
  hint?: string;
  /** The API's error for the group as a whole (e.g. `themes`). */
  error?: string;
  children: ReactNode;
}

/** Checkboxes or selects that answer one question, with the group's hint and error announced. */
export function ChoiceGroup({ legend, hint, error, children }: ChoiceGroupProps) {
  const id = useId();
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ');
  return (
    <fieldset
      className="choice-group"
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy || undefined}
      // Focusable while at fault, so that a failed submit can take the reader there.
      tabIndex={error ? -1 : undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
