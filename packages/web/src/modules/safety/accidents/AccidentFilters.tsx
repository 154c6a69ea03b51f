import { ACCIDENT_GRADES, ACCIDENT_GRADE_LABELS, ACCIDENT_TYPES, type AccidentGrade } from '@shoutu/domain';
import { DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import type { AccidentFilter } from './accidents.types';
import { useLocalized } from './useLocalized';
import { FilterActions } from '../../../app/layout/FilterActions';

interface Values {
  period?: [Dayjs, Dayjs] | null;
  grade?: AccidentGrade;
  type?: string;
  regionCode?: string;
}

function toFilter(values: Values): AccidentFilter {
  const filter: AccidentFilter = {};
  if (values.period) [filter.from, filter.to] = [values.period[0].format('YYYY-MM-DD'), values.period[1].format('YYYY-MM-DD')];
  if (values.grade) filter.grade = values.grade;
  if (values.type) filter.type = values.type;
  if (values.regionCode) filter.regionCode = values.regionCode;
  return filter;
}

export function AccidentFilters({ onChange }: { onChange: (filter: AccidentFilter) => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [form] = Form.useForm<Values>();
  return (
    <Form<Values> form={form} layout="inline" onFinish={(values) => onChange(toFilter(values))} style={{ marginBottom: 16, rowGap: 8 }} data-testid="accidents-filters">
      <Form.Item name="period" label={t('accidents.filter.period')}>
        <DatePicker.RangePicker data-testid="accidents-filter-period" />
      </Form.Item>
      <Form.Item name="grade" label={t('accidents.field.grade')}>
        <Select allowClear style={{ width: 160 }} options={ACCIDENT_GRADES.map((g) => ({ value: g, label: localized(ACCIDENT_GRADE_LABELS[g]) }))} data-testid="accidents-filter-grade" />
      </Form.Item>
      <Form.Item name="type" label={t('accidents.field.type')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 160 }} options={ACCIDENT_TYPES.map((type) => ({ value: type.code, label: localized(type) }))} data-testid="accidents-filter-type" />
      </Form.Item>
      <Form.Item name="regionCode" label={t('accidents.field.region')} style={{ minWidth: 260 }}>
        <RegionTreeSelect single data-testid="accidents-filter-region" />
      </Form.Item>
      <FilterActions
        testId="accidents"
        onReset={() => {
          form.resetFields();
          onChange({});
        }}
      />
    </Form>
  );
}
