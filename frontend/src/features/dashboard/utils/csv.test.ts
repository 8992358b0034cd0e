import { csvCell, csvFileName, csvHref, toCsv } from './csv';

describe('CSV', () => {
  it('quotes commas, quotes, line breaks and edge spaces, and doubles the quotes', () => {
    expect(csvCell('Sénégal')).toBe('Sénégal');
    expect(csvCell('Dakar, Sénégal')).toBe('"Dakar, Sénégal"');
    expect(csvCell('Collège « Finances » "locales"')).toBe('"Collège « Finances » ""locales"""');
    expect(csvCell('deux\nlignes')).toBe('"deux\nlignes"');
    expect(csvCell('retour\r')).toBe('"retour\r"');
    expect(csvCell(' espace')).toBe('" espace"');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('defuses text that a spreadsheet would run as a formula, not numbers', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+33 1 23')).toBe("'+33 1 23");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell('< 5')).toBe('< 5');
  });

  it('writes rows with CRLF and reads back as the same cells', () => {
    const rows = [
      ['Pays', 'Code', 'Participants'],
      ["Côte d'Ivoire", 'CI', '< 5'],
      ['Dakar, "capitale"', 'SN', 12],
    ];
    const text = toCsv(rows);
    expect(text).toBe('Pays,Code,Participants\r\nCôte d\'Ivoire,CI,< 5\r\n"Dakar, ""capitale""",SN,12\r\n');
    expect(parse(text)).toEqual(rows.map((row) => row.map(String)));
  });

  it('makes a data link with a BOM, and a file name from a title', () => {
    const href = csvHref([['a', 'b']]);
    expect(href.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(href.split(',').slice(1).join(','))).toBe('\ufeffa,b\r\n');
    expect(csvFileName('Candidatures par mois', '2026')).toBe('candidatures-par-mois-2026.csv');
    expect(csvFileName('Élèves / pays')).toBe('eleves-pays.csv');
  });
});

/** A strict RFC 4180 reader, to check that what is written reads back. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}
