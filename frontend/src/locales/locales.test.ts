import en from './en.json';
import fr from './fr.json';
import manageEn from './manage/en.json';
import manageFr from './manage/fr.json';
import staffEn from './staff/en.json';
import staffFr from './staff/fr.json';
import enrolEn from './enrol/en.json';
import enrolFr from './enrol/fr.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translation files', () => {
  it('have the same keys in French and English', () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
    expect(keys(manageEn).sort()).toEqual(keys(manageFr).sort());
    expect(keys(staffEn).sort()).toEqual(keys(staffFr).sort());
    expect(keys(enrolEn).sort()).toEqual(keys(enrolFr).sort());
  });

  it('keep the staff texts apart from the ones every visitor downloads', () => {
    expect(fr).not.toHaveProperty('manage');
    expect(en).not.toHaveProperty('manage');
    expect(fr).not.toHaveProperty('staff');
    expect(en).not.toHaveProperty('staff');
    expect(fr).not.toHaveProperty('enrol');
  });
});
