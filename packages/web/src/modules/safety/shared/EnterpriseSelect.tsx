import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api/client';
import type { Page } from '../../../app/api/page';

interface EnterpriseOption {
  id: string;
  name: string;
  creditCode: string;
}

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  'data-testid'?: string;
  style?: CSSProperties;
}

/** Searches the enterprise register of the caller's ground by name or credit code. */
export function EnterpriseSelect({ id, value, onChange, 'data-testid': testId, style }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const enterprises = useQuery({
    queryKey: ['safety', 'enterprise-options', q],
    queryFn: () => api<Page<EnterpriseOption>>('/enterprises', { query: { q: q || undefined, limit: 20 } }),
    staleTime: 30_000,
  });
  const options = (enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }));
  // A value chosen elsewhere (a link, a chart) is named too, not shown as its id.
  const chosen = useQuery({
    queryKey: ['safety', 'enterprise-option', value],
    queryFn: () => api<EnterpriseOption>(`/enterprises/${encodeURIComponent(value!)}`),
    enabled: Boolean(value) && !options.some((o) => o.value === value),
    staleTime: 60_000,
  });
  if (chosen.data && !options.some((o) => o.value === chosen.data.id)) options.unshift({ value: chosen.data.id, label: chosen.data.name });
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      loading={enterprises.isFetching}
      placeholder={t('hazards.common.enterprisePlaceholder')}
      notFoundContent={enterprises.isError ? t('hazards.common.enterpriseUnavailable') : undefined}
      options={options}
      style={style}
      data-testid={testId}
    />
  );
}
