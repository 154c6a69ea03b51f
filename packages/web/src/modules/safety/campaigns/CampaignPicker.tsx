import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useCampaigns } from './useCampaigns';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  style?: CSSProperties;
  'data-testid'?: string;
}

/** Any campaign the user reads, for a list filter. */
export function CampaignPicker({ id, value, onChange, style, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const campaigns = useCampaigns({});
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      loading={campaigns.isLoading}
      placeholder={t('campaigns.select.placeholder')}
      options={campaigns.items.map((c) => ({ value: c.id, label: c.title }))}
      popupMatchSelectWidth={false}
      style={style}
      data-testid={testId}
    />
  );
}
