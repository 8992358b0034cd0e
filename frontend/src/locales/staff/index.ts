// The coordinators' texts for vetting experts and managing the library travel with the staff
// pages that import this module, not with the app's first download (as the catalogue's do, in
// ../manage). Importing it adds them under `staff.*` in both languages.
import { i18n } from '@/lib/i18n';
import en from './en.json';
import fr from './fr.json';

i18n.addResourceBundle('fr', 'translation', { staff: fr }, true, true);
i18n.addResourceBundle('en', 'translation', { staff: en }, true, true);
