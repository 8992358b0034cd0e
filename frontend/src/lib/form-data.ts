// Reading forms into API bodies.

export function text(data: FormData, name: string): string {
  return String(data.get(name) ?? '').trim();
}

/** An optional text: null when left empty (the API clears the value). */
export function optional(data: FormData, name: string): string | null {
  return text(data, name) || null;
}

/** A list written one item a line. */
export function lines(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A list written with commas (keywords). */
export function commaList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

export function integer(value: string): number | null {
  if (!value) return null;
  const number = Number(value);
  return Number.isFinite(number) ? Math.trunc(number) : null;
}

/** Every checked value of the checkboxes (or options of a multiple select) named `name`. */
export function checked(data: FormData, name: string): string[] {
  return data.getAll(name).map(String).filter(Boolean);
}
