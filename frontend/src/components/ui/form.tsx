import { useEffect, useId, type ReactNode, type RefObject } from 'react';

export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

interface FieldProps {
  /** The request-body name of the value, also the key of its API field errors. */
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control whose hint and error are announced with it (aria-describedby). */
export function Field({ name, label, hint, error, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error && errorId, hint && hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        name,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The form's alert region. It stays in the page even when empty: screen readers announce
 * changes to a live region that already exists more reliably than a freshly inserted one.
 */
export function FormAlert({ messages }: { messages: string[] }) {
  return (
    <div role="alert" className={messages.length ? 'alert alert-error' : undefined}>
      {messages.length === 1 && <p>{messages[0]}</p>}
      {messages.length > 1 && (
        <ul>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function StatusMessage({ children }: { children?: ReactNode }) {
  return (
    <div role="status" className={children ? 'alert alert-success' : undefined}>
      {children}
    </div>
  );
}

/** After a failed submit, puts keyboard focus on the first field at fault. */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, error: unknown) {
  useEffect(() => {
    if (!error) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, error]);
}
