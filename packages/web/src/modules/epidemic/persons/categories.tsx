import { PERSON_CATEGORIES } from '@shoutu/domain';
import { Tag } from 'antd';
import { useCallback } from 'react';
import { useLang } from '../../../i18n/useLang';

/** The set of categories is data (packages/domain); a city's own category shows under its code until named. */
export const CATEGORY_CODES: string[] = PERSON_CATEGORIES.map((category) => category.code);

const COLORS: Record<string, string> = {
  confirmed: 'red',
  suspected: 'orange',
  asymptomatic: 'volcano',
  close_contact: 'gold',
  secondary_contact: 'blue',
  arrival_key_area: 'purple',
  other_key_group: 'geekblue',
};

export function useCategoryName() {
  const lang = useLang();
  return useCallback((code: string) => PERSON_CATEGORIES.find((category) => category.code === code)?.name[lang] ?? code, [lang]);
}

/** The date a category's measures count from (day 0), e.g. the last exposure for a contact. */
export function startFieldOf(code: string): string | undefined {
  return PERSON_CATEGORIES.find((category) => category.code === code)?.startDateField;
}

export function CategoryTag({ code }: { code: string }) {
  const name = useCategoryName();
  return <Tag color={COLORS[code] ?? 'default'}>{name(code)}</Tag>;
}
