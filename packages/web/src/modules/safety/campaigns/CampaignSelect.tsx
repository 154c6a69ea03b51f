import { isInCampaignScope } from '@shoutu/domain';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { enterpriseKeys, enterprisesApi } from '../enterprises/enterprises.api';
import type { Campaign } from './campaigns.types';
import { useCampaigns } from './useCampaigns';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null, campaign: Campaign | null) => void;
  /** Only the campaigns whose scope holds this enterprise are offered. */
  enterpriseId?: string | null;
  'data-testid'?: string;
}

/** A campaign under way that the enterprise is in, by the domain's scope rule. */
export function CampaignSelect({ id, value, onChange, enterpriseId, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const campaigns = useCampaigns({ phase: 'active' });
  const enterprise = useQuery({ queryKey: enterpriseKeys.one(enterpriseId ?? ''), queryFn: () => enterprisesApi.get(enterpriseId!), enabled: Boolean(enterpriseId) });
  const e = enterpriseId ? enterprise.data : undefined;
  const offered = e ? campaigns.items.filter((c) => isInCampaignScope(c.organizerRegionCode, { industries: c.scope.industries, regions: c.scope.regions, enterpriseIds: c.scope.enterprises.map((x) => x.id) }, e)) : [];
  return (
    <Select
      id={id}
      allowClear
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null, offered.find((c) => c.id === next) ?? null)}
      loading={campaigns.isLoading}
      disabled={!e}
      placeholder={e ? (offered.length === 0 ? t('campaigns.select.none') : t('campaigns.select.placeholder')) : t('campaigns.select.pickEnterprise')}
      options={offered.map((c) => ({ value: c.id, label: c.title }))}
      style={{ width: 300 }}
      data-testid={testId}
    />
  );
}
