import type { ChecklistTemplateCode } from '@shoutu/domain';
import { Alert, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api/problem';
import { useApiError } from '../../../app/api/useApiError';
import { pickLocalized } from '../../../i18n/localized';
import { useLang } from '../../../i18n/useLang';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { useIndustries } from '../enterprises/useEnterprises';
import { useLabel } from '../hazards/useLabel';
import { useChecklistTemplates } from '../inspections/useInspections';
import type { Campaign, CampaignInput } from './campaigns.types';
import { EnterpriseMultiSelect } from './EnterpriseMultiSelect';
import { useSaveCampaign } from './useCampaigns';

interface Values {
  title: string;
  description?: string;
  regionCode?: string;
  templateCode: ChecklistTemplateCode;
  scope: { industries: string[]; regions: string[]; enterpriseIds: string[] };
  startsOn: Dayjs;
  endsOn: Dayjs;
  targets: { inspectedPct: number | null; closedPct: number | null };
}

const DAY = 'YYYY-MM-DD';

/** Mounted while open: organise a campaign (campaign null) or change one the ground organises. */
export function CampaignFormDrawer({ campaign, onClose, onSaved }: { campaign: Campaign | null; onClose: () => void; onSaved: (campaign: Campaign) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const save = useSaveCampaign(campaign?.id);
  const showError = useApiError();
  const templates = useChecklistTemplates();
  const industries = useIndustries();
  const pending = save.create.isPending || save.update.isPending;
  const initial: Partial<Values> = campaign
    ? {
        title: campaign.title,
        description: campaign.description ?? undefined,
        templateCode: campaign.templateCode,
        scope: { industries: campaign.scope.industries, regions: campaign.scope.regions, enterpriseIds: campaign.scope.enterprises.map((e) => e.id) },
        startsOn: dayjs(campaign.startsOn),
        endsOn: dayjs(campaign.endsOn),
        targets: campaign.targets,
      }
    : { templateCode: 'chemical_major_hazards_2017', scope: { industries: [], regions: [], enterpriseIds: [] }, startsOn: dayjs(), endsOn: dayjs().add(3, 'month'), targets: { inspectedPct: 100, closedPct: 100 } };

  // A field error on one entry of a list (scope.regions.1) belongs to the list's field; one on the whole scope, to its first.
  const failed = (error: unknown) => {
    showError(error);
    if (!isApiError(error)) return;
    form.setFields(
      (error.problem?.errors ?? []).map((e) => {
        const name = e.field.split('.').filter((part) => !/^\d+$/.test(part));
        return { name: name.length === 1 && name[0] === 'scope' ? ['scope', 'industries'] : name, errors: [pickLocalized(e.message, lang) ?? e.code] };
      }) as Parameters<typeof form.setFields>[0],
    );
  };

  const submit = (values: Values) => {
    const input: CampaignInput = {
      title: values.title.trim(),
      description: values.description?.trim() || null,
      templateCode: values.templateCode,
      scope: { industries: values.scope.industries ?? [], regions: values.scope.regions ?? [], enterpriseIds: values.scope.enterpriseIds ?? [] },
      startsOn: values.startsOn.format(DAY),
      endsOn: values.endsOn.format(DAY),
      targets: { inspectedPct: values.targets.inspectedPct ?? null, closedPct: values.targets.closedPct ?? null },
    };
    if (campaign) save.update.mutate({ ...input, version: campaign.version }, { onSuccess: onSaved, onError: failed });
    else save.create.mutate({ ...input, ...(values.regionCode ? { regionCode: values.regionCode } : {}) }, { onSuccess: onSaved, onError: failed });
  };

  return (
    <Drawer
      open
      size="large"
      title={campaign ? t('campaigns.editTitle', { title: campaign.title }) : t('campaigns.create')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={pending} onClick={() => form.submit()} data-testid="campaign-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit} autoComplete="off" data-testid="campaign-form">
        <Form.Item name="title" label={t('campaigns.field.title')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
          <Input data-testid="campaign-title" />
        </Form.Item>
        <Form.Item name="description" label={t('campaigns.field.description')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {!campaign && (
          <Form.Item name="regionCode" label={t('campaigns.field.organizer')} extra={t('campaigns.form.organizerHint')}>
            <RegionTreeSelect single data-testid="campaign-region" />
          </Form.Item>
        )}
        <Form.Item name="templateCode" label={t('campaigns.field.template')} rules={[{ required: true }]}>
          <Select options={(templates.data?.items ?? []).map((item) => ({ value: item.code, label: label(item.name) }))} data-testid="campaign-template" />
        </Form.Item>
        <Alert type="info" showIcon title={t('campaigns.form.scopeHint')} style={{ marginBottom: 16 }} />
        <Form.Item name={['scope', 'industries']} label={t('campaigns.field.industries')}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(industries.data?.items ?? []).map((industry) => ({ value: industry.industryCode, label: `${industry.industryCode} ${industry.name}` }))}
            data-testid="campaign-industries"
          />
        </Form.Item>
        <Form.Item name={['scope', 'regions']} label={t('campaigns.field.regions')}>
          <RegionTreeSelect data-testid="campaign-regions" />
        </Form.Item>
        <Form.Item name={['scope', 'enterpriseIds']} label={t('campaigns.field.enterprises')}>
          <EnterpriseMultiSelect known={campaign?.scope.enterprises ?? []} data-testid="campaign-enterprises" />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="startsOn" label={t('campaigns.field.startsOn')} rules={[{ required: true }]}>
            <DatePicker data-testid="campaign-startsOn" />
          </Form.Item>
          <Form.Item name="endsOn" label={t('campaigns.field.endsOn')} rules={[{ required: true }]}>
            <DatePicker data-testid="campaign-endsOn" />
          </Form.Item>
          <Form.Item name={['targets', 'inspectedPct']} label={t('campaigns.field.targetInspected')}>
            <InputNumber min={0} max={100} precision={0} suffix="%" data-testid="campaign-target-inspected" />
          </Form.Item>
          <Form.Item name={['targets', 'closedPct']} label={t('campaigns.field.targetClosed')}>
            <InputNumber min={0} max={100} precision={0} suffix="%" data-testid="campaign-target-closed" />
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
