import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from './enterprises.types';

/** The hazard flags of an enterprise as tags: 危化品 and 重大危险源 stand out. */
export function HazardTags({ enterprise }: { enterprise: Pick<Enterprise, 'hazardousChemicals' | 'majorHazardSource'> }) {
  const { t } = useTranslation();
  if (!enterprise.hazardousChemicals && !enterprise.majorHazardSource) return <>{t('common.empty')}</>;
  return (
    <Space size={4} wrap>
      {enterprise.hazardousChemicals && <Tag color="orange">{t('safety.enterprises.tag.hazardousChemicals')}</Tag>}
      {enterprise.majorHazardSource && <Tag color="red">{t('safety.enterprises.tag.majorHazardSource')}</Tag>}
    </Space>
  );
}

/** Supervising departments; none is a gap in the "three musts" and says so. */
export function SupervisorTags({ supervisors }: { supervisors: Enterprise['supervisors'] }) {
  const { t } = useTranslation();
  if (supervisors.length === 0) {
    return (
      <Tooltip title={t('safety.enterprises.noSupervisorHint')}>
        <Tag color="error" data-testid="enterprise-no-supervisor">
          {t('safety.enterprises.noSupervisor')}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Space size={4} wrap>
      {supervisors.map((unit) => (
        <Tag key={unit.id} color="blue">
          {unit.name}
        </Tag>
      ))}
    </Space>
  );
}
