import { ACCIDENT_TYPES } from '@shoutu/domain';
import { Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import { EnterpriseSelect } from '../shared/EnterpriseSelect';
import { useLabel } from '../hazards/useLabel';
import { AssessmentFields } from './AssessmentFields';
import type { AssessmentInput, RiskPointDetail } from './risks.types';
import { useRiskWrites } from './useRisks';

interface Values {
  enterpriseId: string;
  place: string;
  hazardFactors: string;
  accidentTypes?: string[];
  controlMeasures: string;
  responsiblePerson?: string;
  assessment: AssessmentInput;
}

/** A new risk point with its first assessment. Mounted while open. */
export function RiskPointFormDrawer({ enterpriseId, onClose, onCreated }: { enterpriseId?: string | null; onClose: () => void; onCreated: (point: RiskPointDetail) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const writes = useRiskWrites();
  const showError = useApiError();

  const submit = (values: Values) =>
    writes.create.mutate(
      {
        enterpriseId: values.enterpriseId,
        place: values.place.trim(),
        hazardFactors: values.hazardFactors.trim(),
        accidentTypes: values.accidentTypes ?? [],
        controlMeasures: values.controlMeasures.trim(),
        responsiblePerson: values.responsiblePerson?.trim() || null,
        assessment: values.assessment,
      },
      { onSuccess: onCreated, onError: (error) => showError(error, form) },
    );

  return (
    <Drawer
      title={t('hazards.risks.form.title')}
      open
      onClose={onClose}
      size={600}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={writes.create.isPending} onClick={() => form.submit()} data-testid="risk-form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={enterpriseId ? { enterpriseId } : {}} autoComplete="off" data-testid="risk-form">
        <Form.Item name="enterpriseId" label={t('hazards.field.enterprise')} rules={[{ required: true }]}>
          <EnterpriseSelect data-testid="risk-form-enterprise" />
        </Form.Item>
        <Form.Item name="place" label={t('hazards.risks.field.place')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input data-testid="risk-form-place" />
        </Form.Item>
        <Form.Item name="hazardFactors" label={t('hazards.risks.field.hazardFactors')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
          <Input.TextArea rows={2} data-testid="risk-form-hazardFactors" />
        </Form.Item>
        <Form.Item name="accidentTypes" label={t('hazards.risks.field.accidentTypes')} extra={t('hazards.risks.form.accidentTypesHint')}>
          <Select mode="multiple" options={ACCIDENT_TYPES.map((type) => ({ value: type.code, label: label(type) }))} data-testid="risk-form-accidentTypes" />
        </Form.Item>
        <Form.Item name="controlMeasures" label={t('hazards.risks.field.controlMeasures')} rules={[{ required: true, whitespace: true, max: 4000 }]}>
          <Input.TextArea rows={3} data-testid="risk-form-controlMeasures" />
        </Form.Item>
        <Form.Item name="responsiblePerson" label={t('hazards.risks.field.responsiblePerson')} rules={[{ max: 50 }]}>
          <Input data-testid="risk-form-responsiblePerson" />
        </Form.Item>
        <AssessmentFields form={form} prefix={['assessment']} />
      </Form>
    </Drawer>
  );
}
