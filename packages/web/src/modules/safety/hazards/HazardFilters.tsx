import { HAZARD_GRADE_LABELS, HAZARD_STATUS_LABELS, HAZARD_STATUSES } from '@shoutu/domain';
import { Form, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { CampaignPicker } from '../campaigns/CampaignPicker';
import { EnterpriseSelect } from '../shared/EnterpriseSelect';
import type { HazardFilter, HazardGrade, HazardStatus } from './hazards.types';
import { useLabel } from './useLabel';
import { FilterActions } from '../../../app/layout/FilterActions';

interface Values {
  status?: HazardStatus;
  grade?: HazardGrade;
  overdue?: boolean;
  acceptanceOverdue?: boolean;
  enterpriseId?: string | null;
  regionCode?: string;
  campaignId?: string;
}

function toFilter(values: Values): HazardFilter {
  const filter: HazardFilter = {};
  if (values.status) filter.status = values.status;
  if (values.grade) filter.grade = values.grade;
  if (values.overdue) filter.overdue = true;
  if (values.acceptanceOverdue) filter.acceptanceOverdue = true;
  if (values.enterpriseId) filter.enterpriseId = values.enterpriseId;
  if (values.regionCode) filter.regionCode = values.regionCode;
  if (values.campaignId) filter.campaignId = values.campaignId;
  return filter;
}

/** Status, grade, overdue only, acceptance overdue only, enterprise and region subtree. */
export function HazardFilters({ initial, onChange }: { initial: HazardFilter; onChange: (filter: HazardFilter) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  return (
    <Form<Values> form={form} layout="inline" initialValues={initial} onFinish={(values) => onChange(toFilter(values))} style={{ marginBottom: 16, rowGap: 8 }} data-testid="hazards-filters">
      <Form.Item name="status" label={t('hazards.list.filter.status')}>
        <Select allowClear style={{ width: 130 }} options={HAZARD_STATUSES.map((s) => ({ value: s, label: label(HAZARD_STATUS_LABELS[s]) }))} data-testid="hazards-filter-status" />
      </Form.Item>
      <Form.Item name="grade" label={t('hazards.list.filter.grade')}>
        <Select allowClear style={{ width: 150 }} options={(['general', 'major'] as const).map((g) => ({ value: g, label: label(HAZARD_GRADE_LABELS[g]) }))} data-testid="hazards-filter-grade" />
      </Form.Item>
      <Form.Item name="overdue" label={t('hazards.list.filter.overdue')} valuePropName="checked">
        <Switch data-testid="hazards-filter-overdue" />
      </Form.Item>
      <Form.Item name="acceptanceOverdue" label={t('hazards.list.filter.acceptanceOverdue')} valuePropName="checked">
        <Switch data-testid="hazards-filter-acceptance-overdue" />
      </Form.Item>
      <Form.Item name="enterpriseId" label={t('hazards.list.filter.enterprise')}>
        <EnterpriseSelect style={{ width: 220 }} data-testid="hazards-filter-enterprise" />
      </Form.Item>
      <Form.Item name="regionCode" label={t('hazards.list.filter.region')} style={{ minWidth: 260 }}>
        <RegionTreeSelect single data-testid="hazards-filter-region" />
      </Form.Item>
      <Form.Item name="campaignId" label={t('campaigns.field.campaign')}>
        <CampaignPicker style={{ width: 220 }} data-testid="hazards-filter-campaign" />
      </Form.Item>
      <FilterActions
        testId="hazards"
        onReset={() => {
          form.resetFields();
          form.setFieldsValue({ status: undefined, grade: undefined, overdue: false, acceptanceOverdue: false, enterpriseId: undefined, regionCode: undefined, campaignId: undefined });
          onChange({});
        }}
      />
    </Form>
  );
}
