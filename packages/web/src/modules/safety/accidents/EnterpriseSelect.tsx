import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api/client';
import type { Page } from '../../../app/api/page';

interface EnterpriseOption {
  id: string;
  name: string;
  creditCode: string;
  industryCode: string;
}

/** Searches the enterprise register of the caller's ground by name or credit code. */
export function EnterpriseSelect({ value, onChange, id }: { value?: string | null; onChange?: (value: string | null) => void; id?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const enterprises = useQuery({
    queryKey: ['accidents', 'enterprise-options', q],
    queryFn: () => api<Page<EnterpriseOption>>('/enterprises', { query: { q: q || undefined, limit: 20 } }),
    staleTime: 30_000,
  });
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      loading={enterprises.isFetching}
      placeholder={t('accidents.form.enterprisePlaceholder')}
      notFoundContent={enterprises.isError ? t('accidents.form.enterpriseUnavailable') : undefined}
      options={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.industryCode}）` }))}
      data-testid="accident-form-enterprise"
    />
  );
}
