import type { TFunction } from 'i18next';
import type { Session } from '@/api/models';
import { isLanguage } from '@/config/languages';
import { countryName, formatDate, languageName } from '@/lib/format';

/** A teaching language by name, in the reader's language ("anglais", "English"). */
export function teachingLanguage(code: string, language: string, t: TFunction): string {
  return isLanguage(code) ? t(`languages.${code}`) : languageName(code, language);
}

/** "Dakar, Sénégal", "En ligne", or both for a hybrid session. */
export function sessionPlace(session: Session, language: string, t: TFunction): string {
  const venue = session.venue;
  const country = venue?.country
    ? (venue.country_name ?? countryName(venue.country, language))
    : null;
  const place = [venue?.city, country].filter(Boolean).join(', ');
  if (session.online) return place ? t('session.placeAndOnline', { place }) : t('session.online');
  return place || t('session.placeUnknown');
}

/** Where applications stand: open until when, opening when, or the session's status. */
export function applicationsText(
  session: Session,
  language: string,
  t: TFunction,
  now: Date = new Date(),
): string {
  const day = (iso: string) => formatDate(iso, language, session.timezone);
  if (session.applications_open) {
    return session.applications_close_at
      ? t('session.applyUntil', { date: day(session.applications_close_at) })
      : t('session.applyOpen');
  }
  const opens = session.applications_open_at;
  if (
    (session.status === 'published' || session.status === 'applications_open') &&
    opens &&
    new Date(opens) > now
  ) {
    return t('session.applyFrom', { date: day(opens) });
  }
  return t(`sessionStatus.${session.status}`);
}
