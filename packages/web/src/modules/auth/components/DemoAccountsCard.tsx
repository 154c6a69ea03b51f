import { Alert, Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DemoAccount } from '../api/auth.types';

interface Props {
  accounts: DemoAccount[];
  password: string | undefined;
  adminTotp: 'required' | 'off' | undefined;
  onPick: (account: DemoAccount) => void;
}

/** Shown only when the server runs in demo mode: one click fills the sign-in form. */
export function DemoAccountsCard({ accounts, password, adminTotp, onPick }: Props) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('login.demo.title')}
      extra={<Tag color="orange">{t('login.demo.badge')}</Tag>}
      style={{ width: 400, maxWidth: '100%' }}
      data-testid="demo-accounts"
    >
      <Alert type="warning" showIcon title={t('login.demo.notice')} style={{ marginBottom: 12 }} />
      {password && (
        <Typography.Paragraph>
          {t('login.demo.password')}{' '}
          <Typography.Text code copyable data-testid="demo-password">
            {password}
          </Typography.Text>
        </Typography.Paragraph>
      )}
      <List
        size="small"
        dataSource={accounts}
        rowKey="username"
        renderItem={(account) => (
          <List.Item
            style={{ cursor: 'pointer' }}
            onClick={() => onPick(account)}
            data-testid={`demo-account-${account.username}`}
          >
            <List.Item.Meta
              title={
                <>
                  <Typography.Text strong>{account.username}</Typography.Text>{' '}
                  <Tag>{t(`roles.${account.roleLabelKey}`, { defaultValue: account.roleLabelKey })}</Tag>
                </>
              }
              description={account.description}
            />
          </List.Item>
        )}
      />
      <Typography.Text type="secondary">{t('login.demo.hint')}</Typography.Text>
      {adminTotp === 'off' && (
        <Alert type="info" showIcon title={t('login.demo.totpOff')} style={{ marginTop: 12 }} data-testid="demo-totp-off" />
      )}
    </Card>
  );
}
