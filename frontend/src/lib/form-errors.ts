import type { TFunction } from 'i18next';
import { ApiError } from './problem';

export interface FormErrors {
  /** Messages to show next to a field, keyed by the field's name in the request body. */
  fields: Record<string, string>;
  /** Messages for the form's alert region: general errors and field errors with no field shown. */
  general: string[];
}

interface Options {
  /** Names of the fields the form shows. */
  fields: readonly string[];
  /** Per-status message overriding the API's detail, e.g. a friendlier 401 on the login form. */
  statusMessages?: Partial<Record<number, string>>;
}

/** Sorts an error from a mutation into what goes next to each field and what goes in the alert. */
export function formErrors(error: unknown, t: TFunction, { fields, statusMessages = {} }: Options): FormErrors {
  const result: FormErrors = { fields: {}, general: [] };
  if (!error) return result;
  if (!(error instanceof ApiError)) {
    // fetch rejects only when no answer came back at all
    result.general.push(t('errors.network'));
    return result;
  }
  const { problem, status } = error;
  for (const e of problem.errors) {
    // Only the first segment names one of our inputs (`password`, not `password.0`).
    const field = e.field.split('.')[0];
    const message = e.code === 'missing' ? t('errors.required') : e.message;
    if (fields.includes(field)) result.fields[field] ??= message;
    else result.general.push(message);
  }
  const override = statusMessages[status];
  if (override) result.general.unshift(override);
  else if (status === 429) result.general.unshift(t('errors.tooManyAttempts'));
  else if (status >= 500) result.general.unshift(t('errors.generic'));
  else if (Object.keys(result.fields).length > 0) result.general.unshift(t('errors.fixFields'));
  else if (result.general.length === 0) result.general.push(problem.detail || t('errors.generic'));
  return result;
}
