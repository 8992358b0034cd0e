import type { ExpertApplication, ExpertProfile, LanguageLevel } from '@/api/models';
import { checked, commaList, integer, lines, optional, text } from '@/lib/form-data';
import { AVAILABILITIES, isOneOf, LANGUAGE_LEVELS, OFFERED_LANGUAGES } from './vocabulary';

/** The request-body names the form shows, so that the API's field errors land next to them. */
export const PROFILE_FIELDS = [
  'full_name',
  'title',
  'position',
  'organisation',
  'country',
  'work_countries',
  'languages',
  'themes',
  'keywords',
  'bio',
  'bio.fr',
  'bio.en',
  'orcid',
  'links',
  'years_of_experience',
  'availability',
  'available_from',
  'available_until',
  'email',
  'phone',
  'public_listing_consent',
] as const;

/** The bio languages the form edits; other stored variants (Arabic, Portuguese) are kept. */
export const BIO_LANGUAGES = ['fr', 'en'] as const;

/** The languages offered in the form: the usual ones, then any other the expert declared. */
export function languageRows(profile?: ExpertProfile): string[] {
  const declared = profile?.languages.map((l) => l.tag) ?? [];
  return [...new Set<string>([...OFFERED_LANGUAGES, ...declared])];
}

export function levelOf(profile: ExpertProfile | undefined, tag: string): LanguageLevel | '' {
  return profile?.languages.find((l) => l.tag === tag)?.level ?? '';
}

/** A link as one line of the form: its address, then its label if it has one. */
export function linkLine(link: { url: string; label?: string | null }): string {
  return link.label ? `${link.url} ${link.label}` : link.url;
}

function link(line: string) {
  const [url, ...label] = line.split(/\s+/);
  return { url, label: label.join(' ') || null };
}

export function readProfileForm(
  form: HTMLFormElement,
  rows: string[],
  stored?: ExpertProfile,
): ExpertApplication {
  const data = new FormData(form);
  const availability = text(data, 'availability');
  const bio: Record<string, string> = { ...stored?.bio_translations };
  for (const lang of BIO_LANGUAGES) {
    const value = text(data, `bio.${lang}`);
    if (value) bio[lang] = value;
    else delete bio[lang];
  }
  return {
    full_name: text(data, 'full_name'),
    title: optional(data, 'title'),
    position: optional(data, 'position'),
    organisation: optional(data, 'organisation'),
    country: text(data, 'country'),
    work_countries: checked(data, 'work_countries'),
    languages: rows.flatMap((tag) => {
      const level = text(data, `level.${tag}`);
      return isOneOf(LANGUAGE_LEVELS, level) ? [{ tag, level }] : [];
    }),
    themes: checked(data, 'themes'),
    keywords: commaList(text(data, 'keywords')),
    bio: Object.keys(bio).length ? bio : null,
    orcid: optional(data, 'orcid'),
    links: lines(text(data, 'links')).map(link),
    years_of_experience: integer(text(data, 'years_of_experience')),
    availability: isOneOf(AVAILABILITIES, availability) ? availability : 'available',
    available_from: optional(data, 'available_from'),
    available_until: optional(data, 'available_until'),
    email: optional(data, 'email'),
    phone: optional(data, 'phone'),
    public_listing_consent: data.get('public_listing_consent') === 'on',
  };
}
