// The coordinators' texts (catalogue management) travel with the staff pages that import this
// module, not with the app's first download: most visitors never open those pages, often on slow
// or metered connections. Importing it adds them under `manage.*` in both languages.
import { i18n } from '@/lib/i18n';
import en from './en.json';
import fr from './fr.json';

i18n.addResourceBundle('fr', 'translation', { manage: fr }, true, true);
i18n.addResourceBundle('en', 'translation', { manage: en }, true, true);
