import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang';
import { problemText } from '../api/problemText';

/** Why a list or record could not be loaded, above where it would have been. */
export function QueryError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!error) return null;
  return <Alert type="error" showIcon title={problemText(error, lang, t)} style={{ marginBottom: 16 }} />;
}
