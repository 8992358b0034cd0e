// Links to the catalogue's iCalendar files on this site's own origin. The API also answers
// absolute `ical_url`s, but those carry the address the service was configured with, which is
// not always the one the reader came through.
const base = '/api/catalogue';

export const sessionCalendarUrl = (id: string, lang: string) =>
  `${base}/sessions/${encodeURIComponent(id)}/calendar.ics?lang=${lang}`;

export const programmeCalendarUrl = (id: string, lang: string) =>
  `${base}/programmes/${encodeURIComponent(id)}/calendar.ics?lang=${lang}`;
