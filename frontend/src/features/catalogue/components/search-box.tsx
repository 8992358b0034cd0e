import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Button } from '@/components/ui/button';
import { links } from '@/config/paths';

/** A search field that opens the catalogue with the words typed in. */
export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    navigate(links.search(String(new FormData(event.currentTarget).get('q') ?? '').trim()));
  }

  return (
    <form
      role="search"
      aria-label={t('home.search.region')}
      className="search-box"
      onSubmit={handleSubmit}
    >
      <label htmlFor={id}>{t('home.search.label')}</label>
      <div className="search-row">
        <input
          id={id}
          type="search"
          name="q"
          maxLength={200}
          placeholder={t('home.search.placeholder')}
        />
        <Button type="submit">{t('home.search.submit')}</Button>
      </div>
    </form>
  );
}
