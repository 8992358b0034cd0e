// Reading the coordinators' forms into API bodies. Translatable texts are edited in French and
// English; other stored variants (Arabic, Portuguese) are kept as they are when a text is saved.

export const EDITED_LANGUAGES = ['fr', 'en'] as const;
export type EditedLanguage = (typeof EDITED_LANGUAGES)[number];

type Variants = Record<string, unknown>;

/** The field names a translatable text takes in a form and in the API's field errors. */
export function textFields(name: string): string[] {
  return [name, ...EDITED_LANGUAGES.map((lang) => `${name}.${lang}`)];
}

export function text(data: FormData, name: string): string {
  return String(data.get(name) ?? '').trim();
}

/** A list written one item a line. */
export function lines(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * `{fr, en, …kept}` from the form's `<name>.fr` and `<name>.en` inputs, or null when every
 * variant is empty. `list`: one item a line (objectives).
 */
export function variants<T extends string | string[]>(
  data: FormData,
  name: string,
  stored: Variants | null | undefined,
  list = false,
): Record<string, T> | null {
  const result: Record<string, unknown> = {};
  for (const [lang, value] of Object.entries(stored ?? {})) {
    if (!(EDITED_LANGUAGES as readonly string[]).includes(lang) && value) result[lang] = value;
  }
  for (const lang of EDITED_LANGUAGES) {
    const value = text(data, `${name}.${lang}`);
    if (list ? lines(value).length : value) result[lang] = list ? lines(value) : value;
  }
  return Object.keys(result).length ? (result as Record<string, T>) : null;
}

/** A stored variant as a form's default value (a list as one item a line). */
export function variantValue(stored: Variants | null | undefined, lang: string): string {
  const value = stored?.[lang];
  if (Array.isArray(value)) return value.join('\n');
  return typeof value === 'string' ? value : '';
}

/** `2027-01-18T09:00:00+01:00` → `2027-01-18T09:00`: the local time at the venue, as typed. */
export function localInputValue(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 16) : '';
}

export function integer(value: string): number | null {
  if (!value) return null;
  const number = Number(value);
  return Number.isFinite(number) ? Math.trunc(number) : null;
}
