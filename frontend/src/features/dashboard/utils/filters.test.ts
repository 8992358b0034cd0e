import { filtersToParams, monthSeries, periodPresets, readFilters } from './filters';

describe('the dashboard filters', () => {
  it('read the address, leaving out what the services would refuse', () => {
    const params = new URLSearchParams(
      'from=2026-01-01&to=2026-13&country=sn&language=fr&programme=p1&theme=&partner=nope&other=x',
    );
    expect(readFilters(params)).toEqual({ from: '2026-01-01', country: 'SN', language: 'fr', programme: 'p1' });
  });

  it('write the address in a stable order, with extra parameters last', () => {
    const params = filtersToParams({ country: 'SN', from: '2026-01-01' }, { lang: 'fr', format: undefined });
    expect(params.toString()).toBe('from=2026-01-01&country=SN&lang=fr');
  });

  it('offer the last quarter, this year and last year', () => {
    expect(periodPresets(new Date(Date.UTC(2027, 1, 10)))).toEqual([
      { id: 'lastQuarter', from: '2026-10-01', to: '2026-12-31' },
      { id: 'thisYear', from: '2027-01-01', to: '2027-02-10' },
      { id: 'lastYear', from: '2026-01-01', to: '2026-12-31' },
    ]);
    expect(periodPresets(new Date(Date.UTC(2027, 7, 1)))[0]).toEqual({
      id: 'lastQuarter',
      from: '2027-04-01',
      to: '2027-06-30',
    });
  });

  it('put the months without a row back as zeros, across a year end', () => {
    const row = (key: string, value: number) => ({ key, count: { value } });
    const series = monthSeries([row('2027-01', 2), row('2026-11', 5)], (key) => row(key, 0));
    expect(series.map((r) => [r.key, r.count.value])).toEqual([
      ['2026-11', 5],
      ['2026-12', 0],
      ['2027-01', 2],
    ]);
    expect(monthSeries([], (key) => row(key, 0))).toEqual([]);
  });
});
