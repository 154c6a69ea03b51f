import { ACCIDENT_CONTEXTS, ACCIDENT_TYPES, type AccidentContext } from '@shoutu/domain';
import { Button, Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { usePermission } from '../../auth/hooks/usePermission';
import type { AccidentDetail, AccidentReport } from './accidents.types';
import { EnterpriseSelect } from '../shared/EnterpriseSelect';
import { formatYuan } from './format';
import { LiveGrade } from './LiveGrade';
import { useLocalized } from './useLocalized';
import { useReportAccident } from './useReportAccident';

interface Values {
  occurredAt?: Dayjs;
  learnedAt?: Dayjs | null;
  regionCode?: string;
  type?: string;
  context: AccidentContext;
  enterpriseId?: string | null;
  industryCode?: string;
  deaths: number | null;
  seriousInjuries: number | null;
  missing: number | null;
  directLossYuan: number | null;
  summary?: string;
  reporter?: string;
}

/** An instant with its offset, to the minute, as the API expects. */
export const toInstant = (value: Dayjs) => value.second(0).millisecond(0).format();

function toReport(values: Values): AccidentReport {
  const report: AccidentReport = {
    occurredAt: toInstant(values.occurredAt!),
    regionCode: values.regionCode ?? '',
    type: values.type ?? '',
    context: values.context,
    deaths: values.deaths ?? 0,
    seriousInjuries: values.seriousInjuries ?? 0,
    missing: values.missing ?? 0,
    directLossYuan: values.directLossYuan ?? 0,
  };
  if (values.learnedAt) report.learnedAt = toInstant(values.learnedAt);
  if (values.enterpriseId) report.enterpriseId = values.enterpriseId;
  if (values.industryCode?.trim()) report.industryCode = values.industryCode.trim().toUpperCase();
  if (values.summary?.trim()) report.summary = values.summary.trim();
  if (values.reporter?.trim()) report.reporter = values.reporter.trim();
  return report;
}

const COUNT_PROPS = { min: 0, precision: 0, step: 1, style: { width: '100%' } } as const;

/** The first report of an accident; the grade shows while the figures are typed. Mounted while open. */
export function ReportAccidentDrawer({ onClose, onReported }: { onClose: () => void; onReported: (accident: AccidentDetail) => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [form] = Form.useForm<Values>();
  const report = useReportAccident();
  const showError = useApiError();
  const canPickEnterprise = usePermission('enterprises:read');
  const deaths = Form.useWatch('deaths', form);
  const seriousInjuries = Form.useWatch('seriousInjuries', form);
  const directLossYuan = Form.useWatch('directLossYuan', form);
  const context = Form.useWatch('context', form);

  const submit = (values: Values) => report.mutate(toReport(values), { onSuccess: onReported, onError: (error) => showError(error, form) });
  const notFuture = (current: Dayjs) => current.isAfter(dayjs(), 'day');

  return (
    <Drawer
      title={t('accidents.form.title')}
      open
      onClose={onClose}
      size={640}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={report.isPending} onClick={() => form.submit()} data-testid="accident-form-submit">
            {t('accidents.form.submit')}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        autoComplete="off"
        initialValues={{ context: 'other', deaths: 0, seriousInjuries: 0, missing: 0, directLossYuan: 0 }}
        data-testid="accident-form"
      >
        <LiveGrade deaths={deaths} seriousInjuries={seriousInjuries} directLossYuan={directLossYuan} context={context} />
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="occurredAt" label={t('accidents.field.occurredAt')} rules={[{ required: true }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={notFuture} style={{ width: '100%' }} data-testid="accident-form-occurredAt" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="learnedAt" label={t('accidents.field.learnedAt')} extra={t('accidents.form.learnedAtHint')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={notFuture} style={{ width: '100%' }} data-testid="accident-form-learnedAt" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="regionCode" label={t('accidents.field.region')} extra={t('accidents.form.regionHint')} rules={[{ required: true }]}>
          <RegionTreeSelect single data-testid="accident-form-region" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="type" label={t('accidents.field.type')} rules={[{ required: true }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={ACCIDENT_TYPES.map((type) => ({ value: type.code, label: localized(type) }))}
                data-testid="accident-form-type"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="context" label={t('accidents.field.context')} extra={t('accidents.form.contextHint')}>
              <Select options={ACCIDENT_CONTEXTS.map((c) => ({ value: c, label: t(`accidents.context.${c}`) }))} data-testid="accident-form-context" />
            </Form.Item>
          </Col>
        </Row>
        {canPickEnterprise && (
          <Form.Item name="enterpriseId" label={t('accidents.field.enterprise')}>
            <EnterpriseSelect data-testid="accident-form-enterprise" />
          </Form.Item>
        )}
        <Form.Item name="industryCode" label={t('accidents.field.industryCode')} extra={t('accidents.form.industryHint')} rules={[{ pattern: /^[A-Ta-t](\d{2}(\d{1,2})?)?$/, message: t('accidents.form.industryInvalid') }]}>
          <Input style={{ width: 160 }} data-testid="accident-form-industry" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="deaths" label={t('accidents.field.deaths')} rules={[{ required: true }]}>
              <InputNumber {...COUNT_PROPS} data-testid="accident-form-deaths" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="seriousInjuries" label={t('accidents.field.seriousInjuries')} rules={[{ required: true }]} tooltip={t('accidents.form.injuriesHint')}>
              <InputNumber {...COUNT_PROPS} data-testid="accident-form-seriousInjuries" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="missing" label={t('accidents.field.missing')}>
              <InputNumber {...COUNT_PROPS} data-testid="accident-form-missing" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="directLossYuan"
          label={t('accidents.field.directLossYuan')}
          rules={[{ required: true }]}
          extra={typeof directLossYuan === 'number' && directLossYuan > 0 ? formatYuan(directLossYuan, t) : t('accidents.form.lossHint')}
        >
          <InputNumber<number> {...COUNT_PROPS} max={1e15} formatter={(v) => (v === undefined || v === null ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ','))} parser={(v) => Number((v ?? '').replace(/,/g, ''))} data-testid="accident-form-directLossYuan" />
        </Form.Item>
        <Form.Item name="summary" label={t('accidents.field.summary')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} data-testid="accident-form-summary" />
        </Form.Item>
        <Form.Item name="reporter" label={t('accidents.field.reporter')} rules={[{ max: 100 }]}>
          <Input data-testid="accident-form-reporter" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
