import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ENFORCEMENT_MEASURE_KINDS, ENFORCEMENT_STATUSES } from '@shoutu/domain';
import { Button, Card, DatePicker, Divider, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { formatDateTime } from '../../../app/formatDateTime';
import { useHazards } from '../hazards/useHazards';
import { useInspections } from '../inspections/useInspections';
import { EnterpriseSelect } from '../shared/EnterpriseSelect';
import type { EnforcementCase, EnforcementInput, EnforcementMeasure, EnforcementStatus } from './enforcement.types';
import { useSaveEnforcement } from './useEnforcement';

interface MeasureValues {
  kind: EnforcementMeasure['kind'];
  description?: string;
  deadline?: Dayjs;
  amountYuan?: number;
  startsOn?: Dayjs;
  endsOn?: Dayjs;
}

interface Values {
  enterpriseId?: string;
  inspectionId?: string;
  hazardIds: string[];
  caseNumber?: string;
  status: EnforcementStatus;
  violations: Array<{ description: string; legalBasis: string }>;
  measures: MeasureValues[];
  decidedBy?: string;
  decidedOn?: Dayjs;
}

const DAY = 'YYYY-MM-DD';
const day = (value: Dayjs | undefined) => (value ? value.format(DAY) : null);
const toDayjs = (value: string | null) => (value ? dayjs(value) : undefined);

function toInput(values: Values): EnforcementInput {
  return {
    inspectionId: values.inspectionId ?? null,
    hazardIds: values.hazardIds ?? [],
    caseNumber: values.caseNumber?.trim() || null,
    status: values.status,
    violations: (values.violations ?? []).map((v) => ({ description: v.description?.trim() ?? '', legalBasis: v.legalBasis?.trim() ?? '' })),
    measures: (values.measures ?? []).map((m) => ({
      kind: m.kind,
      description: m.description?.trim() || null,
      ...(m.kind === 'order_rectify' ? { deadline: day(m.deadline) } : {}),
      ...(m.kind === 'fine' ? { amountYuan: m.amountYuan ?? null } : {}),
      ...(m.kind === 'suspension' ? { startsOn: day(m.startsOn), endsOn: day(m.endsOn) } : {}),
    })),
    decidedBy: values.decidedBy?.trim() || null,
    decidedOn: day(values.decidedOn),
  };
}

/** The fields a measure takes depend on its kind: a deadline, an amount, or a period. */
function MeasureFields({ name, kind }: { name: number; kind: EnforcementMeasure['kind'] | undefined }) {
  const { t } = useTranslation();
  return (
    <Space wrap align="start">
      {kind === 'order_rectify' && (
        <Form.Item name={[name, 'deadline']} label={t('enforcement.field.deadline')} rules={[{ required: true }]}>
          <DatePicker data-testid={`enforcement-measure-${name}-deadline`} />
        </Form.Item>
      )}
      {kind === 'fine' && (
        <Form.Item name={[name, 'amountYuan']} label={t('enforcement.field.amountYuan')} rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} style={{ width: 180 }} suffix={t('enforcement.yuanUnit')} data-testid={`enforcement-measure-${name}-amount`} />
        </Form.Item>
      )}
      {kind === 'suspension' && (
        <>
          <Form.Item name={[name, 'startsOn']} label={t('enforcement.field.startsOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name={[name, 'endsOn']} label={t('enforcement.field.endsOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </>
      )}
      <Form.Item name={[name, 'description']} label={t('enforcement.field.measureDescription')} rules={[{ required: kind === 'other', whitespace: true }, { max: 1000 }]} style={{ minWidth: 280 }}>
        <Input />
      </Form.Item>
    </Space>
  );
}

/** Mounted while open: a new case for an enterprise (fixed when opened from its page), or a change to one. */
export function EnforcementFormDrawer({ record, enterpriseId: fixedEnterprise, onClose, onSaved }: { record: EnforcementCase | null; enterpriseId?: string; onClose: () => void; onSaved: (record: EnforcementCase) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveEnforcement(record?.id);
  const showError = useApiError();
  const chosen = Form.useWatch('enterpriseId', form);
  const enterpriseId = record?.enterpriseId ?? fixedEnterprise ?? chosen ?? '';
  const inspections = useInspections({ enterpriseId: enterpriseId || undefined });
  const hazards = useHazards({ enterpriseId: enterpriseId || undefined });
  const measures = Form.useWatch('measures', form) as MeasureValues[] | undefined;
  const initial: Partial<Values> = record
    ? {
        inspectionId: record.inspectionId ?? undefined,
        hazardIds: record.hazardIds,
        caseNumber: record.caseNumber ?? undefined,
        status: record.status,
        violations: record.violations,
        measures: record.measures.map((m) => ({ kind: m.kind, description: m.description ?? undefined, deadline: toDayjs(m.deadline), amountYuan: m.amountYuan ?? undefined, startsOn: toDayjs(m.startsOn), endsOn: toDayjs(m.endsOn) })),
        decidedBy: record.decidedBy ?? undefined,
        decidedOn: toDayjs(record.decidedOn),
      }
    : { enterpriseId: fixedEnterprise, hazardIds: [], status: 'investigating', violations: [{ description: '', legalBasis: '' }], measures: [] };
  const statusIndex = record ? ENFORCEMENT_STATUSES.indexOf(record.status) : 0;

  const submit = (values: Values) => {
    const input = toInput(values);
    const done = { onSuccess: onSaved, onError: (error: unknown) => showError(error, form) };
    if (record) save.update.mutate({ ...input, version: record.version }, done);
    else save.create.mutate({ ...input, enterpriseId: values.enterpriseId ?? '' }, done);
  };

  return (
    <Drawer
      open
      size="large"
      title={record ? t('enforcement.editTitle', { enterprise: record.enterpriseName }) : t('enforcement.create')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.create.isPending || save.update.isPending} onClick={() => form.submit()} data-testid="enforcement-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit} autoComplete="off" data-testid="enforcement-form">
        {!record && (
          <Form.Item name="enterpriseId" label={t('hazards.field.enterprise')} rules={[{ required: true }]}>
            <EnterpriseSelect style={{ width: '100%' }} data-testid="enforcement-enterprise" />
          </Form.Item>
        )}
        <Space wrap size="large" align="start">
          <Form.Item name="caseNumber" label={t('enforcement.field.caseNumber')} rules={[{ max: 100 }]}>
            <Input style={{ width: 280 }} placeholder={t('enforcement.form.caseNumberPlaceholder')} data-testid="enforcement-caseNumber" />
          </Form.Item>
          <Form.Item name="status" label={t('enforcement.field.status')} rules={[{ required: true }]}>
            <Select style={{ width: 180 }} options={ENFORCEMENT_STATUSES.map((s, i) => ({ value: s, label: t(`enforcement.status.${s}`), disabled: i < statusIndex }))} data-testid="enforcement-status-select" />
          </Form.Item>
        </Space>
        <Form.Item name="inspectionId" label={t('enforcement.field.inspection')}>
          <Select allowClear disabled={!enterpriseId} options={inspections.items.map((i) => ({ value: i.id, label: `${formatDateTime(i.inspectedAt)} · ${t(`hazards.inspections.kind.${i.kind}`)} · ${t('hazards.inspections.failedOf', { failed: i.failedCount, total: i.itemCount })}` }))} data-testid="enforcement-inspection" />
        </Form.Item>
        <Form.Item name="hazardIds" label={t('enforcement.field.hazards')}>
          <Select mode="multiple" allowClear disabled={!enterpriseId} optionFilterProp="label" options={hazards.items.map((h) => ({ value: h.id, label: h.description.slice(0, 60) }))} data-testid="enforcement-hazards" />
        </Form.Item>

        <Divider titlePlacement="start">{t('enforcement.field.violations')}</Divider>
        <Form.List name="violations">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <Card key={field.key} size="small" style={{ marginBottom: 8 }} extra={<Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('enforcement.form.remove')} />}>
                  <Form.Item name={[field.name, 'description']} label={t('enforcement.field.violation')} rules={[{ required: true, whitespace: true }, { max: 1000 }]}>
                    <Input.TextArea rows={2} data-testid={`enforcement-violation-${field.name}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'legalBasis']} label={t('enforcement.field.legalBasis')} rules={[{ required: true, whitespace: true }, { max: 500 }]} style={{ marginBottom: 0 }}>
                    <Input placeholder={t('enforcement.form.legalBasisPlaceholder')} data-testid={`enforcement-legalBasis-${field.name}`} />
                  </Form.Item>
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              <Button icon={<PlusOutlined />} onClick={() => add({ description: '', legalBasis: '' })} data-testid="enforcement-add-violation">
                {t('enforcement.form.addViolation')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('enforcement.field.measures')}</Divider>
        <Form.List name="measures">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <Card key={field.key} size="small" style={{ marginBottom: 8 }} extra={<Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('enforcement.form.remove')} />}>
                  <Form.Item name={[field.name, 'kind']} label={t('enforcement.field.measureKind')} rules={[{ required: true }]}>
                    <Select style={{ width: 220 }} options={ENFORCEMENT_MEASURE_KINDS.map((kind) => ({ value: kind, label: t(`enforcement.measure.${kind}`) }))} data-testid={`enforcement-measure-${field.name}-kind`} />
                  </Form.Item>
                  <MeasureFields name={field.name} kind={measures?.[field.name]?.kind} />
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'order_rectify' })} data-testid="enforcement-add-measure">
                {t('enforcement.form.addMeasure')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('enforcement.field.decision')}</Divider>
        <Space wrap size="large" align="start">
          <Form.Item name="decidedBy" label={t('enforcement.field.decidedBy')} rules={[{ max: 100 }]}>
            <Input style={{ width: 280 }} data-testid="enforcement-decidedBy" />
          </Form.Item>
          <Form.Item name="decidedOn" label={t('enforcement.field.decidedOn')}>
            <DatePicker data-testid="enforcement-decidedOn" />
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
