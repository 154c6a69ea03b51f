import { Card, Descriptions, Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegion } from '../hooks/useRegion';
import { RegionName } from './RegionName';

export function RegionDetails({ code }: { code: string | null }) {
  const { t } = useTranslation();
  const region = useRegion(code);

  const body = () => {
    if (code === null) return <Empty description={t('regions.selectHint')} />;
    if (!region.data) return <Spin />;
    const r = region.data;
    return (
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'name', label: t('regions.field.name'), children: r.name },
          { key: 'code', label: t('regions.field.code'), children: r.code },
          { key: 'level', label: t('regions.field.level'), children: t(`regions.level.${r.level}`, { defaultValue: r.level }) },
          { key: 'parent', label: t('regions.field.parent'), children: r.parentCode ? <RegionName code={r.parentCode} /> : t('common.empty') },
          { key: 'children', label: t('regions.field.childCount'), children: r.childCount },
        ]}
      />
    );
  };

  return (
    <Card title={t('regions.details')} data-testid="region-details">
      {body()}
    </Card>
  );
}
