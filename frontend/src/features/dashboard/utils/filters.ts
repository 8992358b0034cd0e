// The dashboard's filters live in the address (shareable, kept on reload, back button works) and
// go to the gateway as they are: from, to (days, inclusive), programme, theme, country, language,
// and partner (an organisation id: only that partner institution's activities).

export const FILTER_NAMES = ['from', 'to', 'programme', 'theme', 'country', 'language', 'partner'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type Filters = Partial<Record<FilterName, string>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const COUNTRY = /^[A-Za-z]{2}$/;
const ID = /^[0-9a-fA-F-]{36}$/;

function valid(name: FilterName, value: string): boolean {
  if (name === 'from' || name === 'to') return DAY.test(value);
  if (name === 'country') return COUNTRY.test(value);
  if (name === 'partner') return ID.test(value);
  return value.length > 0 && value.length <= 60;
}

/** The filters in an address's query; values the services would refuse are left out. */
export function readFilters(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (value && valid(name, value)) filters[name] = name === 'country' ? value.toUpperCase() : value;
  }
  return filters;
}

/** The query of an address (and of the gateway's call) for these filters, in a stable order. */
export function filtersToParams(filters: Filters, extra: Record<string, string | undefined> = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) if (value) params.set(name, value);
  return params;
}

/** The filters a form holds (empty fields are no filter). */
export function filtersFromForm(form: HTMLFormElement): Filters {
  const data = new FormData(form);
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) params.set(name, String(data.get(name) ?? ''));
  return readFilters(params);
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Periods donors ask for: the last quarter that ended, this year so far, last year. */
export function periodPresets(today: Date = new Date()): { id: 'lastQuarter' | 'thisYear' | 'lastYear'; from: string; to: string }[] {
  const year = today.getUTCFullYear();
  const quarter = Math.floor(today.getUTCMonth() / 3); // 0..3, the current one
  const lastQuarterStart = new Date(Date.UTC(year, (quarter - 1) * 3, 1));
  const lastQuarterEnd = new Date(Date.UTC(year, quarter * 3, 0));
  return [
    { id: 'lastQuarter', from: iso(lastQuarterStart), to: iso(lastQuarterEnd) },
    { id: 'thisYear', from: `${year}-01-01`, to: iso(today) },
    { id: 'lastYear', from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
  ];
}

/** A month series from the services' `YYYY-MM` rows, with the months between them that have no
 * row (a count of zero: rows of zero are not listed) put back, so a line does not skip them. */
export function monthSeries<R extends { key: string | null; count: { value: number | null } }>(
  rows: readonly R[],
  zero: (key: string) => R,
): R[] {
  const byKey = new Map(rows.filter((r) => r.key && /^\d{4}-\d{2}$/.test(r.key)).map((r) => [r.key as string, r]));
  const keys = [...byKey.keys()].sort();
  if (keys.length === 0) return [];
  const [first, last] = [keys[0], keys[keys.length - 1]];
  const series: R[] = [];
  let [y, m] = first.split('-').map(Number);
  for (let key = first; key <= last; ) {
    series.push(byKey.get(key) ?? zero(key));
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
    key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
  }
  return series;
}
