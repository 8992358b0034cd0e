import { useTranslation } from 'react-i18next';
import type fr from '@/locales/dashboard/fr.json';
import '@/locales/dashboard';

// The dashboard's texts are under `dashboard.*`, added when a dashboard page loads
// (src/locales/dashboard). They are typed here from the French catalogue, rather than in
// src/lib/i18n.ts, so that this feature adds no line to the app's shared type declaration.
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type Plural = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Unplural<K> = K extends `${infer Base}_${Plural}` ? Base : K;

export type DashboardKey = Unplural<Leaves<typeof fr>>;
export type DashboardT = (key: DashboardKey, options?: Record<string, unknown>) => string;

/** `d('queues.title')` reads `dashboard.queues.title`; `t` is the app's own, for shared texts. */
export function useDashboardTranslation() {
  const { t, i18n } = useTranslation();
  const translate = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const d: DashboardT = (key, options) => translate(`dashboard.${key}`, options);
  return { d, t, i18n };
}
