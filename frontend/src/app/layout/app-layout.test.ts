import { describe, expect, it } from 'vitest';
import { managesCatalogue } from './app-layout';

describe('managesCatalogue', () => {
  it('marks the catalogue pages only, not the other staff pages under /manage', () => {
    for (const path of ['/manage', '/manage/programmes/new', '/manage/sessions/abc', '/manage/sessions/abc/roster']) {
      expect(managesCatalogue(path)).toBe(true);
    }
    for (const path of ['/manage/dashboard', '/manage/experts', '/manage/applications', '/manage/library', '/manage/report', '/catalogue', '/manage/programmesx']) {
      expect(managesCatalogue(path)).toBe(false);
    }
  });
});
