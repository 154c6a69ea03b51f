import { Button, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegionName } from '../../regions/components/RegionName';
import type { Unit } from './units.types';

interface Props {
  units: Unit[];
  loading: boolean;
  onEdit: (unit: Unit) => void;
}

export function UnitsTable({ units, loading, onEdit }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Unit> = [
    { key: 'name', title: t('units.field.name'), dataIndex: 'name' },
    {
      key: 'kind',
      title: t('units.field.kind'),
      render: (_, unit) => <Tag color={unit.kind === 'department' ? 'blue' : 'purple'}>{t(`units.kind.${unit.kind}`)}</Tag>,
    },
    {
      key: 'matters',
      title: t('units.field.matters'),
      render: (_, unit) => unit.matters.map((matter) => <Tag key={matter}>{matter}</Tag>),
    },
    {
      key: 'region',
      title: t('units.field.regionCode'),
      render: (_, unit) => <RegionName code={unit.regionCode} />,
    },
    {
      key: 'members',
      title: t('units.field.memberRegionCodes'),
      render: (_, unit) =>
        unit.memberRegionCodes.map((code) => (
          <div key={code}>
            <RegionName code={code} />
          </div>
        )),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, unit) => (
        <Button type="link" size="small" onClick={() => onEdit(unit)} data-testid={`unit-edit-${unit.id}`}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];
  return (
    <Table<Unit>
      rowKey="id"
      columns={columns}
      dataSource={units}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="units-table"
    />
  );
}
