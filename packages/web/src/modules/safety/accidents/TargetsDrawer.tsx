import { App, Button, Drawer, InputNumber, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import type { AccidentTarget } from './accidents.types';
import { useSaveTarget, useTargets } from './useTargets';

interface Region {
  code: string;
  name: string;
}

function TargetRow({ region, year, existing, editable }: { region: Region; year: number; existing: AccidentTarget | undefined; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveTarget(year);
  const showError = useApiError();
  const [accidents, setAccidents] = useState<number | null>(existing?.maxAccidents ?? null);
  const [deaths, setDeaths] = useState<number | null>(existing?.maxDeaths ?? null);
  const dirty = accidents !== null && deaths !== null && (accidents !== existing?.maxAccidents || deaths !== existing?.maxDeaths);
  return (
    <Space>
      <InputNumber min={0} precision={0} value={accidents} onChange={setAccidents} disabled={!editable} placeholder={t('accidents.targets.accidents')} data-testid={`target-accidents-${region.code}`} />
      <InputNumber min={0} precision={0} value={deaths} onChange={setDeaths} disabled={!editable} placeholder={t('accidents.targets.deaths')} data-testid={`target-deaths-${region.code}`} />
      {editable && (
        <Button
          type="primary"
          size="small"
          disabled={!dirty}
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { existing, input: { regionCode: region.code, maxAccidents: accidents!, maxDeaths: deaths! } },
              { onSuccess: () => void message.success(t('accidents.targets.saved', { region: region.name })), onError: (error) => showError(error) },
            )
          }
          data-testid={`target-save-${region.code}`}
        >
          {t('common.save')}
        </Button>
      )}
    </Space>
  );
}

/** The year's control targets of the region and its county-level units, editable by those who report accidents there. */
export function TargetsDrawer({ year, regions, editable, onClose }: { year: number; regions: Region[]; editable: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const targets = useTargets(year);
  const byRegion = new Map((targets.data?.items ?? []).filter((x) => x.industryCode === null).map((x) => [x.regionCode, x]));
  const columns: TableColumnsType<Region> = [
    { key: 'region', title: t('accidents.field.region'), render: (_, r) => `${r.name}（${r.code}）` },
    {
      key: 'target',
      title: t('accidents.targets.columns'),
      render: (_, r) => (targets.isLoading ? null : <TargetRow key={byRegion.get(r.code)?.version ?? 0} region={r} year={year} existing={byRegion.get(r.code)} editable={editable} />),
    },
  ];
  return (
    <Drawer open title={t('accidents.targets.title', { year })} size={720} onClose={onClose} data-testid="targets-drawer">
      <Typography.Paragraph type="secondary">{t('accidents.targets.hint')}</Typography.Paragraph>
      <Table<Region> rowKey="code" size="small" columns={columns} dataSource={regions} pagination={false} loading={targets.isLoading} />
    </Drawer>
  );
}
