// CSV written by hand rather than with a library (papaparse is ~45 kB for what is twenty lines
// here): RFC 4180 quoting, CRLF line ends, and a BOM so that spreadsheet programs read the accents.

export type CsvValue = string | number | null | undefined;

/** Cells starting like a formula ("=", "+", "-", "@", tab, CR) are run by spreadsheet programs:
 * a position or a title typed by someone could then be code. Such text is prefixed with "'"
 * (OWASP's advice); numbers are left as they are. */
const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A `data:` address holding the CSV: a plain link downloads it (no script, no object URL to
 * revoke), and the numbers are small enough for one. */
export function csvHref(rows: readonly (readonly CsvValue[])[]): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${toCsv(rows)}`)}`;
}

/** A file name from a title: letters, digits and dashes. */
export function csvFileName(...parts: (string | null | undefined)[]): string {
  const name = parts
    .filter(Boolean)
    .join('-')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${name || 'figures'}.csv`;
}
