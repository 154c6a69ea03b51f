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

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN },
    en: { translation: en },
  },
  lng: storedLang(),
  fallbackLng: DEFAULT_LANG,
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false },
});

export default i18n;
