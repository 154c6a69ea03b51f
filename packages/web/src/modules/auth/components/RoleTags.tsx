import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Role codes shown by their names in the current language. */
export function RoleTags({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {roles.map((role) => (
        <Tag key={role} color="blue">
          {t(`roles.${role}`, { defaultValue: role })}
        </Tag>
      ))}
    </>
  );
}
