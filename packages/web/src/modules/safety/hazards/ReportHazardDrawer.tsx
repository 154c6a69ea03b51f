import { HAZARD_GRADE_LABELS } from '@shoutu/domain';
import { Button, Drawer, Form, Input, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { EnterpriseSelect } from '../shared/EnterpriseSelect';
import type { HazardDetail, HazardGrade } from './hazards.types';
import { useReportHazard } from './useHazards';
import { useLabel } from './useLabel';

interface Values {
  enterpriseId: string;
  grade: HazardGrade;
  description: string;
  place?: string;
}

/** A hazard seen outside a checklist inspection; its photos are uploaded on its page once it exists. Mounted while open, so each opening starts fresh. */
export function ReportHazardDrawer({ onClose, onReported, enterpriseId }: { onClose: () => void; onReported: (hazard: HazardDetail) => void; enterpriseId?: string | null }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const report = useReportHazard();
  const showError = useApiError();

  const submit = (values: Values) =>
    report.mutate(
      { enterpriseId: values.enterpriseId, grade: values.grade, description: values.description.trim(), place: values.place?.trim() || null },
      { onSuccess: onReported, onError: (error) => showError(error, form) },
    );

  return (
    <Drawer
      title={t('hazards.report.title')}
      open
      onClose={onClose}
      size={560}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={report.isPending} onClick={() => form.submit()} data-testid="hazard-report-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ grade: 'general', ...(enterpriseId ? { enterpriseId } : {}) }} autoComplete="off" data-testid="hazard-report-form">
        <Form.Item name="enterpriseId" label={t('hazards.field.enterprise')} rules={[{ required: true }]}>
          <EnterpriseSelect data-testid="hazard-report-enterprise" />
        </Form.Item>
        <Form.Item name="grade" label={t('hazards.field.grade')} rules={[{ required: true }]} extra={t('hazards.report.gradeHint')}>
          <Radio.Group options={(['general', 'major'] as const).map((g) => ({ value: g, label: label(HAZARD_GRADE_LABELS[g]) }))} data-testid="hazard-report-grade" />
        </Form.Item>
        <Form.Item name="description" label={t('hazards.field.description')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
          <Input.TextArea rows={4} data-testid="hazard-report-description" />
        </Form.Item>
        <Form.Item name="place" label={t('hazards.field.place')} rules={[{ max: 200 }]}>
          <Input data-testid="hazard-report-place" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
