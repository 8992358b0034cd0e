import type { RecordAuthor } from '@/api/models';

/** The authors as a reader writes them: given name first, organisations whole. */
export function authorName(author: RecordAuthor): string {
  if (author.organisation || !author.given || !author.family) return author.name;
  return `${author.given} ${author.family}`;
}

export function authorNames(authors: RecordAuthor[]): string {
  return authors.map(authorName).join(', ');
}
