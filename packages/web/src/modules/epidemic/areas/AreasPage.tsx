import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { pickLocalized } from '../../../i18n/localized';
import { useLang } from '../../../i18n/useLang';
import { usePermission } from '../../auth/hooks/usePermission';
import { RegionName } from '../../regions/components/RegionName';
import { areaKeys, areasApi } from './areas.api';
import type { AreaDesignation, AreaLevel } from './areas.types';
import { SetAreaLevelDrawer } from './SetAreaLevelDrawer';

const LEVEL_COLORS: Record<AreaLevel, string> = { low: 'green', medium: 'orange', high: 'red' };

function LevelTag({ level }: { level: AreaLevel }) {
  const { t } = useTranslation();
  return <Tag color={LEVEL_COLORS[level]}>{t(`epidemicOps.level.${level}`)}</Tag>;
}

/** 风险区域: the designations in force on a day, each with its level after the automatic step-downs. */
export default function AreasPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const canSet = usePermission('epidemic:policy');
  const [date, setDate] = useState(() => dayjs().format('YYYY-MM-DD'));
  const [setting, setSetting] = useState(false);
  // The dashboard opens the list on its region (?regionCode=) and on the active areas only (?active=1).
  const [params] = useSearchParams();
  const regionCode = params.get('regionCode') ?? undefined;
  const activeOnly = params.get('active') === '1';
  const areas = useQuery({ queryKey: areaKeys.list(date, regionCode), queryFn: () => areasApi.list(date, regionCode) });
  const rows = (areas.data?.items ?? []).filter((a) => !activeOnly || a.current.level !== 'low');

  const columns: TableColumnsType<AreaDesignation> = [
    {
      key: 'region',
      title: t('epidemicOps.field.region'),
      render: (_, a) => (
        <>
          {a.placeName && (
            <Typography.Text strong data-testid={`area-place-${a.placeId}`}>
              {a.placeName} ·{' '}
            </Typography.Text>
          )}
          <RegionName code={a.regionCode} />
          {a.isDemo && <Tag style={{ marginInlineStart: 8 }}>{t('epidemicOps.demo')}</Tag>}
        </>
      ),
    },
    { key: 'level', title: t('epidemicOps.areas.col.level'), render: (_, a) => <LevelTag level={a.level} /> },
    {
      key: 'current',
      title: t('epidemicOps.areas.col.current'),
      render: (_, a) => (
        <span data-testid={`area-current-${a.regionCode}`}>
          <LevelTag level={a.current.level} />
          {a.current.changedOn && <Typography.Text type="secondary">{t('epidemicOps.areas.changedOn', { date: a.current.changedOn })}</Typography.Text>}
        </span>
      ),
    },
    {
      key: 'next',
      title: t('epidemicOps.areas.col.next'),
      render: (_, a) =>
        a.current.next ? (
          <Tooltip title={t(`epidemicOps.areas.clock.${a.current.clockSource}`, { date: a.current.clockFrom })}>
            <span>{t('epidemicOps.areas.nextStep', { date: a.current.next.on, level: t(`epidemicOps.level.${a.current.next.level}`), days: Math.max(0, dayjs(a.current.next.on).diff(dayjs(date), 'day')) })}</span>
          </Tooltip>
        ) : (
          t('common.empty')
        ),
    },
    { key: 'from', title: t('epidemicOps.areas.col.effectiveFrom'), render: (_, a) => (a.effectiveTo ? `${a.effectiveFrom} — ${a.effectiveTo}` : a.effectiveFrom) },
    { key: 'edition', title: t('epidemicOps.areas.col.edition'), render: (_, a) => pickLocalized(a.editionName, lang) },
    { key: 'lastInfection', title: t('epidemicOps.areas.col.lastInfection'), render: (_, a) => a.current.lastNewInfectionDate ?? t('common.empty') },
    { key: 'reason', title: t('epidemicOps.areas.col.reason'), dataIndex: 'reason' },
  ];

  return (
    <>
      <PageHeader
        title={t('epidemicOps.areas.title')}
        description={t('epidemicOps.areas.description')}
        actions={
          canSet && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setSetting(true)} data-testid="area-set">
              {t('epidemicOps.areas.set')}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
          <Typography.Text>{t('epidemicOps.field.day')}</Typography.Text>
          <DatePicker value={dayjs(date)} allowClear={false} onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))} data-testid="areas-date" />
          <Typography.Text type="secondary">{t('epidemicOps.demoDateHint')}</Typography.Text>
        </Flex>
        <QueryError error={areas.error} />
        <Table<AreaDesignation> rowKey="id" columns={columns} dataSource={rows} loading={areas.isLoading} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('epidemicOps.areas.empty') }} data-testid="areas-table" />
      </Card>
      {setting && (
        <SetAreaLevelDrawer
          initialDate={date}
          onClose={() => setSetting(false)}
          onSaved={(area) => {
            void message.success(t('epidemicOps.areas.saved', { level: t(`epidemicOps.level.${area.level}`) }));
            setSetting(false);
            setDate(area.effectiveFrom);
          }}
        />
      )}
    </>
  );
}
