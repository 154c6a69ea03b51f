import { ArrowLeftOutlined } from '@ant-design/icons';
import { HAZARD_GRADE_LABELS, type ChecklistTemplateCode } from '@shoutu/domain';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, Radio, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useApiError } from '../../../app/api/useApiError';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { campaignKeys, campaignsApi } from '../campaigns/campaigns.api';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { EnterpriseSelect } from '../shared/EnterpriseSelect';
import { useLabel } from '../hazards/useLabel';
import type { ChecklistTemplate, InspectionKind, ItemResult } from './inspections.types';
import { useChecklistTemplates, useRecordInspection } from './useInspections';

interface Values {
  enterpriseId: string;
  templateCode: ChecklistTemplateCode;
  kind: InspectionKind;
  inspectedAt: Dayjs;
  note?: string;
  campaignId?: string | null;
  createHazards: boolean;
  items: Array<{ number: number; result: ItemResult; note?: string }>;
}

const REGULATOR_ROLES = ['department_regulator', 'district_officer', 'town_officer'];

function ItemsTable({ template }: { template: ChecklistTemplate }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <Table
      size="small"
      rowKey="number"
      pagination={false}
      dataSource={template.items}
      scroll={{ x: 960 }}
      data-testid="inspection-items"
      columns={[
        { key: 'number', title: t('hazards.inspections.field.number'), width: 56, dataIndex: 'number' },
        {
          key: 'text',
          title: t('hazards.inspections.field.item'),
          render: (_, item) => (
            <>
              {label(item.text)}
              {item.verify && <Tag style={{ marginInlineStart: 8 }}>{t('hazards.common.verify')}</Tag>}
              {item.source && (
                <div>
                  <Typography.Text type="secondary">{item.source}</Typography.Text>
                </div>
              )}
            </>
          ),
        },
        {
          key: 'result',
          title: t('hazards.inspections.field.result'),
          width: 230,
          render: (_, item, index) => (
            <>
              <Form.Item name={['items', index, 'number']} initialValue={item.number} hidden>
                <Input />
              </Form.Item>
              <Form.Item name={['items', index, 'result']} initialValue="pass" style={{ marginBottom: 0 }}>
                <Radio.Group optionType="button" buttonStyle="solid" size="small" options={(['pass', 'fail', 'na'] as const).map((r) => ({ value: r, label: t(`hazards.inspections.result.${r}`) }))} data-testid={`inspection-item-${item.number}`} />
              </Form.Item>
            </>
          ),
        },
        {
          key: 'note',
          title: t('hazards.inspections.field.itemNote'),
          width: 240,
          render: (_, item, index) => (
            <Form.Item name={['items', index, 'note']} style={{ marginBottom: 0 }} rules={[{ max: 1000 }]}>
              <Input size="small" data-testid={`inspection-item-note-${item.number}`} />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

/** Fill in a checklist for one enterprise; failed items may become hazards as it is saved. */
export default function InspectionFormPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const label = useLabel();
  const [params] = useSearchParams();
  const me = useCurrentUser();
  const templates = useChecklistTemplates();
  const record = useRecordInspection();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const templateCode = Form.useWatch('templateCode', form);
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const campaignId = Form.useWatch('campaignId', form);
  // A campaign's inspections use its checklist (专项整治的检查表).
  const campaign = useQuery({ queryKey: campaignKeys.detail(campaignId ?? ''), queryFn: () => campaignsApi.get(campaignId!), enabled: Boolean(campaignId) });
  const template = templates.data?.items.find((item) => item.code === templateCode);
  const regulator = me.roles.some((role) => REGULATOR_ROLES.includes(role));

  useEffect(() => {
    if (campaign.data && campaign.data.id === campaignId && form.getFieldValue('templateCode') !== campaign.data.templateCode) form.setFieldValue('templateCode', campaign.data.templateCode);
  }, [form, campaign.data, campaignId]);

  // A new template is a new checklist: its items start as passed.
  useEffect(() => {
    if (template) form.setFieldValue('items', template.items.map((item) => ({ number: item.number, result: 'pass' })));
  }, [form, template]);

  const submit = (values: Values) =>
    record.mutate(
      {
        enterpriseId: values.enterpriseId,
        templateCode: values.templateCode,
        kind: values.kind,
        inspectedAt: values.inspectedAt.toISOString(),
        items: values.items.map((item) => ({ number: item.number, result: item.result, ...(item.note?.trim() ? { note: item.note.trim() } : {}) })),
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
        ...(values.campaignId ? { campaignId: values.campaignId } : {}),
        createHazards: values.createHazards,
      },
      {
        onSuccess: (inspection) => {
          void message.success(t('hazards.inspections.saved', { failed: inspection.failedCount }));
          navigate(`/safety/inspections/${inspection.id}`);
        },
        onError: (error) => showError(error, form),
      },
    );

  return (
    <>
      <PageHeader
        title={t('hazards.inspections.new')}
        actions={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/safety/inspections')} data-testid="inspection-back">
            {t('hazards.inspections.back')}
          </Button>
        }
      />
      <QueryError error={templates.error} />
      {!templates.data ? (
        <Spin />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          autoComplete="off"
          initialValues={{ templateCode: 'chemical_major_hazards_2017', kind: regulator ? 'regulator' : 'self', inspectedAt: dayjs(), createHazards: true, enterpriseId: params.get('enterpriseId') ?? me.ground.enterpriseId ?? undefined, campaignId: params.get('campaignId') ?? undefined }}
          data-testid="inspection-form"
        >
          <Card style={{ marginBottom: 16 }}>
            <Space wrap size="large" align="start">
              <Form.Item name="enterpriseId" label={t('hazards.field.enterprise')} rules={[{ required: true }]}>
                <EnterpriseSelect style={{ width: 300 }} data-testid="inspection-enterprise" />
              </Form.Item>
              <Form.Item name="campaignId" label={t('campaigns.field.campaign')}>
                <CampaignSelect enterpriseId={enterpriseId ?? null} data-testid="inspection-campaign" />
              </Form.Item>
              <Form.Item name="templateCode" label={t('hazards.inspections.field.template')} rules={[{ required: true }]}>
                <Select style={{ width: 420 }} disabled={Boolean(campaignId)} options={templates.data.items.map((item) => ({ value: item.code, label: label(item.name) }))} data-testid="inspection-template" />
              </Form.Item>
              <Form.Item name="kind" label={t('hazards.inspections.field.kind')} rules={[{ required: true }]}>
                <Radio.Group options={(['regulator', 'self'] as const).map((kind) => ({ value: kind, label: t(`hazards.inspections.kind.${kind}`), disabled: kind === 'regulator' && !regulator }))} data-testid="inspection-kind" />
              </Form.Item>
              <Form.Item name="inspectedAt" label={t('hazards.inspections.field.inspectedAt')} rules={[{ required: true }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(day) => day.isAfter(dayjs(), 'day')} data-testid="inspection-inspectedAt" />
              </Form.Item>
            </Space>
            <Form.Item name="note" label={t('hazards.inspections.field.note')} rules={[{ max: 2000 }]}>
              <Input.TextArea rows={2} data-testid="inspection-note" />
            </Form.Item>
            {template && (
              <Alert
                type={template.failedItemGrade === 'major' ? 'warning' : 'info'}
                showIcon
                title={t('hazards.inspections.gradeHint', { grade: label(HAZARD_GRADE_LABELS[template.failedItemGrade]), source: template.source })}
                style={{ marginBottom: 16 }}
              />
            )}
            <Form.Item name="createHazards" valuePropName="checked" style={{ marginBottom: 0 }}>
              <Checkbox data-testid="inspection-createHazards">{t('hazards.inspections.createHazards')}</Checkbox>
            </Form.Item>
          </Card>
          {template && (
            <Card title={label(template.name)} style={{ marginBottom: 16 }}>
              <ItemsTable key={template.code} template={template} />
            </Card>
          )}
          <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="inspection-submit">
            {t('hazards.inspections.submit')}
          </Button>
        </Form>
      )}
    </>
  );
}
