import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { otherLang } from './language';
import { useLang } from './useLang';

/** Toggles between 中文 and English; the button names the language it switches to. */
export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  return (
    <Button
      type={type}
      icon={<GlobalOutlined />}
      data-testid="lang-switch"
      aria-label={t('language.switchLabel')}
      onClick={() => void i18n.changeLanguage(otherLang(lang))}
    >
      {t('language.other')}
    </Button>
  );
}
