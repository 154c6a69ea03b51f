import { LockOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SupervisorTags } from '../EnterpriseTags';
import type { Enterprise } from '../enterprises.types';

/** 三个必须: the departments that supervise this enterprise, and a warning when none does. */
export function SupervisorsCard({ enterprise }: { enterprise: Enterprise }) {
  const { t } = useTranslation();
  return (
    <Card title={t('safety.enterprises.field.supervisors')} data-testid="enterprise-detail-supervisors">
      {enterprise.supervisors.length === 0 && <Alert type="error" showIcon title={t('safety.enterprises.noSupervisorHint')} style={{ marginBottom: 12 }} />}
      <SupervisorTags supervisors={enterprise.supervisors} />
    </Card>
  );
}

/** The persons responsible, as the server answers them: masked. */
export function ContactsCard({ enterprise: e }: { enterprise: Enterprise }) {
  const { t } = useTranslation();
  const empty = t('common.empty');
  return (
    <Card
      title={
        <Space>
          <LockOutlined />
          {t('safety.enterprises.contacts')}
        </Space>
      }
      data-testid="enterprise-detail-contacts"
    >
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'principalName', label: t('safety.enterprises.field.principalName'), children: e.principalName ?? empty },
          { key: 'principalPhone', label: t('safety.enterprises.field.principalPhone'), children: <span data-testid="enterprise-principal-phone">{e.principalPhone ?? empty}</span> },
          { key: 'safetyOfficerName', label: t('safety.enterprises.field.safetyOfficerName'), children: e.safetyOfficerName ?? empty },
          { key: 'safetyOfficerPhone', label: t('safety.enterprises.field.safetyOfficerPhone'), children: e.safetyOfficerPhone ?? empty },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('safety.enterprises.maskedNote')}
      </Typography.Text>
    </Card>
  );
}
