import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndustries } from './useEnterprises';

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  style?: CSSProperties;
  'data-testid'?: string;
}

/** A GB/T 4754-2017 code: sections (门类) and the divisions (大类) the register takes, searchable by code or name. */
export function IndustrySelect({ value, onChange, id, style, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const industries = useIndustries();
  return (
    <Select<string>
      id={id}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={industries.isLoading}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      placeholder={t('safety.enterprises.industryPlaceholder')}
      options={(industries.data?.items ?? []).map((industry) => ({
        value: industry.industryCode,
        label: `${industry.industryCode} ${industry.name}`,
      }))}
      popupMatchSelectWidth={false}
      style={style}
      data-testid={testId}
    />
  );
}
