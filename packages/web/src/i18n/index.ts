import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';
import { DEFAULT_LANG, isLang, storedLang, storeLang } from './language';

const DAYJS_LOCALE = { 'zh-CN': 'zh-cn', en: 'en' } as const;

function applyLanguage(lng: string): void {
  const lang = isLang(lng) ? lng : DEFAULT_LANG;
  storeLang(lang);
  dayjs.locale(DAYJS_LOCALE[lang]);
  document.documentElement.lang = lang;
  document.title = i18n.t('app.documentTitle');
}

i18n.on('languageChanged', applyLanguage);

type Messages = { [key: string]: string | Messages };

/** Each capability keeps its strings beside its code (modules/<x>/i18n/<lang>.json); all are merged here. */
const moduleMessages = import.meta.glob<Messages>('../modules/**/i18n/*.json', { eager: true, import: 'default' });

function withModules(lang: 'zh-CN' | 'en', base: Messages): Messages {
  const merged: Messages = { ...base };
  for (const [file, messages] of Object.entries(moduleMessages)) {
    if (file.endsWith(`/${lang}.json`)) Object.assign(merged, messages);
  }
  return merged;
}

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: withModules('zh-CN', zhCN) },
    en: { translation: withModules('en', en) },
  },
  lng: storedLang(),
  fallbackLng: DEFAULT_LANG,
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false },
});

export default i18n;
