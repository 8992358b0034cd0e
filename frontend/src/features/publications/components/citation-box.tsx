import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitationFormat } from '@/api/models';
import { Button } from '@/components/ui/button';
import { StatusMessage } from '@/components/ui/form';
import { currentLanguage } from '@/lib/i18n';
import { citationPath, useCitation } from '../api/get-citation';
import { CITATION_FORMATS } from '../utils/vocabulary';

const FILE_NAMES: Record<CitationFormat, string> = { bibtex: 'bib', ris: 'ris', csl: 'json' };

/** "Cite": the record in BibTeX, RIS or CSL-JSON, to copy or download. */
export function CitationBox({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const ids = { heading: useId(), text: useId() };
  const [format, setFormat] = useState<CitationFormat>('bibtex');
  const [copied, setCopied] = useState<'done' | 'failed' | null>(null);
  const citation = useCitation(recordId, format, language);

  async function copy() {
    if (!citation.data) return;
    try {
      await navigator.clipboard.writeText(citation.data);
      setCopied('done');
    } catch {
      // No clipboard (an old browser, a permission refused): the text is there to select.
      setCopied('failed');
    }
  }

  return (
    <section aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('library.cite.title')}</h2>
      <fieldset className="facet">
        <legend>{t('library.cite.format')}</legend>
        <div className="actions">
          {CITATION_FORMATS.map((value) => (
            <label key={value} className="facet-option">
              <input
                type="radio"
                name={`${ids.heading}-format`}
                value={value}
                checked={format === value}
                onChange={() => {
                  setFormat(value);
                  setCopied(null);
                }}
              />{' '}
              {t(`library.cite.formats.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {citation.isError && (
        <p role="alert" className="alert alert-error">
          {t('library.cite.error')}
        </p>
      )}
      <pre
        id={ids.text}
        className="citation-text"
        tabIndex={0}
        aria-label={t('library.cite.text')}
        aria-busy={citation.isFetching || undefined}
      >
        {citation.data ?? (citation.isPending ? t('app.loading') : '')}
      </pre>
      <p className="actions">
        <Button
          variant="secondary"
          onClick={copy}
          disabled={!citation.data}
          aria-controls={ids.text}
        >
          {t('library.cite.copy')}
        </Button>
        <a
          href={citationPath(recordId, format, language)}
          download={`citation.${FILE_NAMES[format]}`}
        >
          {t('library.cite.download')}
        </a>
      </p>
      <StatusMessage>
        {copied === 'done'
          ? t('library.cite.copied')
          : copied === 'failed'
            ? t('library.cite.copyFailed')
            : null}
      </StatusMessage>
    </section>
  );
}
