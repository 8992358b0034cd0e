// The enrollment pages' own texts (the endorser's page, the roster's attendance, completion and
// bulk enrolment, the learner's attendance pass) travel with the pages that import this module,
// not with the app's first download, as ../manage and ../staff do. Importing it adds them under
// `enrol.*` in both languages.
import { i18n } from '@/lib/i18n';
import en from './en.json';
import fr from './fr.json';

i18n.addResourceBundle('fr', 'translation', { enrol: fr }, true, true);
i18n.addResourceBundle('en', 'translation', { enrol: en }, true, true);
