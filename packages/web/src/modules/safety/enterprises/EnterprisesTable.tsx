import { Button, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRegion } from '../../regions/hooks/useRegion';
import { HazardTags, SupervisorTags } from './EnterpriseTags';
import type { Enterprise } from './enterprises.types';

interface Props {
  enterprises: Enterprise[];
  loading: boolean;
  onEdit?: (enterprise: Enterprise) => void;
}

const secondary = { fontSize: 12 } as const;

/** A community on two short lines, name over code, so that the table fits a laptop screen. */
function Place({ code }: { code: string }) {
  const region = useRegion(code);
  return (
    <>
      <div>{region.data?.name ?? code}</div>
      {region.data && (
        <Typography.Text type="secondary" style={secondary}>
          {code}
        </Typography.Text>
      )}
    </>
  );
}

export function EnterprisesTable({ enterprises, loading, onEdit }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Enterprise> = [
    {
      key: 'name',
      title: t('safety.enterprises.field.name'),
      width: 270,
      render: (_, enterprise) => (
        <>
          <Link to={`/safety/enterprises/${enterprise.id}`} data-testid={`enterprise-link-${enterprise.id}`}>
            {enterprise.name}
          </Link>
          <div>
            <Typography.Text type="secondary" copyable={{ text: enterprise.creditCode }} style={{ ...secondary, fontFamily: 'monospace' }}>
              {enterprise.creditCode}
            </Typography.Text>
          </div>
          {(enterprise.hazardousChemicals || enterprise.majorHazardSource) && (
            <div style={{ marginTop: 4 }}>
              <HazardTags enterprise={enterprise} />
            </div>
          )}
        </>
      ),
    },
    {
      key: 'industry',
      title: t('safety.enterprises.field.industry'),
      width: 180,
      render: (_, e) => (
        <>
          <Typography.Text strong>{e.industryCode}</Typography.Text> {e.industryName}
        </>
      ),
    },
    { key: 'region', title: t('safety.enterprises.field.region'), width: 170, render: (_, e) => <Place code={e.regionCode} /> },
    { key: 'park', title: t('safety.enterprises.field.park'), width: 150, render: (_, e) => e.park ?? t('common.empty') },
    { key: 'supervisors', title: t('safety.enterprises.field.supervisors'), width: 230, render: (_, e) => <SupervisorTags supervisors={e.supervisors} /> },
    {
      key: 'lastInspectedAt',
      title: t('safety.enterprises.field.lastInspectedAt'),
      width: 110,
      render: (_, e) => (e.lastInspectedAt ? e.lastInspectedAt.slice(0, 10) : <Typography.Text type="warning">{t('safety.enterprises.neverInspected')}</Typography.Text>),
    },
  ];
  if (onEdit) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 80,
      render: (_, enterprise) => (
        <Button type="link" size="small" onClick={() => onEdit(enterprise)} data-testid={`enterprise-edit-${enterprise.id}`}>
          {t('common.edit')}
        </Button>
      ),
    });
  }
  return <Table<Enterprise> rowKey="id" columns={columns} dataSource={enterprises} loading={loading} pagination={false} scroll={{ x: 1100 }} data-testid="enterprises-table" />;
}
