import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api/client';
import type { Page } from '../../../app/api/page';

interface Props {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  /** Names of enterprises already chosen, so they show as names before any search. */
  known?: ReadonlyArray<{ id: string; name: string | null }>;
  'data-testid'?: string;
}

/** Several enterprises of the caller's ground, searched by name or credit code. */
export function EnterpriseMultiSelect({ id, value, onChange, known = [], 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['safety', 'enterprise-options', q],
    queryFn: () => api<Page<{ id: string; name: string }>>('/enterprises', { query: { q: q || undefined, limit: 20 } }),
    staleTime: 30_000,
  });
  const options = new Map<string, string>();
  for (const e of known) options.set(e.id, e.name ?? e.id);
  for (const e of found.data?.items ?? []) options.set(e.id, e.name);
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? []}
      onChange={(next) => onChange?.(next)}
      loading={found.isFetching}
      placeholder={t('hazards.common.enterprisePlaceholder')}
      options={[...options].map(([key, name]) => ({ value: key, label: name }))}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
