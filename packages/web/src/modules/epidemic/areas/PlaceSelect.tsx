import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { areaKeys, areasApi } from './areas.api';

/** Picks a named place of the ground by part of its name (a market, a building…). */
export function PlaceSelect({ value, onChange, style, ...rest }: { value?: string; onChange?: (id: string | undefined) => void; style?: CSSProperties; 'data-testid'?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const places = useQuery({ queryKey: areaKeys.places(search), queryFn: () => areasApi.places(search) });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      style={style}
      value={value}
      onChange={(id?: string) => onChange?.(id)}
      loading={places.isLoading}
      placeholder={t('epidemicOps.places.pick')}
      notFoundContent={t('epidemicOps.places.none')}
      options={(places.data?.items ?? []).map((place) => ({ value: place.id, label: `${place.name}（${t(`epidemicOps.places.kind.${place.kind}`)}）` }))}
      data-testid={rest['data-testid']}
    />
  );
}
