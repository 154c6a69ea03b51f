import { normalizeMobile, validateResidentId } from '@shoutu/domain';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { CATEGORY_CODES, useCategoryName } from './categories';
import type { PersonFilter, PersonStatus } from './persons.types';
import { FilterActions } from '../../../app/layout/FilterActions';

interface Values {
  category?: string;
  status?: PersonStatus;
  regionCode?: string;
  registeredOn?: Dayjs | null;
  q?: string;
}

function toFilter(values: Values): PersonFilter {
  const filter: PersonFilter = {};
  if (values.category) filter.category = values.category;
  if (values.status) filter.status = values.status;
  if (values.regionCode) filter.regionCode = values.regionCode;
  if (values.registeredOn) filter.registeredOn = values.registeredOn.format('YYYY-MM-DD');
  if (values.q?.trim()) filter.q = values.q.trim();
  return filter;
}

/**
 * Category, status, region subtree, day of registration and an exact ID number or mobile (there is
 * no partial search on identifiers). `initial` comes from the URL, where the dashboard's figures
 * put their filter.
 */
export function PersonFilters({ initial, onChange }: { initial: PersonFilter; onChange: (filter: PersonFilter) => void }) {
  const { t } = useTranslation();
  const categoryName = useCategoryName();
  const [form] = Form.useForm<Values>();
  const initialValues: Values = { ...initial, registeredOn: initial.registeredOn ? dayjs(initial.registeredOn) : null };
  return (
    <Form<Values> form={form} layout="inline" initialValues={initialValues} onFinish={(values) => onChange(toFilter(values))} style={{ marginBottom: 16, rowGap: 8 }} data-testid="persons-filters">
      <Form.Item name="category" label={t('epidemic.persons.filter.category')}>
        <Select allowClear style={{ width: 200 }} options={CATEGORY_CODES.map((code) => ({ value: code, label: categoryName(code) }))} data-testid="persons-filter-category" />
      </Form.Item>
      <Form.Item name="status" label={t('epidemic.persons.filter.status')}>
        <Select
          allowClear
          style={{ width: 120 }}
          options={(['managed', 'released'] as const).map((status) => ({ value: status, label: t(`epidemic.status.${status}`) }))}
          data-testid="persons-filter-status"
        />
      </Form.Item>
      <Form.Item name="regionCode" label={t('epidemic.persons.filter.region')} style={{ minWidth: 260 }}>
        <RegionTreeSelect single data-testid="persons-filter-region" />
      </Form.Item>
      <Form.Item name="registeredOn" label={t('epidemic.persons.filter.registeredOn')}>
        <DatePicker data-testid="persons-filter-registeredOn" />
      </Form.Item>
      <Form.Item
        name="q"
        rules={[
          {
            validator: (_, value?: string) =>
              !value?.trim() || validateResidentId(value).ok || normalizeMobile(value) !== null ? Promise.resolve() : Promise.reject(new Error(t('epidemic.persons.filter.qInvalid'))),
          },
        ]}
      >
        <Input allowClear autoComplete="off" placeholder={t('epidemic.persons.filter.q')} style={{ width: 260 }} data-testid="persons-filter-q" />
      </Form.Item>
      <FilterActions
        testId="persons"
        onReset={() => {
          form.setFieldsValue({ category: undefined, status: undefined, regionCode: undefined, registeredOn: null, q: undefined });
          onChange({});
        }}
      />
    </Form>
  );
}
