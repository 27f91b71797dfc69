import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import type { Text } from '../core/schema/common';
import en from './locales/en/ui.json';
import fr from './locales/fr/ui.json';

export const LANGUAGES = ['fr', 'en'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];

/** French first; the student's choice is remembered on this device. */
export async function initI18n(forced?: UiLanguage) {
  await i18next.use(LanguageDetector).init({
    resources: { fr: { ui: fr }, en: { ui: en } },
    ns: ['ui'],
    defaultNS: 'ui',
    fallbackLng: 'fr',
    supportedLngs: LANGUAGES,
    lng: forced,
    returnEmptyString: false,
    interpolation: { escapeValue: false }, // the DOM layer sets textContent, never innerHTML
    // French first: the browser's own language is not consulted; the student switches in the menu.
    detection: { order: ['querystring', 'localStorage'], lookupQuerystring: 'lang', caches: ['localStorage'] },
  });
  document.documentElement.lang = language();
}

export const t = i18next.t.bind(i18next);

export function language(): UiLanguage {
  const l = i18next.resolvedLanguage ?? 'fr';
  return (LANGUAGES as readonly string[]).includes(l) ? (l as UiLanguage) : 'fr';
}

export async function setLanguage(lang: UiLanguage) {
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

/** Scenario and rubric texts carry both languages; pick the interface's. */
export function tx(text: Text | undefined): string {
  return text ? text[language()] : '';
}

/** Runs `listener` after every change of interface language (screens outside the menu redraw their words). */
export function onLanguageChanged(listener: () => void) {
  i18next.on('languageChanged', listener);
}
