import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RegionName } from '../../regions/components/RegionName';
import { CategoryTag } from './categories';
import type { Person } from './persons.types';

/** The field of the answer each column shows, where the column is named otherwise. */
const COLUMN_FIELD: Record<string, string> = { grid: 'gridCode', measure: 'measurePlan', endDate: 'measurePlan' };

/** Identifiers arrive masked from the server; the table never holds the full values. */
export function PersonsTable({ persons, loading }: { persons: Person[]; loading: boolean }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Person> = [
    {
      key: 'name',
      title: t('epidemic.persons.field.name'),
      render: (_, person) => (
        <>
          <Link to={`/epidemic/persons/${person.id}`} data-testid={`person-open-${person.id}`}>
            {person.name}
          </Link>
          {person.isDemo && (
            <Tag style={{ marginInlineStart: 8 }} color="default">
              {t('epidemic.persons.demoTag')}
            </Tag>
          )}
        </>
      ),
    },
    { key: 'idNumber', title: t('epidemic.persons.field.idNumber'), render: (_, person) => <Typography.Text code>{person.idNumber}</Typography.Text> },
    { key: 'phone', title: t('epidemic.persons.field.phone'), dataIndex: 'phone' },
    { key: 'sex', title: t('epidemic.persons.field.sexAge'), render: (_, person) => `${t(`epidemic.sex.${person.sex}`)} / ${person.birthYear}` },
    { key: 'category', title: t('epidemic.persons.field.category'), render: (_, person) => <CategoryTag code={person.category} /> },
    { key: 'grid', title: t('epidemic.persons.field.grid'), render: (_, person) => <RegionName code={person.gridCode} /> },
    {
      key: 'measure',
      title: t('epidemic.persons.field.measure'),
      render: (_, { measurePlan: plan }) => {
        if (!plan) return t('common.empty');
        if (plan.phase === 'ended') return <Tag color="green">{t('epidemic.phase.ended')}</Tag>;
        const name = t(`epidemic.measure.${plan.measure}`, { defaultValue: plan.measure });
        return plan.phase === 'upcoming' ? `${name}（${t('epidemic.phase.upcoming')}）` : name;
      },
    },
    {
      key: 'endDate',
      title: t('epidemic.persons.field.endDate'),
      render: (_, person) => (person.measurePlan ? (person.measurePlan.endDate ?? t('epidemic.persons.plan.untilRelease')) : t('common.empty')),
    },
    {
      key: 'status',
      title: t('epidemic.persons.field.status'),
      render: (_, person) => <Tag color={person.status === 'managed' ? 'processing' : 'success'}>{t(`epidemic.status.${person.status}`)}</Tag>,
    },
  ];
  // A role the field-level rules restrict (a checkpoint officer) gets fewer fields: their columns go.
  const carried = (field: keyof Person) => persons.length === 0 || persons.some((person) => person[field] !== undefined);
  const shown = columns.filter((column) => carried((COLUMN_FIELD[String(column.key)] ?? String(column.key)) as keyof Person));
  return <Table<Person> rowKey="id" columns={shown} dataSource={persons} loading={loading} pagination={false} scroll={{ x: 'max-content' }} data-testid="persons-table" />;
}
