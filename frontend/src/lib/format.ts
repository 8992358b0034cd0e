// Country and date names come from the browser's own locale data: no request, no bundle weight.

export function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A day, in the reader's language; in `timeZone` when given (the day it is at the venue). */
export function formatDate(iso: string, language: string, timeZone?: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : formatter(language, { dateStyle: 'long' }, timeZone).format(date);
}

export function languageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function validDate(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

// Time zones come from the API; an unknown one must not break the page, only lose the zone.
function formatter(language: string, options: Intl.DateTimeFormatOptions, timeZone?: string) {
  try {
    return new Intl.DateTimeFormat(language, { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat(language, options);
  }
}

/**
 * A date and time as the people in `timeZone` read it (a session in Dakar is shown at Dakar's
 * hours, wherever the reader is), in the reader's language.
 */
export function formatDateTime(iso: string, language: string, timeZone?: string): string {
  const date = validDate(iso);
  return date
    ? formatter(language, { dateStyle: 'long', timeStyle: 'short' }, timeZone).format(date)
    : iso;
}

/**
 * From–to in the reader's language and the time zone of the place: shortened where both ends
 * share a month or year ("14–18 janv. 2027"), with the hours and the zone when both fall on the
 * same day (a webinar), since then the hours are what the reader needs.
 */
export function formatDateRange(
  startIso: string,
  endIso: string,
  language: string,
  timeZone?: string,
): string {
  const start = validDate(startIso);
  const end = validDate(endIso);
  if (!start || !end) return `${startIso} – ${endIso}`;
  const day = formatter(language, { year: 'numeric', month: 'short', day: 'numeric' }, timeZone);
  const oneDay = day.format(start) === day.format(end);
  const format = oneDay
    ? formatter(
        language,
        {
          year: 'numeric',
          month: 'short',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          timeZoneName: 'short',
        },
        timeZone,
      )
    : day;
  return end <= start ? format.format(start) : format.formatRange(start, end);
}

export function formatMoney(amount: number, currency: string, language: string): string {
  try {
    return new Intl.NumberFormat(language, {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** Today in the reader's own calendar, as `YYYY-MM-DD` (the API's `from` takes a date). */
export function todayIso(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}
