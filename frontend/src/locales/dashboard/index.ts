// The coordinators' dashboard, donor report and partner pages' texts travel with those pages (as
// the staff texts do, in ../staff), not with the app's first download. Importing this module adds
// them under `dashboard.*` in both languages.
import { i18n } from '@/lib/i18n';
import en from './en.json';
import fr from './fr.json';

i18n.addResourceBundle('fr', 'translation', { dashboard: fr }, true, true);
i18n.addResourceBundle('en', 'translation', { dashboard: en }, true, true);
