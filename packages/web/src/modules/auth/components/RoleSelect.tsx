import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../api/auth.types';

interface Props {
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
  'data-testid'?: string;
}

/** Picks roles by name; the server refuses combinations the separation of duties forbids. */
export function RoleSelect({ value, onChange, id, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  return (
    <Select<string[]>
      id={id}
      data-testid={testId}
      mode="multiple"
      allowClear
      value={value}
      onChange={onChange}
      placeholder={t('users.rolesPlaceholder')}
      options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}
