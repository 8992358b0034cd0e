import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { LibraryRecord } from '@/api/models';
import { links } from '@/config/paths';
import { authorNames } from '../utils/authors';

/** The first sentences of an abstract, cut at a word. */
function excerpt(text: string, length = 280): string {
  if (text.length <= length) return text;
  return `${text.slice(0, text.lastIndexOf(' ', length))}…`;
}

export function RecordList({ records }: { records: LibraryRecord[] }) {
  const { t } = useTranslation();
  return (
    <ul className="results">
      {records.map((record) => (
        <li key={record.id}>
          <article className="result" aria-labelledby={`record-${record.id}`}>
            <h3 className="result-title" id={`record-${record.id}`}>
              <Link to={links.record(record.id)}>{record.title}</Link>
            </h3>
            <p className="result-kind">
              {[record.type_label, record.year, record.language_label].filter(Boolean).join(' · ')}
            </p>
            {record.authors.length > 0 && <p>{authorNames(record.authors)}</p>}
            {record.abstract && <p className="muted">{excerpt(record.abstract)}</p>}
            {record.themes.length > 0 && (
              <p>
                {t('library.results.themes', {
                  themes: record.themes.map((theme) => theme.label).join(', '),
                })}
              </p>
            )}
          </article>
        </li>
      ))}
    </ul>
  );
}
