import { AimOutlined, SearchOutlined } from '@ant-design/icons';
import { regionLevel } from '@shoutu/domain';
import { Button, Card, DatePicker, Empty, Form, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import type { DoubleDecreaseQuery } from './accidents.types';
import { DoubleDecreaseChart } from './DoubleDecreaseChart';
import { RankingTable } from './RankingTable';
import { StatusCard } from './StatusCard';
import { TargetsDrawer } from './TargetsDrawer';
import { useDoubleDecrease } from './useDoubleDecrease';

interface Values {
  period: [Dayjs, Dayjs];
  regionCode?: string;
  asOf?: Dayjs | null;
}

const DAY = 'YYYY-MM-DD';

function toQuery(values: Values): DoubleDecreaseQuery {
  const query: DoubleDecreaseQuery = { from: values.period[0].format(DAY), to: values.period[1].format(DAY) };
  if (values.regionCode) query.regionCode = values.regionCode;
  if (values.asOf) query.asOf = values.asOf.format(DAY);
  return query;
}

/** 双下降: a period against the same days of last year, month by month, and the ranking of the county-level units. */
export default function DoubleDecreasePage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const initial: Values = { period: [dayjs().startOf('year'), dayjs()] };
  const [query, setQuery] = useState<DoubleDecreaseQuery>(() => toQuery(initial));
  const report = useDoubleDecrease(query);
  const canSetTargets = usePermission('accidents:report');
  const [editingTargets, setEditingTargets] = useState(false);
  const data = report.data;
  const targetRegions = data
    ? [{ code: data.regionCode, name: data.regionName ?? data.regionCode }, ...data.ranking.map((r) => ({ code: r.regionCode, name: r.regionName }))].filter((r) => r.code.length === 6 && regionLevel(r.code) !== 'province')
    : [];
  const presets = [
    { label: t('accidents.dd.presets.yearToDate'), value: [dayjs().startOf('year'), dayjs()] as [Dayjs, Dayjs] },
    { label: t('accidents.dd.presets.lastMonth'), value: [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')] as [Dayjs, Dayjs] },
    { label: t('accidents.dd.presets.lastYear'), value: [dayjs().subtract(1, 'year').startOf('year'), dayjs().subtract(1, 'year').endOf('year')] as [Dayjs, Dayjs] },
  ];

  return (
    <>
      <PageHeader
        title={t('accidents.dd.title')}
        description={t('accidents.dd.description')}
        actions={
          data && (
            <Button icon={<AimOutlined />} onClick={() => setEditingTargets(true)} data-testid="dd-targets">
              {t('accidents.targets.open', { year: data.targetYear })}
            </Button>
          )
        }
      />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          <Form<Values> form={form} layout="inline" initialValues={initial} onFinish={(values) => setQuery(toQuery(values))} style={{ rowGap: 8 }} data-testid="dd-form">
            <Form.Item name="period" label={t('accidents.filter.period')} rules={[{ required: true }]}>
              <DatePicker.RangePicker allowClear={false} presets={presets} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="dd-period" />
            </Form.Item>
            <Form.Item name="regionCode" label={t('accidents.field.region')} style={{ minWidth: 260 }}>
              <RegionTreeSelect single data-testid="dd-region" />
            </Form.Item>
            <Form.Item name="asOf" label={t('accidents.dd.asOf')} tooltip={t('accidents.dd.asOfHint')}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="dd-asof" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="dd-submit">
                {t('common.search')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
        <QueryError error={report.error} />
        {report.isPending && <Spin />}
        {data && (
          <>
            <StatusCard report={data} />
            <Card title={t('accidents.dd.monthly')}>
              <DoubleDecreaseChart monthly={data.monthly} />
            </Card>
            <Card title={t('accidents.dd.ranking', { level: t(`accidents.dd.childLevel.${data.ranking[0]?.regionCode.length ?? 6}`) })}>
              {data.ranking.length > 0 ? <RankingTable ranking={data.ranking} /> : <Empty description={t('accidents.dd.noChildren')} />}
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('accidents.dd.rankingRule')}
              </Typography.Paragraph>
            </Card>
          </>
        )}
      </Space>
      {editingTargets && data && <TargetsDrawer year={data.targetYear} regions={targetRegions} editable={canSetTargets} onClose={() => setEditingTargets(false)} />}
    </>
  );
}
