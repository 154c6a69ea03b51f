import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import type { IndustrySupervision } from './coverage.types';
import { IndustrySupervisionDrawer } from './IndustrySupervisionDrawer';
import { useIndustrySupervision } from './useCoverage';

type Row = IndustrySupervision['items'][number];

/** The mapping behind the "three musts": which departments supervise which industry (管行业必须管安全). */
export function IndustrySupervisionCard() {
  const { t } = useTranslation();
  const mapping = useIndustrySupervision();
  const canManage = usePermission('enterprises:manage');
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title={t('safety.mapping.title')}
      extra={
        canManage &&
        mapping.data && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="mapping-edit">
            {t('common.edit')}
          </Button>
        )
      }
      data-testid="mapping-card"
    >
      <Typography.Paragraph type="secondary">{t('safety.mapping.description')}</Typography.Paragraph>
      <QueryError error={mapping.error} />
      <Table<Row>
        rowKey="industryPrefix"
        size="small"
        loading={mapping.isLoading}
        dataSource={mapping.data?.items ?? []}
        pagination={false}
        columns={[
          { key: 'industry', title: t('safety.mapping.industry'), render: (_, row) => `${row.industryPrefix} ${row.industryName}` },
          {
            key: 'units',
            title: t('safety.mapping.units'),
            render: (_, row) => (
              <Space size={4} wrap>
                {row.units.map((unit) => (
                  <Tag key={unit.id} color="blue">
                    {unit.name}
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]}
        data-testid="mapping-table"
      />
      {editing && mapping.data && <IndustrySupervisionDrawer mapping={mapping.data} onClose={() => setEditing(false)} />}
    </Card>
  );
}
