import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/formatDateTime';
import type { User } from './users.types';

export function UserStatusTags({ user }: { user: User }) {
  const { t } = useTranslation();
  const locked = user.lockedUntil !== null && dayjs(user.lockedUntil).isAfter(dayjs());
  return (
    <>
      {user.disabled ? <Tag color="red">{t('users.status.disabled')}</Tag> : <Tag color="green">{t('users.status.active')}</Tag>}
      {locked && (
        <Tag color="orange" title={formatDateTime(user.lockedUntil)}>
          {t('users.status.locked')}
        </Tag>
      )}
      {user.mustChangePassword && <Tag color="gold">{t('users.status.mustChangePassword')}</Tag>}
    </>
  );
}
