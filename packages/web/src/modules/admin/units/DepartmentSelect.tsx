import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUnits } from './useUnits';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  'data-testid'?: string;
}

/** Picks a department among the units; "load more" pages in the rest when there are many. */
export function DepartmentSelect({ value, onChange, id, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const units = useUnits();
  const options = units.items
    .filter((unit) => unit.kind === 'department' || unit.id === value)
    .map((unit) => ({ value: unit.id, label: unit.name }));
  return (
    <Select<string | null>
      id={id}
      data-testid={testId}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={units.isLoading || units.isLoadingMore}
      value={value ?? null}
      onChange={(next) => onChange?.(next ?? null)}
      placeholder={t('users.departmentPlaceholder')}
      options={options}
      onPopupScroll={(event) => {
        const list = event.currentTarget;
        if (units.hasMore && !units.isLoadingMore && list.scrollTop + list.clientHeight >= list.scrollHeight - 32) units.loadMore();
      }}
    />
  );
}
