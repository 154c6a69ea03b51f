import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

/** Photos are referenced by URL or file id for now (uploads come later): one tag per reference. */
export function PhotoRefsInput({ id, value, onChange, 'data-testid': testId }: { id?: string; value?: string[]; onChange?: (value: string[]) => void; 'data-testid'?: string }) {
  const { t } = useTranslation();
  return <Select id={id} mode="tags" value={value ?? []} onChange={onChange} open={false} tokenSeparators={[' ', ',', '，']} placeholder={t('hazards.form.photosPlaceholder')} data-testid={testId} />;
}
