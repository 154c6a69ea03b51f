import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSupervisingUnits } from './useEnterprises';

interface Props {
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
  'data-testid'?: string;
}

/** Supervising departments: those of the caller's ground and the ones above it (the city's bureaus). */
export function SupervisorSelect({ value, onChange, id, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const units = useSupervisingUnits();
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={units.isLoading}
      value={value}
      onChange={(next) => onChange?.(next)}
      placeholder={t('safety.enterprises.supervisorsPlaceholder')}
      options={(units.data?.items ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
      data-testid={testId}
    />
  );
}
