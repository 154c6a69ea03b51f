import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import type { EnterpriseFilter } from './enterprises.types';
import { IndustrySelect } from './IndustrySelect';
import { useParks } from './useEnterprises';
import { FilterActions } from '../../../app/layout/FilterActions';

type Flag = 'yes' | 'no';

interface Values {
  q?: string;
  regionCode?: string;
  industry?: string;
  park?: string;
  hazardousChemicals?: Flag;
  majorHazardSource?: Flag;
}

const asBoolean = (flag: Flag | undefined) => (flag === undefined ? undefined : flag === 'yes');

function toFilter(values: Values): EnterpriseFilter {
  const filter: EnterpriseFilter = {};
  if (values.q?.trim()) filter.q = values.q.trim();
  if (values.regionCode) filter.regionCode = values.regionCode;
  if (values.industry) filter.industry = values.industry;
  if (values.park) filter.park = values.park;
  const hazardous = asBoolean(values.hazardousChemicals);
  if (hazardous !== undefined) filter.hazardousChemicals = hazardous;
  const major = asBoolean(values.majorHazardSource);
  if (major !== undefined) filter.majorHazardSource = major;
  return filter;
}

/** Name or credit code, region subtree, industry (and its sub-codes), park and the two hazard flags. */
export function EnterpriseFilters({ onChange }: { onChange: (filter: EnterpriseFilter) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const parks = useParks();
  const flagOptions = (['yes', 'no'] as const).map((flag) => ({ value: flag, label: t(`safety.enterprises.flag.${flag}`) }));
  return (
    <Form<Values> form={form} layout="inline" onFinish={(values) => onChange(toFilter(values))} style={{ marginBottom: 16, rowGap: 8 }} data-testid="enterprises-filters">
      <Form.Item name="q">
        <Input allowClear autoComplete="off" placeholder={t('safety.enterprises.filter.q')} style={{ width: 240 }} data-testid="enterprises-filter-q" />
      </Form.Item>
      <Form.Item name="regionCode" label={t('safety.enterprises.filter.region')} style={{ minWidth: 260 }}>
        <RegionTreeSelect single data-testid="enterprises-filter-region" />
      </Form.Item>
      <Form.Item name="industry" label={t('safety.enterprises.filter.industry')}>
        <IndustrySelect style={{ width: 220 }} data-testid="enterprises-filter-industry" />
      </Form.Item>
      <Form.Item name="park" label={t('safety.enterprises.filter.park')}>
        <Select
          allowClear
          showSearch
          style={{ width: 200 }}
          loading={parks.isLoading}
          options={(parks.data?.items ?? []).map((park) => ({ value: park, label: park }))}
          data-testid="enterprises-filter-park"
        />
      </Form.Item>
      <Form.Item name="hazardousChemicals" label={t('safety.enterprises.field.hazardousChemicals')}>
        <Select allowClear style={{ width: 90 }} options={flagOptions} data-testid="enterprises-filter-hazardous" />
      </Form.Item>
      <Form.Item name="majorHazardSource" label={t('safety.enterprises.field.majorHazardSource')}>
        <Select allowClear style={{ width: 90 }} options={flagOptions} data-testid="enterprises-filter-major-hazard" />
      </Form.Item>
      <FilterActions
        testId="enterprises"
        onReset={() => {
          form.resetFields();
          onChange({});
        }}
      />
    </Form>
  );
}
