import { PlusOutlined } from '@ant-design/icons';
import { RESPONSIBILITY_PRINCIPLE_LABELS, RESPONSIBILITY_PRINCIPLES, RESPONSIBILITY_UNIT_KIND_LABELS, RESPONSIBILITY_UNIT_KINDS, type ResponsibilityPrinciple, type ResponsibilityUnitKind } from '@shoutu/domain';
import { Button, Flex, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/formatDateTime';
import { LoadMore } from '../../../app/layout/LoadMore';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { RegionName } from '../../regions/components/RegionName';
import { CreateDutyListDrawer } from './CreateDutyListDrawer';
import { DutyListDrawer } from './DutyListDrawer';
import { PrincipleTag } from './PrincipleTag';
import type { DutyList, DutyListFilter } from './responsibility.types';
import { useLabel } from './useLabel';
import { useDutyLists } from './useResponsibility';

/** Duty lists per unit and post in the caller's ground (责任清单). */
export function DutyListsTab() {
  const { t } = useTranslation();
  const label = useLabel();
  const canManage = usePermission('responsibility:manage');
  const [filter, setFilter] = useState<DutyListFilter>({});
  const lists = useDutyLists(filter);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<DutyList | null>(null);

  return (
    <>
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap>
          <Select<ResponsibilityUnitKind>
            allowClear
            placeholder={t('responsibility.unit.kind')}
            style={{ width: 160 }}
            value={filter.unitKind}
            onChange={(unitKind) => setFilter(({ unitKind: _, ...rest }) => (unitKind ? { ...rest, unitKind } : rest))}
            options={RESPONSIBILITY_UNIT_KINDS.map((kind) => ({ value: kind, label: label(RESPONSIBILITY_UNIT_KIND_LABELS[kind]) }))}
            data-testid="duty-filter-kind"
          />
          <Select<ResponsibilityPrinciple>
            allowClear
            placeholder={t('responsibility.principle')}
            style={{ width: 180 }}
            value={filter.principle}
            onChange={(principle) => setFilter(({ principle: _, ...rest }) => (principle ? { ...rest, principle } : rest))}
            options={RESPONSIBILITY_PRINCIPLES.map((principle) => ({ value: principle, label: label(RESPONSIBILITY_PRINCIPLE_LABELS[principle]) }))}
          />
        </Flex>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="duty-list-new">
            {t('responsibility.lists.new')}
          </Button>
        )}
      </Flex>
      <QueryError error={lists.error} />
      <Table<DutyList>
        rowKey="id"
        size="small"
        pagination={false}
        loading={lists.isLoading}
        dataSource={lists.items}
        data-testid="duty-lists-table"
        onRow={(row) => ({ onClick: () => setOpen(row), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'unit', title: t('responsibility.unit.title'), render: (_, row) => <>{row.unitName} <Tag>{label(RESPONSIBILITY_UNIT_KIND_LABELS[row.unitKind])}</Tag></> },
          { key: 'region', title: t('responsibility.unit.region'), render: (_, row) => <RegionName code={row.regionCode} /> },
          { key: 'post', title: t('responsibility.lists.post'), dataIndex: 'post' },
          { key: 'principle', title: t('responsibility.principle'), render: (_, row) => <PrincipleTag principle={row.principle} /> },
          { key: 'items', title: t('responsibility.lists.itemCount'), render: (_, row) => row.items.length, align: 'right' },
          { key: 'updatedAt', title: t('responsibility.updatedAt'), render: (_, row) => formatDateTime(row.updatedAt).slice(0, 16) },
        ]}
      />
      <LoadMore hasMore={lists.hasMore} loading={lists.isLoadingMore} onLoadMore={lists.loadMore} testId="duty-lists-load-more" />
      {creating && <CreateDutyListDrawer onClose={() => setCreating(false)} onCreated={(list) => { setCreating(false); setOpen(list); }} />}
      {open && <DutyListDrawer list={open} editable={canManage} onClose={() => setOpen(null)} />}
    </>
  );
}
