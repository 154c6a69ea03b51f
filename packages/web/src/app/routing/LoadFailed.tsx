import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang';
import { problemText } from '../api/problemText';

export function LoadFailed({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Result
      status="warning"
      title={t('errors.loadFailed')}
      subTitle={problemText(error, lang, t)}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}
