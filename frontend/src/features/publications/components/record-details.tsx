import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RecordDetail } from '@/api/models';
import { JsonLd } from '@/components/seo/json-ld';
import { links } from '@/config/paths';
import { isStaff, useUser } from '@/lib/auth';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { authorName } from '../utils/authors';
import { filePath, fileSize } from '../utils/files';
import { CitationBox } from './citation-box';

function Authors({ record }: { record: RecordDetail }) {
  return (
    <ul className="plain">
      {record.authors.map((author, index) => (
        <li key={`${author.name}-${index}`}>
          {author.expert_id ? (
            <Link to={links.expert(author.expert_id)}>{authorName(author)}</Link>
          ) : (
            authorName(author)
          )}
          {author.orcid_url && (
            <>
              {' '}
              <a
                href={author.orcid_url}
                rel="noopener noreferrer"
                aria-label={`ORCID iD ${author.orcid}`}
              >
                ORCID
              </a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function RecordDetails({ record }: { record: RecordDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const staff = isStaff(useUser().data);
  const files = record.files.filter((file) => !file.removed);
  return (
    <article>
      <JsonLd data={record.json_ld} />
      <p className="eyebrow">{[record.type_label, record.year].filter(Boolean).join(' · ')}</p>
      <h1>{record.title}</h1>
      {staff && (
        <p>
          <Link to={links.manageRecord(record.id)}>{t('library.record.manage')}</Link>
        </p>
      )}
      <div className="columns">
        <div>
          {record.authors.length > 0 && (
            <section aria-labelledby="record-authors">
              <h2 id="record-authors">{t('library.record.authors')}</h2>
              <Authors record={record} />
            </section>
          )}
          {record.abstract && (
            <section aria-labelledby="record-abstract">
              <h2 id="record-abstract">{t('library.record.abstract')}</h2>
              <p className="prose" lang={record.lang}>
                {record.abstract}
              </p>
            </section>
          )}
          <section aria-labelledby="record-files">
            <h2 id="record-files">{t('library.record.files')}</h2>
            {files.length === 0 ? (
              <p className="muted">{t('library.record.noFiles')}</p>
            ) : (
              <ul className="plain">
                {files.map((file) => (
                  <li key={file.id}>
                    <a href={filePath(record.id, file)} download={file.filename}>
                      {t('library.record.download', { name: file.label || file.filename })}
                    </a>{' '}
                    <span className="muted">
                      ({file.filename}, {fileSize(file.size_bytes, language)})
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {record.url && (
              <p>
                <a href={record.url} rel="noopener noreferrer">
                  {t('library.record.online')}
                </a>
              </p>
            )}
          </section>
          <CitationBox recordId={record.id} />
        </div>
        <aside aria-labelledby="record-facts" className="card">
          <h2 id="record-facts">{t('library.record.facts')}</h2>
          <dl className="details">
            <div>
              <dt>{t('library.fields.type')}</dt>
              <dd>{record.type_label}</dd>
            </div>
            {record.published_on && (
              <div>
                <dt>{t('library.fields.publishedOn')}</dt>
                <dd>{formatDate(record.published_on, language)}</dd>
              </div>
            )}
            {record.publisher && (
              <div>
                <dt>{t('library.fields.publisher')}</dt>
                <dd>{[record.publisher, record.place].filter(Boolean).join(', ')}</dd>
              </div>
            )}
            {record.series && (
              <div>
                <dt>{t('library.fields.series')}</dt>
                <dd>{record.series}</dd>
              </div>
            )}
            <div>
              <dt>{t('library.fields.language')}</dt>
              <dd>{record.language_label}</dd>
            </div>
            {record.themes.length > 0 && (
              <div>
                <dt>{t('library.fields.themes')}</dt>
                <dd>{record.themes.map((theme) => theme.label).join(', ')}</dd>
              </div>
            )}
            {record.keywords.length > 0 && (
              <div>
                <dt>{t('library.fields.keywords')}</dt>
                <dd>{record.keywords.join(', ')}</dd>
              </div>
            )}
            <div>
              <dt>{t('library.fields.licence')}</dt>
              <dd>
                {record.licence.url ? (
                  <a href={record.licence.url} rel="license noopener noreferrer">
                    {record.licence.label}
                  </a>
                ) : (
                  record.licence.label
                )}
              </dd>
            </div>
            {record.doi && (
              <div>
                <dt>DOI</dt>
                <dd>
                  <a href={record.doi_url ?? undefined} rel="noopener noreferrer">
                    {record.doi}
                  </a>
                </dd>
              </div>
            )}
            {record.isbn && (
              <div>
                <dt>ISBN</dt>
                <dd>{record.isbn}</dd>
              </div>
            )}
            <div>
              <dt>{t('library.fields.version')}</dt>
              <dd>{record.version}</dd>
            </div>
          </dl>
        </aside>
      </div>
    </article>
  );
}
