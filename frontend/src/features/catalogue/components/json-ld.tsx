/**
 * A schema.org document (the catalogue API writes it) in the page, for search engines and
 * aggregators that read structured data. `<` is escaped so no text can close the script early.
 */
export function JsonLd({ data }: { data: Record<string, unknown> }) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
