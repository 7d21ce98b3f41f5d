// i18n setup: zh-CN first, en-US second. Feature folders bring their own strings with
// addMessages(), merged into the one `translation` namespace (keys such as `batches.title`).
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enUS from './en-US.ts';
import zhCN from './zh-CN.ts';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'tuijin.lang';

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en-US' || saved === 'zh-CN') return saved;
  } catch {
    // Storage may be unavailable (private mode); Chinese is the default anyway.
  }
  return 'zh-CN';
}

const lng = initialLanguage();
dayjs.locale(lng === 'zh-CN' ? 'zh-cn' : 'en');
document.documentElement.lang = lng;

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(next: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not persisted; the switch still applies to this tab.
  }
  dayjs.locale(next === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = next;
  void i18n.changeLanguage(next);
}

export function currentLanguage(): Language {
  return i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
}

type Nested = { [key: string]: string | Nested };

/** Adds a feature's strings to both catalogues, e.g. addMessages({ 'zh-CN': { batches: {...} }, 'en-US': {...} }). */
export function addMessages(bundle: Record<Language, Nested>): void {
  for (const l of LANGUAGES) i18n.addResourceBundle(l, 'translation', bundle[l], true, false);
}

export default i18n;
