import type { TFunction } from 'i18next';
import { ApiError } from './problem';

export interface FormErrors {
  /** Messages to show next to a field, keyed by the field's name in the request body. */
  fields: Record<string, string>;
  /** Messages for the form's alert region: general errors and field errors with no field shown. */
  general: string[];
}

interface Options {
  /** Names of the fields the form shows; dot paths (`venue.city`, `title.fr`) name nested values. */
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
    const field = shownField(e.field, fields);
    const message = e.code === 'missing' ? t('errors.required') : e.message;
    if (field) result.fields[field] ??= message;
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

/**
 * The longest leading part of an error's dot path that the form shows: `venue.city` goes to a
 * `venue.city` input if there is one, else to `venue`; `password.0` goes to `password`.
 */
function shownField(path: string, fields: readonly string[]): string | undefined {
  const segments = path.split('.');
  for (let n = segments.length; n > 0; n -= 1) {
    const candidate = segments.slice(0, n).join('.');
    if (fields.includes(candidate)) return candidate;
  }
  return undefined;
}
